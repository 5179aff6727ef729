"""How the OpenAPI document describes the bearer authentication."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerAuthenticationScheme(OpenApiAuthenticationExtension):
    """The OAuth2 password flow: tokens from /auth/login, sent as bearer tokens."""

    target_class = "blog.users.authentication.BearerAuthentication"
    name = "OAuth2PasswordBearer"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        """The security scheme of the OpenAPI document."""
        return {"type": "oauth2", "flows": {"password": {"tokenUrl": "/auth/login", "scopes": {}}}}
