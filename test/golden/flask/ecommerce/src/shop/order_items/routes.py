"""OrderItem: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.order_items import service
from shop.order_items.schemas import OrderItemCreate, OrderItemQuery, OrderItemRead, OrderItemUpdate
from shop.pagination import OffsetPage
from shop.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "order_items", __name__, url_prefix="/order_items", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=OrderItemQuery, response=OffsetPage[OrderItemRead], guard=login_required
)
def list_order_items() -> Response:
    """List order_items: paged, filtered."""
    return json_response(
        service.list_order_items(query=parse_query(OrderItemQuery), user=current_user())
    )


@blueprint.operation(
    "POST", "", status=201, body=OrderItemCreate, response=OrderItemRead, guard=login_required
)
def create_order_item() -> Response:
    """Create an order item."""
    order_item = service.create_order_item(data=parse_body(OrderItemCreate), user=current_user())
    return json_response(OrderItemRead.model_validate(order_item), 201)


@blueprint.operation("GET", "/{order_item_id}", response=OrderItemRead, guard=login_required)
def get_order_item(order_item_id: str) -> Response:
    """Get one order item."""
    order_item = service.get_order_item(
        order_item_id=path_id("order_item_id", order_item_id), user=current_user()
    )
    return json_response(OrderItemRead.model_validate(order_item))


@blueprint.operation(
    "PATCH", "/{order_item_id}", body=OrderItemUpdate, response=OrderItemRead, guard=login_required
)
def update_order_item(order_item_id: str) -> Response:
    """Change some fields of an order item."""
    order_item = service.update_order_item(
        order_item_id=path_id("order_item_id", order_item_id),
        data=parse_body(OrderItemUpdate),
        user=current_user(),
    )
    return json_response(OrderItemRead.model_validate(order_item))


@blueprint.operation("DELETE", "/{order_item_id}", status=204, guard=login_required)
def delete_order_item(order_item_id: str) -> Response:
    """Delete an order item."""
    service.delete_order_item(
        order_item_id=path_id("order_item_id", order_item_id), user=current_user()
    )
    return no_content()
