"""Warehouse: HTTP routes."""

from flask import Response

from inventory.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from inventory.pagination import OffsetPage
from inventory.warehouses import service
from inventory.warehouses.schemas import (
    WarehouseCreate,
    WarehouseQuery,
    WarehouseRead,
    WarehouseUpdate,
)

blueprint = ApiBlueprint(
    "warehouses", __name__, url_prefix="/warehouses", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=WarehouseQuery, response=OffsetPage[WarehouseRead])
def list_warehouses() -> Response:
    """List warehouses: paged, filtered and sorted."""
    return json_response(service.list_warehouses(query=parse_query(WarehouseQuery)))


@blueprint.operation("POST", "", status=201, body=WarehouseCreate, response=WarehouseRead)
def create_warehouse() -> Response:
    """Create a warehouse."""
    warehouse = service.create_warehouse(data=parse_body(WarehouseCreate))
    return json_response(WarehouseRead.model_validate(warehouse), 201)


@blueprint.operation("GET", "/{warehouse_id}", response=WarehouseRead)
def get_warehouse(warehouse_id: str) -> Response:
    """Get one warehouse."""
    warehouse = service.get_warehouse(warehouse_id=path_id("warehouse_id", warehouse_id))
    return json_response(WarehouseRead.model_validate(warehouse))


@blueprint.operation("PATCH", "/{warehouse_id}", body=WarehouseUpdate, response=WarehouseRead)
def update_warehouse(warehouse_id: str) -> Response:
    """Change some fields of a warehouse."""
    warehouse = service.update_warehouse(
        warehouse_id=path_id("warehouse_id", warehouse_id), data=parse_body(WarehouseUpdate)
    )
    return json_response(WarehouseRead.model_validate(warehouse))


@blueprint.operation("DELETE", "/{warehouse_id}", status=204)
def delete_warehouse(warehouse_id: str) -> Response:
    """Delete a warehouse."""
    service.delete_warehouse(warehouse_id=path_id("warehouse_id", warehouse_id))
    return no_content()
