"""Every ORM model, imported in one place so Alembic and the mappers see them all."""

from shop.cart_items.models import CartItem
from shop.carts.models import Cart
from shop.categories.models import Category
from shop.customers.models import Customer
from shop.db import Base
from shop.order_items.models import OrderItem
from shop.orders.models import Order
from shop.products.models import Product
from shop.tags.models import Tag
from shop.users.models import User

__all__ = [
    "Cart",
    "CartItem",
    "Category",
    "Customer",
    "Order",
    "OrderItem",
    "Product",
    "Tag",
    "User",
    "metadata",
]

# Complete only because every model module is imported above.
metadata = Base.metadata
