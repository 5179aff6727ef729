"""Pydantic models of the benchmarked endpoints, with the generated app's constraints.

Request bodies are used by both comparison apps (the same validation as the generated app); the read
models are the plain app's `response_model`s (the baseline writes its JSON by hand).
"""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

RowId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
QueryMoney = Annotated[Decimal, Field(max_digits=12, decimal_places=2)]


class ProductStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


class OrderStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


OrderSort = Literal["status", "-status", "total", "-total", "placed_at", "-placed_at"]


class OrderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: OrderStatus = OrderStatus.PENDING
    total: Money
    placed_at: AwareDatetime
    shipped_at: AwareDatetime | None = None
    shipping_address: str
    customer_id: RowId

    @model_validator(mode="after")
    def _check_rules(self) -> Self:
        if self.shipped_at is not None and not self.shipped_at >= self.placed_at:
            raise ValueError("an order cannot ship before it is placed")
        return self


class OrderItemCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: Annotated[int, Field(ge=1, le=2_147_483_647)]
    unit_price: Money
    product_id: RowId
    order_id: RowId


class TagOut(BaseModel):
    id: int
    label: str


class ProductOut(BaseModel):
    id: int
    sku: str
    title: str
    description: str | None
    price: Decimal
    stock: int
    status: ProductStatus
    attributes: dict[str, Any] | None
    category_id: int
    tags: list[TagOut]
    created_at: datetime
    updated_at: datetime


class ProductPage(BaseModel):
    items: list[ProductOut]
    next_cursor: str | None


class OrderItemBriefOut(BaseModel):
    id: int
    quantity: int
    unit_price: Decimal
    product_id: int
    order_id: int
    owner_id: int


class OrderItemOut(OrderItemBriefOut):
    created_at: datetime
    updated_at: datetime


class OrderOut(BaseModel):
    id: int
    status: OrderStatus
    total: Decimal
    placed_at: datetime
    shipped_at: datetime | None
    shipping_address: str
    customer_id: int
    owner_id: int
    items: list[OrderItemBriefOut]
    created_at: datetime
    updated_at: datetime


class OrderPage(BaseModel):
    items: list[OrderOut]
    total: int
    offset: int
    limit: int
