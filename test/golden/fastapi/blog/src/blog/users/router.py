"""Authentication routes: register, login, refresh, me."""

from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from blog.db import ConnectionDep, SessionDep
from blog.errors import ERROR_RESPONSES, AuthenticationError, ErrorResponse
from blog.routing import PrefixRouter
from blog.users import service
from blog.users.dependencies import CurrentCaller
from blog.users.schemas import RefreshRequest, TokenPair, UserCreate, UserRead
from blog.users.throttle import LoginThrottle, get_login_throttle

router = PrefixRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(data: UserCreate, session: SessionDep) -> UserRead:
    """Create an account with the default role."""
    return UserRead.model_validate(await service.create_user(session, data=data))


@router.post(
    "/login", responses={429: {"model": ErrorResponse, "description": "Too many failed logins"}}
)
async def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    request: Request,
    throttle: Annotated[LoginThrottle, Depends(get_login_throttle)],
) -> TokenPair:
    """Exchange email (as username) and password for tokens; repeated failures are throttled."""
    client = request.client.host if request.client else "unknown"
    key = f"{client}:{form.username.lower()}"
    throttle.check(key)
    try:
        user = await service.authenticate(session, email=form.username, password=form.password)
    except AuthenticationError:
        throttle.failed(key)
        raise
    throttle.succeeded(key)
    return service.issue_tokens(user)


@router.post("/refresh")
async def refresh(data: RefreshRequest, session: SessionDep) -> TokenPair:
    """Exchange a refresh token for new tokens."""
    return await service.refresh_tokens(session, refresh_token=data.refresh_token)


@router.get("/me")
async def me(caller: CurrentCaller, connection: ConnectionDep) -> UserRead:
    """The authenticated user."""
    return await service.read_user(connection, user_id=caller.id)
