"""Shipment: HTTP routes."""

from typing import Annotated

from fastapi import Path, Query, status

from inventory.db import ConnectionDep, SessionDep
from inventory.errors import ERROR_RESPONSES
from inventory.pagination import CursorPage
from inventory.routing import PrefixRouter
from inventory.shipments import service
from inventory.shipments.schemas import ShipmentCreate, ShipmentQuery, ShipmentRead, ShipmentUpdate

router = PrefixRouter(prefix="/shipments", tags=["shipments"], responses=ERROR_RESPONSES)

ShipmentId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_shipments(
    connection: ConnectionDep, query: Annotated[ShipmentQuery, Query()]
) -> CursorPage[ShipmentRead]:
    """List shipments: paged, filtered."""
    return await service.list_shipments(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_shipment(data: ShipmentCreate, connection: ConnectionDep) -> ShipmentRead:
    """Create a shipment."""
    return await service.create_shipment(connection, data=data)


@router.get("/{shipment_id}")
async def get_shipment(shipment_id: ShipmentId, connection: ConnectionDep) -> ShipmentRead:
    """Get one shipment."""
    return await service.read_shipment(connection, shipment_id=shipment_id)


@router.patch("/{shipment_id}")
async def update_shipment(
    shipment_id: ShipmentId, data: ShipmentUpdate, session: SessionDep
) -> ShipmentRead:
    """Change some fields of a shipment."""
    return await service.update_shipment(session, shipment_id=shipment_id, data=data)


@router.delete("/{shipment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_shipment(shipment_id: ShipmentId, session: SessionDep) -> None:
    """Delete a shipment."""
    await service.delete_shipment(session, shipment_id=shipment_id)
