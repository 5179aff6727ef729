"""Rows and their collections as JSON built by the database: one statement per read."""

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

from inventory.db import UTCDateTime


def json_row(*columns: FromClause | ColumnElement[Any]) -> ColumnElement[str]:
    """The text of a JSON object of these columns (a table stands for all of its own).

    Values read back as their columns' types would give them.
    """
    flat = [
        column
        for item in columns
        for column in (item.c if isinstance(item, FromClause) else [item])
    ]
    return cast(_JsonObject(*_pairs(flat)), Text)


def json_rows(rows: SelectBase) -> ScalarSelect[Any]:
    """The rows of a correlated select (with an `id` column) as a JSON array of objects, by id.

    Rows without any give `[]`. Values read back as their columns' types would give them.
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
    """`_JsonObject(key, value, ...)`: one JSON object."""

    type = JSON()
    inherit_cache = True


@compiles(_JsonObject, "postgresql")
def _json_object_postgresql(element: _JsonObject, compiler: SQLCompiler, **kw: object) -> str:
    return compiler.process(func.json_build_object(*element.clauses), **kw)


@compiles(_JsonObject, "sqlite")
def _json_object_sqlite(element: _JsonObject, compiler: SQLCompiler, **kw: object) -> str:
    return compiler.process(func.json_object(*element.clauses), **kw)


class _JsonArray(FunctionElement[Any]):
    """`_JsonArray(order, object)`: the JSON array of one object per row, in `order`."""

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
