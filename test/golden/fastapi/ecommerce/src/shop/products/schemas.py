"""Product: request and response schemas."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from shop.pagination import CursorParams
from shop.products.models import ProductStatus
from shop.schemas import PartialUpdate, ReadSchema, RowId, SafeStr
from shop.tags.schemas import TagBrief

ProductSku = Annotated[
    SafeStr,
    StringConstraints(
        strip_whitespace=True, to_upper=True, min_length=1, max_length=32, pattern=r"^[A-Z0-9-]+$"
    ),
]
ProductTitle = Annotated[SafeStr, StringConstraints(min_length=1, max_length=200)]
ProductPrice = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
ProductStock = Annotated[int, Field(ge=0, le=2147483647)]


class ProductBrief(ReadSchema):
    """A product without its collections."""

    id: int
    sku: str
    title: str
    description: str | None
    price: Decimal
    stock: int
    status: ProductStatus
    attributes: dict[str, Any] | None
    category_id: int


class ProductRead(ProductBrief):
    """A product as the API returns it."""

    tags: list[TagBrief]
    created_at: datetime
    updated_at: datetime


class ProductCreate(BaseModel):
    """Fields to create a product."""

    model_config = ConfigDict(extra="forbid")

    sku: ProductSku
    title: ProductTitle
    description: SafeStr | None = None
    price: ProductPrice
    stock: ProductStock = 0
    status: ProductStatus = ProductStatus.DRAFT
    attributes: dict[str, Any] | None = None
    category_id: RowId
    tag_ids: list[RowId] = Field(default_factory=list, max_length=100)


class ProductUpdate(PartialUpdate):
    """Fields to change on a product; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset(
        {"sku", "title", "price", "stock", "status", "category_id"}
    )

    sku: ProductSku | SkipJsonSchema[None] = None
    title: ProductTitle | SkipJsonSchema[None] = None
    description: SafeStr | None = None
    price: ProductPrice | SkipJsonSchema[None] = None
    stock: ProductStock | SkipJsonSchema[None] = None
    status: ProductStatus | SkipJsonSchema[None] = None
    attributes: dict[str, Any] | None = None
    category_id: RowId | SkipJsonSchema[None] = None
    tag_ids: list[RowId] | None = Field(default=None, max_length=100)


class ProductQuery(CursorParams):
    """Paging, filters and sorting of the product list."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[SafeStr, StringConstraints(max_length=200)] | None = None
    min_price: Annotated[Decimal, Field(max_digits=12, decimal_places=2)] | None = None
    max_price: Annotated[Decimal, Field(max_digits=12, decimal_places=2)] | None = None
    status: ProductStatus | None = None
    category_id: RowId | None = None
