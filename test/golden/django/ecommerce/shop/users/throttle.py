"""Login throttling: after repeated failed logins for one email from one client, refuse for a while.

Failures are counted in Django's cache: the default local-memory cache counts per process, which
slows password guessing; a shared cache (Redis, the database) in CACHES counts across workers.
"""

import hashlib
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from rest_framework.exceptions import Throttled


class LoginThrottle:
    """A sliding window of failed attempts per key."""

    def __init__(
        self, *, max_failures: int, window_seconds: int, clock: Callable[[], float] = time.time
    ) -> None:
        self._max_failures = max_failures
        self._window = window_seconds
        self._clock = clock

    def check(self, key: str) -> None:
        """Refuse (429 with Retry-After) while the key has too many recent failures."""
        failures = self._recent(key)
        if len(failures) >= self._max_failures:
            wait = math.ceil(failures[0] + self._window - self._clock())
            raise Throttled(wait=max(wait, 1), detail="Too many failed logins; try again later.")

    def failed(self, key: str) -> None:
        """Count a failed attempt."""
        cache.set(self._cache_key(key), [*self._recent(key), self._clock()], timeout=self._window)

    def succeeded(self, key: str) -> None:
        """Forget the failures of a key that logged in."""
        cache.delete(self._cache_key(key))

    def _recent(self, key: str) -> list[float]:
        horizon = self._clock() - self._window
        stored: list[float] = cache.get(self._cache_key(key), [])
        return [moment for moment in stored if moment > horizon]

    @staticmethod
    def _cache_key(key: str) -> str:
        return "login-failures:" + hashlib.sha256(key.encode()).hexdigest()


def login_throttle() -> LoginThrottle:
    """The throttle configured by LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_SECONDS."""
    return LoginThrottle(
        max_failures=settings.LOGIN_MAX_FAILURES, window_seconds=settings.LOGIN_LOCKOUT_SECONDS
    )
