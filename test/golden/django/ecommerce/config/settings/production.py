"""Production: secrets only from the environment (development ones refused), HTTPS, safe cookies."""

from config.env import env_bool, env_int, require_secret
from config.settings.base import *  # noqa: F403
from config.settings.base import (
    DEVELOPMENT_JWT_SECRET,
    DEVELOPMENT_SECRET_KEY,
    JWT_SECRET,
    SECRET_KEY,
)

DEBUG = False

require_secret("DJANGO_SECRET_KEY", SECRET_KEY, development=DEVELOPMENT_SECRET_KEY, min_length=50)
require_secret("JWT_SECRET", JWT_SECRET, development=DEVELOPMENT_JWT_SECRET, min_length=32)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Probes come over plain HTTP from inside the container network.
SECURE_REDIRECT_EXEMPT = [r"^health/"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
