"""Login throttling: repeated failures lock a client and email out for a while."""

import pytest
from flask.testing import FlaskClient

from shop.users.models import User
from shop.users.throttle import LoginThrottle, TooManyAttemptsError
from tests.factories import PASSWORD


def test_repeated_failed_logins_are_refused(client: FlaskClient, user: User) -> None:
    wrong = {"username": user.email, "password": "wrong-password"}
    failures = [client.post("/auth/login", data=wrong).status_code for _ in range(5)]

    locked = client.post("/auth/login", data={"username": user.email, "password": PASSWORD})
    other = client.post("/auth/login", data={"username": "someone@example.com", "password": "x"})

    assert failures == [401] * 5
    assert locked.status_code == 429
    assert locked.get_json()["error"]["code"] == "too_many_attempts"
    assert int(locked.headers["Retry-After"]) > 0
    assert other.status_code == 401


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_lockout_ends_after_the_window_and_success_resets() -> None:
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=2, window_seconds=60, clock=clock)
    for _ in range(2):
        throttle.failed("key")

    with pytest.raises(TooManyAttemptsError):
        throttle.check("key")
    clock.now += 61
    throttle.check("key")
    throttle.failed("key")
    throttle.succeeded("key")
    throttle.failed("key")
    throttle.check("key")
