"""User: sign-up, authentication and token issuing."""

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from shop.crud import commit_or_conflict
from shop.errors import AuthenticationError
from shop.json_rows import json_row
from shop.security import create_token, decode_token, hash_password, verify_password
from shop.statements import Read
from shop.users.caller import Caller
from shop.users.models import ADMIN_ROLE, DEFAULT_ROLE, Role, User
from shop.users.schemas import TokenPair, UserCreate, UserRead

# Checked when the email is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("timing-equaliser")


async def get_user_by_email(session: AsyncSession, *, email: str) -> User | None:
    """The user with this email (case-insensitive), if any."""
    return await session.scalar(select(User).where(User.email == email.lower()))


async def create_user(
    session: AsyncSession, *, data: UserCreate, role: Role = DEFAULT_ROLE
) -> User:
    """Register a user; 409 if the email is taken."""
    user = User(
        email=data.email.lower(),
        password_hash=hash_password(data.password),
        full_name=data.full_name,
        role=role,
    )
    session.add(user)
    await commit_or_conflict(session, "A user with this email already exists.")
    await session.refresh(user)
    return user


async def make_admin(session: AsyncSession, *, data: UserCreate) -> User:
    """Create an administrator, or promote the existing user with this email."""
    user = await get_user_by_email(session, email=data.email)
    if user is None:
        return await create_user(session, data=data, role=ADMIN_ROLE)
    user.role = ADMIN_ROLE
    await session.commit()
    return user


async def authenticate(session: AsyncSession, *, email: str, password: str) -> User:
    """The active user these credentials belong to; 401 otherwise."""
    # No account has an email with a NUL character, and PostgreSQL cannot even compare one.
    user = None if "\x00" in email else await get_user_by_email(session, email=email)
    valid = verify_password(password, user.password_hash if user else _DUMMY_HASH)
    if user is None or not valid or not user.is_active:
        msg = "Incorrect email or password."
        raise AuthenticationError(msg)
    return user


_INACTIVE = "The user is unknown or inactive."


async def get_active_user(session: AsyncSession, *, user_id: int) -> User:
    """The active user with this id; 401 if it no longer exists or was deactivated."""
    user = await session.get(User, user_id)
    if user is None or not user.is_active:
        raise AuthenticationError(_INACTIVE)
    return user


# What UserRead shows (never the password hash), as JSON built by the database, of an active user.
_READ_USER = Read(
    select(json_row(*[User.__table__.c[name] for name in UserRead.model_fields])).where(
        User.id == bindparam("user_id"), User.is_active.is_(True)
    )
)


async def read_user(connection: AsyncConnection, *, user_id: int) -> UserRead:
    """The active user with this id as the API shows it; 401 if absent or deactivated."""
    row = await _READ_USER.text(connection, user_id=user_id)
    if row is None:
        raise AuthenticationError(_INACTIVE)
    return UserRead.model_validate_json(row)


# Every authenticated request runs it: compiled once, run on the driver (statements.py).
_CALLER = Read(select(User.role, User.is_active).where(User.id == bindparam("user_id")))


async def get_active_caller(connection: AsyncConnection, *, user_id: int) -> Caller:
    """The active user with this id as a request's caller: two columns; 401 as above."""
    rows = await _CALLER.rows(connection, user_id=user_id)
    if not rows or not rows[0][1]:
        raise AuthenticationError(_INACTIVE)
    return Caller(id=user_id, role=Role(rows[0][0]))


def issue_tokens(user: User) -> TokenPair:
    """A fresh access and refresh token for the user."""
    return TokenPair(
        access_token=create_token(user.id, "access"),
        refresh_token=create_token(user.id, "refresh"),
    )


async def refresh_tokens(session: AsyncSession, *, refresh_token: str) -> TokenPair:
    """New tokens in exchange for a valid refresh token."""
    user_id = decode_token(refresh_token, "refresh")
    return issue_tokens(await get_active_user(session, user_id=user_id))
