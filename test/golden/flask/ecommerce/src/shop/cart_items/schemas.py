"""CartItem: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId

CartItemQuantity = Annotated[int, Field(ge=1, le=100)]


class CartItemBrief(ReadSchema):
    """A cart item without its collections."""

    id: int
    quantity: int
    product_id: int
    cart_id: int
    owner_id: int


class CartItemRead(CartItemBrief):
    """A cart item as the API returns it."""

    created_at: datetime
    updated_at: datetime


class CartItemCreate(BaseModel):
    """Fields to create a cart item."""

    model_config = ConfigDict(extra="forbid")

    quantity: CartItemQuantity = 1
    product_id: RowId
    cart_id: RowId


class CartItemUpdate(PartialUpdate):
    """Fields to change on a cart item; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"quantity", "product_id", "cart_id"})

    quantity: CartItemQuantity | SkipJsonSchema[None] = None
    product_id: RowId | SkipJsonSchema[None] = None
    cart_id: RowId | SkipJsonSchema[None] = None


class CartItemQuery(OffsetParams):
    """Paging, filters and sorting of the cart item list."""

    model_config = ConfigDict(extra="forbid")

    product_id: RowId | None = None
    cart_id: RowId | None = None
    owner_id: RowId | None = None
