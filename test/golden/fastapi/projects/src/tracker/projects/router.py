"""Project: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from tracker.db import ConnectionDep, SessionDep
from tracker.errors import ERROR_RESPONSES
from tracker.pagination import OffsetPage
from tracker.projects import service
from tracker.projects.schemas import ProjectCreate, ProjectQuery, ProjectRead, ProjectUpdate
from tracker.routing import PrefixRouter
from tracker.users.dependencies import CurrentCaller, CurrentUser, get_caller

router = PrefixRouter(prefix="/projects", tags=["projects"], responses=ERROR_RESPONSES)

ProjectId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("", dependencies=[Depends(get_caller)])
async def list_projects(
    connection: ConnectionDep, query: Annotated[ProjectQuery, Query()]
) -> OffsetPage[ProjectRead]:
    """List projects: paged, filtered and sorted."""
    return await service.list_projects(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_project(
    data: ProjectCreate, connection: ConnectionDep, user: CurrentCaller
) -> ProjectRead:
    """Create a project."""
    return await service.create_project(connection, data=data, user=user)


@router.get("/{project_id}", dependencies=[Depends(get_caller)])
async def get_project(project_id: ProjectId, connection: ConnectionDep) -> ProjectRead:
    """Get one project."""
    return await service.read_project(connection, project_id=project_id)


@router.patch("/{project_id}")
async def update_project(
    project_id: ProjectId, data: ProjectUpdate, session: SessionDep, user: CurrentUser
) -> ProjectRead:
    """Change some fields of a project."""
    return await service.update_project(session, project_id=project_id, data=data, user=user)


@router.delete("/{project_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_project(project_id: ProjectId, session: SessionDep, user: CurrentUser) -> None:
    """Delete a project."""
    await service.delete_project(session, project_id=project_id, user=user)
