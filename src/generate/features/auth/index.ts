/**
 * Feature `auth` (JWT): users with argon2-hashed passwords and roles, OAuth2 password login, access and
 * refresh tokens with a pinned algorithm, `/auth/me`, and the dependencies routes use for 401/403.
 */
import type { ResolvedProject } from "../../../blueprint/resolve.js";
import type { ProjectModel, TableDef } from "../../project-model.js";
import { pyStr } from "../../python/literal.js";
import { TIMESTAMPS } from "../../targets/fastapi/entity/table.js";
import { authTests } from "./tests.js";

export function contributeAuth(model: ProjectModel, project: ResolvedProject): void {
  if (!project.auth) return;
  const { pkg } = model;
  const { blueprint } = project;
  model.addDependency("pyjwt", ">=2.15,<3");
  model.addDependency("argon2-cffi", ">=25.1");
  model.addDependency("python-multipart", ">=0.0.34");
  model.addSetting({
    name: "jwt_secret",
    type: "SecretStr",
    default: `SecretStr(${pyStr(DEV_SECRET)})`,
    example: "change-me-to-a-long-random-string-of-32-or-more-characters",
    doc: "Key that signs tokens: 32+ random characters (production refuses the default).",
    imports: ["pydantic:SecretStr"],
  });
  model.addSetting({
    name: "access_token_minutes",
    type: "int",
    default: String(blueprint.auth.access_token_minutes),
    example: String(blueprint.auth.access_token_minutes),
    doc: "Lifetime of access tokens.",
  });
  model.addSetting({
    name: "refresh_token_days",
    type: "int",
    default: String(blueprint.auth.refresh_token_days),
    example: String(blueprint.auth.refresh_token_days),
    doc: "Lifetime of refresh tokens.",
  });
  model.addSetting({
    name: "login_max_failures",
    type: "int",
    default: "5",
    example: "5",
    doc: "Failed logins per client and email before logins are refused for a while.",
  });
  model.addSetting({
    name: "login_lockout_seconds",
    type: "int",
    default: "300",
    example: "300",
    doc: "Window in which failed logins are counted, and how long the lockout lasts.",
  });
  model.appState.push({
    name: "login_throttle",
    expr: "LoginThrottle(max_failures=settings.login_max_failures, window_seconds=settings.login_lockout_seconds)",
    imports: [`${pkg}.users.throttle:LoginThrottle`],
  });
  model.productionChecks.push({
    condition: `self.jwt_secret.get_secret_value() == ${pyStr(DEV_SECRET)} or len(self.jwt_secret.get_secret_value()) < 32`,
    message: "JWT_SECRET must be set to a random value of 32+ characters in production",
  });
  const src = `src/${pkg}`;
  model.tree.add(`${src}/security.py`, securityModule(pkg));
  model.tree.add(`${src}/users/__init__.py`, `"""Users, roles and authentication."""\n`);
  model.tree.add(`${src}/users/models.py`, usersModels(pkg, project.roles));
  model.tree.add(`${src}/users/caller.py`, usersCaller(pkg));
  model.tree.add(`${src}/users/schemas.py`, usersSchemas(pkg));
  model.tree.add(`${src}/users/service.py`, usersService(pkg));
  model.tree.add(`${src}/users/dependencies.py`, usersDependencies(pkg));
  model.tree.add(`${src}/users/router.py`, usersRouter(pkg));
  model.tree.add(`${src}/users/throttle.py`, throttleModule(pkg));
  model.tree.add(`${src}/users/cli.py`, usersCli(pkg));
  model.adminCommand = ["python", "-m", `${pkg}.users.cli`, "create-admin", "{email}"];
  model.routers.push({ module: `${pkg}.users.router`, alias: "users_router" });
  model.modelModules.push(`${pkg}.users.models`);
  model.tables.push(usersTable(project.roles));
  for (const [path, content] of authTests(pkg)) model.tree.add(path, content);
  model.readme.push({
    title: "Authentication",
    body: `Register with \`POST /auth/register\`, log in with \`POST /auth/login\` (OAuth2 password form: \`username\` is the email) to get an access and a refresh token, send \`Authorization: Bearer <access token>\`, renew with \`POST /auth/refresh\`. New users get the role \`${project.roles[1]}\`; \`${project.roles[0]}\` may do everything. Create or promote an administrator with:

\`\`\`
uv run python -m ${pkg}.users.cli create-admin admin@example.com
\`\`\``,
  });
}

