"""Login throttling: after repeated failed logins for one email from one client, refuse for a while.

Counts live in this process's memory, so each worker counts on its own: good enough to slow password
guessing; a shared store (Redis) makes the limit exact across workers.
"""

import math
import time
from collections import deque
from collections.abc import Callable
from typing import cast

from flask import current_app

from blog.errors import AppError


class TooManyAttemptsError(AppError):
    """Too many failed logins: try again after Retry-After seconds."""

    status_code = 429
    code = "too_many_attempts"


class LoginThrottle:
    """A sliding window of failed attempts per key."""

    def __init__(
        self,
        *,
        max_failures: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_failures = max_failures
        self._window = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def check(self, key: str) -> None:
        """Refuse (429) while the key has too many recent failures."""
        failures = self._recent(key)
        if len(failures) >= self._max_failures:
            retry_after = math.ceil(failures[0] + self._window - self._clock())
            msg = "Too many failed logins; try again later."
            raise TooManyAttemptsError(msg, headers={"Retry-After": str(max(retry_after, 1))})

    def failed(self, key: str) -> None:
        """Count a failed attempt."""
        self._failures[key] = self._recent(key)
        self._failures[key].append(self._clock())

    def succeeded(self, key: str) -> None:
        """Forget the failures of a key that logged in."""
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.pop(key, deque())
        horizon = self._clock() - self._window
        while failures and failures[0] <= horizon:
            failures.popleft()
        if failures:
            self._failures[key] = failures
        return failures


def get_login_throttle() -> LoginThrottle:
    """The throttle of this application (created by create_app)."""
    return cast("LoginThrottle", current_app.extensions["login_throttle"])
