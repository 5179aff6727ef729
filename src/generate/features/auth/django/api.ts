/** The API side of Django auth: bearer authentication, permissions, serializers, views, URLs, throttle. */

export function authenticationModule(): string {
  return `"""Bearer access tokens (simplejwt, HS256 pinned in settings)."""

from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication


class BearerAuthentication(JWTAuthentication):
    """JWT bearer tokens; 401 answers carry \`WWW-Authenticate: Bearer\`."""

    def authenticate_header(self, request: Request) -> str:
        """The challenge of a 401 answer."""
        return "Bearer"
`;
}

/** Registered from UsersConfig.ready(): importing it next to DRF's settings would be circular. */
export function schemaModule(pkg: string): string {
  return `"""How the OpenAPI document describes the bearer authentication."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerAuthenticationScheme(OpenApiAuthenticationExtension):
    """The OAuth2 password flow: tokens from /auth/login, sent as bearer tokens."""

    target_class = "${pkg}.users.authentication.BearerAuthentication"
    name = "OAuth2PasswordBearer"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        """The security scheme of the OpenAPI document."""
        return {"type": "oauth2", "flows": {"password": {"tokenUrl": "/auth/login", "scopes": {}}}}
`;
}

export function permissionsModule(pkg: string): string {
  return `"""Who may do what: administrators, owners, and the rows each user sees."""

from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from ${pkg}.users.models import User

ModelT = TypeVar("ModelT", bound=Model)


def is_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user has the administrator role."""
    return isinstance(user, User) and user.is_admin


def visible_to(queryset: QuerySet[ModelT], user: AbstractBaseUser | AnonymousUser) -> QuerySet[ModelT]:
    """The rows the user owns; every row for an administrator."""
    return queryset if is_admin(user) else queryset.filter(owner_id=user.pk)


class IsAdminRole(BasePermission):
    """Signed in with the administrator role."""

    message = "Administrator role required."

    def has_permission(self, request: Request, view: APIView) -> bool:
        """Administrators only (anonymous callers get a 401 first)."""
        return is_admin(request.user)


class IsOwnerOrAdmin(BasePermission):
    """Only the owner of a row, or an administrator, may change it."""

    message = "Only the owner may change this row."

    def has_object_permission(self, request: Request, view: APIView, obj: object) -> bool:
        """The caller owns the row or is an administrator."""
        return is_admin(request.user) or getattr(obj, "owner_id", None) == request.user.pk
`;
}

export function serializersModule(pkg: string): string {
  return `"""User: sign-up, login form, tokens and the user as the API returns it."""

from typing import Any

from rest_framework import serializers

from ${pkg}.core.fields import StrictCharField
from ${pkg}.core.serializers import StrictModelSerializer
from ${pkg}.users.models import User


class RegisterSerializer(StrictModelSerializer[User]):
    """Sign-up data."""

    email = serializers.EmailField(max_length=320)
    password = StrictCharField(min_length=8, max_length=128, write_only=True)
    full_name = StrictCharField(
        max_length=200, trim_whitespace=True, allow_blank=True, required=False, allow_null=True
    )

    class Meta:
        model = User
        fields = ("email", "password", "full_name")
        # A taken email is a 409 from the database, not a validation error.
        validators = ()

    def create(self, validated_data: dict[str, Any]) -> User:
        """A user with the default role and a hashed password."""
        return User.objects.create_user(**validated_data)


class UserSerializer(serializers.ModelSerializer[User]):
    """A user as the API returns it (never the password hash)."""

    class Meta:
        model = User
        fields = ("id", "email", "full_name", "role", "is_active")
        read_only_fields = fields


class LoginSerializer(serializers.Serializer[Any]):
    """The OAuth2 password form: the email is the username."""

    username = serializers.CharField(max_length=320)
    password = serializers.CharField(max_length=128, trim_whitespace=False)
    grant_type = serializers.RegexField(r"^password$", required=False, allow_null=True)
    scope = serializers.CharField(required=False, allow_blank=True, default="")
    client_id = serializers.CharField(required=False, allow_null=True)
    client_secret = serializers.CharField(required=False, allow_null=True)


class TokenPairSerializer(serializers.Serializer[Any]):
    """Tokens issued at login and refresh."""

    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.ChoiceField(choices=["bearer"])


class RefreshSerializer(serializers.Serializer[Any]):
    """Body of a token refresh."""

    refresh_token = serializers.CharField(max_length=2048)
`;
}

