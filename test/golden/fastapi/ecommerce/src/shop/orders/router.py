"""Order: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.orders import service
from shop.orders.schemas import OrderCreate, OrderQuery, OrderRead, OrderUpdate
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/orders", tags=["orders"], responses=ERROR_RESPONSES)

OrderId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_orders(
    connection: ConnectionDep, query: Annotated[OrderQuery, Query()], user: CurrentCaller
) -> OffsetPage[OrderRead]:
    """List orders: paged, filtered and sorted."""
    return await service.list_orders(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_order(
    data: OrderCreate, connection: ConnectionDep, user: CurrentCaller
) -> OrderRead:
    """Create an order."""
    return await service.create_order(connection, data=data, user=user)


@router.get("/{order_id}")
async def get_order(order_id: OrderId, connection: ConnectionDep, user: CurrentCaller) -> OrderRead:
    """Get one order."""
    return await service.read_order(connection, order_id=order_id, user=user)


@router.patch("/{order_id}")
async def update_order(
    order_id: OrderId, data: OrderUpdate, session: SessionDep, user: CurrentUser
) -> OrderRead:
    """Change some fields of an order."""
    return await service.update_order(session, order_id=order_id, data=data, user=user)


@router.delete("/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_order(order_id: OrderId, session: SessionDep, user: CurrentUser) -> None:
    """Delete an order."""
    await service.delete_order(session, order_id=order_id, user=user)
