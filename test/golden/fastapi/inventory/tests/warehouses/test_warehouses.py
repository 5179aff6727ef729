"""Warehouse API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_warehouse, warehouse_payload


async def test_create_warehouse_then_get_it(client: AsyncClient, session: AsyncSession) -> None:
    payload = warehouse_payload()

    response = await client.post("/warehouses", json=payload)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("code", "city", "website", "capacity", "active")} == {
        key: payload[key] for key in ("code", "city", "website", "capacity", "active")
    }
    fetched = await client.get(f"/warehouses/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_code_is_422(client: AsyncClient, session: AsyncSession) -> None:
    payload = warehouse_payload()
    del payload["code"]

    response = await client.post("/warehouses", json=payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "code"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_code_is_422(client: AsyncClient, session: AsyncSession) -> None:
    """Code longer than 12 characters is rejected."""
    payload = warehouse_payload(code="x" * 13)

    response = await client.post("/warehouses", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "code"]


async def test_create_with_a_nul_character_in_city_is_422(
    client: AsyncClient, session: AsyncSession
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = warehouse_payload()
    payload["city"] = "\x00" + payload["city"][1:]

    response = await client.post("/warehouses", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "city"]


async def test_create_duplicate_code_is_409(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_warehouse(session)
    payload = warehouse_payload(code=existing.code)

    response = await client.post("/warehouses", json=payload)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_warehouse_is_404(client: AsyncClient, session: AsyncSession) -> None:
    response = await client.get("/warehouses/2000000000")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_warehouses_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession
) -> None:
    for _ in range(3):
        await create_warehouse(session)

    response = await client.get("/warehouses", params={"offset": 1, "limit": 2})
    beyond = await client.get("/warehouses", params={"offset": 3})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_warehouses_filters(client: AsyncClient, session: AsyncSession) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_warehouse(session, city="alpha", active=True)
    await create_warehouse(session, city="charlie", active=False)

    response = await client.get("/warehouses", params={"city": "alpha", "active": True})

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_warehouses_sorts_by_city(client: AsyncClient, session: AsyncSession) -> None:
    await create_warehouse(session, city="charlie")
    await create_warehouse(session, city="alpha")
    await create_warehouse(session, city="bravo")

    ascending = (await client.get("/warehouses", params={"sort": "city"})).json()
    descending = (await client.get("/warehouses", params={"sort": "-city"})).json()

    values = [item["city"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["city"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_warehouses_query_count_does_not_grow_with_the_page(
    client: AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_warehouse(session)
    with query_counter() as one_row:
        await client.get("/warehouses")
    for _ in range(3):
        await create_warehouse(session)
    with query_counter() as four_rows:
        await client.get("/warehouses")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_warehouse_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession
) -> None:
    existing = await create_warehouse(session)
    before = (await client.get(f"/warehouses/{existing.id}")).json()

    response = await client.patch(f"/warehouses/{existing.id}", json={"city": "bravo"})

    assert response.status_code == 200, response.text
    assert response.json()["city"] == "bravo"
    assert response.json()["code"] == before["code"]


async def test_update_code_to_null_is_422(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_warehouse(session)

    response = await client.patch(f"/warehouses/{existing.id}", json={"code": None})

    assert response.status_code == 422


async def test_delete_warehouse(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_warehouse(session)

    deleted = await client.delete(f"/warehouses/{existing.id}")
    again = await client.get(f"/warehouses/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
