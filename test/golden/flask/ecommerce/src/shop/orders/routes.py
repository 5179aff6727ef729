"""Order: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.orders import service
from shop.orders.schemas import OrderCreate, OrderQuery, OrderRead, OrderUpdate
from shop.pagination import OffsetPage
from shop.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "orders", __name__, url_prefix="/orders", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=OrderQuery, response=OffsetPage[OrderRead], guard=login_required
)
def list_orders() -> Response:
    """List orders: paged, filtered and sorted."""
    return json_response(service.list_orders(query=parse_query(OrderQuery), user=current_user()))


@blueprint.operation(
    "POST", "", status=201, body=OrderCreate, response=OrderRead, guard=login_required
)
def create_order() -> Response:
    """Create an order."""
    order = service.create_order(data=parse_body(OrderCreate), user=current_user())
    return json_response(OrderRead.model_validate(order), 201)


@blueprint.operation("GET", "/{order_id}", response=OrderRead, guard=login_required)
def get_order(order_id: str) -> Response:
    """Get one order."""
    order = service.get_order(order_id=path_id("order_id", order_id), user=current_user())
    return json_response(OrderRead.model_validate(order))


@blueprint.operation(
    "PATCH", "/{order_id}", body=OrderUpdate, response=OrderRead, guard=login_required
)
def update_order(order_id: str) -> Response:
    """Change some fields of an order."""
    order = service.update_order(
        order_id=path_id("order_id", order_id), data=parse_body(OrderUpdate), user=current_user()
    )
    return json_response(OrderRead.model_validate(order))


@blueprint.operation("DELETE", "/{order_id}", status=204, guard=login_required)
def delete_order(order_id: str) -> Response:
    """Delete an order."""
    service.delete_order(order_id=path_id("order_id", order_id), user=current_user())
    return no_content()