const DEV_SECRET = "development-only-secret-change-me";

function usersTable(roles: readonly string[]): TableDef {
  const length = Math.max(...roles.map((r) => r.length));
  return {
    name: "users",
    columns: [
      { name: "id", type: "sa.Integer()", nullable: false },
      { name: "email", type: "sa.String(length=320)", nullable: false },
      { name: "password_hash", type: "sa.String(length=255)", nullable: false },
      { name: "full_name", type: "sa.String(length=200)", nullable: true },
      {
        name: "role",
        type: `sa.Enum(${roles.map(pyStr).join(", ")}, name="role", native_enum=False, length=${length})`,
        nullable: false,
      },
      { name: "is_active", type: "sa.Boolean()", nullable: false },
      ...TIMESTAMPS,
    ],
    primaryKey: ["id"],
    foreignKeys: [],
    uniques: [["email"]],
    indexes: [],
  };
}

function securityModule(pkg: string): string {
  return `"""Password hashing (argon2) and signed tokens (JWT, algorithm pinned)."""

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from time import time
from typing import Literal
from uuid import uuid4

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ${pkg}.config import get_settings
from ${pkg}.errors import AuthenticationError

# One algorithm, fixed here: tokens can never choose how they are checked.
ALGORITHM = "HS256"

TokenType = Literal["access", "refresh"]

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


def create_token(user_id: int, kind: TokenType) -> str:
    """A signed token for the user, expiring by its kind's lifetime."""
    settings = get_settings()
    lifetime = (
        timedelta(minutes=settings.access_token_minutes)
        if kind == "access"
        else timedelta(days=settings.refresh_token_days)
    )
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "type": kind,
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid4().hex,
    }
    return jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm=ALGORITHM)


def decode_token(token: str, expected: TokenType) -> int:
    """The user id a valid, unexpired token of the expected type was issued for; 401 otherwise."""
    subject, kind, expires = _signed_claims(token, get_settings().jwt_secret.get_secret_value())
    if expires <= time():
        msg = "The token is invalid or expired."
        raise AuthenticationError(msg)
    if kind != expected or not isinstance(subject, str) or not subject.isdigit():
        msg = f"An {expected} token is required."
        raise AuthenticationError(msg)
    return int(subject)


# A client sends the same token with every request until it expires: its signature is checked once.
# Only valid tokens are kept (an exception is not cached), and their expiry is checked on every use.
@lru_cache(maxsize=1024)
def _signed_claims(token: str, secret: str) -> tuple[object, object, float]:
    """Subject, type and expiry of a token signed with the secret; 401 otherwise."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub", "type"], "verify_exp": False},
        )
    except jwt.InvalidTokenError as exc:
        msg = "The token is invalid or expired."
        raise AuthenticationError(msg) from exc
    return claims["sub"], claims["type"], float(claims["exp"])
`;
}

