"""Label: HTTP routes."""

from flask import Response

from tracker.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from tracker.labels import service
from tracker.labels.schemas import LabelCreate, LabelQuery, LabelRead, LabelUpdate
from tracker.pagination import OffsetPage
from tracker.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "labels", __name__, url_prefix="/labels", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=LabelQuery, response=OffsetPage[LabelRead], guard=login_required
)
def list_labels() -> Response:
    """List labels: paged, filtered."""
    return json_response(service.list_labels(query=parse_query(LabelQuery), user=current_user()))


@blueprint.operation(
    "POST", "", status=201, body=LabelCreate, response=LabelRead, guard=login_required
)
def create_label() -> Response:
    """Create a label."""
    label = service.create_label(data=parse_body(LabelCreate), user=current_user())
    return json_response(LabelRead.model_validate(label), 201)


@blueprint.operation("GET", "/{label_id}", response=LabelRead, guard=login_required)
def get_label(label_id: str) -> Response:
    """Get one label."""
    label = service.get_label(label_id=path_id("label_id", label_id), user=current_user())
    return json_response(LabelRead.model_validate(label))


@blueprint.operation(
    "PATCH", "/{label_id}", body=LabelUpdate, response=LabelRead, guard=login_required
)
def update_label(label_id: str) -> Response:
    """Change some fields of a label."""
    label = service.update_label(
        label_id=path_id("label_id", label_id), data=parse_body(LabelUpdate), user=current_user()
    )
    return json_response(LabelRead.model_validate(label))


@blueprint.operation("DELETE", "/{label_id}", status=204, guard=login_required)
def delete_label(label_id: str) -> Response:
    """Delete a label."""
    service.delete_label(label_id=path_id("label_id", label_id), user=current_user())
    return no_content()
