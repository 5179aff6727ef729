"""Statements compiled once per database and run by its driver.

Requests run the same few statements over and over. On each execution SQLAlchemy computes the
statement's cache key and builds an execution context and a result: more CPU than PostgreSQL spends
on a one-row read. A statement here is compiled once per dialect, and its SQL and values go straight
to asyncpg or aiosqlite, each value converted by its column's type as SQLAlchemy converts it. Any
other driver runs the statement through SQLAlchemy.

- A `Read` selects rows and begins no transaction: each statement sees committed data.
- An `Insert` adds one row and commits it. A new row without many-to-many links is one statement:
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
