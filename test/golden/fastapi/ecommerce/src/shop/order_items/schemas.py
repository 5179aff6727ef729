"""OrderItem: request and response schemas."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId

OrderItemQuantity = Annotated[int, Field(ge=1, le=2147483647)]
OrderItemUnitPrice = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class OrderItemBrief(ReadSchema):
    """An order item without its collections."""

    id: int
    quantity: int
    unit_price: Decimal
    product_id: int
    order_id: int
    owner_id: int


class OrderItemRead(OrderItemBrief):
    """An order item as the API returns it."""

    created_at: datetime
    updated_at: datetime


class OrderItemCreate(BaseModel):
    """Fields to create an order item."""

    model_config = ConfigDict(extra="forbid")

    quantity: OrderItemQuantity
    unit_price: OrderItemUnitPrice
    product_id: RowId
    order_id: RowId


class OrderItemUpdate(PartialUpdate):
    """Fields to change on an order item; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "unit_price", "product_id", "order_id"}
    )

    quantity: OrderItemQuantity | SkipJsonSchema[None] = None
    unit_price: OrderItemUnitPrice | SkipJsonSchema[None] = None
    product_id: RowId | SkipJsonSchema[None] = None
    order_id: RowId | SkipJsonSchema[None] = None


class OrderItemQuery(OffsetParams):
    """Paging, filters and sorting of the order item list."""

    model_config = ConfigDict(extra="forbid")

    product_id: RowId | None = None
    order_id: RowId | None = None
    owner_id: RowId | None = None
