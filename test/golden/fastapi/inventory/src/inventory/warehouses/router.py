"""Warehouse: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from inventory.db import ConnectionDep, SessionDep
from inventory.errors import ERROR_RESPONSES
from inventory.pagination import OffsetPage
from inventory.routing import PrefixRouter
from inventory.warehouses import service
from inventory.warehouses.schemas import (
    WarehouseCreate,
    WarehouseQuery,
    WarehouseRead,
    WarehouseUpdate,
)

router = PrefixRouter(prefix="/warehouses", tags=["warehouses"], responses=ERROR_RESPONSES)

WarehouseId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_warehouses(
    connection: ConnectionDep, query: Annotated[WarehouseQuery, Query()]
) -> OffsetPage[WarehouseRead]:
    """List warehouses: paged, filtered and sorted."""
    return await service.list_warehouses(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_warehouse(data: WarehouseCreate, connection: ConnectionDep) -> WarehouseRead:
    """Create a warehouse."""
    return await service.create_warehouse(connection, data=data)


@router.get("/{warehouse_id}")
async def get_warehouse(warehouse_id: WarehouseId, connection: ConnectionDep) -> WarehouseRead:
    """Get one warehouse."""
    return await service.read_warehouse(connection, warehouse_id=warehouse_id)


@router.patch("/{warehouse_id}")
async def update_warehouse(
    warehouse_id: WarehouseId, data: WarehouseUpdate, session: SessionDep
) -> WarehouseRead:
    """Change some fields of a warehouse."""
    return await service.update_warehouse(session, warehouse_id=warehouse_id, data=data)


@router.delete("/{warehouse_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_warehouse(warehouse_id: WarehouseId, session: SessionDep) -> None:
    """Delete a warehouse."""
    await service.delete_warehouse(session, warehouse_id=warehouse_id)
