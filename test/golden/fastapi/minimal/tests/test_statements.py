"""Statements run on the driver do exactly what SQLAlchemy's execution does."""

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

from notes import statements
from notes.db import UTCDateTime, str_enum
from notes.statements import Insert, Read


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
