"""Dependencies that authenticate the caller and check roles."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from blog.db import ConnectionDep, SessionDep
from blog.errors import AuthenticationError, PermissionDeniedError
from blog.security import decode_token
from blog.users import service
from blog.users.caller import Caller

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)
BearerToken = Annotated[str | None, Depends(oauth2_scheme)]


def _user_id(token: str | None) -> int:
    """The user id of a bearer access token; 401 without a valid one."""
    if token is None:
        msg = "Not authenticated."
        raise AuthenticationError(msg)
    return decode_token(token, "access")


def _check_admin(caller: Caller) -> Caller:
    """The caller if an administrator; 403 otherwise."""
    if not caller.is_admin:
        msg = "Administrator role required."
        raise PermissionDeniedError(msg)
    return caller


async def get_current_user(session: SessionDep, token: BearerToken) -> Caller:
    """The caller of a request that changes data, on its session's connection."""
    return await service.get_active_caller(await session.connection(), user_id=_user_id(token))


async def get_caller(connection: ConnectionDep, token: BearerToken) -> Caller:
    """The caller of a read request, on its connection."""
    return await service.get_active_caller(connection, user_id=_user_id(token))


CurrentUser = Annotated[Caller, Depends(get_current_user)]
CurrentCaller = Annotated[Caller, Depends(get_caller)]


async def require_admin(user: CurrentUser) -> Caller:
    """The caller of a write route if an administrator; 403 otherwise."""
    return _check_admin(user)


async def require_admin_caller(caller: CurrentCaller) -> Caller:
    """The caller of a read route if an administrator; 403 otherwise."""
    return _check_admin(caller)
