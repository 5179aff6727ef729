/** `routing.py`: the router every module's routes hang on, which skips requests outside its prefix. */

export function routingModule(): string {
  return `"""Routers that rule out a request by their path prefix before trying their routes."""

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope


class PrefixRouter(APIRouter):
    """An APIRouter that answers "no match" at once for a path outside its prefix.

    FastAPI tries a request against every route of each router included before the one that
    serves it, a regular expression and some bookkeeping per route. This test costs one substring
    search per router instead. It looks for the prefix as whole path segments anywhere in the
    path, so a prefix that \`include_router\` puts in front of it still matches.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """No match if the path cannot lie under the prefix; otherwise FastAPI's own matching."""
        prefix = self.prefix
        if prefix and "{" not in prefix and f"{prefix}/" not in f"{scope['path']}/":
            return Match.NONE, {}
        return super().matches(scope)
`;
}

/** `tests/test_routing.py`: the prefix test skips only what cannot match, wherever the router is mounted. */
export function routingTestsModule(pkg: string): string {
  return `"""PrefixRouter: requests outside a prefix skip its routes; everything else matches as before."""

import pytest
from fastapi import APIRouter, FastAPI
from httpx import ASGITransport, AsyncClient
from starlette.routing import Match
from starlette.types import Scope

from ${pkg}.routing import PrefixRouter


def _app() -> FastAPI:
    items = PrefixRouter(prefix="/items")
    owned = PrefixRouter(prefix="/owners/{owner_id}/items")

    @items.get("/{item_id}")
    async def read_item(item_id: int) -> dict[str, int]:
        return {"item": item_id}

    @owned.get("")
    async def owned_items(owner_id: int) -> dict[str, int]:
        return {"owner": owner_id}

    app = FastAPI()
    app.include_router(items)
    app.include_router(items, prefix="/v1")
    app.include_router(owned)
    return app


@pytest.mark.parametrize(
    ("method", "path", "status", "body"),
    [
        ("GET", "/items/3", 200, {"item": 3}),
        ("GET", "/v1/items/4", 200, {"item": 4}),
        ("GET", "/owners/5/items", 200, {"owner": 5}),
        ("POST", "/items/3", 405, None),
        ("GET", "/itemsx/3", 404, None),
    ],
)
async def test_routes_match_as_without_the_prefix_test(
    method: str, path: str, status: int, body: dict[str, int] | None
) -> None:
    async with AsyncClient(transport=ASGITransport(app=_app()), base_url="http://test") as client:
        response = await client.request(method, path)

    assert response.status_code == status
    if body is not None:
        assert response.json() == body


def test_a_path_outside_the_prefix_does_not_try_the_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    def tried(_router: APIRouter, _scope: Scope) -> tuple[Match, Scope]:
        raise AssertionError

    monkeypatch.setattr(APIRouter, "matches", tried)
    router = PrefixRouter(prefix="/items")

    assert router.matches({"type": "http", "path": "/orders/1"}) == (Match.NONE, {})
    assert router.matches({"type": "http", "path": "/itemsx"}) == (Match.NONE, {})
    with pytest.raises(AssertionError):
        router.matches({"type": "http", "path": "/v1/items/1"})
`;
}
