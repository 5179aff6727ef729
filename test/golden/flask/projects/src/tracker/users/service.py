"""User: sign-up, authentication and token issuing."""

from typing import Any

from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from flask_jwt_extended.exceptions import JWTExtendedException
from jwt import PyJWTError
from sqlalchemy import select

from tracker.crud import commit_or_conflict
from tracker.db import db
from tracker.errors import AuthenticationError
from tracker.security import hash_password, verify_password
from tracker.users.models import ADMIN_ROLE, DEFAULT_ROLE, Role, User
from tracker.users.schemas import TokenPair, UserCreate

# Checked when the email is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("timing-equaliser")
# Ids are 32-bit integer columns: a larger subject names nobody (and must not reach the database).
_MAX_ROW_ID = 2_147_483_647


def get_user_by_email(*, email: str) -> User | None:
    """The user with this email (case-insensitive), if any."""
    return db.session.scalar(select(User).where(User.email == email.lower()))


def create_user(*, data: UserCreate, role: Role = DEFAULT_ROLE) -> User:
    """Register a user; 409 if the email is taken."""
    user = User(
        email=data.email.lower(),
        password_hash=hash_password(data.password),
        full_name=data.full_name,
        role=role,
    )
    db.session.add(user)
    commit_or_conflict("A user with this email already exists.")
    db.session.refresh(user)
    return user


def make_admin(*, data: UserCreate) -> User:
    """Create an administrator, or promote the existing user with this email."""
    user = get_user_by_email(email=data.email)
    if user is None:
        return create_user(data=data, role=ADMIN_ROLE)
    user.role = ADMIN_ROLE
    db.session.commit()
    return user


def authenticate(*, email: str, password: str) -> User:
    """The active user these credentials belong to; 401 otherwise."""
    # No account has an email with a NUL character, and PostgreSQL cannot even compare one.
    user = None if "\x00" in email else get_user_by_email(email=email)
    valid = verify_password(password, user.password_hash if user else _DUMMY_HASH)
    if user is None or not valid or not user.is_active:
        msg = "Incorrect email or password."
        raise AuthenticationError(msg)
    return user


def issue_tokens(user: User) -> TokenPair:
    """A fresh access and refresh token for the user."""
    identity = str(user.id)
    return TokenPair(
        access_token=create_access_token(identity=identity),
        refresh_token=create_refresh_token(identity=identity),
    )


def refresh_tokens(*, refresh_token: str) -> TokenPair:
    """New tokens in exchange for a valid refresh token of an active user; 401 otherwise."""
    try:
        claims: dict[str, Any] = decode_token(refresh_token)
    except (PyJWTError, JWTExtendedException) as exc:
        msg = "The token is invalid or expired."
        raise AuthenticationError(msg) from exc
    user = find_active_user(claims.get("sub")) if claims.get("type") == "refresh" else None
    if user is None:
        msg = "A refresh token of an active user is required."
        raise AuthenticationError(msg)
    return issue_tokens(user)


def find_active_user(subject: object) -> User | None:
    """The active user a token subject (the user id as a string) names, if any."""
    if not isinstance(subject, str) or not subject.isdigit() or int(subject) > _MAX_ROW_ID:
        return None
    user = db.session.get(User, int(subject))
    return user if user is not None and user.is_active else None
