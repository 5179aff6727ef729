/** The Python modules of the Flask auth feature. */
import { pyStr } from "../../../python/literal.js";

export function securityModule(): string {
  return `"""Password hashing (argon2) and the one token algorithm."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# One algorithm, fixed here: tokens can never choose how they are checked.
ALGORITHM = "HS256"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    """Whether the password matches the hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
`;
}

export function usersModels(pkg: string, roles: readonly string[]): string {
  const members = roles.map((r) => `    ${r.toUpperCase()} = ${pyStr(r)}`).join("\n");
  return `"""User: database model and roles."""

from enum import StrEnum

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from ${pkg}.db import Base, TimestampMixin, str_enum


class Role(StrEnum):
    """What a user may do; the first role is the administrator."""

${members}


ADMIN_ROLE = Role.${roles[0]?.toUpperCase()}
DEFAULT_ROLE = Role.${roles[1]?.toUpperCase()}


class User(TimestampMixin, Base):
    """Someone who can log in."""

    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=DEFAULT_ROLE)
    is_active: Mapped[bool] = mapped_column(Boolean(), default=True)

    @property
    def is_admin(self) -> bool:
        """Administrators see and change every row."""
        return self.role == ADMIN_ROLE
`;
}

export function usersSchemas(pkg: string): string {
  return `"""User: request and response schemas."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from ${pkg}.schemas import ReadSchema, SafeStr
from ${pkg}.users.models import Role

Password = Annotated[str, StringConstraints(min_length=8, max_length=128)]


class UserCreate(BaseModel):
    """Sign-up data."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    password: Password
    full_name: Annotated[SafeStr, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


class UserRead(ReadSchema):
    """A user as the API returns it (never the password hash)."""

    id: int
    email: str
    full_name: str | None
    role: Role
    is_active: bool


class LoginForm(BaseModel):
    """The OAuth2 password form: the email goes in \`username\`."""

    username: str
    password: str


class TokenPair(BaseModel):
    """Tokens issued at login and refresh."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = Field(default="bearer")


class RefreshRequest(BaseModel):
    """Body of a token refresh."""

    model_config = ConfigDict(extra="forbid")

    refresh_token: Annotated[str, StringConstraints(max_length=2048)]
`;
}

export function authModule(pkg: string): string {
  return `"""Flask-JWT-Extended for this app: a pinned algorithm, user loading, errors in the shared shape."""

from datetime import timedelta
from typing import Any

from flask import Flask, Response
from flask_jwt_extended import JWTManager, get_current_user, verify_jwt_in_request

from ${pkg}.config import Settings
from ${pkg}.errors import AuthenticationError, PermissionDeniedError, error_response
from ${pkg}.security import ALGORITHM
from ${pkg}.users import service
from ${pkg}.users.models import User
from ${pkg}.users.throttle import LoginThrottle

jwt = JWTManager()


def init_auth(app: Flask, settings: Settings) -> None:
    """Configure tokens (headers only, HS256 only) and the login throttle of this app."""
    app.config.update(
        JWT_SECRET_KEY=settings.jwt_secret.get_secret_value(),
        JWT_ALGORITHM=ALGORITHM,
        JWT_DECODE_ALGORITHMS=[ALGORITHM],
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=settings.access_token_minutes),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=settings.refresh_token_days),
    )
    jwt.init_app(app)
    app.extensions["login_throttle"] = LoginThrottle(
        max_failures=settings.login_max_failures, window_seconds=settings.login_lockout_seconds
    )


def login_required() -> User:
    """Guard: the active user of a valid bearer access token; 401 otherwise."""
    verify_jwt_in_request()
    return current_user()


def admin_required() -> User:
    """Guard: the current user if an administrator; 401 or 403 otherwise."""
    user = login_required()
    if not user.is_admin:
        msg = "Administrator role required."
        raise PermissionDeniedError(msg)
    return user


def current_user() -> User:
    """The user the guard of this request authenticated."""
    user = get_current_user()
    if not isinstance(user, User):
        msg = "Not authenticated."
        raise AuthenticationError(msg)
    return user


def _load_user(_header: dict[str, Any], claims: dict[str, Any]) -> User | None:
    """The active user a token was issued for; None makes it a 401."""
    return service.find_active_user(claims.get("sub"))


def _rejected(message: str) -> Response:
    error = AuthenticationError(message)
    return error_response(error.status_code, error.code, error.message, headers=error.headers)


def _missing_token(_reason: str) -> Response:
    return _rejected("Not authenticated.")


def _invalid_token(_reason: str) -> Response:
    return _rejected("The token is invalid or expired.")


def _expired_token(_header: dict[str, Any], _claims: dict[str, Any]) -> Response:
    return _rejected("The token is invalid or expired.")


def _unknown_user(_header: dict[str, Any], _claims: dict[str, Any]) -> Response:
    return _rejected("The user is unknown or inactive.")


jwt.user_lookup_loader(_load_user)
jwt.unauthorized_loader(_missing_token)
jwt.invalid_token_loader(_invalid_token)
jwt.expired_token_loader(_expired_token)
jwt.user_lookup_error_loader(_unknown_user)
`;
}

