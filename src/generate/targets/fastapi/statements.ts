/** `statements.py`: statements compiled once per database and run by its driver (reads, one-row inserts). */
export function statementsModule(): string {
  return `"""Statements compiled once per database and run by its driver.

Requests run the same few statements over and over. On each execution SQLAlchemy computes the
statement's cache key and builds an execution context and a result: more CPU than PostgreSQL spends
on a one-row read. A statement here is compiled once per dialect, and its SQL and values go straight
to asyncpg or aiosqlite, each value converted by its column's type as SQLAlchemy converts it. Any
other driver runs the statement through SQLAlchemy.

- A \`Read\` selects rows and begins no transaction: each statement sees committed data.
- An \`Insert\` adds one row and commits it. A new row without many-to-many links is one statement:
  the ORM's unit of work, and a BEGIN and a COMMIT around it, would add nothing but time.
"""

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import ReturningInsert

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


def _parameters(sql: SQLCompiler, dialect: Dialect) -> _Compiled:
    """Compiled SQL, and how each of its parameters gets its value."""
    parameters = []
    for name in sql.positiontup or ():
        bind = sql.binds[name]
        convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if bind.required:
            parameters.append(_Parameter(name, convert))
        else:
            value = bind.effective_value
            parameters.append(_Parameter(None, constant=convert(value) if convert else value))
    return _Compiled(sql.string, tuple(parameters))


# The drivers statements run on directly; any other runs them through SQLAlchemy.
_DRIVERS = frozenset({"asyncpg", "aiosqlite"})


def _opened(connection: AsyncConnection) -> Connection | None:
    """The connection whose driver runs statements directly; None: they go through SQLAlchemy."""
    # An open AsyncConnection holds its pooled connection: reaching the driver's needs no I/O.
    return connection.sync_connection if connection.dialect.driver in _DRIVERS else None


async def _fetch(
    opened: Connection, compiled: _Compiled, values: Mapping[str, object]
) -> list[Row]:
    """The rows of compiled SQL, run by the driver."""
    driver: Any = opened.connection.driver_connection
    arguments = compiled.arguments(values)
    if opened.dialect.driver == "asyncpg":
        rows: list[Row] = await driver.fetch(compiled.sql, *arguments)
        return rows
    return list(await driver.execute_fetchall(compiled.sql, arguments))


class Read:
    """A select whose values are named bind parameters."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    async def rows(self, connection: AsyncConnection, **values: object) -> list[Row]:
        """Every row, as a sequence of its columns; values for parameters it lacks are ignored."""
        opened = _opened(connection)
        if opened is None:
            result = await connection.execute(self.statement, values)
            return list(result.all())
        dialect = connection.dialect
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = _parameters(self.statement.compile(dialect=dialect), dialect)
            self._compiled[dialect.name] = compiled
        return await _fetch(opened, compiled, values)

    async def texts(self, connection: AsyncConnection, **values: object) -> list[str]:
        """The first column of every row: a statement selecting text, such as rows as JSON."""
        return [row[0] for row in await self.rows(connection, **values)]

    async def text(self, connection: AsyncConnection, **values: object) -> str | None:
        """The text in the first column of the first row; None without a row."""
        rows = await self.rows(connection, **values)
        return rows[0][0] if rows else None


class Insert:
    """The INSERT of one row returning its id, its values named by column."""

    def __init__(self, statement: ReturningInsert[int]) -> None:
        self.statement = statement
        self._compiled: dict[tuple[str, frozenset[str]], _Compiled] = {}

    async def run(self, connection: AsyncConnection, values: Mapping[str, object]) -> int:
        """Insert the row and commit it; its id. A violated constraint raises IntegrityError.

        The connection must not be in a transaction: a request's read connection.
        """
        opened = _opened(connection)
        if opened is None:
            new_id = (await connection.execute(self.statement, dict(values))).scalar_one()
            await connection.commit()
            return new_id
        compiled = self._compile(connection.dialect, frozenset(values))
        try:
            rows = await _fetch(opened, compiled, values)
            if opened.dialect.driver == "aiosqlite":
                driver: Any = opened.connection.driver_connection
                await driver.commit()  # sqlite3 began a transaction before the INSERT
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(compiled.sql, None, exc) from exc
        except Exception as exc:
            # SQLSTATE class 23, integrity constraint violations: asyncpg's errors carry it.
            if str(getattr(exc, "sqlstate", "")).startswith("23"):
                raise IntegrityError(compiled.sql, None, exc) from exc
            raise
        row_id: int = rows[0][0]
        return row_id

    def _compile(self, dialect: Dialect, names: frozenset[str]) -> _Compiled:
        key = (dialect.name, names)
        compiled = self._compiled.get(key)
        if compiled is None:
            sql = self.statement.compile(dialect=dialect, column_keys=sorted(names))
            if sql.insert_prefetch:
                # SQLAlchemy computes Python-side defaults per execution: here they would be NULL.
                missing = ", ".join(column.key for column in sql.insert_prefetch)
                msg = f"No value for {missing}: the INSERT needs one for every such column."
                raise ValueError(msg)
            compiled = self._compiled[key] = _parameters(sql, dialect)
        return compiled
`;
}

