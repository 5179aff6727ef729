"""OrderItem: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.order_items import service
from shop.order_items.schemas import OrderItemCreate, OrderItemQuery, OrderItemRead, OrderItemUpdate
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/order_items", tags=["order_items"], responses=ERROR_RESPONSES)

OrderItemId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_order_items(
    connection: ConnectionDep, query: Annotated[OrderItemQuery, Query()], user: CurrentCaller
) -> OffsetPage[OrderItemRead]:
    """List order_items: paged, filtered."""
    return await service.list_order_items(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_order_item(
    data: OrderItemCreate, connection: ConnectionDep, user: CurrentCaller
) -> OrderItemRead:
    """Create an order item."""
    return await service.create_order_item(connection, data=data, user=user)


@router.get("/{order_item_id}")
async def get_order_item(
    order_item_id: OrderItemId, connection: ConnectionDep, user: CurrentCaller
) -> OrderItemRead:
    """Get one order item."""
    return await service.read_order_item(connection, order_item_id=order_item_id, user=user)


@router.patch("/{order_item_id}")
async def update_order_item(
    order_item_id: OrderItemId, data: OrderItemUpdate, session: SessionDep, user: CurrentUser
) -> OrderItemRead:
    """Change some fields of an order item."""
    return await service.update_order_item(
        session, order_item_id=order_item_id, data=data, user=user
    )


@router.delete("/{order_item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_order_item(
    order_item_id: OrderItemId, session: SessionDep, user: CurrentUser
) -> None:
    """Delete an order item."""
    await service.delete_order_item(session, order_item_id=order_item_id, user=user)
