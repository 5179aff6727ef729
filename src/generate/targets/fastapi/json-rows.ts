/**
 * `json_rows.py`: what a read shows of a row, and of its collections, as JSON built by the database, in
 * PostgreSQL's and SQLite's dialects. A read is then one statement, and Pydantic validates its text in its
 * core: no result processing per column, no dict per row, no JSON parsed in Python.
 */
export function jsonRowsModule(pkg: string): string {
  return `"""Rows and their collections as JSON built by the database: one statement per read."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Float,
    FromClause,
    FunctionElement,
    Numeric,
    ScalarSelect,
    SelectBase,
    Text,
    case,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from ${pkg}.db import UTCDateTime


def json_row(*columns: FromClause | ColumnElement[Any]) -> ColumnElement[str]:
    """The text of a JSON object of these columns (a table stands for all of its own).

    Values read back as their columns' types would give them.
    """
    flat = [column for item in columns for column in (item.c if isinstance(item, FromClause) else [item])]
    return cast(_JsonObject(*_pairs(flat)), Text)


def json_rows(rows: SelectBase) -> ScalarSelect[Any]:
    """The rows of a correlated select (with an \`id\` column) as a JSON array of objects, by id.

    Rows without any give \`[]\`. Values read back as their columns' types would give them.
    """
    table = rows.subquery()
    array = _JsonArray(table.c.id, _JsonObject(*_pairs(table.c)))
    return select(func.coalesce(array, literal_column("'[]'"))).select_from(table).scalar_subquery()


def json_array(objects: Sequence[str]) -> str:
    """The JSON array of these JSON texts."""
    return f"[{','.join(objects)}]"


def _pairs(columns: Iterable[ColumnElement[Any]]) -> list[ColumnElement[Any]]:
    """Key, value, key, value...: the arguments of a JSON object of these columns."""
    pairs: list[ColumnElement[Any]] = []
    for column in columns:
        pairs += [literal_column(f"'{column.key}'"), _JsonValue(column)]
    return pairs


class _JsonObject(FunctionElement[Any]):
    """\`_JsonObject(key, value, ...)\`: one JSON object."""

    type = JSON()
    inherit_cache = True


@compiles(_JsonObject, "postgresql")
def _json_object_postgresql(element: _JsonObject, compiler: SQLCompiler, **kw: object) -> str:
    return compiler.process(func.json_build_object(*element.clauses), **kw)


@compiles(_JsonObject, "sqlite")
def _json_object_sqlite(element: _JsonObject, compiler: SQLCompiler, **kw: object) -> str:
    return compiler.process(func.json_object(*element.clauses), **kw)


class _JsonArray(FunctionElement[Any]):
    """\`_JsonArray(order, object)\`: the JSON array of one object per row, in \`order\`."""

    type = JSON()
    inherit_cache = True


@compiles(_JsonArray, "postgresql")
def _json_array_postgresql(element: _JsonArray, compiler: SQLCompiler, **kw: object) -> str:
    order, json_object = element.clauses
    return compiler.process(func.json_agg(aggregate_order_by(json_object, order)), **kw)


@compiles(_JsonArray, "sqlite")
def _json_array_sqlite(element: _JsonArray, compiler: SQLCompiler, **kw: object) -> str:
    # SQLite has no ORDER BY in aggregates before 3.44: it keeps the order of the sorted subquery.
    _, json_object = element.clauses
    return compiler.process(func.json_group_array(json_object), **kw)


class _JsonValue(FunctionElement[Any]):
    """A column's value as a JSON object keeps it exactly.

    Decimals, floats and datetimes travel as text: a JSON number is a binary float, SQLite writes
    floats with 15 digits unless printf's \`!\` flag asks for 17, and keeps datetimes as naive text.
    """

    inherit_cache = True


@compiles(_JsonValue, "postgresql")
def _json_value_postgresql(element: _JsonValue, compiler: SQLCompiler, **kw: object) -> str:
    (column,) = element.clauses
    kind = column.type
    value = column
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        value = cast(column, Text)
    elif isinstance(kind, UTCDateTime):
        value = func.to_char(func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    return compiler.process(value, **kw)


@compiles(_JsonValue, "sqlite")
def _json_value_sqlite(element: _JsonValue, compiler: SQLCompiler, **kw: object) -> str:
    (column,) = element.clauses
    kind = column.type
    if isinstance(kind, JSON):
        return compiler.process(func.json(column), **kw)
    text: ColumnElement[Any] | None = None
    if isinstance(kind, Float):
        text = func.printf("%!.17g", column)
    elif isinstance(kind, Numeric):
        text = func.printf(f"%.{kind.scale or 0}f", column)
    elif isinstance(kind, UTCDateTime):
        text = func.replace(column, " ", "T", type_=Text) + "Z"
    value = column if text is None else case((column.is_(None), None), else_=text)
    return compiler.process(value, **kw)
`;
}

/**
 * `tests/test_json_rows.py`: every column type the blueprints know, with awkward values and nulls, reads back
 * through `json_row` and `json_rows` exactly as a plain select of the columns gives it, once validated and
 * serialised by Pydantic.
 */
export function jsonRowsTestsModule(pkg: string): string {
  return `"""json_rows: rows and collections read as JSON show exactly what a plain select shows."""

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

from ${pkg}.db import UTCDateTime
from ${pkg}.json_rows import json_array, json_row, json_rows

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
            expected = [_Child.model_validate(dict(row)).model_dump(mode="json") for row in plain.mappings()]
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
`;
}
