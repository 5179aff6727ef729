"""Customer: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from shop.customers import service
from shop.customers.schemas import CustomerCreate, CustomerQuery, CustomerRead, CustomerUpdate
from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.pagination import OffsetPage
from shop.routing import PrefixRouter
from shop.users.dependencies import CurrentCaller, CurrentUser

router = PrefixRouter(prefix="/customers", tags=["customers"], responses=ERROR_RESPONSES)

CustomerId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_customers(
    connection: ConnectionDep, query: Annotated[CustomerQuery, Query()], user: CurrentCaller
) -> OffsetPage[CustomerRead]:
    """List customers: paged, filtered."""
    return await service.list_customers(connection, query=query, user=user)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_customer(
    data: CustomerCreate, connection: ConnectionDep, user: CurrentCaller
) -> CustomerRead:
    """Create a customer."""
    return await service.create_customer(connection, data=data, user=user)


@router.get("/{customer_id}")
async def get_customer(
    customer_id: CustomerId, connection: ConnectionDep, user: CurrentCaller
) -> CustomerRead:
    """Get one customer."""
    return await service.read_customer(connection, customer_id=customer_id, user=user)


@router.patch("/{customer_id}")
async def update_customer(
    customer_id: CustomerId, data: CustomerUpdate, session: SessionDep, user: CurrentUser
) -> CustomerRead:
    """Change some fields of a customer."""
    return await service.update_customer(session, customer_id=customer_id, data=data, user=user)


@router.delete("/{customer_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_customer(customer_id: CustomerId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a customer."""
    await service.delete_customer(session, customer_id=customer_id, user=user)
