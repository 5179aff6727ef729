"""Cart: request and response schemas."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from shop.cart_items.schemas import CartItemBrief
from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

CartNote = Annotated[SafeStr, StringConstraints(max_length=200)]


class CartBrief(ReadSchema):
    """A cart without its collections."""

    id: int
    note: str | None
    owner_id: int


class CartRead(CartBrief):
    """A cart as the API returns it."""

    items: list[CartItemBrief]
    created_at: datetime
    updated_at: datetime


class CartCreate(BaseModel):
    """Fields to create a cart."""

    model_config = ConfigDict(extra="forbid")

    note: CartNote | None = None


class CartUpdate(PartialUpdate):
    """Fields to change on a cart; absent fields stay as they are."""

    note: CartNote | None = None


class CartQuery(OffsetParams):
    """Paging, filters and sorting of the cart list."""

    model_config = ConfigDict(extra="forbid")

    owner_id: RowId | None = None
