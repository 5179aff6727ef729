"""The plain ORM version, written the way tutorials write it, on purpose.

Synchronous SQLAlchemy sessions in `def` endpoints (FastAPI runs them in its thread pool), ORM objects
with lazy relations (each product's tags and each order's items are one more query: N+1), the count
through `Query.count()`, and endpoints that return dicts validated again by a `response_model`. This is
what the generated code is meant to beat.
"""

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import AwareDatetime, Field
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    create_engine,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker

from common import (
    DATABASE_URL,
    MAX_OVERFLOW,
    POOL_SIZE,
    create_app,
    decode_cursor,
    encode_cursor,
    inactive_user,
    not_found,
    token_user_id,
    unknown_rows,
)
from schemas import (
    OrderCreate,
    OrderItemCreate,
    OrderItemOut,
    OrderOut,
    OrderPage,
    OrderSort,
    OrderStatus,
    ProductOut,
    ProductPage,
    ProductStatus,
    QueryMoney,
)


class Base(DeclarativeBase):
    pass


product_tags = Table(
    "product_tags",
    Base.metadata,
    Column("product_id", ForeignKey("products.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean())


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40))


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text())
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    stock: Mapped[int] = mapped_column(Integer())
    status: Mapped[str] = mapped_column(String(20))
    attributes: Mapped[dict[str, Any] | None] = mapped_column(JSON())
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    tags: Mapped[list[Tag]] = relationship(secondary=product_tags, order_by=Tag.id)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class OrderItem(Base):
    __tablename__ = "order_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer())
    unit_price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    placed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    shipping_address: Mapped[str] = mapped_column(Text())
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    items: Mapped[list[OrderItem]] = relationship(order_by=OrderItem.id)


engine = create_engine(
    DATABASE_URL.replace("postgresql+asyncpg://", "postgresql+psycopg://"),
    pool_size=POOL_SIZE,
    max_overflow=MAX_OVERFLOW,
    # Datetimes come back in UTC, as the generated app returns them.
    connect_args={"options": "-c timezone=UTC"},
)
SessionLocal = sessionmaker(engine)


def get_db() -> Iterator[Session]:
    with SessionLocal() as db:
        yield db


Db = Annotated[Session, Depends(get_db)]


def current_user(request: Request, db: Db) -> User:
    user = db.get(User, token_user_id(request))
    if user is None or not user.is_active:
        raise inactive_user()
    return user


CurrentUser = Annotated[User, Depends(current_user)]
RowIdQuery = Annotated[int, Field(ge=1, le=2_147_483_647)]

app = create_app("plain")


def product_dict(product: Product) -> dict[str, Any]:
    return {
        "id": product.id,
        "sku": product.sku,
        "title": product.title,
        "description": product.description,
        "price": product.price,
        "stock": product.stock,
        "status": product.status,
        "attributes": product.attributes,
        "category_id": product.category_id,
        "tags": [{"id": tag.id, "label": tag.label} for tag in product.tags],
        "created_at": product.created_at,
        "updated_at": product.updated_at,
    }


def item_dict(item: OrderItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "quantity": item.quantity,
        "unit_price": item.unit_price,
        "product_id": item.product_id,
        "order_id": item.order_id,
        "owner_id": item.owner_id,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
    }


def order_dict(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "status": order.status,
        "total": order.total,
        "placed_at": order.placed_at,
        "shipped_at": order.shipped_at,
        "shipping_address": order.shipping_address,
        "customer_id": order.customer_id,
        "owner_id": order.owner_id,
        "items": [item_dict(item) for item in order.items],
        "created_at": order.created_at,
        "updated_at": order.updated_at,
    }


@app.get("/products/{product_id}", response_model=ProductOut)
def get_product(product_id: Annotated[int, Path(ge=1, le=2_147_483_647)], db: Db) -> Any:
    product = db.get(Product, product_id)
    if product is None:
        raise not_found("Product", product_id)
    return product_dict(product)


@app.get("/products", response_model=ProductPage)
def list_products(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    title: Annotated[str | None, Query(max_length=200)] = None,
    min_price: Annotated[QueryMoney | None, Query()] = None,
    max_price: Annotated[QueryMoney | None, Query()] = None,
    status: Annotated[ProductStatus | None, Query()] = None,
    category_id: Annotated[RowIdQuery | None, Query()] = None,
) -> Any:
    query = db.query(Product)
    if title is not None:
        query = query.filter(Product.title == title)
    if min_price is not None:
        query = query.filter(Product.price >= min_price)
    if max_price is not None:
        query = query.filter(Product.price <= max_price)
    if status is not None:
        query = query.filter(Product.status == status.value)
    if category_id is not None:
        query = query.filter(Product.category_id == category_id)
    if cursor is not None:
        query = query.filter(Product.id > decode_cursor(cursor))
    products = query.order_by(Product.id).limit(limit + 1).all()
    page = products[:limit]
    next_cursor = encode_cursor(page[-1].id) if len(products) > limit else None
    return {"items": [product_dict(product) for product in page], "next_cursor": next_cursor}


@app.get("/orders", response_model=OrderPage)
def list_orders(
    db: Db,
    user: CurrentUser,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    status: Annotated[OrderStatus | None, Query()] = None,
    min_placed_at: Annotated[AwareDatetime | None, Query()] = None,
    max_placed_at: Annotated[AwareDatetime | None, Query()] = None,
    customer_id: Annotated[RowIdQuery | None, Query()] = None,
    owner_id: Annotated[RowIdQuery | None, Query()] = None,
    sort: Annotated[OrderSort | None, Query()] = None,
) -> Any:
    query = db.query(Order)
    if user.role != "admin":
        query = query.filter(Order.owner_id == user.id)
    if status is not None:
        query = query.filter(Order.status == status.value)
    if min_placed_at is not None:
        query = query.filter(Order.placed_at >= min_placed_at)
    if max_placed_at is not None:
        query = query.filter(Order.placed_at <= max_placed_at)
    if customer_id is not None:
        query = query.filter(Order.customer_id == customer_id)
    if owner_id is not None:
        query = query.filter(Order.owner_id == owner_id)
    total = query.count()
    if sort is not None:
        column = getattr(Order, sort.removeprefix("-"))
        query = query.order_by(column.desc() if sort.startswith("-") else column.asc())
    orders = query.order_by(Order.id).offset(offset).limit(limit).all()
    items = [order_dict(order) for order in orders]
    return {"items": items, "total": total, "offset": offset, "limit": limit}


@app.post("/orders", response_model=OrderOut, status_code=201)
def create_order(data: OrderCreate, db: Db, user: CurrentUser) -> Any:
    customer = db.get(Customer, data.customer_id)
    if customer is None or (user.role != "admin" and customer.owner_id != user.id):
        raise unknown_rows("customer_id", data.customer_id)
    # The status goes in by value, as the generated app stores it.
    order = Order(**data.model_dump(exclude={"status"}), status=data.status.value, owner_id=user.id)
    db.add(order)
    db.commit()
    db.refresh(order)
    return order_dict(order)


@app.post("/order_items", response_model=OrderItemOut, status_code=201)
def create_order_item(data: OrderItemCreate, db: Db, user: CurrentUser) -> Any:
    if db.get(Product, data.product_id) is None:
        raise unknown_rows("product_id", data.product_id)
    order = db.get(Order, data.order_id)
    if order is None or (user.role != "admin" and order.owner_id != user.id):
        raise unknown_rows("order_id", data.order_id)
    item = OrderItem(**data.model_dump(), owner_id=user.id)
    db.add(item)
    db.commit()
    db.refresh(item)
    return item_dict(item)
