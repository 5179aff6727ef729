"""json_rows: rows and collections read as JSON show exactly what a plain select shows."""

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, TypeAdapter
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from notes.db import UTCDateTime
from notes.json_rows import json_array, json_row, json_rows

_metadata = MetaData()
_parents = Table("json_rows_parents", _metadata, Column("id", Integer, primary_key=True))
_children = Table(
    "json_rows_children",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", ForeignKey(_parents.c.id)),
    Column("price", Numeric(10, 2)),
    Column("ratio", Float),
    Column("at", UTCDateTime()),
    Column("on", Date),
    Column("flag", Boolean),
    Column("data", JSON),
    Column("label", String(20)),
)
_CHILDREN: list[dict[str, Any]] = [
    {
        "id": 2,
        "parent_id": 1,
        "price": Decimal("10.50"),
        "ratio": 0.1 + 0.2,
        "at": datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC),
        "on": date(2024, 2, 29),
        "flag": True,
        "data": {"list": [1, 2.5, None], "text": "12.50"},
        "label": "Zoë",
    },
    {
        "id": 1,
        "parent_id": 1,
        "price": Decimal("-0.50"),
        "ratio": 1e300,
        "at": datetime(1999, 12, 31, 0, 0, tzinfo=UTC),
        "on": date(1999, 12, 31),
        "flag": False,
        "data": [],
        "label": "12.50",
    },
    {
        "id": 3,
        "parent_id": 1,
        "price": None,
        "ratio": None,
        "at": None,
        "on": None,
        "flag": None,
        "data": None,
        "label": None,
    },
]


class _Child(BaseModel):
    """How an API schema would show a child row."""

    id: int
    parent_id: int
    price: Decimal | None
    ratio: float | None
    at: datetime | None
    on: date | None
    flag: bool | None
    data: Any
    label: str | None


class _Parent(BaseModel):
    """How an API schema would show a parent row with its collection."""

    id: int
    children: list[_Child]


_CHILD_LIST = TypeAdapter(list[_Child])
_PARENT_LIST = TypeAdapter(list[_Parent])


async def test_rows_and_collections_as_json_read_back_as_their_columns(engine: AsyncEngine) -> None:
    children = json_rows(
        select(_children)
        .where(_children.c.parent_id == _parents.c.id)
        .order_by(_children.c.id)
        .correlate(_parents)
    ).label("children")
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # JSON writes a timestamp in the session's time zone; the API shows UTC whatever it is.
            await connection.exec_driver_sql("SET LOCAL TIME ZONE 'Asia/Kolkata'")
        await connection.run_sync(_metadata.create_all)
        try:
            await connection.execute(insert(_parents), [{"id": 1}, {"id": 2}])
            await connection.execute(insert(_children), _CHILDREN)
            plain = await connection.execute(select(_children).order_by(_children.c.id))
            expected = [
                _Child.model_validate(dict(row)).model_dump(mode="json") for row in plain.mappings()
            ]
            rows = await connection.scalars(select(json_row(_children)).order_by(_children.c.id))
            as_json = _CHILD_LIST.validate_json(json_array(rows.all()))
            rows = await connection.scalars(
                select(json_row(_parents, children)).order_by(_parents.c.id)
            )
            parents = _PARENT_LIST.validate_json(json_array(rows.all()))
        finally:
            await connection.run_sync(_metadata.drop_all)

    assert [child.model_dump(mode="json") for child in as_json] == expected
    assert [child.model_dump(mode="json") for child in parents[0].children] == expected
    assert parents[1].children == []
