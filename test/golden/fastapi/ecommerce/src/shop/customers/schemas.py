"""Customer: request and response schemas."""

from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from shop.pagination import OffsetParams
from shop.schemas import PartialUpdate, ReadSchema, RowId, SafeStr

CustomerFullName = Annotated[SafeStr, StringConstraints(min_length=1, max_length=120)]
CustomerPhone = Annotated[SafeStr, StringConstraints(max_length=30)]


class CustomerBrief(ReadSchema):
    """A customer without its collections."""

    id: int
    full_name: str
    email: str
    phone: str | None
    marketing_opt_in: bool
    owner_id: int


class CustomerRead(CustomerBrief):
    """A customer as the API returns it."""

    created_at: datetime
    updated_at: datetime


class CustomerCreate(BaseModel):
    """Fields to create a customer."""

    model_config = ConfigDict(extra="forbid")

    full_name: CustomerFullName
    email: EmailStr
    phone: CustomerPhone | None = None
    marketing_opt_in: bool = False


class CustomerUpdate(PartialUpdate):
    """Fields to change on a customer; absent fields stay as they are."""

    non_nullable: ClassVar[frozenset[str]] = frozenset({"full_name", "email", "marketing_opt_in"})

    full_name: CustomerFullName | SkipJsonSchema[None] = None
    email: EmailStr | SkipJsonSchema[None] = None
    phone: CustomerPhone | None = None
    marketing_opt_in: bool | SkipJsonSchema[None] = None


class CustomerQuery(OffsetParams):
    """Paging, filters and sorting of the customer list."""

    model_config = ConfigDict(extra="forbid")

    marketing_opt_in: bool | None = None
    owner_id: RowId | None = None
