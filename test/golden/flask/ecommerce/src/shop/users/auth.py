"""Flask-JWT-Extended for this app: a pinned algorithm, user loading, errors in the shared shape."""

from datetime import timedelta
from typing import Any

from flask import Flask, Response
from flask_jwt_extended import JWTManager, get_current_user, verify_jwt_in_request

from shop.config import Settings
from shop.errors import AuthenticationError, PermissionDeniedError, error_response
from shop.security import ALGORITHM
from shop.users import service
from shop.users.models import User
from shop.users.throttle import LoginThrottle

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
