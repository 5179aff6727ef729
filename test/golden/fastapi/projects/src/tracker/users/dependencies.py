"""Dependencies that authenticate the caller and check roles."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from tracker.db import ConnectionDep, SessionDep
from tracker.errors import AuthenticationError, PermissionDeniedError
from tracker.security import decode_token
from tracker.users import service
from tracker.users.caller import Caller
from tracker.users.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)
BearerToken = Annotated[str | None, Depends(oauth2_scheme)]


def _user_id(token: str | None) -> int:
    """The user id of a bearer access token; 401 without a valid one."""
    if token is None:
        msg = "Not authenticated."
        raise AuthenticationError(msg)
    return decode_token(token, "access")


def _check_admin(user: User | Caller) -> None:
    """403 unless an administrator."""
    if not user.is_admin:
        msg = "Administrator role required."
        raise PermissionDeniedError(msg)


async def get_current_user(session: SessionDep, token: BearerToken) -> User:
    """The user of the bearer access token, in the session of a request that changes data."""
    return await service.get_active_user(session, user_id=_user_id(token))


async def get_caller(connection: ConnectionDep, token: BearerToken) -> Caller:
    """The user of the bearer access token, on the connection of a read request."""
    return await service.get_active_caller(connection, user_id=_user_id(token))


CurrentUser = Annotated[User, Depends(get_current_user)]
CurrentCaller = Annotated[Caller, Depends(get_caller)]


async def require_admin(user: CurrentUser) -> User:
    """The current user if an administrator; 403 otherwise."""
    _check_admin(user)
    return user


async def require_admin_caller(caller: CurrentCaller) -> Caller:
    """The caller of a read route if an administrator; 403 otherwise."""
    _check_admin(caller)
    return caller


AdminUser = Annotated[User, Depends(require_admin)]
