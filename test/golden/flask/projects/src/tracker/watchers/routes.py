"""Watcher: HTTP routes."""

from flask import Response

from tracker.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from tracker.pagination import OffsetPage
from tracker.users.auth import login_required
from tracker.watchers import service
from tracker.watchers.schemas import WatcherCreate, WatcherQuery, WatcherRead, WatcherUpdate

blueprint = ApiBlueprint(
    "watchers", __name__, url_prefix="/watchers", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=WatcherQuery, response=OffsetPage[WatcherRead], guard=login_required
)
def list_watchers() -> Response:
    """List watchers: paged, filtered."""
    return json_response(service.list_watchers(query=parse_query(WatcherQuery)))


@blueprint.operation(
    "POST", "", status=201, body=WatcherCreate, response=WatcherRead, guard=login_required
)
def create_watcher() -> Response:
    """Create a watcher."""
    watcher = service.create_watcher(data=parse_body(WatcherCreate))
    return json_response(WatcherRead.model_validate(watcher), 201)


@blueprint.operation("GET", "/{watcher_id}", response=WatcherRead, guard=login_required)
def get_watcher(watcher_id: str) -> Response:
    """Get one watcher."""
    watcher = service.get_watcher(watcher_id=path_id("watcher_id", watcher_id))
    return json_response(WatcherRead.model_validate(watcher))


@blueprint.operation(
    "PATCH", "/{watcher_id}", body=WatcherUpdate, response=WatcherRead, guard=login_required
)
def update_watcher(watcher_id: str) -> Response:
    """Change some fields of a watcher."""
    watcher = service.update_watcher(
        watcher_id=path_id("watcher_id", watcher_id), data=parse_body(WatcherUpdate)
    )
    return json_response(WatcherRead.model_validate(watcher))


@blueprint.operation("DELETE", "/{watcher_id}", status=204, guard=login_required)
def delete_watcher(watcher_id: str) -> Response:
    """Delete a watcher."""
    service.delete_watcher(watcher_id=path_id("watcher_id", watcher_id))
    return no_content()
