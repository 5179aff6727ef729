"""Read statements compiled once per database and run by its driver.

Read routes run the same few statements over and over. On each execution SQLAlchemy computes the
statement's cache key and builds an execution context and a result: more CPU than PostgreSQL spends
on a one-row read. A `Read` compiles its statement once per dialect and hands the SQL and the values
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
