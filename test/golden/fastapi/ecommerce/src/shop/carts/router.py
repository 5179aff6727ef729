"""Cart: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from shop.carts import service
from shop.carts.schemas import CartCreate, CartQuery, CartRead, CartUpdate
from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/carts", tags=["carts"], responses=ERROR_RESPONSES)

CartId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_carts(
    connection: ConnectionDep, query: Annotated[CartQuery, Query()], user: CurrentCaller
) -> OffsetPage[CartRead]:
    """List carts: paged, filtered."""
    return await service.list_carts(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_cart(data: CartCreate, connection: ConnectionDep, user: CurrentCaller) -> CartRead:
    """Create a cart."""
    return await service.create_cart(connection, data=data, user=user)


@router.get("/{cart_id}")
async def get_cart(cart_id: CartId, connection: ConnectionDep, user: CurrentCaller) -> CartRead:
    """Get one cart."""
    return await service.read_cart(connection, cart_id=cart_id, user=user)


@router.patch("/{cart_id}")
async def update_cart(
    cart_id: CartId, data: CartUpdate, session: SessionDep, user: CurrentUser
) -> CartRead:
    """Change some fields of a cart."""
    return await service.update_cart(session, cart_id=cart_id, data=data, user=user)


@router.delete("/{cart_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_cart(cart_id: CartId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a cart."""
    await service.delete_cart(session, cart_id=cart_id, user=user)
