"""Bearer access tokens (simplejwt, HS256 pinned in settings)."""

from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication


class BearerAuthentication(JWTAuthentication):
    """JWT bearer tokens; 401 answers carry `WWW-Authenticate: Bearer`."""

    def authenticate_header(self, request: Request) -> str:
        """The challenge of a 401 answer."""
        return "Bearer"
