"""CartItem: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.cart_items import service
from shop.cart_items.schemas import CartItemCreate, CartItemQuery, CartItemRead, CartItemUpdate
from shop.pagination import OffsetPage
from shop.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "cart_items", __name__, url_prefix="/cart_items", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=CartItemQuery, response=OffsetPage[CartItemRead], guard=login_required
)
def list_cart_items() -> Response:
    """List cart_items: paged, filtered."""
    return json_response(
        service.list_cart_items(query=parse_query(CartItemQuery), user=current_user())
    )


@blueprint.operation(
    "POST", "", status=201, body=CartItemCreate, response=CartItemRead, guard=login_required
)
def create_cart_item() -> Response:
    """Create a cart item."""
    cart_item = service.create_cart_item(data=parse_body(CartItemCreate), user=current_user())
    return json_response(CartItemRead.model_validate(cart_item), 201)


@blueprint.operation("GET", "/{cart_item_id}", response=CartItemRead, guard=login_required)
def get_cart_item(cart_item_id: str) -> Response:
    """Get one cart item."""
    cart_item = service.get_cart_item(
        cart_item_id=path_id("cart_item_id", cart_item_id), user=current_user()
    )
    return json_response(CartItemRead.model_validate(cart_item))


@blueprint.operation(
    "PATCH", "/{cart_item_id}", body=CartItemUpdate, response=CartItemRead, guard=login_required
)
def update_cart_item(cart_item_id: str) -> Response:
    """Change some fields of a cart item."""
    cart_item = service.update_cart_item(
        cart_item_id=path_id("cart_item_id", cart_item_id),
        data=parse_body(CartItemUpdate),
        user=current_user(),
    )
    return json_response(CartItemRead.model_validate(cart_item))


@blueprint.operation("DELETE", "/{cart_item_id}", status=204, guard=login_required)
def delete_cart_item(cart_item_id: str) -> Response:
    """Delete a cart item."""
    service.delete_cart_item(
        cart_item_id=path_id("cart_item_id", cart_item_id), user=current_user()
    )
    return no_content()
