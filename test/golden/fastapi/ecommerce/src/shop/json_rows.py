"""Collections as a JSON column of their parent's row: one statement per read."""

from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Float,
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

from shop.db import UTCDateTime


def json_rows(rows: SelectBase) -> ScalarSelect[Any]:
    """The rows of a correlated select (with an `id` column) as a JSON array of objects, by id.

    Rows without any give `[]`. Values read back as their columns' types would give them.
    """
    table = rows.subquery()
    pairs: list[ColumnElement[Any]] = []
    for column in table.c:
        pairs += [literal_column(f"'{column.key}'"), _JsonValue(column)]
    array = _JsonArray(table.c.id, *pairs)
    return select(func.coalesce(array, literal_column("'[]'"))).select_from(table).scalar_subquery()


class _JsonArray(FunctionElement[Any]):
    """`_JsonArray(order, key, value, ...)`: the JSON array of one object per row, in `order`."""

    type = JSON()
    inherit_cache = True


@compiles(_JsonArray, "postgresql")
def _json_array_postgresql(element: _JsonArray, compiler: SQLCompiler, **kw: object) -> str:
    order, *pairs = element.clauses
    json_object = func.json_build_object(*pairs)
    return compiler.process(func.json_agg(aggregate_order_by(json_object, order)), **kw)


@compiles(_JsonArray, "sqlite")
def _json_array_sqlite(element: _JsonArray, compiler: SQLCompiler, **kw: object) -> str:
    # SQLite has no ORDER BY in aggregates before 3.44: it keeps the order of the sorted subquery.
    _, *pairs = element.clauses
    return compiler.process(func.json_group_array(func.json_object(*pairs)), **kw)


class _JsonValue(FunctionElement[Any]):
    """A column's value as a JSON object keeps it exactly.

    Decimals, floats and datetimes travel as text: a JSON number is a binary float, SQLite writes
    floats with 15 digits unless printf's `!` flag asks for 17, and keeps datetimes as naive text.
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
