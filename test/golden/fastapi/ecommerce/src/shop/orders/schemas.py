"""Order: request and response schemas."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, ClassVar, Literal, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from shop.order_items.schemas import OrderItemBrief
from shop.orders.models import OrderStatus
from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

OrderTotal = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


def order_rule_errors(*, placed_at: datetime | None, shipped_at: datetime | None) -> list[str]:
    """Cross-field rules of an order: one message per broken rule."""
    errors: list[str] = []
    if shipped_at is not None and placed_at is not None and not shipped_at >= placed_at:
        errors.append("an order cannot ship before it is placed")
    return errors


class OrderBrief(ReadSchema):
    """An order without its collections."""

    id: int
    status: OrderStatus
    total: Decimal
    placed_at: datetime
    shipped_at: datetime | None
    shipping_address: str
    customer_id: int
    owner_id: int


class OrderRead(OrderBrief):
    """An order as the API returns it."""

    items: list[OrderItemBrief]
    created_at: datetime
    updated_at: datetime


class OrderCreate(BaseModel):
    """Fields to create an order."""

    model_config = ConfigDict(extra="forbid")

    status: OrderStatus = OrderStatus.PENDING
    total: OrderTotal
    placed_at: AwareDatetime
    shipped_at: AwareDatetime | None = None
    shipping_address: SafeStr
    customer_id: RowId

    @model_validator(mode="after")
    def _check_rules(self) -> Self:
        errors = order_rule_errors(placed_at=self.placed_at, shipped_at=self.shipped_at)
        if errors:
            raise ValueError("; ".join(errors))
        return self


class OrderUpdate(PartialUpdate):
    """Fields to change on an order; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset(
        {"status", "total", "placed_at", "shipping_address", "customer_id"}
    )

    status: OrderStatus | SkipJsonSchema[None] = None
    total: OrderTotal | SkipJsonSchema[None] = None
    placed_at: AwareDatetime | SkipJsonSchema[None] = None
    shipped_at: AwareDatetime | None = None
    shipping_address: SafeStr | SkipJsonSchema[None] = None
    customer_id: RowId | SkipJsonSchema[None] = None


OrderSort = Literal["status", "-status", "total", "-total", "placed_at", "-placed_at"]


class OrderQuery(OffsetParams):
    """Paging, filters and sorting of the order list."""

    model_config = ConfigDict(extra="forbid")

    status: OrderStatus | None = None
    min_placed_at: AwareDatetime | None = None
    max_placed_at: AwareDatetime | None = None
    customer_id: RowId | None = None
    owner_id: RowId | None = None
    sort: OrderSort | None = None
