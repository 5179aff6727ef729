"""Authentication routes: register, login, refresh, me."""

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

from tracker.core.errors import ConflictError
from tracker.users.models import User
from tracker.users.serializers import (
    LoginSerializer,
    RefreshSerializer,
    RegisterSerializer,
    TokenPairSerializer,
    UserSerializer,
)
from tracker.users.throttle import login_throttle


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

    @extend_schema(
        operation_id="auth_register", request=RegisterSerializer, responses={201: UserSerializer}
    )
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

    @extend_schema(
        operation_id="auth_login", request=LoginSerializer, responses={200: TokenPairSerializer}
    )
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

    @extend_schema(
        operation_id="auth_refresh", request=RefreshSerializer, responses={200: TokenPairSerializer}
    )
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
