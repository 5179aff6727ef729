"""CartItem: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from shop.cart_items import service
from shop.cart_items.schemas import CartItemCreate, CartItemQuery, CartItemRead, CartItemUpdate
from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/cart_items", tags=["cart_items"], responses=ERROR_RESPONSES)

CartItemId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_cart_items(
    connection: ConnectionDep, query: Annotated[CartItemQuery, Query()], user: CurrentCaller
) -> OffsetPage[CartItemRead]:
    """List cart_items: paged, filtered."""
    return await service.list_cart_items(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_cart_item(
    data: CartItemCreate, connection: ConnectionDep, user: CurrentCaller
) -> CartItemRead:
    """Create a cart item."""
    return await service.create_cart_item(connection, data=data, user=user)


@router.get("/{cart_item_id}")
async def get_cart_item(
    cart_item_id: CartItemId, connection: ConnectionDep, user: CurrentCaller
) -> CartItemRead:
    """Get one cart item."""
    return await service.read_cart_item(connection, cart_item_id=cart_item_id, user=user)


@router.patch("/{cart_item_id}")
async def update_cart_item(
    cart_item_id: CartItemId, data: CartItemUpdate, session: SessionDep, user: CurrentUser
) -> CartItemRead:
    """Change some fields of a cart item."""
    return await service.update_cart_item(session, cart_item_id=cart_item_id, data=data, user=user)


@router.delete("/{cart_item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_cart_item(
    cart_item_id: CartItemId, session: SessionDep, user: CurrentUser
) -> None:
    """Delete a cart item."""
    await service.delete_cart_item(session, cart_item_id=cart_item_id, user=user)
