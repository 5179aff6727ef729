"""Category: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.categories import service
from shop.categories.schemas import CategoryCreate, CategoryQuery, CategoryRead, CategoryUpdate
from shop.pagination import OffsetPage
from shop.users.auth import admin_required

blueprint = ApiBlueprint(
    "categories", __name__, url_prefix="/categories", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=CategoryQuery, response=OffsetPage[CategoryRead])
def list_categories() -> Response:
    """List categories: paged, filtered and sorted."""
    return json_response(service.list_categories(query=parse_query(CategoryQuery)))


@blueprint.operation(
    "POST", "", status=201, body=CategoryCreate, response=CategoryRead, guard=admin_required
)
def create_category() -> Response:
    """Create a category."""
    category = service.create_category(data=parse_body(CategoryCreate))
    return json_response(CategoryRead.model_validate(category), 201)


@blueprint.operation("GET", "/{category_id}", response=CategoryRead)
def get_category(category_id: str) -> Response:
    """Get one category."""
    category = service.get_category(category_id=path_id("category_id", category_id))
    return json_response(CategoryRead.model_validate(category))


@blueprint.operation(
    "PATCH", "/{category_id}", body=CategoryUpdate, response=CategoryRead, guard=admin_required
)
def update_category(category_id: str) -> Response:
    """Change some fields of a category."""
    category = service.update_category(
        category_id=path_id("category_id", category_id), data=parse_body(CategoryUpdate)
    )
    return json_response(CategoryRead.model_validate(category))


@blueprint.operation("DELETE", "/{category_id}", status=204, guard=admin_required)
def delete_category(category_id: str) -> Response:
    """Delete a category."""
    service.delete_category(category_id=path_id("category_id", category_id))
    return no_content()
