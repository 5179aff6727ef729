"""Shipment: HTTP routes."""

from flask import Response

from inventory.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from inventory.pagination import CursorPage
from inventory.shipments import service
from inventory.shipments.schemas import ShipmentCreate, ShipmentQuery, ShipmentRead, ShipmentUpdate

blueprint = ApiBlueprint(
    "shipments", __name__, url_prefix="/shipments", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=ShipmentQuery, response=CursorPage[ShipmentRead])
def list_shipments() -> Response:
    """List shipments: paged, filtered."""
    return json_response(service.list_shipments(query=parse_query(ShipmentQuery)))


@blueprint.operation("POST", "", status=201, body=ShipmentCreate, response=ShipmentRead)
def create_shipment() -> Response:
    """Create a shipment."""
    shipment = service.create_shipment(data=parse_body(ShipmentCreate))
    return json_response(ShipmentRead.model_validate(shipment), 201)


@blueprint.operation("GET", "/{shipment_id}", response=ShipmentRead)
def get_shipment(shipment_id: str) -> Response:
    """Get one shipment."""
    shipment = service.get_shipment(shipment_id=path_id("shipment_id", shipment_id))
    return json_response(ShipmentRead.model_validate(shipment))


@blueprint.operation("PATCH", "/{shipment_id}", body=ShipmentUpdate, response=ShipmentRead)
def update_shipment(shipment_id: str) -> Response:
    """Change some fields of a shipment."""
    shipment = service.update_shipment(
        shipment_id=path_id("shipment_id", shipment_id), data=parse_body(ShipmentUpdate)
    )
    return json_response(ShipmentRead.model_validate(shipment))


@blueprint.operation("DELETE", "/{shipment_id}", status=204)
def delete_shipment(shipment_id: str) -> Response:
    """Delete a shipment."""
    service.delete_shipment(shipment_id=path_id("shipment_id", shipment_id))
    return no_content()
