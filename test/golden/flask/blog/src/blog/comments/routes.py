"""Comment: HTTP routes."""

from flask import Response

from blog.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from blog.comments import service
from blog.comments.schemas import CommentCreate, CommentQuery, CommentRead, CommentUpdate
from blog.pagination import CursorPage
from blog.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "comments", __name__, url_prefix="/comments", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=CommentQuery, response=CursorPage[CommentRead])
def list_comments() -> Response:
    """List comments: paged, filtered."""
    return json_response(service.list_comments(query=parse_query(CommentQuery)))


@blueprint.operation(
    "POST", "", status=201, body=CommentCreate, response=CommentRead, guard=login_required
)
def create_comment() -> Response:
    """Create a comment."""
    comment = service.create_comment(data=parse_body(CommentCreate), user=current_user())
    return json_response(CommentRead.model_validate(comment), 201)


@blueprint.operation("GET", "/{comment_id}", response=CommentRead)
def get_comment(comment_id: str) -> Response:
    """Get one comment."""
    comment = service.get_comment(comment_id=path_id("comment_id", comment_id))
    return json_response(CommentRead.model_validate(comment))


@blueprint.operation(
    "PATCH", "/{comment_id}", body=CommentUpdate, response=CommentRead, guard=login_required
)
def update_comment(comment_id: str) -> Response:
    """Change some fields of a comment."""
    comment = service.update_comment(
        comment_id=path_id("comment_id", comment_id),
        data=parse_body(CommentUpdate),
        user=current_user(),
    )
    return json_response(CommentRead.model_validate(comment))


@blueprint.operation("DELETE", "/{comment_id}", status=204, guard=login_required)
def delete_comment(comment_id: str) -> Response:
    """Delete a comment."""
    service.delete_comment(comment_id=path_id("comment_id", comment_id), user=current_user())
    return no_content()
