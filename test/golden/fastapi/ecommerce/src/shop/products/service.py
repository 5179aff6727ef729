"""Product: business logic; reads run on a connection, changes in a session."""

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import selectinload

from shop.categories.models import Category
from shop.crud import commit_or_conflict, require_row, require_rows
from shop.errors import NotFoundError
from shop.json_rows import json_array, json_row, json_rows
from shop.pagination import CursorPage, decode_cursor, encode_cursor
from shop.products.models import Product, product_tags
from shop.products.schemas import ProductCreate, ProductQuery, ProductRead, ProductUpdate
from shop.statements import Read
from shop.tags.models import Tag

_CONFLICT = "The product conflicts with an existing one."


_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "title": Product.title == bindparam("title"),
    "min_price": Product.price >= bindparam("min_price"),
    "max_price": Product.price <= bindparam("max_price"),
    "status": Product.status == bindparam("status"),
    "category_id": Product.category_id == bindparam("category_id"),
    "_after": Product.id > bindparam("_after"),
}


def _values(query: ProductQuery) -> dict[str, Any]:
    """Values of the conditions that apply: filters sent, cursor."""
    values: dict[str, Any] = {}
    if query.title is not None:
        values["title"] = query.title
    if query.min_price is not None:
        values["min_price"] = query.min_price
    if query.max_price is not None:
        values["max_price"] = query.max_price
    if query.status is not None:
        values["status"] = query.status
    if query.category_id is not None:
        values["category_id"] = query.category_id
    if query.cursor is not None:
        values["_after"] = decode_cursor(query.cursor)
    return values


_TAGS_JSON = json_rows(
    select(Tag.id, Tag.label)
    .join(product_tags, Tag.id == product_tags.c.tag_id)
    .where(product_tags.c.product_id == Product.id)
    .order_by(Tag.id)
    .correlate(Product)
).label("tags")


# What the API shows of a product, as JSON text built by the database; Pydantic validates it.
_READ_JSON = json_row(Product.__table__, _TAGS_JSON)
_READ_ONE = Read(select(_READ_JSON).where(Product.id == bindparam("product_id")))
_READS = TypeAdapter(list[ProductRead])


@lru_cache(maxsize=128)
def _page(names: frozenset[str]) -> Read:
    """The statement of a page with these conditions, compiled on first use."""
    return Read(
        select(_READ_JSON)
        .where(*[_CONDITIONS[name] for name in sorted(names)])
        .order_by(Product.id.asc())
        .limit(bindparam("limit"))
    )


async def list_products(
    connection: AsyncConnection, *, query: ProductQuery
) -> CursorPage[ProductRead]:
    """One page of products after the cursor, in id order (keyset: no OFFSET scan)."""
    values = _values(query)
    texts = await _page(frozenset(values)).texts(connection, **values, limit=query.limit + 1)
    rows = _READS.validate_json(json_array(texts))
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[ProductRead](items=page, next_cursor=next_cursor)


async def read_product(connection: AsyncConnection, *, product_id: int) -> ProductRead:
    """The product with this id as the API shows it; 404 if absent."""
    row = await _READ_ONE.text(connection, product_id=product_id)
    if row is None:
        msg = f"Product {product_id} not found."
        raise NotFoundError(msg)
    return ProductRead.model_validate_json(row)


async def get_product(session: AsyncSession, *, product_id: int) -> Product:
    """The product with this id, its collections loaded, to change; 404 if absent."""
    product = await session.scalar(
        select(Product).options(selectinload(Product.tags)).where(Product.id == product_id)
    )
    if product is None:
        msg = f"Product {product_id} not found."
        raise NotFoundError(msg)
    return product


async def create_product(session: AsyncSession, *, data: ProductCreate) -> ProductRead:
    """Create a product; 409 if it duplicates a unique value."""
    await _check_references(await session.connection(), data=data)
    product = Product(**data.model_dump(exclude={"tag_ids"}))
    product.tags = await require_rows(session, Tag, data.tag_ids, field="tag_ids")
    session.add(product)
    await commit_or_conflict(session, _CONFLICT)
    return await read_product(await session.connection(), product_id=product.id)


async def update_product(
    session: AsyncSession, *, product_id: int, data: ProductUpdate
) -> ProductRead:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    product = await get_product(session, product_id=product_id)
    await _check_references(await session.connection(), data=data)
    if data.tag_ids is not None:
        product.tags = await require_rows(session, Tag, data.tag_ids, field="tag_ids")
    for name, value in data.model_dump(exclude_unset=True, exclude={"tag_ids"}).items():
        setattr(product, name, value)
    await commit_or_conflict(session, _CONFLICT)
    return await read_product(await session.connection(), product_id=product_id)


async def delete_product(session: AsyncSession, *, product_id: int) -> None:
    """Delete a product; 409 if other rows still depend on it."""
    product = await get_product(session, product_id=product_id)
    await session.delete(product)
    await commit_or_conflict(
        session, f"Product {product_id} is still referenced and cannot be deleted."
    )


async def _check_references(
    connection: AsyncConnection, *, data: ProductCreate | ProductUpdate
) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.category_id is not None:
        await require_row(connection, Category, data.category_id, field="category_id")
