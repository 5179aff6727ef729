"""Product: business logic, as keyword-only functions on the request's session."""

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import selectinload

from shop.categories.models import Category
from shop.crud import commit_or_conflict, require_rows
from shop.db import db
from shop.errors import NotFoundError
from shop.pagination import CursorPage, decode_cursor, encode_cursor
from shop.products.models import Product
from shop.products.schemas import ProductCreate, ProductQuery, ProductRead, ProductUpdate
from shop.tags.models import Tag

_CONFLICT = "The product conflicts with an existing one."


def _conditions(query: ProductQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.title is not None:
        conditions.append(Product.title == query.title)
    if query.min_price is not None:
        conditions.append(Product.price >= query.min_price)
    if query.max_price is not None:
        conditions.append(Product.price <= query.max_price)
    if query.status is not None:
        conditions.append(Product.status == query.status)
    if query.category_id is not None:
        conditions.append(Product.category_id == query.category_id)
    return conditions


def list_products(*, query: ProductQuery) -> CursorPage[ProductRead]:
    """One page of products after the cursor, in id order (keyset: no OFFSET scan)."""
    conditions = _conditions(query)
    if query.cursor is not None:
        conditions.append(Product.id > decode_cursor(query.cursor))
    rows = list(
        db.session.scalars(
            select(Product)
            .options(selectinload(Product.tags))
            .where(*conditions)
            .order_by(Product.id.asc())
            .limit(query.limit + 1)
        )
    )
    page = rows[: query.limit]
    next_cursor = encode_cursor(page[-1].id) if len(rows) > query.limit else None
    return CursorPage[ProductRead](
        items=[ProductRead.model_validate(row) for row in page], next_cursor=next_cursor
    )


def get_product(*, product_id: int) -> Product:
    """The product with this id, with everything its read schema shows; 404 if absent."""
    product = db.session.scalar(
        select(Product)
        .options(selectinload(Product.tags))
        .where(Product.id == product_id)
        .execution_options(populate_existing=True)
    )
    if product is None:
        msg = f"Product {product_id} not found."
        raise NotFoundError(msg)
    return product


def create_product(*, data: ProductCreate) -> Product:
    """Create a product; 409 if it duplicates a unique value."""
    _check_references(data=data)
    product = Product(**data.model_dump(exclude={"tag_ids"}))
    product.tags = require_rows(Tag, data.tag_ids, field="tag_ids")
    db.session.add(product)
    commit_or_conflict(_CONFLICT)
    return get_product(product_id=product.id)


def update_product(*, product_id: int, data: ProductUpdate) -> Product:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    product = get_product(product_id=product_id)
    _check_references(data=data)
    if data.tag_ids is not None:
        product.tags = require_rows(Tag, data.tag_ids, field="tag_ids")
    for name, value in data.model_dump(exclude_unset=True, exclude={"tag_ids"}).items():
        setattr(product, name, value)
    commit_or_conflict(_CONFLICT)
    return get_product(product_id=product_id)


def delete_product(*, product_id: int) -> None:
    """Delete a product; 409 if other rows still depend on it."""
    product = get_product(product_id=product_id)
    db.session.delete(product)
    commit_or_conflict(f"Product {product_id} is still referenced and cannot be deleted.")


def _check_references(*, data: ProductCreate | ProductUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.category_id is not None:
        require_rows(Category, [data.category_id], field="category_id")
