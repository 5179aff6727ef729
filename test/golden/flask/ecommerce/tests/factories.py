"""Test data: saved rows and valid request bodies."""

import itertools
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from flask import Flask
from flask_jwt_extended import create_access_token
from sqlalchemy.orm import Session

from shop.cart_items.models import CartItem
from shop.carts.models import Cart
from shop.categories.models import Category
from shop.customers.models import Customer
from shop.order_items.models import OrderItem
from shop.orders.models import Order, OrderStatus
from shop.products.models import Product, ProductStatus
from shop.security import hash_password
from shop.tags.models import Tag
from shop.users.models import DEFAULT_ROLE, Role, User

_sequence = itertools.count(1)


PASSWORD = "correct-horse-battery-staple"
# Hashing is deliberately slow: hash the shared test password once.
_PASSWORD_HASH = hash_password(PASSWORD)


def create_user(session: Session, *, role: Role = DEFAULT_ROLE, is_active: bool = True) -> User:
    """A saved user whose password is PASSWORD."""
    user = User(
        email=f"user{next(_sequence)}@example.com",
        password_hash=_PASSWORD_HASH,
        role=role,
        is_active=is_active,
    )
    session.add(user)
    session.commit()
    return user


def auth_headers(app: Flask, user: User) -> dict[str, str]:
    """Authorization header carrying an access token of the user, signed with the app's key."""
    with app.app_context():
        token = create_access_token(identity=str(user.id))
    return {"Authorization": f"Bearer {token}"}


def create_category(session: Session, **overrides: object) -> Category:
    """A category, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {"name": f"name-{n}", "description": "alpha"}
    values.update(overrides)
    category = Category(**values)
    session.add(category)
    session.commit()
    return category


def category_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a category."""
    n = next(_sequence)
    payload: dict[str, Any] = {"name": f"name-{n}", "description": "alpha"}
    payload.update(overrides)
    return payload


def create_tag(session: Session, **overrides: object) -> Tag:
    """A tag, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {"label": f"label-{n}"}
    values.update(overrides)
    tag = Tag(**values)
    session.add(tag)
    session.commit()
    return tag


def tag_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a tag."""
    n = next(_sequence)
    payload: dict[str, Any] = {"label": f"label-{n}"}
    payload.update(overrides)
    return payload


def create_product(session: Session, **overrides: object) -> Product:
    """A product, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "sku": f"SKU-1-{n}",
        "title": "alpha",
        "description": "alpha",
        "price": Decimal("10.00"),
        "stock": 1,
        "status": ProductStatus.ACTIVE,
        "attributes": {"variant": 0},
    }
    if "category_id" not in overrides:
        values["category_id"] = create_category(session).id
    values.update(overrides)
    product = Product(**values)
    session.add(product)
    session.commit()
    return product


def product_payload(session: Session, **overrides: object) -> dict[str, Any]:
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
        payload["category_id"] = create_category(session).id
    payload.update(overrides)
    return payload


def create_customer(session: Session, owner: User, **overrides: object) -> Customer:
    """A customer, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "full_name": "alpha",
        "email": f"email{n}@example.com",
        "phone": "alpha",
        "marketing_opt_in": True,
        "owner_id": owner.id,
    }
    values.update(overrides)
    customer = Customer(**values)
    session.add(customer)
    session.commit()
    return customer


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


def create_cart(session: Session, owner: User, **overrides: object) -> Cart:
    """A cart, saved; required references are created unless given."""
    values: dict[str, Any] = {"note": "alpha", "owner_id": owner.id}
    values.update(overrides)
    cart = Cart(**values)
    session.add(cart)
    session.commit()
    return cart


def cart_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a cart."""
    payload: dict[str, Any] = {"note": "alpha"}
    payload.update(overrides)
    return payload


def create_cart_item(session: Session, owner: User, **overrides: object) -> CartItem:
    """A cart item, saved; required references are created unless given."""
    values: dict[str, Any] = {"quantity": 2, "owner_id": owner.id}
    if "product_id" not in overrides:
        values["product_id"] = create_product(session).id
    if "cart_id" not in overrides:
        values["cart_id"] = create_cart(session, owner=owner).id
    values.update(overrides)
    cart_item = CartItem(**values)
    session.add(cart_item)
    session.commit()
    return cart_item


def cart_item_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a cart item (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2}
    if "product_id" not in overrides:
        payload["product_id"] = create_product(session).id
    if "cart_id" not in overrides:
        payload["cart_id"] = create_cart(session, owner=owner).id
    payload.update(overrides)
    return payload


def create_order(session: Session, owner: User, **overrides: object) -> Order:
    """An order, saved; required references are created unless given."""
    values: dict[str, Any] = {
        "status": OrderStatus.CANCELLED,
        "total": Decimal("10.00"),
        "placed_at": datetime(2024, 1, 1, 12, 0, tzinfo=UTC),
        "shipped_at": datetime(2024, 1, 3, 12, 0, tzinfo=UTC),
        "shipping_address": "alpha",
        "owner_id": owner.id,
    }
    if "customer_id" not in overrides:
        values["customer_id"] = create_customer(session, owner=owner).id
    values.update(overrides)
    order = Order(**values)
    session.add(order)
    session.commit()
    return order


def order_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create an order (referenced rows are saved first)."""
    payload: dict[str, Any] = {
        "status": "cancelled",
        "total": "10.00",
        "placed_at": "2024-01-01T12:00:00+00:00",
        "shipped_at": "2024-01-03T12:00:00+00:00",
        "shipping_address": "alpha",
    }
    if "customer_id" not in overrides:
        payload["customer_id"] = create_customer(session, owner=owner).id
    payload.update(overrides)
    return payload


def create_order_item(session: Session, owner: User, **overrides: object) -> OrderItem:
    """An order item, saved; required references are created unless given."""
    values: dict[str, Any] = {"quantity": 2, "unit_price": Decimal("10.00"), "owner_id": owner.id}
    if "product_id" not in overrides:
        values["product_id"] = create_product(session).id
    if "order_id" not in overrides:
        values["order_id"] = create_order(session, owner=owner).id
    values.update(overrides)
    order_item = OrderItem(**values)
    session.add(order_item)
    session.commit()
    return order_item


def order_item_payload(session: Session, *, owner: User, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create an order item (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2, "unit_price": "10.00"}
    if "product_id" not in overrides:
        payload["product_id"] = create_product(session).id
    if "order_id" not in overrides:
        payload["order_id"] = create_order(session, owner=owner).id
    payload.update(overrides)
    return payload
