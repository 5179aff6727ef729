"""Item API: CRUD, validation, paging, filters and permissions."""

from datetime import date

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_item, item_payload


async def test_create_item_then_get_it(client: AsyncClient, session: AsyncSession) -> None:
    payload = await item_payload(session)

    response = await client.post("/items", json=payload)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {
        key: created[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    } == {
        key: payload[key]
        for key in ("barcode", "name", "min_level", "max_level", "best_before", "warehouse_id")
    }
    fetched = await client.get(f"/items/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_barcode_is_422(client: AsyncClient, session: AsyncSession) -> None:
    payload = await item_payload(session)
    del payload["barcode"]

    response = await client.post("/items", json=payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "barcode"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_barcode_is_422(
    client: AsyncClient, session: AsyncSession
) -> None:
    """Barcode longer than 20 characters is rejected."""
    payload = await item_payload(session, barcode="x" * 21)

    response = await client.post("/items", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "barcode"]


async def test_create_with_a_nul_character_in_barcode_is_422(
    client: AsyncClient, session: AsyncSession
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = await item_payload(session)
    payload["barcode"] = "\x00" + payload["barcode"][1:]

    response = await client.post("/items", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "barcode"]


async def test_create_with_unknown_warehouse_is_422(
    client: AsyncClient, session: AsyncSession
) -> None:
    payload = await item_payload(session, warehouse_id=2_000_000_000)

    response = await client.post("/items", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "warehouse_id"]


async def test_create_duplicate_warehouse_id_barcode_is_409(
    client: AsyncClient, session: AsyncSession
) -> None:
    existing = await create_item(session)
    payload = await item_payload(
        session, warehouse_id=existing.warehouse_id, barcode=existing.barcode
    )

    response = await client.post("/items", json=payload)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_rule_max_level_ge_min_level_is_enforced(
    client: AsyncClient, session: AsyncSession
) -> None:
    payload = await item_payload(session, max_level=1, min_level=3)

    created = await client.post("/items", json=payload)
    existing = await create_item(session)
    updated = await client.patch(f"/items/{existing.id}", json={"max_level": 1, "min_level": 3})

    assert created.status_code == 422
    assert updated.status_code == 422


async def test_get_missing_item_is_404(client: AsyncClient, session: AsyncSession) -> None:
    response = await client.get("/items/2000000000")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_items_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession
) -> None:
    for _ in range(3):
        await create_item(session)

    response = await client.get("/items", params={"offset": 1, "limit": 2})
    beyond = await client.get("/items", params={"offset": 3})

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_items_filters(client: AsyncClient, session: AsyncSession) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_item(session, best_before=date(2024, 1, 1))
    await create_item(session, best_before=date(2024, 1, 3))

    response = await client.get(
        "/items", params={"min_best_before": "2024-01-01", "max_best_before": "2024-01-01"}
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_items_sorts_by_name(client: AsyncClient, session: AsyncSession) -> None:
    await create_item(session, name="charlie")
    await create_item(session, name="alpha")
    await create_item(session, name="bravo")

    ascending = (await client.get("/items", params={"sort": "name"})).json()
    descending = (await client.get("/items", params={"sort": "-name"})).json()

    values = [item["name"] for item in ascending["items"]]
    assert values == sorted(values)
    assert [item["name"] for item in descending["items"]] == sorted(values, reverse=True)


async def test_list_items_query_count_does_not_grow_with_the_page(
    client: AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_item(session)
    with query_counter() as one_row:
        await client.get("/items")
    for _ in range(3):
        await create_item(session)
    with query_counter() as four_rows:
        await client.get("/items")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_item_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession
) -> None:
    existing = await create_item(session)
    before = (await client.get(f"/items/{existing.id}")).json()

    response = await client.patch(f"/items/{existing.id}", json={"name": "bravo"})

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "bravo"
    assert response.json()["barcode"] == before["barcode"]


async def test_update_barcode_to_null_is_422(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_item(session)

    response = await client.patch(f"/items/{existing.id}", json={"barcode": None})

    assert response.status_code == 422


async def test_delete_item(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_item(session)

    deleted = await client.delete(f"/items/{existing.id}")
    again = await client.get(f"/items/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
