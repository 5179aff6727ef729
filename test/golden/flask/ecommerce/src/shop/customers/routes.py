"""Customer: HTTP routes."""

from flask import Response

from shop.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from shop.customers import service
from shop.customers.schemas import CustomerCreate, CustomerQuery, CustomerRead, CustomerUpdate
from shop.pagination import OffsetPage
from shop.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "customers", __name__, url_prefix="/customers", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=CustomerQuery, response=OffsetPage[CustomerRead], guard=login_required
)
def list_customers() -> Response:
    """List customers: paged, filtered."""
    return json_response(
        service.list_customers(query=parse_query(CustomerQuery), user=current_user())
    )


@blueprint.operation(
    "POST", "", status=201, body=CustomerCreate, response=CustomerRead, guard=login_required
)
def create_customer() -> Response:
    """Create a customer."""
    customer = service.create_customer(data=parse_body(CustomerCreate), user=current_user())
    return json_response(CustomerRead.model_validate(customer), 201)


@blueprint.operation("GET", "/{customer_id}", response=CustomerRead, guard=login_required)
def get_customer(customer_id: str) -> Response:
    """Get one customer."""
    customer = service.get_customer(
        customer_id=path_id("customer_id", customer_id), user=current_user()
    )
    return json_response(CustomerRead.model_validate(customer))


@blueprint.operation(
    "PATCH", "/{customer_id}", body=CustomerUpdate, response=CustomerRead, guard=login_required
)
def update_customer(customer_id: str) -> Response:
    """Change some fields of a customer."""
    customer = service.update_customer(
        customer_id=path_id("customer_id", customer_id),
        data=parse_body(CustomerUpdate),
        user=current_user(),
    )
    return json_response(CustomerRead.model_validate(customer))


@blueprint.operation("DELETE", "/{customer_id}", status=204, guard=login_required)
def delete_customer(customer_id: str) -> Response:
    """Delete a customer."""
    service.delete_customer(customer_id=path_id("customer_id", customer_id), user=current_user())
    return no_content()