export function throttleModule(): string {
  return `"""Login throttling: after repeated failed logins for one email from one client, refuse for a while.

Failures are counted in Django's cache: the default local-memory cache counts per process, which
slows password guessing; a shared cache (Redis, the database) in CACHES counts across workers.
"""

import hashlib
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from rest_framework.exceptions import Throttled


class LoginThrottle:
    """A sliding window of failed attempts per key."""

    def __init__(
        self, *, max_failures: int, window_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._max_failures = max_failures
        self._window = window_seconds
        self._clock = clock

    def check(self, key: str) -> None:
        """Refuse (429 with Retry-After) while the key has too many recent failures."""
        failures = self._recent(key)
        if len(failures) >= self._max_failures:
            wait = math.ceil(failures[0] + self._window - self._clock())
            raise Throttled(wait=max(wait, 1), detail="Too many failed logins; try again later.")

    def failed(self, key: str) -> None:
        """Count a failed attempt."""
        cache.set(self._cache_key(key), [*self._recent(key), self._clock()], timeout=self._window)

    def succeeded(self, key: str) -> None:
        """Forget the failures of a key that logged in."""
        cache.delete(self._cache_key(key))

    def _recent(self, key: str) -> list[float]:
        horizon = self._clock() - self._window
        stored: list[float] = cache.get(self._cache_key(key), [])
        return [moment for moment in stored if moment > horizon]

    @staticmethod
    def _cache_key(key: str) -> str:
        return "login-failures:" + hashlib.sha256(key.encode()).hexdigest()


def login_throttle() -> LoginThrottle:
    """The throttle configured by LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_SECONDS."""
    return LoginThrottle(
        max_failures=settings.LOGIN_MAX_FAILURES, window_seconds=settings.LOGIN_LOCKOUT_SECONDS
    )
`;
}

export function viewsModule(pkg: string): string {
  return `"""Authentication routes: register, login, refresh, me."""

from typing import ClassVar

from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import RefreshToken

from ${pkg}.core.errors import ConflictError
from ${pkg}.users.models import User
from ${pkg}.users.serializers import (
    LoginSerializer,
    RefreshSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
)
from ${pkg}.users.throttle import login_throttle


def issue_tokens(user: User) -> dict[str, str]:
    """A fresh access and refresh token for the user."""
    refresh = RefreshToken.for_user(user)
    return {
        "access_token": str(refresh.access_token),
        "refresh_token": str(refresh),
        "token_type": "bearer",
    }


class RegisterView(APIView):
    """Create an account with the default role."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    error_statuses: ClassVar[tuple[str, ...]] = ("409", "422")

    @extend_schema(operation_id="auth_register", request=RegisterSerializer, responses={201: UserSerializer})
    def post(self, request: Request) -> Response:
        """Register; 409 if the email is taken."""
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                user = serializer.save()
        except IntegrityError as exc:
            msg = "A user with this email already exists."
            raise ConflictError(msg) from exc
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginView(APIView):
    """Exchange email (as username) and password for tokens; repeated failures are throttled."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    parser_classes = (FormParser, MultiPartParser)
    error_statuses: ClassVar[tuple[str, ...]] = ("401", "422", "429")

    @extend_schema(operation_id="auth_login", request=LoginSerializer, responses={200: TokenPairSerializer})
    def post(self, request: Request) -> Response:
        """Check the credentials; 401 when wrong, 429 after too many failures."""
        form = LoginSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        email = str(form.validated_data["username"]).lower()
        key = f"{request.META.get('REMOTE_ADDR', 'unknown')}:{email}"
        throttle = login_throttle()
        throttle.check(key)
        user = authenticate(request, username=email, password=form.validated_data["password"])
        if not isinstance(user, User):
            throttle.failed(key)
            msg = "Incorrect email or password."
            raise AuthenticationFailed(msg)
        throttle.succeeded(key)
        return Response(issue_tokens(user))


class RefreshView(APIView):
    """Exchange a refresh token for new tokens."""

    authentication_classes = ()
    permission_classes = (AllowAny,)
    error_statuses: ClassVar[tuple[str, ...]] = ("401", "422")

    @extend_schema(operation_id="auth_refresh", request=RefreshSerializer, responses={200: TokenPairSerializer})
    def post(self, request: Request) -> Response:
        """New tokens for a valid refresh token of an active user; 401 otherwise."""
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            token = RefreshToken(serializer.validated_data["refresh_token"])
        except TokenError as exc:
            msg = "The token is invalid or expired."
            raise AuthenticationFailed(msg) from exc
        user = User.objects.filter(pk=token.get(api_settings.USER_ID_CLAIM), is_active=True).first()
        if user is None:
            msg = "The user is unknown or inactive."
            raise AuthenticationFailed(msg)
        return Response(issue_tokens(user))


class MeView(APIView):
    """The authenticated user."""

    permission_classes = (IsAuthenticated,)
    error_statuses: ClassVar[tuple[str, ...]] = ("401",)

    @extend_schema(operation_id="auth_me", responses={200: UserSerializer})
    def get(self, request: Request) -> Response:
        """The user of the bearer token."""
        if not isinstance(request.user, User):
            raise NotAuthenticated
        return Response(UserSerializer(request.user).data)
`;
}

export function urlsModule(pkg: string): string {
  return `"""Routes under /auth/."""

from django.urls import path

from ${pkg}.users.views import LoginView, MeView, RefreshView, RegisterView

urlpatterns = [
    path("register", RegisterView.as_view(), name="auth-register"),
    path("login", LoginView.as_view(), name="auth-login"),
    path("refresh", RefreshView.as_view(), name="auth-refresh"),
    path("me", MeView.as_view(), name="auth-me"),
]
`;
}