/**
 * `tests/test_statements.py`: rows run on the driver equal SQLAlchemy's, for every kind of filter value;
 * an insert on the driver commits what SQLAlchemy would, and fails as SQLAlchemy would.
 */
export function statementsTestsModule(pkg: string): string {
  return `"""Statements run on the driver do exactly what SQLAlchemy's execution does."""

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
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from ${pkg} import statements
from ${pkg}.db import UTCDateTime, str_enum
from ${pkg}.statements import Insert, Read


class _Colour(StrEnum):
    RED = "red"
    DEEP_BLUE = "deep-blue"


_metadata = MetaData()
_things = Table(
    "statement_things",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("colour", str_enum(_Colour)),
    Column("price", Numeric(10, 2)),
    Column("at", UTCDateTime()),
    Column("on", Date),
    Column("label", String(20), unique=True),
    Column("note", String(20), default="none"),
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
            assert connection.dialect.driver in statements._DRIVERS
            on_driver = await _SELECTED.rows(connection, **values)
            monkeypatch.setattr(statements, "_DRIVERS", frozenset())
            through_sqlalchemy = await _SELECTED.rows(connection, **values)
        finally:
            await connection.run_sync(_metadata.drop_all)

    wanted = [(n, f"thing {n}", "constant") for n in ids]
    assert [tuple(row) for row in expected] == wanted
    assert [tuple(row) for row in on_driver] == wanted
    assert [tuple(row) for row in through_sqlalchemy] == wanted


_INSERT = Insert(insert(_things).returning(_things.c.id))
_NEW = {
    "colour": _Colour.DEEP_BLUE,
    "price": Decimal("0.10"),
    "at": datetime(2024, 2, 1, 9, tzinfo=_INDIA),
    "on": date(2024, 2, 1),
    "label": "new thing",
    "note": "given",
}


@pytest.mark.parametrize("on_driver", [True, False], ids=["driver", "sqlalchemy"])
async def test_an_insert_commits_the_row_it_returns_the_id_of(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, on_driver: bool
) -> None:
    if not on_driver:
        monkeypatch.setattr(statements, "_DRIVERS", frozenset())
    async with engine.begin() as connection:
        await connection.run_sync(_metadata.create_all)
    try:
        async with engine.connect() as connection:
            row_id = await _INSERT.run(connection, _NEW)
        # Another connection sees the row: it was committed, not rolled back on return to the pool.
        async with engine.connect() as connection:
            row = (await connection.execute(select(_things).where(_things.c.id == row_id))).one()
        async with engine.connect() as connection:
            with pytest.raises(IntegrityError):
                await _INSERT.run(connection, _NEW)
    finally:
        async with engine.begin() as connection:
            await connection.run_sync(_metadata.drop_all)

    assert row._asdict() == {"id": row_id, **_NEW}


async def test_an_insert_on_the_driver_needs_a_value_for_every_python_side_default(
    engine: AsyncEngine,
) -> None:
    values = {name: value for name, value in _NEW.items() if name != "note"}
    async with engine.connect() as connection:
        assert connection.dialect.driver in statements._DRIVERS
        with pytest.raises(ValueError, match="No value for note"):
            await _INSERT.run(connection, values)
`;
}
