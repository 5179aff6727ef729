"""Login throttling: the sliding window and the 429 with Retry-After."""

import pytest
from rest_framework.exceptions import Throttled
from rest_framework.test import APIClient

from tracker.users.models import User
from tracker.users.throttle import LoginThrottle


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_failures_expire_after_the_window() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=2, window_seconds=60, clock=clock)
    throttle.failed("key")
    throttle.failed("key")

    with pytest.raises(Throttled) as refused:
        throttle.check("key")
    clock.now += 61
    throttle.check("key")

    assert "60 seconds" in str(refused.value.detail)


def test_a_success_forgets_the_failures() -> None:
    throttle = LoginThrottle(max_failures=1, window_seconds=60)
    throttle.failed("key")
    throttle.succeeded("key")

    throttle.check("key")


def test_repeated_failed_logins_are_429(client: APIClient, user: User) -> None:
    wrong = {"username": user.email, "password": "wrong-password"}
    for _ in range(5):
        client.post("/auth/login", wrong, format="multipart")

    refused = client.post("/auth/login", wrong, format="multipart")

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_attempts"
    assert int(refused.headers["Retry-After"]) >= 1
