"""Dependencies that authenticate the caller and check roles."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from notes.db import SessionDep
from notes.errors import AuthenticationError, PermissionDeniedError
from notes.security import decode_token
from notes.users import service
from notes.users.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)


async def get_current_user(
    session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> User:
    """The user of the bearer access token; 401 without a valid one."""
    if token is None:
        msg = "Not authenticated."
        raise AuthenticationError(msg)
    return await service.get_active_user(session, user_id=decode_token(token, "access"))


CurrentUser = Annotated[User, Depends(get_current_user)]


async def require_admin(user: CurrentUser) -> User:
    """The current user if an administrator; 403 otherwise."""
    if not user.is_admin:
        msg = "Administrator role required."
        raise PermissionDeniedError(msg)
    return user


AdminUser = Annotated[User, Depends(require_admin)]
