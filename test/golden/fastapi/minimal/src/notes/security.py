"""Password hashing (argon2) and signed tokens (JWT, algorithm pinned)."""

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from time import time
from typing import Literal
from uuid import uuid4

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from notes.config import get_settings
from notes.errors import AuthenticationError

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
