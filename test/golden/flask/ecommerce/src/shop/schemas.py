"""Base classes shared by the schemas of every domain."""

from typing import Annotated, ClassVar, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# Ids are 32-bit integer columns: larger values are rejected before they reach the database.
RowId = Annotated[int, Field(ge=1, le=2_147_483_647)]


def _without_nul(value: str) -> str:
    if "\x00" in value:
        msg = "must not contain NUL characters"
        raise ValueError(msg)
    return value


# PostgreSQL text cannot hold NUL characters: every string from a client is checked at the edge.
SafeStr = Annotated[str, AfterValidator(_without_nul)]


class ReadSchema(BaseModel):
    """Response schema read straight from ORM objects."""

    model_config = ConfigDict(from_attributes=True)


class PartialUpdate(BaseModel):
    """PATCH body: only the fields sent are changed; required columns may not be set to null."""

    model_config = ConfigDict(extra="forbid")
    non_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _reject_null_for_required(self) -> Self:
        nulled = sorted(
            name
            for name in self.model_fields_set & self.non_nullable
            if getattr(self, name) is None
        )
        if nulled:
            msg = f"may not be null: {', '.join(nulled)}"
            raise ValueError(msg)
        return self