function usersModels(pkg: string, roles: readonly string[]): string {
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

function usersCaller(pkg: string): string {
  return `"""The caller of a request: what access rules need of a user, without an ORM object."""

from dataclasses import dataclass

from ${pkg}.users.models import ADMIN_ROLE, Role


@dataclass(frozen=True, slots=True)
class Caller:
    """The active user behind a request."""

    id: int
    role: Role

    @property
    def is_admin(self) -> bool:
        """Administrators see and change every row."""
        return self.role == ADMIN_ROLE

    @property
    def visible_owner(self) -> int | None:
        """The owner of the private rows this caller may see and refer to; None: every owner's."""
        return None if self.is_admin else self.id
`;
}

function usersSchemas(pkg: string): string {
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

function usersService(pkg: string): string {
  return `"""User: sign-up, authentication and token issuing."""

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from ${pkg}.crud import commit_or_conflict
from ${pkg}.errors import AuthenticationError
from ${pkg}.json_rows import json_row
from ${pkg}.security import create_token, decode_token, hash_password, verify_password
from ${pkg}.statements import Read
from ${pkg}.users.caller import Caller
from ${pkg}.users.models import ADMIN_ROLE, DEFAULT_ROLE, Role, User
from ${pkg}.users.schemas import TokenPair, UserCreate, UserRead

# Checked when the email is unknown, so both failures take the same time.
_DUMMY_HASH = hash_password("timing-equaliser")


async def get_user_by_email(session: AsyncSession, *, email: str) -> User | None:
    """The user with this email (case-insensitive), if any."""
    return await session.scalar(select(User).where(User.email == email.lower()))


async def create_user(session: AsyncSession, *, data: UserCreate, role: Role = DEFAULT_ROLE) -> User:
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
    user = None if "\\x00" in email else await get_user_by_email(session, email=email)
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
`;
}

function usersDependencies(pkg: string): string {
  return `"""Dependencies that authenticate the caller and check roles."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from ${pkg}.db import ConnectionDep, SessionDep
from ${pkg}.errors import AuthenticationError, PermissionDeniedError
from ${pkg}.security import decode_token
from ${pkg}.users import service
from ${pkg}.users.caller import Caller

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
`;
}

function usersRouter(pkg: string): string {
  return `"""Authentication routes: register, login, refresh, me."""

from typing import Annotated

from fastapi import Depends, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from ${pkg}.db import ConnectionDep, SessionDep
from ${pkg}.errors import ERROR_RESPONSES, AuthenticationError, ErrorResponse
from ${pkg}.routing import PrefixRouter
from ${pkg}.users import service
from ${pkg}.users.dependencies import CurrentCaller
from ${pkg}.users.schemas import RefreshRequest, TokenPair, UserCreate, UserRead
from ${pkg}.users.throttle import LoginThrottle, get_login_throttle

router = PrefixRouter(prefix="/auth", tags=["auth"], responses=ERROR_RESPONSES)


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(data: UserCreate, session: SessionDep) -> UserRead:
    """Create an account with the default role."""
    return UserRead.model_validate(await service.create_user(session, data=data))


@router.post("/login", responses={429: {"model": ErrorResponse, "description": "Too many failed logins"}})
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
`;
}

function throttleModule(pkg: string): string {
  return `"""Login throttling: after repeated failed logins for one email from one client, refuse for a while.

Counts live in this process's memory, so each worker counts on its own: good enough to slow password
guessing; a shared store (Redis) makes the limit exact across workers.
"""

import math
import time
from collections import deque
from collections.abc import Callable
from typing import cast

from fastapi import Request

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


def get_login_throttle(request: Request) -> LoginThrottle:
    """The throttle of this application (created by create_app)."""
    return cast("LoginThrottle", request.app.state.login_throttle)
`;
}

function usersCli(pkg: string): string {
  return `"""Command line: create or promote an administrator.

Usage: python -m ${pkg}.users.cli create-admin EMAIL
"""

import argparse
import asyncio
import getpass
import sys
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ${pkg}.db import SessionFactory
from ${pkg}.users import service
from ${pkg}.users.models import User
from ${pkg}.users.schemas import UserCreate


async def create_admin(
    session_factory: async_sessionmaker[AsyncSession], *, email: str, password: str
) -> User:
    """Create or promote the administrator with this email."""
    async with session_factory() as session:
        return await service.make_admin(session, data=UserCreate(email=email, password=password))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the password is read from the terminal, never from the command line."""
    parser = argparse.ArgumentParser(prog="${pkg}.users.cli", description="Manage users.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-admin", help="create or promote an administrator")
    create.add_argument("email")
    args = parser.parse_args(argv)
    password = getpass.getpass("Password: ")
    try:
        user = asyncio.run(create_admin(SessionFactory, email=args.email, password=password))
    except ValidationError as exc:
        sys.stderr.write(f"{exc}\\n")
        return 2
    sys.stdout.write(f"{user.email} is an administrator.\\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
`;
}
