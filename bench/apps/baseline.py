"""Hand-tuned baseline: the benchmarked endpoints with raw asyncpg, no ORM, JSON written by orjson.

Each request takes one pooled connection and runs prepared statements (asyncpg caches them per
connection); related rows come back in the same statement as JSON arrays built by PostgreSQL, embedded
into the response untouched (orjson.Fragment). Responses are byte-for-byte what the generated app sends,
up to the key spacing inside the stored JSON column.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Annotated, Any

import asyncpg
import orjson
from fastapi import FastAPI, Path, Query, Request, Response
from pydantic import AwareDatetime, Field

from common import (
    DATABASE_URL,
    MAX_OVERFLOW,
    POOL_SIZE,
    create_app,
    decode_cursor,
    encode_cursor,
    inactive_user,
    not_found,
    token_user_id,
    unknown_rows,
)
from schemas import OrderCreate, OrderItemCreate, OrderSort, OrderStatus, ProductStatus, QueryMoney

RowIdParam = Annotated[int, Path(ge=1, le=2_147_483_647)]
RowIdQuery = Annotated[int, Field(ge=1, le=2_147_483_647)]

_PRODUCT_COLUMNS = """
    p.id, p.sku, p.title, p.description, p.price, p.stock, p.status, p.attributes, p.category_id,
    coalesce((SELECT json_agg(json_build_object('id', t.id, 'label', t.label) ORDER BY t.id)
              FROM product_tags pt JOIN tags t ON t.id = pt.tag_id
              WHERE pt.product_id = p.id), '[]') AS tags,
    p.created_at, p.updated_at
"""
_ORDER_COLUMNS = """
    o.id, o.status, o.total, o.placed_at, o.shipped_at, o.shipping_address, o.customer_id,
    o.owner_id,
    coalesce((SELECT json_agg(json_build_object(
                'id', i.id, 'quantity', i.quantity, 'unit_price', i.unit_price::text,
                'product_id', i.product_id, 'order_id', i.order_id, 'owner_id', i.owner_id)
              ORDER BY i.id)
              FROM order_items i WHERE i.order_id = o.id), '[]') AS items,
    o.created_at, o.updated_at
