"""Shipment API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import QueryCounter
from tests.factories import create_shipment, shipment_payload


async def test_create_shipment_then_get_it(client: AsyncClient, session: AsyncSession) -> None:
    payload = await shipment_payload(session)

    response = await client.post("/shipments", json=payload)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")} == {
        key: payload[key] for key in ("quantity", "ships_on", "arrives_on", "item_id")
    }
    fetched = await client.get(f"/shipments/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_quantity_is_422(client: AsyncClient, session: AsyncSession) -> None:
    payload = await shipment_payload(session)
    del payload["quantity"]

    response = await client.post("/shipments", json=payload)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "quantity"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_quantity_is_422(
    client: AsyncClient, session: AsyncSession
) -> None:
    """Quantity below the minimum 1 is rejected."""
    payload = await shipment_payload(session, quantity=0)

    response = await client.post("/shipments", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "quantity"]


async def test_create_with_unknown_item_is_422(client: AsyncClient, session: AsyncSession) -> None:
    payload = await shipment_payload(session, item_id=2_000_000_000)

    response = await client.post("/shipments", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["body", "item_id"]


async def test_rule_arrives_on_gt_ships_on_is_enforced(
    client: AsyncClient, session: AsyncSession
) -> None:
    payload = await shipment_payload(session, arrives_on="2024-01-01", ships_on="2024-01-01")

    created = await client.post("/shipments", json=payload)
    existing = await create_shipment(session)
    updated = await client.patch(
        f"/shipments/{existing.id}", json={"arrives_on": "2024-01-01", "ships_on": "2024-01-01"}
    )

    assert created.status_code == 422
    assert updated.status_code == 422


async def test_get_missing_shipment_is_404(client: AsyncClient, session: AsyncSession) -> None:
    response = await client.get("/shipments/2000000000")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_shipments_pages_with_a_cursor(
    client: AsyncClient, session: AsyncSession
) -> None:
    for _ in range(3):
        await create_shipment(session)

    first = (await client.get("/shipments", params={"limit": 2})).json()
    second = (
        await client.get("/shipments", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    invalid = await client.get("/shipments", params={"cursor": "not-a-cursor"})

    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert second["next_cursor"] is None
    assert first["items"][-1]["id"] < second["items"][0]["id"]
    assert invalid.status_code == 422


async def test_list_shipments_query_count_does_not_grow_with_the_page(
    client: AsyncClient, session: AsyncSession, query_counter: QueryCounter
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_shipment(session)
    with query_counter() as one_row:
        await client.get("/shipments")
    for _ in range(3):
        await create_shipment(session)
    with query_counter() as four_rows:
        await client.get("/shipments")

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_shipment_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession
) -> None:
    existing = await create_shipment(session)
    before = (await client.get(f"/shipments/{existing.id}")).json()

    response = await client.patch(f"/shipments/{existing.id}", json={"quantity": 3})

    assert response.status_code == 200, response.text
    assert response.json()["quantity"] == 3
    assert response.json()["ships_on"] == before["ships_on"]


async def test_update_quantity_to_null_is_422(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_shipment(session)

    response = await client.patch(f"/shipments/{existing.id}", json={"quantity": None})

    assert response.status_code == 422


async def test_delete_shipment(client: AsyncClient, session: AsyncSession) -> None:
    existing = await create_shipment(session)

    deleted = await client.delete(f"/shipments/{existing.id}")
    again = await client.get(f"/shipments/{existing.id}")

    assert deleted.status_code == 204
    assert again.status_code == 404
