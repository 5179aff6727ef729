"""Customer API: CRUD, validation, paging, filters and permissions."""

from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from shop.users.models import User
from tests.conftest import QueryCounter
from tests.factories import auth_headers, create_customer, create_user, customer_payload


async def test_create_customer_then_get_it(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()

    response = await client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 201, response.text
    created = response.json()
    assert {key: created[key] for key in ("full_name", "email", "phone", "marketing_opt_in")} == {
        key: payload[key] for key in ("full_name", "email", "phone", "marketing_opt_in")
    }
    assert created["owner_id"] == user.id
    fetched = await client.get(f"/customers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


async def test_create_without_full_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()
    del payload["full_name"]

    response = await client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "full_name"] in [detail["loc"] for detail in error["details"]]


async def test_create_with_invalid_full_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Full name longer than 120 characters is rejected."""
    payload = customer_payload(full_name="x" * 121)

    response = await client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "full_name"]


async def test_create_with_a_nul_character_in_full_name_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """NUL characters are refused before they reach the database (PostgreSQL cannot store them)."""
    payload = customer_payload()
    payload["full_name"] = "\x00" + payload["full_name"][1:]

    response = await client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "full_name"]


async def test_create_duplicate_email_is_409(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_customer(session, owner=user)
    payload = customer_payload(email=existing.email)

    response = await client.post("/customers", json=payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


async def test_get_missing_customer_is_404(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    response = await client.get("/customers/2000000000", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_list_customers_pages_with_offset_and_limit(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        await create_customer(session, owner=user)

    response = await client.get(
        "/customers", params={"offset": 1, "limit": 2}, headers=user_headers
    )
    beyond = await client.get("/customers", params={"offset": 3}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert (beyond.json()["total"], beyond.json()["items"]) == (3, [])


async def test_list_customers_filters(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = await create_customer(session, owner=user, marketing_opt_in=True)
    await create_customer(session, owner=user, marketing_opt_in=False)

    response = await client.get(
        "/customers", params={"marketing_opt_in": True}, headers=user_headers
    )

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


async def test_list_customers_query_count_does_not_grow_with_the_page(
    client: AsyncClient,
    session: AsyncSession,
    user_headers: dict[str, str],
    user: User,
    query_counter: QueryCounter,
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    await create_customer(session, owner=user)
    with query_counter() as one_row:
        await client.get("/customers", headers=user_headers)
    for _ in range(3):
        await create_customer(session, owner=user)
    with query_counter() as four_rows:
        await client.get("/customers", headers=user_headers)

    assert one_row.count > 0
    assert four_rows.count == one_row.count


async def test_update_customer_changes_only_sent_fields(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_customer(session, owner=user)
    before = (await client.get(f"/customers/{existing.id}", headers=user_headers)).json()

    response = await client.patch(
        f"/customers/{existing.id}", json={"full_name": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.text
    assert response.json()["full_name"] == "bravo"
    assert response.json()["email"] == before["email"]


async def test_update_full_name_to_null_is_422(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_customer(session, owner=user)

    response = await client.patch(
        f"/customers/{existing.id}", json={"full_name": None}, headers=user_headers
    )

    assert response.status_code == 422


async def test_delete_customer(
    client: AsyncClient, session: AsyncSession, user_headers: dict[str, str], user: User
) -> None:
    existing = await create_customer(session, owner=user)

    deleted = await client.delete(f"/customers/{existing.id}", headers=user_headers)
    again = await client.get(f"/customers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


async def test_customers_require_authentication(client: AsyncClient) -> None:
    response = await client.get("/customers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_customers_are_private_to_their_owner(
    client: AsyncClient, session: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    mine = await create_customer(session, owner=user)
    stranger = auth_headers(await create_user(session))

    listed = await client.get("/customers", headers=stranger)
    fetched = await client.get(f"/customers/{mine.id}", headers=stranger)
    changed = await client.patch(f"/customers/{mine.id}", json={}, headers=stranger)
    as_admin = await client.get(f"/customers/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
