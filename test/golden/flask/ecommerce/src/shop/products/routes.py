"""Product: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.pagination import CursorPage
from shop.products import service
from shop.products.schemas import ProductCreate, ProductQuery, ProductRead, ProductUpdate
from shop.users.auth import admin_required

blueprint = ApiBlueprint(
    "products", __name__, url_prefix="/products", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=ProductQuery, response=CursorPage[ProductRead])
def list_products() -> Response:
    """List products: paged, filtered."""
    return json_response(service.list_products(query=parse_query(ProductQuery)))


@blueprint.operation(
    "POST", "", status=201, body=ProductCreate, response=ProductRead, guard=admin_required
)
def create_product() -> Response:
    """Create a product."""
    product = service.create_product(data=parse_body(ProductCreate))
    return json_response(ProductRead.model_validate(product), 201)


@blueprint.operation("GET", "/{product_id}", response=ProductRead)
def get_product(product_id: str) -> Response:
    """Get one product."""
    product = service.get_product(product_id=path_id("product_id", product_id))
    return json_response(ProductRead.model_validate(product))


@blueprint.operation(
    "PATCH", "/{product_id}", body=ProductUpdate, response=ProductRead, guard=admin_required
)
def update_product(product_id: str) -> Response:
    """Change some fields of a product."""
    product = service.update_product(
        product_id=path_id("product_id", product_id), data=parse_body(ProductUpdate)
    )
    return json_response(ProductRead.model_validate(product))


@blueprint.operation("DELETE", "/{product_id}", status=204, guard=admin_required)
def delete_product(product_id: str) -> Response:
    """Delete a product."""
    service.delete_product(product_id=path_id("product_id", product_id))
    return no_content()
