"""Routers that rule out a request by their path prefix before trying their routes."""

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope


class PrefixRouter(APIRouter):
    """An APIRouter that answers "no match" at once for a path outside its prefix.

    FastAPI tries a request against every route of each router included before the one that
    serves it, a regular expression and some bookkeeping per route. This test costs one substring
    search per router instead. It looks for the prefix as whole path segments anywhere in the
    path, so a prefix that `include_router` puts in front of it still matches.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """No match if the path cannot lie under the prefix; otherwise FastAPI's own matching."""
        prefix = self.prefix
        if prefix and "{" not in prefix and f"{prefix}/" not in f"{scope['path']}/":
            return Match.NONE, {}
        return super().matches(scope)
