"""Category: business logic, as keyword-only functions on the request's session."""

from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, select
from sqlalchemy.orm import InstrumentedAttribute

from shop.categories.models import Category
from shop.categories.schemas import (
    CategoryCreate,
    CategoryQuery,
    CategoryRead,
    CategorySort,
    CategoryUpdate,
)
from shop.crud import commit_or_conflict, require_rows
from shop.db import db
from shop.errors import ErrorDetail, NotFoundError, ValidationFailedError
from shop.pagination import OffsetPage

_CONFLICT = "The category conflicts with an existing one."


def _conditions(query: CategoryQuery) -> list[ColumnElement[bool]]:
    """SQL conditions of the list filters."""
    conditions: list[ColumnElement[bool]] = []
    if query.parent_id is not None:
        conditions.append(Category.parent_id == query.parent_id)
    return conditions


_SORTABLE: dict[str, InstrumentedAttribute[Any]] = {"name": Category.name}


def _order_by(sort: CategorySort | None) -> list[UnaryExpression[Any]]:
    """ORDER BY of a sort parameter (`-` prefix: descending), with the id as tie-breaker."""
    if sort is None:
        return [Category.id.asc()]
    column = _SORTABLE[sort.removeprefix("-")]
    return [column.desc() if sort.startswith("-") else column.asc(), Category.id.asc()]


def list_categories(*, query: CategoryQuery) -> OffsetPage[CategoryRead]:
    """One page of categories matching the filters, with the total count."""
    conditions = _conditions(query)
    total = db.session.scalar(select(func.count()).select_from(Category).where(*conditions))
    rows = db.session.scalars(
        select(Category)
        .where(*conditions)
        .order_by(*_order_by(query.sort))
        .offset(query.offset)
        .limit(query.limit)
    )
    return OffsetPage[CategoryRead](
        items=[CategoryRead.model_validate(row) for row in rows],
        total=total or 0,
        offset=query.offset,
        limit=query.limit,
    )


def get_category(*, category_id: int) -> Category:
    """The category with this id, with everything its read schema shows; 404 if absent."""
    category = db.session.scalar(
        select(Category).where(Category.id == category_id).execution_options(populate_existing=True)
    )
    if category is None:
        msg = f"Category {category_id} not found."
        raise NotFoundError(msg)
    return category


def create_category(*, data: CategoryCreate) -> Category:
    """Create a category; 409 if it duplicates a unique value."""
    _check_references(data=data)
    category = Category(**data.model_dump())
    db.session.add(category)
    commit_or_conflict(_CONFLICT)
    return get_category(category_id=category.id)


def update_category(*, category_id: int, data: CategoryUpdate) -> Category:
    """Change the fields sent; 404 if absent, 409 on a duplicate unique value."""
    category = get_category(category_id=category_id)
    if data.parent_id == category_id:
        msg = "parent_id cannot refer to the category itself."
        raise ValidationFailedError(
            msg, details=[ErrorDetail(loc=["body", "parent_id"], message=msg)]
        )
    _check_references(data=data)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(category, name, value)
    commit_or_conflict(_CONFLICT)
    return get_category(category_id=category_id)


def delete_category(*, category_id: int) -> None:
    """Delete a category; 409 if other rows still depend on it."""
    category = get_category(category_id=category_id)
    db.session.delete(category)
    commit_or_conflict(f"Category {category_id} is still referenced and cannot be deleted.")


def _check_references(*, data: CategoryCreate | CategoryUpdate) -> None:
    """Referenced rows must exist: 422 otherwise."""
    if data.parent_id is not None:
        require_rows(Category, [data.parent_id], field="parent_id")
