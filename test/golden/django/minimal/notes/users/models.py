"""User: the custom user model (email login, roles), AUTH_USER_MODEL from the first migration."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models

from notes.core.models import TimestampedModel


class Role(models.TextChoices):
    """What a user may do; the first role is the administrator."""

    ADMIN = "admin", "Admin"
    USER = "user", "User"


ADMIN_ROLE = Role.ADMIN
DEFAULT_ROLE = Role.USER


class UserManager(BaseUserManager["User"]):
    """Creates users by email (stored in lower case); superusers get the administrator role."""

    def create_user(
        self, email: str, password: str | None = None, **extra_fields: object
    ) -> "User":
        """A saved user; without a password, one that cannot log in."""
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(
        self, email: str, password: str | None = None, **extra_fields: object
    ) -> "User":
        """An administrator of the API and a superuser of the admin site."""
        extra_fields.update(role=ADMIN_ROLE, is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin, TimestampedModel):
    """Someone who can log in: to the API with a token, to the admin site when staff."""

    email = models.EmailField(max_length=320, unique=True)
    full_name = models.CharField(max_length=200, null=True, blank=True)
    role = models.CharField(max_length=5, choices=Role.choices, default=DEFAULT_ROLE)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        db_table = "users"
        ordering = ("id",)

    def __str__(self) -> str:
        return self.email

    @property
    def is_admin(self) -> bool:
        """Administrators see and change every row."""
        return self.role == ADMIN_ROLE
