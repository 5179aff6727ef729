"""Item: HTTP routes."""

from flask import Response

from inventory.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from inventory.items import service
from inventory.items.schemas import ItemCreate, ItemQuery, ItemRead, ItemUpdate
from inventory.pagination import OffsetPage

blueprint = ApiBlueprint(
    "items", __name__, url_prefix="/items", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=ItemQuery, response=OffsetPage[ItemRead])
def list_items() -> Response:
    """List items: paged, filtered and sorted."""
    return json_response(service.list_items(query=parse_query(ItemQuery)))


@blueprint.operation("POST", "", status=201, body=ItemCreate, response=ItemRead)
def create_item() -> Response:
    """Create an item."""
    item = service.create_item(data=parse_body(ItemCreate))
    return json_response(ItemRead.model_validate(item), 201)


@blueprint.operation("GET", "/{item_id}", response=ItemRead)
def get_item(item_id: str) -> Response:
    """Get one item."""
    item = service.get_item(item_id=path_id("item_id", item_id))
    return json_response(ItemRead.model_validate(item))


@blueprint.operation("PATCH", "/{item_id}", body=ItemUpdate, response=ItemRead)
def update_item(item_id: str) -> Response:
    """Change some fields of an item."""
    item = service.update_item(item_id=path_id("item_id", item_id), data=parse_body(ItemUpdate))
    return json_response(ItemRead.model_validate(item))


@blueprint.operation("DELETE", "/{item_id}", status=204)
def delete_item(item_id: str) -> Response:
    """Delete an item."""
    service.delete_item(item_id=path_id("item_id", item_id))
    return no_content()
