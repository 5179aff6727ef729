"""Post: HTTP routes."""

from flask import Response

from blog.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from blog.pagination import OffsetPage
from blog.posts import service
from blog.posts.schemas import PostCreate, PostQuery, PostRead, PostUpdate
from blog.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "posts", __name__, url_prefix="/posts", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("GET", "", query=PostQuery, response=OffsetPage[PostRead])
def list_posts() -> Response:
    """List posts: paged, filtered and sorted."""
    return json_response(service.list_posts(query=parse_query(PostQuery)))


@blueprint.operation(
    "POST", "", status=201, body=PostCreate, response=PostRead, guard=login_required
)
def create_post() -> Response:
    """Create a post."""
    post = service.create_post(data=parse_body(PostCreate), user=current_user())
    return json_response(PostRead.model_validate(post), 201)


@blueprint.operation("GET", "/{post_id}", response=PostRead)
def get_post(post_id: str) -> Response:
    """Get one post."""
    post = service.get_post(post_id=path_id("post_id", post_id))
    return json_response(PostRead.model_validate(post))


@blueprint.operation(
    "PATCH", "/{post_id}", body=PostUpdate, response=PostRead, guard=login_required
)
def update_post(post_id: str) -> Response:
    """Change some fields of a post."""
    post = service.update_post(
        post_id=path_id("post_id", post_id), data=parse_body(PostUpdate), user=current_user()
    )
    return json_response(PostRead.model_validate(post))


@blueprint.operation("DELETE", "/{post_id}", status=204, guard=login_required)
def delete_post(post_id: str) -> Response:
    """Delete a post."""
    service.delete_post(post_id=path_id("post_id", post_id), user=current_user())
    return no_content()
