"""Item: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from inventory.db import ConnectionDep, SessionDep
from inventory.errors import ERROR_RESPONSES
from inventory.items import service
from inventory.items.schemas import ItemCreate, ItemQuery, ItemRead, ItemUpdate
from inventory.pagination import OffsetPage
from inventory.routing import PrefixRouter

router = PrefixRouter(prefix="/items", tags=["items"], responses=ERROR_RESPONSES)

ItemId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_items(
    connection: ConnectionDep, query: Annotated[ItemQuery, Query()]
) -> OffsetPage[ItemRead]:
    """List items: paged, filtered and sorted."""
    return await service.list_items(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_item(data: ItemCreate, connection: ConnectionDep) -> ItemRead:
    """Create an item."""
    return await service.create_item(connection, data=data)


@router.get("/{item_id}")
async def get_item(item_id: ItemId, connection: ConnectionDep) -> ItemRead:
    """Get one item."""
    return await service.read_item(connection, item_id=item_id)


@router.patch("/{item_id}")
async def update_item(item_id: ItemId, data: ItemUpdate, session: SessionDep) -> ItemRead:
    """Change some fields of an item."""
    return await service.update_item(session, item_id=item_id, data=data)


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_item(item_id: ItemId, session: SessionDep) -> None:
    """Delete an item."""
    await service.delete_item(session, item_id=item_id)
