"""Authentication routes: register, login, refresh, me."""

from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.security import OAuth2PasswordRequestForm

from tracker.db import SessionDep
from tracker.errors import ERROR_RESPONSES
from tracker.users import service
from tracker.users.dependencies import CurrentUser
from tracker.users.schemas import RefreshRequest, TokenPair, UserCreate, UserRead

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(data: UserCreate, session: SessionDep) -> UserRead:
    """Create an account with the default role."""
    return UserRead.model_validate(await service.create_user(session, data=data))


@router.post("/login")
async def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep
) -> TokenPair:
    """Exchange email (as username) and password for tokens."""
    user = await service.authenticate(session, email=form.username, password=form.password)
    return service.issue_tokens(user)


@router.post("/refresh")
async def refresh(data: RefreshRequest, session: SessionDep) -> TokenPair:
    """Exchange a refresh token for new tokens."""
    return await service.refresh_tokens(session, refresh_token=data.refresh_token)


@router.get("/me")
async def me(user: CurrentUser) -> UserRead:
    """The authenticated user."""
    return UserRead.model_validate(user)
