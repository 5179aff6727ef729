"""Customer API: CRUD, validation, paging, filters and permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from shop.users.models import User
from tests.factories import CustomerFactory, UserFactory, auth_headers, customer_payload


def test_create_customer_then_get_it(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()

    response = client.post("/customers", payload, headers=user_headers)

    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in ("full_name", "email", "phone", "marketing_opt_in")} == {
        key: payload[key] for key in ("full_name", "email", "phone", "marketing_opt_in")
    }
    assert created["owner_id"] == user.id
    fetched = client.get(f"/customers/{created['id']}", headers=user_headers)
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_create_without_full_name_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    payload = customer_payload()
    del payload["full_name"]

    response = client.post("/customers", payload, headers=user_headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert ["body", "full_name"] in [detail["loc"] for detail in error["details"]]


def test_create_with_invalid_full_name_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Full name longer than 120 characters is rejected."""
    payload = customer_payload(full_name="x" * 121)

    response = client.post("/customers", payload, headers=user_headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][:2] == ["body", "full_name"]


def test_create_duplicate_email_is_409(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CustomerFactory.create(owner=user)
    payload = customer_payload(email=existing.email)

    response = client.post("/customers", payload, headers=user_headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_get_missing_customer_is_404(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    response = client.get("/customers/2000000000", headers=user_headers)
    invalid = client.get("/customers/not-a-number", headers=user_headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["loc"] == ["path", "customer_id"]


def test_list_customers_pages_with_offset_and_limit(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    for _ in range(3):
        CustomerFactory.create(owner=user)

    response = client.get("/customers", {"offset": 1, "limit": 2}, headers=user_headers)
    too_large = client.get("/customers", {"limit": 101}, headers=user_headers)
    unknown = client.get("/customers", {"no_such_filter": 1}, headers=user_headers)

    assert response.status_code == 200
    page = response.json()
    assert page["total"] == 3
    assert len(page["items"]) == 2
    assert (page["offset"], page["limit"]) == (1, 2)
    assert too_large.status_code == 422
    assert unknown.json()["error"]["details"][0]["loc"] == ["query", "no_such_filter"]


def test_list_customers_filters(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """Every filter at once: only the matching row remains."""
    wanted = CustomerFactory.create(owner=user, marketing_opt_in=True)
    CustomerFactory.create(owner=user, marketing_opt_in=False)

    response = client.get("/customers", {"marketing_opt_in": "true"}, headers=user_headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [wanted.id]


def test_list_customers_query_count_does_not_grow_with_the_page(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    """No N+1: a page of one row and a page of four cost the same number of queries."""
    CustomerFactory.create(owner=user)
    with CaptureQueriesContext(connection) as one_row:
        client.get("/customers", headers=user_headers)
    for _ in range(3):
        CustomerFactory.create(owner=user)
    with CaptureQueriesContext(connection) as four_rows:
        client.get("/customers", headers=user_headers)

    assert len(one_row) > 0
    assert len(four_rows) == len(one_row)


def test_update_customer_changes_only_sent_fields(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CustomerFactory.create(owner=user)
    before = client.get(f"/customers/{existing.id}", headers=user_headers).json()

    response = client.patch(
        f"/customers/{existing.id}", {"full_name": "bravo"}, headers=user_headers
    )

    assert response.status_code == 200, response.content
    assert response.json()["full_name"] == "bravo"
    assert response.json()["email"] == before["email"]


def test_update_full_name_to_null_is_422(
    client: APIClient, user_headers: dict[str, str], user: User
) -> None:
    existing = CustomerFactory.create(owner=user)

    response = client.patch(f"/customers/{existing.id}", {"full_name": None}, headers=user_headers)
    unknown = client.patch(f"/customers/{existing.id}", {"id": 1}, headers=user_headers)

    assert response.status_code == 422
    assert unknown.status_code == 422


def test_delete_customer(client: APIClient, user_headers: dict[str, str], user: User) -> None:
    existing = CustomerFactory.create(owner=user)

    deleted = client.delete(f"/customers/{existing.id}", headers=user_headers)
    again = client.get(f"/customers/{existing.id}", headers=user_headers)

    assert deleted.status_code == 204
    assert again.status_code == 404


def test_customers_require_authentication(client: APIClient) -> None:
    response = client.get("/customers")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_customers_are_private_to_their_owner(
    client: APIClient, user: User, admin_headers: dict[str, str]
) -> None:
    mine = CustomerFactory.create(owner=user)
    stranger = auth_headers(UserFactory.create())

    listed = client.get("/customers", headers=stranger)
    fetched = client.get(f"/customers/{mine.id}", headers=stranger)
    changed = client.patch(f"/customers/{mine.id}", {}, headers=stranger)
    as_admin = client.get(f"/customers/{mine.id}", headers=admin_headers)

    assert listed.json()["items"] == []
    assert fetched.status_code == 404
    assert changed.status_code == 404
    assert as_admin.status_code == 200
