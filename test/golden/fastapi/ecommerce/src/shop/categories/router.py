"""Category: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from shop.categories import service
from shop.categories.schemas import CategoryCreate, CategoryQuery, CategoryRead, CategoryUpdate
from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import require_admin, require_admin_caller

router = PrefixRouter(prefix="/categories", tags=["categories"], responses=ERROR_RESPONSES)

CategoryId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_categories(
    connection: ConnectionDep, query: Annotated[CategoryQuery, Query()]
) -> OffsetPage[CategoryRead]:
    """List categories: paged, filtered and sorted."""
    return await service.list_categories(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_admin_caller)])
async def create_category(data: CategoryCreate, connection: ConnectionDep) -> CategoryRead:
    """Create a category."""
    return await service.create_category(connection, data=data)


@router.get("/{category_id}")
async def get_category(category_id: CategoryId, connection: ConnectionDep) -> CategoryRead:
    """Get one category."""
    return await service.read_category(connection, category_id=category_id)


@router.patch("/{category_id}", dependencies=[Depends(require_admin)])
async def update_category(
    category_id: CategoryId, data: CategoryUpdate, session: SessionDep
) -> CategoryRead:
    """Change some fields of a category."""
    return await service.update_category(session, category_id=category_id, data=data)


@router.delete(
    "/{category_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(require_admin)]
)
async def delete_category(category_id: CategoryId, session: SessionDep) -> None:
    """Delete a category."""
    await service.delete_category(session, category_id=category_id)
