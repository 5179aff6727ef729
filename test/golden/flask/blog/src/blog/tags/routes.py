"""Tag: HTTP routes."""

from flask import Response

from blog.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from blog.pagination import OffsetPage
from blog.tags import service
from blog.tags.schemas import TagCreate, TagQuery, TagRead, TagUpdate
from blog.users.auth import admin_required

blueprint = ApiBlueprint(
    "tags", __name__, url_prefix="/tags", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=TagQuery, response=OffsetPage[TagRead])
def list_tags() -> Response:
    """List tags: paged and sorted."""
    return json_response(service.list_tags(query=parse_query(TagQuery)))


@blueprint.operation("POST", "", status=201, body=TagCreate, response=TagRead, guard=admin_required)
def create_tag() -> Response:
    """Create a tag."""
    tag = service.create_tag(data=parse_body(TagCreate))
    return json_response(TagRead.model_validate(tag), 201)


@blueprint.operation("GET", "/{tag_id}", response=TagRead)
def get_tag(tag_id: str) -> Response:
    """Get one tag."""
    tag = service.get_tag(tag_id=path_id("tag_id", tag_id))
    return json_response(TagRead.model_validate(tag))


@blueprint.operation("PATCH", "/{tag_id}", body=TagUpdate, response=TagRead, guard=admin_required)
def update_tag(tag_id: str) -> Response:
    """Change some fields of a tag."""
    tag = service.update_tag(tag_id=path_id("tag_id", tag_id), data=parse_body(TagUpdate))
    return json_response(TagRead.model_validate(tag))


@blueprint.operation("DELETE", "/{tag_id}", status=204, guard=admin_required)
def delete_tag(tag_id: str) -> Response:
    """Delete a tag."""
    service.delete_tag(tag_id=path_id("tag_id", tag_id))
    return no_content()
