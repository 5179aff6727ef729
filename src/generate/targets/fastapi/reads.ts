/** `reads.py`: read statements compiled once per database and run by its driver, with its tests. */

export function readsModule(): string {
  return `"""Read statements compiled once per database and run by its driver.

Read routes run the same few statements over and over. On each execution SQLAlchemy computes the
statement's cache key and builds an execution context and a result: more CPU than PostgreSQL spends
on a one-row read. A \`Read\` compiles its statement once per dialect and hands the SQL and the values
straight to asyncpg or aiosqlite, each value converted by its column's type as SQLAlchemy converts
it. Any other driver runs the statement through SQLAlchemy.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Select
from sqlalchemy.ext.asyncio import AsyncConnection

Row = Sequence[Any]


@dataclass(frozen=True, slots=True)
class _Parameter:
    """A positional parameter of compiled SQL: a named value and its conversion, or a constant."""

    name: str | None
    convert: Callable[[Any], Any] | None = None
    constant: Any = None


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    parameters: tuple[_Parameter, ...]

    def arguments(self, values: Mapping[str, object]) -> list[Any]:
        """The driver's positional arguments."""
        return [
            p.constant
            if p.name is None
            else values[p.name]
            if p.convert is None
            else p.convert(values[p.name])
            for p in self.parameters
        ]


# The drivers a Read runs on directly; any other runs it through SQLAlchemy.
_DRIVERS = frozenset({"asyncpg", "aiosqlite"})


class Read:
    """A statement whose values are named bind parameters, run past SQLAlchemy's execution layer."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    async def rows(self, connection: AsyncConnection, **values: object) -> list[Row]:
        """Every row, as a sequence of its columns; values for parameters it lacks are ignored."""
        dialect = connection.dialect
        # An open AsyncConnection holds its pooled connection: reaching the driver's needs no I/O.
        opened = connection.sync_connection
        if dialect.driver not in _DRIVERS or opened is None:
            result = await connection.execute(self.statement, values)
            return list(result.all())
        compiled = self._compiled.get(dialect.name) or self._compile(dialect)
        driver: Any = opened.connection.driver_connection
        arguments = compiled.arguments(values)
        if dialect.driver == "asyncpg":
            rows: list[Row] = await driver.fetch(compiled.sql, *arguments)
            return rows
        return list(await driver.execute_fetchall(compiled.sql, arguments))

    async def texts(self, connection: AsyncConnection, **values: object) -> list[str]:
        """The first column of every row: a statement selecting text, such as rows as JSON."""
        return [row[0] for row in await self.rows(connection, **values)]

    async def text(self, connection: AsyncConnection, **values: object) -> str | None:
        """The text in the first column of the first row; None without a row."""
        rows = await self.rows(connection, **values)
        return rows[0][0] if rows else None

    def _compile(self, dialect: Dialect) -> _Compiled:
        """The SQL for this dialect, and how each of its parameters gets its value."""
        sql = self.statement.compile(dialect=dialect)
        parameters = []
        for name in sql.positiontup or ():
            bind = sql.binds[name]
            convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if bind.required:
                parameters.append(_Parameter(name, convert))
            else:
                value = bind.effective_value
                parameters.append(_Parameter(None, constant=convert(value) if convert else value))
        compiled = _Compiled(sql.string, tuple(parameters))
        self._compiled[dialect.name] = compiled
        return compiled
`;
}

/** `tests/test_reads.py`: rows run on the driver equal SQLAlchemy's, for every kind of filter value. */
export function readsTestsModule(pkg: string): string {
  return `"""Read: statements run on the driver select exactly what SQLAlchemy's execution selects."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    bindparam,
    insert,
    literal,
    select,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from ${pkg} import reads
from ${pkg}.db import UTCDateTime, str_enum
from ${pkg}.reads import Read


class _Colour(StrEnum):
    RED = "red"
    DEEP_BLUE = "deep-blue"


_metadata = MetaData()
_things = Table(
    "reads_things",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("colour", str_enum(_Colour)),
    Column("price", Numeric(10, 2)),
    Column("at", UTCDateTime()),
    Column("on", Date),
    Column("label", String(20)),
)
_ROWS = [
    {
        "id": n,
        "colour": colour,
        "price": Decimal(price),
        "at": datetime(2024, 1, n, 12, tzinfo=UTC),
        "on": date(2024, 1, n),
        "label": f"thing {n}",
    }
    for n, colour, price in [
        (1, _Colour.RED, "9.99"),
        (2, _Colour.DEEP_BLUE, "10.00"),
        (3, _Colour.DEEP_BLUE, "10.01"),
    ]
]
# Every kind of value a list filter sends, a constant, a parameter used twice, and a LIMIT.
_SELECTED = Read(
    select(_things.c.id, _things.c.label, literal("constant"))
    .where(
        _things.c.colour == bindparam("colour"),
        _things.c.price >= bindparam("min_price"),
        _things.c.at < bindparam("before"),
        _things.c.on <= bindparam("on"),
        _things.c.id > bindparam("_after"),
        _things.c.id < bindparam("_after") + 10,
    )
    .order_by(_things.c.id)
    .limit(bindparam("limit"))
)
_INDIA = timezone(timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("values", "ids"),
    [
        # 17:30 in India is 12:00 UTC: thing 3 is not before it, which a local-time text would miss.
        (
            {
                "colour": _Colour.DEEP_BLUE,
                "min_price": Decimal("10.00"),
                "on": date(2024, 1, 3),
                "before": datetime(2024, 1, 3, 17, 30, tzinfo=_INDIA),
            },
            [2],
        ),
        (
            {
                "colour": _Colour.RED,
                "min_price": Decimal("9.99"),
                "on": date(2024, 1, 3),
                "before": datetime(2024, 2, 1, tzinfo=UTC),
            },
            [1],
        ),
    ],
)
async def test_rows_on_the_driver_are_those_sqlalchemy_selects(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, values: dict[str, Any], ids: list[int]
) -> None:
    values |= {"_after": 0, "limit": 10, "unused": "ignored"}
    async with engine.begin() as connection:
        await connection.run_sync(_metadata.create_all)
        try:
            await connection.execute(insert(_things), _ROWS)
            expected = (await connection.execute(_SELECTED.statement, values)).all()
            assert connection.dialect.driver in reads._DRIVERS
            on_driver = await _SELECTED.rows(connection, **values)
            monkeypatch.setattr(reads, "_DRIVERS", frozenset())
            through_sqlalchemy = await _SELECTED.rows(connection, **values)
        finally:
            await connection.run_sync(_metadata.drop_all)

    wanted = [(n, f"thing {n}", "constant") for n in ids]
    assert [tuple(row) for row in expected] == wanted
    assert [tuple(row) for row in on_driver] == wanted
    assert [tuple(row) for row in through_sqlalchemy] == wanted
`;
}