export function usersService(pkg: string): string {
  return `"""User: sign-up, authentication and token issuing."""

from typing import Any

from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from flask_jwt_extended.exceptions import JWTExtendedException
from jwt import PyJWTError
from sqlalchemy import select

from ${pkg}.crud import commit_or_conflict
from ${pkg}.db import db
from ${pkg}.errors import AuthenticationError
from ${pkg}.security import hash_password, verify_password
from ${pkg}.users.models import ADMIN_ROLE, DEFAULT_ROLE, Role, User
from ${pkg}.users.schemas import TokenPair, UserCreate

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
    user = None if "\\x00" in email else get_user_by_email(email=email)
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
`;
}

export function usersRoutes(pkg: string): string {
  return `"""Authentication routes: register, login, refresh, me."""

from flask import Response, request

from ${pkg}.api import ApiBlueprint, json_response, parse_body, parse_form
from ${pkg}.errors import AuthenticationError
from ${pkg}.users import service
from ${pkg}.users.auth import current_user, login_required
from ${pkg}.users.schemas import LoginForm, RefreshRequest, TokenPair, UserCreate, UserRead
from ${pkg}.users.throttle import get_login_throttle

blueprint = ApiBlueprint(
    "auth", __name__, url_prefix="/auth", errors=frozenset({401, 403, 404, 409, 422})
)


@blueprint.operation("POST", "/register", status=201, body=UserCreate, response=UserRead)
def register() -> Response:
    """Create an account with the default role."""
    user = service.create_user(data=parse_body(UserCreate))
    return json_response(UserRead.model_validate(user), 201)


@blueprint.operation("POST", "/login", form=LoginForm, response=TokenPair, errors=frozenset({429}))
def login() -> Response:
    """Exchange email (as username) and password for tokens; repeated failures are throttled."""
    form = parse_form(LoginForm)
    throttle = get_login_throttle()
    key = f"{request.remote_addr or 'unknown'}:{form.username.lower()}"
    throttle.check(key)
    try:
        user = service.authenticate(email=form.username, password=form.password)
    except AuthenticationError:
        throttle.failed(key)
        raise
    throttle.succeeded(key)
    return json_response(service.issue_tokens(user))


@blueprint.operation("POST", "/refresh", body=RefreshRequest, response=TokenPair)
def refresh() -> Response:
    """Exchange a refresh token for new tokens."""
    data = parse_body(RefreshRequest)
    return json_response(service.refresh_tokens(refresh_token=data.refresh_token))


@blueprint.operation("GET", "/me", response=UserRead, guard=login_required)
def me() -> Response:
    """The authenticated user."""
    return json_response(UserRead.model_validate(current_user()))
`;
}

export function throttleModule(pkg: string): string {
  return `"""Login throttling: after repeated failed logins for one email from one client, refuse for a while.

Counts live in this process's memory, so each worker counts on its own: good enough to slow password
guessing; a shared store (Redis) makes the limit exact across workers.
"""

import math
import time
from collections import deque
from collections.abc import Callable
from typing import cast

from flask import current_app

from ${pkg}.errors import AppError


class TooManyAttemptsError(AppError):
    """Too many failed logins: try again after Retry-After seconds."""

    status_code = 429
    code = "too_many_attempts"


class LoginThrottle:
    """A sliding window of failed attempts per key."""

    def __init__(
        self,
        *,
        max_failures: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_failures = max_failures
        self._window = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def check(self, key: str) -> None:
        """Refuse (429) while the key has too many recent failures."""
        failures = self._recent(key)
        if len(failures) >= self._max_failures:
            retry_after = math.ceil(failures[0] + self._window - self._clock())
            msg = "Too many failed logins; try again later."
            raise TooManyAttemptsError(msg, headers={"Retry-After": str(max(retry_after, 1))})

    def failed(self, key: str) -> None:
        """Count a failed attempt."""
        self._failures[key] = self._recent(key)
        self._failures[key].append(self._clock())

    def succeeded(self, key: str) -> None:
        """Forget the failures of a key that logged in."""
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.pop(key, deque())
        horizon = self._clock() - self._window
        while failures and failures[0] <= horizon:
            failures.popleft()
        if failures:
            self._failures[key] = failures
        return failures


def get_login_throttle() -> LoginThrottle:
    """The throttle of this application (created by create_app)."""
    return cast("LoginThrottle", current_app.extensions["login_throttle"])
`;
}

export function usersCli(pkg: string): string {
  return `"""Command line: create or promote an administrator.

Usage: flask --app ${pkg}.app create-admin EMAIL  (the password is read from the terminal or stdin)
"""

import click
from flask.cli import with_appcontext
from pydantic import ValidationError

from ${pkg}.users import service
from ${pkg}.users.schemas import UserCreate


@click.command("create-admin")
@click.argument("email")
@with_appcontext
def create_admin(email: str) -> None:
    """Create or promote the administrator with this email."""
    password: str = click.prompt("Password", hide_input=True)
    try:
        data = UserCreate(email=email, password=password)
    except ValidationError as exc:
        raise click.UsageError(str(exc)) from exc
    user = service.make_admin(data=data)
    click.echo(f"{user.email} is an administrator.")
`;
}
