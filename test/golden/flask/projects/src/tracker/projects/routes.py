"""Project: HTTP routes."""

from flask import Response

from tracker.api import ApiBlueprint, json_response, no_content, parse_body, parse_query, path_id
from tracker.pagination import OffsetPage
from tracker.projects import service
from tracker.projects.schemas import ProjectCreate, ProjectQuery, ProjectRead, ProjectUpdate
from tracker.users.auth import current_user, login_required

blueprint = ApiBlueprint(
    "projects", __name__, url_prefix="/projects", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation(
    "GET", "", query=ProjectQuery, response=OffsetPage[ProjectRead], guard=login_required
)
def list_projects() -> Response:
    """List projects: paged, filtered and sorted."""
    return json_response(service.list_projects(query=parse_query(ProjectQuery)))


@blueprint.operation(
    "POST", "", status=201, body=ProjectCreate, response=ProjectRead, guard=login_required
)
def create_project() -> Response:
    """Create a project."""
    project = service.create_project(data=parse_body(ProjectCreate), user=current_user())
    return json_response(ProjectRead.model_validate(project), 201)


@blueprint.operation("GET", "/{project_id}", response=ProjectRead, guard=login_required)
def get_project(project_id: str) -> Response:
    """Get one project."""
    project = service.get_project(project_id=path_id("project_id", project_id))
    return json_response(ProjectRead.model_validate(project))


@blueprint.operation(
    "PATCH", "/{project_id}", body=ProjectUpdate, response=ProjectRead, guard=login_required
)
def update_project(project_id: str) -> Response:
    """Change some fields of a project."""
    project = service.update_project(
        project_id=path_id("project_id", project_id),
        data=parse_body(ProjectUpdate),
        user=current_user(),
    )
    return json_response(ProjectRead.model_validate(project))


@blueprint.operation("DELETE", "/{project_id}", status=204, guard=login_required)
def delete_project(project_id: str) -> Response:
    """Delete a project."""
    service.delete_project(project_id=path_id("project_id", project_id), user=current_user())
    return no_content()
