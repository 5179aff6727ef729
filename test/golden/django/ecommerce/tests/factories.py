"""Test data: factory_boy factories of saved rows, and valid request bodies."""

import itertools
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from factory.declarations import LazyFunction, SelfAttribute, SubFactory
from factory.django import DjangoModelFactory, Password
from rest_framework_simplejwt.tokens import AccessToken

from shop.cart_items.models import CartItem
from shop.carts.models import Cart
from shop.categories.models import Category
from shop.customers.models import Customer
from shop.order_items.models import OrderItem
from shop.orders.models import Order, OrderStatus
from shop.products.models import Product, ProductStatus
from shop.tags.models import Tag
from shop.users.models import DEFAULT_ROLE, User

# One sequence for factories and payloads, so their unique values never collide.
_sequence = itertools.count(1)

PASSWORD = "correct-horse-battery-staple"


def numbered(make: Callable[[int], object]) -> LazyFunction:
    """A factory value made from the next sequence number."""
    return LazyFunction(lambda: make(next(_sequence)))


class UserFactory(DjangoModelFactory[User]):
    """A saved user whose password is PASSWORD."""

    class Meta:
        model = User

    email = numbered(lambda n: f"user{n}@example.com")
    password = Password(PASSWORD)
    role = DEFAULT_ROLE


def auth_headers(user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user."""
    return {"Authorization": f"Bearer {AccessToken.for_user(user)}"}


class CategoryFactory(DjangoModelFactory[Category]):
    """A category, saved; required references are made unless given."""

    class Meta:
        model = Category

    name = numbered(lambda n: f"name-{n}")
    description = "alpha"


def category_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a category."""
    n = next(_sequence)
    payload: dict[str, Any] = {"name": f"name-{n}", "description": "alpha"}
    payload.update(overrides)
    return payload


class TagFactory(DjangoModelFactory[Tag]):
    """A tag, saved; required references are made unless given."""

    class Meta:
        model = Tag

    label = numbered(lambda n: f"label-{n}")


def tag_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a tag."""
    n = next(_sequence)
    payload: dict[str, Any] = {"label": f"label-{n}"}
    payload.update(overrides)
    return payload


class ProductFactory(DjangoModelFactory[Product]):
    """A product, saved; required references are made unless given."""

    class Meta:
        model = Product

    sku = numbered(lambda n: f"SKU-1-{n}")
    title = "alpha"
    description = "alpha"
    price = Decimal("10.00")
    stock = 1
    status = ProductStatus.ACTIVE
    attributes = LazyFunction(lambda: {"variant": 0})
    category = SubFactory(CategoryFactory)


def product_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a product (referenced rows are saved first)."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "sku": f"SKU-1-{n}",
        "title": "alpha",
        "description": "alpha",
        "price": "10.00",
        "stock": 1,
        "status": "active",
        "attributes": {"variant": 0},
    }
    if "category_id" not in overrides:
        payload["category_id"] = CategoryFactory.create().id
    payload.update(overrides)
    return payload


class CustomerFactory(DjangoModelFactory[Customer]):
    """A customer, saved; the owner and required references are made unless given."""

    class Meta:
        model = Customer

    full_name = "alpha"
    email = numbered(lambda n: f"email{n}@example.com")
    phone = "alpha"
    marketing_opt_in = True
    owner = SubFactory(UserFactory)


def customer_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a customer."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "full_name": "alpha",
        "email": f"email{n}@example.com",
        "phone": "alpha",
        "marketing_opt_in": True,
    }
    payload.update(overrides)
    return payload


class CartFactory(DjangoModelFactory[Cart]):
    """A cart, saved; the owner and required references are made unless given."""

    class Meta:
        model = Cart

    note = "alpha"
    owner = SubFactory(UserFactory)


def cart_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a cart."""
    payload: dict[str, Any] = {"note": "alpha"}
    payload.update(overrides)
    return payload


class CartItemFactory(DjangoModelFactory[CartItem]):
    """A cart item, saved; the owner and required references are made unless given."""

    class Meta:
        model = CartItem

    quantity = 2
    product = SubFactory(ProductFactory)
    cart = SubFactory(CartFactory, owner=SelfAttribute("..owner"))
    owner = SubFactory(UserFactory)


def cart_item_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a cart item (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2}
    if "product_id" not in overrides:
        payload["product_id"] = ProductFactory.create().id
    if "cart_id" not in overrides:
        payload["cart_id"] = CartFactory.create(owner=owner).id
    payload.update(overrides)
    return payload


class OrderFactory(DjangoModelFactory[Order]):
    """An order, saved; the owner and required references are made unless given."""

    class Meta:
        model = Order

    status = OrderStatus.CANCELLED
    total = Decimal("10.00")
    placed_at = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    shipped_at = datetime(2024, 1, 3, 12, 0, tzinfo=UTC)
    shipping_address = "alpha"
    customer = SubFactory(CustomerFactory, owner=SelfAttribute("..owner"))
    owner = SubFactory(UserFactory)


def order_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create an order (referenced rows are saved first)."""
    payload: dict[str, Any] = {
        "status": "cancelled",
        "total": "10.00",
        "placed_at": "2024-01-01T12:00:00+00:00",
        "shipped_at": "2024-01-03T12:00:00+00:00",
        "shipping_address": "alpha",
    }
    if "customer_id" not in overrides:
        payload["customer_id"] = CustomerFactory.create(owner=owner).id
    payload.update(overrides)
    return payload


class OrderItemFactory(DjangoModelFactory[OrderItem]):
    """An order item, saved; the owner and required references are made unless given."""

    class Meta:
        model = OrderItem

    quantity = 2
    unit_price = Decimal("10.00")
    product = SubFactory(ProductFactory)
    order = SubFactory(OrderFactory, owner=SelfAttribute("..owner"))
    owner = SubFactory(UserFactory)


def order_item_payload(*, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create an order item (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2, "unit_price": "10.00"}
    if "product_id" not in overrides:
        payload["product_id"] = ProductFactory.create().id
    if "order_id" not in overrides:
        payload["order_id"] = OrderFactory.create(owner=owner).id
    payload.update(overrides)
    return payload
