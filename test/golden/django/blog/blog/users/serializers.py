"""User: sign-up, login form, tokens and the user as the API returns it."""

from typing import Any

from rest_framework import serializers

from blog.core.fields import StrictCharField
from blog.core.serializers import StrictModelSerializer
from blog.users.models import User


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
