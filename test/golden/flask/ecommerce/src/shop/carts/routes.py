"""Cart: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.carts import service
from shop.carts.schemas import CartCreate, CartQuery, CartRead, CartUpdate
from shop.pagination import OffsetPage
from shop.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "carts", __name__, url_prefix="/carts", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=CartQuery, response=OffsetPage[CartRead], guard=login_required
)
def list_carts() -> Response:
    """List carts: paged, filtered."""
    return json_response(service.list_carts(query=parse_query(CartQuery), user=current_user()))


@blueprint.operation(
    "POST", "", status=201, body=CartCreate, response=CartRead, guard=login_required
)
def create_cart() -> Response:
    """Create a cart."""
    cart = service.create_cart(data=parse_body(CartCreate), user=current_user())
    return json_response(CartRead.model_validate(cart), 201)


@blueprint.operation("GET", "/{cart_id}", response=CartRead, guard=login_required)
def get_cart(cart_id: str) -> Response:
    """Get one cart."""
    cart = service.get_cart(cart_id=path_id("cart_id", cart_id), user=current_user())
    return json_response(CartRead.model_validate(cart))


@blueprint.operation(
    "PATCH", "/{cart_id}", body=CartUpdate, response=CartRead, guard=login_required
)
def update_cart(cart_id: str) -> Response:
    """Change some fields of a cart."""
    cart = service.update_cart(
        cart_id=path_id("cart_id", cart_id), data=parse_body(CartUpdate), user=current_user()
    )
    return json_response(CartRead.model_validate(cart))


@blueprint.operation("DELETE", "/{cart_id}", status=204, guard=login_required)
def delete_cart(cart_id: str) -> Response:
    """Delete a cart."""
    service.delete_cart(cart_id=path_id("cart_id", cart_id), user=current_user())
    return no_content()
