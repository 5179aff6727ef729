"""Task: HTTP routes."""

from flask import Response

from tracker.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from tracker.pagination import OffsetPage
from tracker.tasks import service
from tracker.tasks.schemas import TaskCreate, TaskQuery, TaskRead, TaskUpdate
from tracker.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "tasks", __name__, url_prefix="/tasks", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=TaskQuery, response=OffsetPage[TaskRead], guard=login_required
)
def list_tasks() -> Response:
    """List tasks: paged, filtered and sorted."""
    return json_response(service.list_tasks(query=parse_query(TaskQuery), user=current_user()))


@blueprint.operation(
    "POST", "", status=201, body=TaskCreate, response=TaskRead, guard=login_required
)
def create_task() -> Response:
    """Create a task."""
    task = service.create_task(data=parse_body(TaskCreate), user=current_user())
    return json_response(TaskRead.model_validate(task), 201)


@blueprint.operation("GET", "/{task_id}", response=TaskRead, guard=login_required)
def get_task(task_id: str) -> Response:
    """Get one task."""
    task = service.get_task(task_id=path_id("task_id", task_id), user=current_user())
    return json_response(TaskRead.model_validate(task))


@blueprint.operation(
    "PATCH", "/{task_id}", body=TaskUpdate, response=TaskRead, guard=login_required
)
def update_task(task_id: str) -> Response:
    """Change some fields of a task."""
    task = service.update_task(
        task_id=path_id("task_id", task_id), data=parse_body(TaskUpdate), user=current_user()
    )
    return json_response(TaskRead.model_validate(task))


@blueprint.operation("DELETE", "/{task_id}", status=204, guard=login_required)
def delete_task(task_id: str) -> Response:
    """Delete a task."""
    service.delete_task(task_id=path_id("task_id", task_id), user=current_user())
    return no_content()
