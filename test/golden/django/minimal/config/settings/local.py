"""Local development and `verify`: development secrets allowed, static files served as they are."""

from config.env import env_bool
from config.settings.base import *  # noqa: F403

# Off by default, so errors keep the API's JSON shape; DJANGO_DEBUG=true shows Django's debug pages.
DEBUG = env_bool("DJANGO_DEBUG", default=False)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
