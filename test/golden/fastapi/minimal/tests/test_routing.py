"""PrefixRouter: requests outside a prefix skip its routes; everything else matches as before."""

import pytest
from fastapi import APIRouter, FastAPI
from httpx import ASGITransport, AsyncClient
from starlette.routing import Match
from starlette.types import Scope

from notes.routing import PrefixRouter


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