"""
_ORDER_SORT_COLUMNS = {"status": "o.status", "total": "o.total", "placed_at": "o.placed_at"}
_USER = "SELECT role = 'admin', is_active FROM users WHERE id = $1"


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError


def _json(body: object, status_code: int = 200) -> Response:
    data = orjson.dumps(body, default=_json_default, option=orjson.OPT_UTC_Z)
    return Response(data, status_code=status_code, media_type="application/json")


def _row(record: asyncpg.Record, *json_columns: str) -> dict[str, Any]:
    """A record as a dict, its JSON text columns embedded as they are."""
    row = dict(record)
    for column in json_columns:
        if row[column] is not None:
            row[column] = orjson.Fragment(row[column])
    return row


pool: asyncpg.Pool


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    global pool
    dsn = DATABASE_URL.replace("postgresql+asyncpg://", "postgresql://")
    pool = await asyncpg.create_pool(dsn, min_size=POOL_SIZE, max_size=POOL_SIZE + MAX_OVERFLOW)
    yield
    await pool.close()


app = create_app("baseline")
app.router.lifespan_context = lifespan


async def _is_admin(connection: asyncpg.Connection, request: Request) -> tuple[int, bool]:
    user_id = token_user_id(request)
    user = await connection.fetchrow(_USER, user_id)
    if user is None or not user[1]:
        raise inactive_user()
    return user_id, user[0]


@app.get("/products/{product_id}")
async def get_product(product_id: RowIdParam) -> Response:
    async with pool.acquire() as connection:
        record = await connection.fetchrow(
            f"SELECT {_PRODUCT_COLUMNS} FROM products p WHERE p.id = $1", product_id
        )
    if record is None:
        raise not_found("Product", product_id)
    return _json(_row(record, "attributes", "tags"))


@app.get("/products")
async def list_products(
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    title: Annotated[str | None, Query(max_length=200)] = None,
    min_price: Annotated[QueryMoney | None, Query()] = None,
    max_price: Annotated[QueryMoney | None, Query()] = None,
    status: Annotated[ProductStatus | None, Query()] = None,
    category_id: Annotated[RowIdQuery | None, Query()] = None,
) -> Response:
    conditions: list[str] = []
    args: list[object] = []
    for column, op, value in (
        ("title", "=", title),
        ("price", ">=", min_price),
        ("price", "<=", max_price),
        ("status", "=", status.value if status else None),
        ("category_id", "=", category_id),
        ("id", ">", decode_cursor(cursor) if cursor is not None else None),
    ):
        if value is not None:
            args.append(value)
            conditions.append(f"p.{column} {op} ${len(args)}")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    args.append(limit + 1)
    sql = f"SELECT {_PRODUCT_COLUMNS} FROM products p {where} ORDER BY p.id LIMIT ${len(args)}"
    async with pool.acquire() as connection:
        records = await connection.fetch(sql, *args)
    page = [_row(record, "attributes", "tags") for record in records[:limit]]
    next_cursor = encode_cursor(page[-1]["id"]) if len(records) > limit else None
    return _json({"items": page, "next_cursor": next_cursor})


@app.get("/orders")
async def list_orders(
    request: Request,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    status: Annotated[OrderStatus | None, Query()] = None,
    min_placed_at: Annotated[AwareDatetime | None, Query()] = None,
    max_placed_at: Annotated[AwareDatetime | None, Query()] = None,
    customer_id: Annotated[RowIdQuery | None, Query()] = None,
    owner_id: Annotated[RowIdQuery | None, Query()] = None,
    sort: Annotated[OrderSort | None, Query()] = None,
) -> Response:
    async with pool.acquire() as connection:
        user_id, admin = await _is_admin(connection, request)
        conditions: list[str] = []
        args: list[object] = []
        for column, op, value in (
            ("owner_id", "=", None if admin else user_id),
            ("status", "=", status.value if status else None),
            ("placed_at", ">=", min_placed_at),
            ("placed_at", "<=", max_placed_at),
            ("customer_id", "=", customer_id),
            ("owner_id", "=", owner_id),
        ):
            if value is not None:
                args.append(value)
                conditions.append(f"o.{column} {op} ${len(args)}")
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        total = await connection.fetchval(f"SELECT count(*) FROM orders o {where}", *args)
        order_by = "o.id"
        if sort is not None:
            direction = "DESC" if sort.startswith("-") else "ASC"
            order_by = f"{_ORDER_SORT_COLUMNS[sort.removeprefix('-')]} {direction}, o.id"
        n = len(args)
        records = await connection.fetch(
            f"SELECT {_ORDER_COLUMNS} FROM orders o {where} ORDER BY {order_by}"
            f" OFFSET ${n + 1} LIMIT ${n + 2}",
            *args,
            offset,
            limit,
        )
    items = [_row(record, "items") for record in records]
    return _json({"items": items, "total": total, "offset": offset, "limit": limit})


@app.post("/orders", status_code=201)
async def create_order(data: OrderCreate, request: Request) -> Response:
    async with pool.acquire() as connection:
        user_id, admin = await _is_admin(connection, request)
        owned = await connection.fetchval(
            "SELECT 1 FROM customers WHERE id = $1 AND ($2 OR owner_id = $3)",
            data.customer_id,
            admin,
            user_id,
        )
        if owned is None:
            raise unknown_rows("customer_id", data.customer_id)
        record = await connection.fetchrow(
            "INSERT INTO orders AS o (status, total, placed_at, shipped_at, shipping_address,"
            " customer_id, owner_id) VALUES ($1, $2, $3, $4, $5, $6, $7)"
            f" RETURNING {_ORDER_COLUMNS}",
            data.status.value,
            data.total,
            data.placed_at,
            data.shipped_at,
            data.shipping_address,
            data.customer_id,
            user_id,
        )
    return _json(_row(record, "items"), 201)


@app.post("/order_items", status_code=201)
async def create_order_item(data: OrderItemCreate, request: Request) -> Response:
    async with pool.acquire() as connection:
        user_id, admin = await _is_admin(connection, request)
        if await connection.fetchval("SELECT 1 FROM products WHERE id = $1", data.product_id) is None:
            raise unknown_rows("product_id", data.product_id)
        owned = await connection.fetchval(
            "SELECT 1 FROM orders WHERE id = $1 AND ($2 OR owner_id = $3)",
            data.order_id,
            admin,
            user_id,
        )
        if owned is None:
            raise unknown_rows("order_id", data.order_id)
        record = await connection.fetchrow(
            "INSERT INTO order_items (quantity, unit_price, product_id, order_id, owner_id)"
            " VALUES ($1, $2, $3, $4, $5) RETURNING id, quantity, unit_price, product_id,"
            " order_id, owner_id, created_at, updated_at",
            data.quantity,
            data.unit_price,
            data.product_id,
            data.order_id,
            user_id,
        )
    return _json(dict(record), 201)
