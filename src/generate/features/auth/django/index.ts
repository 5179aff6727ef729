/**
 * Auth for the Django target. The `users` app always exists (a custom user model from the first migration,
 * email login, roles; the admin site and `create_admin` use it); with `auth: jwt` it adds the API side:
 * simplejwt bearer tokens (HS256 pinned) behind /auth/register, /auth/login (OAuth2 password form),
 * /auth/refresh and /auth/me, throttled logins, and the permissions entity viewsets use.
 */
import type { ResolvedProject } from "../../../../blueprint/resolve.js";
import type { ProjectModel } from "../../../project-model.js";
import { pyStr } from "../../../python/literal.js";
import { choiceLabel } from "../../../targets/django/fields.js";
import {
  authenticationModule,
  permissionsModule,
  schemaModule,
  serializersModule,
  throttleModule,
  urlsModule,
  viewsModule,
} from "./api.js";
import { authTests } from "./tests.js";

export function contributeDjangoUsers(model: ProjectModel, project: ResolvedProject): void {
  const { pkg } = model;
  const dir = `${pkg}/users`;
  model.tree.add(
    `${dir}/__init__.py`,
    `"""Users: the custom user model, roles${project.auth ? " and authentication" : ""}."""\n`,
  );
  model.tree.add(`${dir}/apps.py`, appsModule(pkg, project.auth));
  model.tree.add(`${dir}/models.py`, modelsModule(pkg, project.roles));
  model.tree.add(`${dir}/admin.py`, adminModule(pkg));
  model.tree.add(`${dir}/migrations/__init__.py`, "");
  model.tree.add(`${dir}/migrations/0001_initial.py`, migrationModule(project.roles));
  model.tree.add(`${dir}/management/__init__.py`, "");
  model.tree.add(`${dir}/management/commands/__init__.py`, "");
  model.tree.add(`${dir}/management/commands/create_admin.py`, createAdminModule(pkg));
  model.addDependency("argon2-cffi", ">=25.1");
  if (project.auth) {
    model.addDependency("djangorestframework-simplejwt", ">=5.5,<6");
    model.tree.add(`${dir}/authentication.py`, authenticationModule());
    model.tree.add(`${dir}/schema.py`, schemaModule(pkg));
    model.tree.add(`${dir}/permissions.py`, permissionsModule(pkg));
    model.tree.add(`${dir}/serializers.py`, serializersModule(pkg));
    model.tree.add(`${dir}/throttle.py`, throttleModule());
    model.tree.add(`${dir}/views.py`, viewsModule(pkg));
    model.tree.add(`${dir}/urls.py`, urlsModule(pkg));
  }
  for (const [path, content] of authTests(pkg, project.auth)) model.tree.add(path, content);
  model.readme.push({
    title: project.auth ? "Authentication" : "Administrators",
    body: project.auth
      ? `Register with \`POST /auth/register\`, log in with \`POST /auth/login\` (OAuth2 password form: \`username\` is the email) to get an access and a refresh token, send \`Authorization: Bearer <access token>\`, renew with \`POST /auth/refresh\`. New users get the role \`${project.roles[1]}\`; \`${project.roles[0]}\` may do everything. Create or promote an administrator (also a superuser of the admin site at \`/admin/\`) with:

\`\`\`
uv run python manage.py create_admin admin@example.com
\`\`\``
      : `The API has no authentication of its own (it runs behind a gateway that authenticates). The admin site at \`/admin/\` needs an administrator:

\`\`\`
uv run python manage.py create_admin admin@example.com
\`\`\``,
  });
}

function appsModule(pkg: string, api: boolean): string {
  const ready = api
    ? `

    def ready(self) -> None:
        """Register how the OpenAPI document describes the bearer authentication."""
        import_module(f"{self.name}.schema")`
    : "";
  return `"""The users app."""
${api ? "\nfrom importlib import import_module\n" : ""}
from django.apps import AppConfig


class UsersConfig(AppConfig):
    """Users, roles${api ? " and authentication" : ""}."""

    name = "${pkg}.users"
    label = "users"
    verbose_name = "Users"${ready}
`;
}

function modelsModule(pkg: string, roles: readonly string[]): string {
  const members = roles.map((r) => `    ${r.toUpperCase()} = ${pyStr(r)}, ${pyStr(choiceLabel(r))}`);
  const length = Math.max(...roles.map((r) => r.length));
  return `"""User: the custom user model (email login, roles), AUTH_USER_MODEL from the first migration."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models

from ${pkg}.core.models import TimestampedModel


class Role(models.TextChoices):
    """What a user may do; the first role is the administrator."""

${members.join("\n")}


ADMIN_ROLE = Role.${(roles[0] ?? "admin").toUpperCase()}
DEFAULT_ROLE = Role.${(roles[1] ?? "user").toUpperCase()}


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
    role = models.CharField(max_length=${length}, choices=Role.choices, default=DEFAULT_ROLE)
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
`;
}

function migrationModule(roles: readonly string[]): string {
  const choices = roles.map((r) => `(${pyStr(r)}, ${pyStr(choiceLabel(r))})`).join(", ");
  const length = Math.max(...roles.map((r) => r.length));
  return `"""Initial schema of the users app, written by python-specialist to match its models."""

from django.db import migrations, models


class Migration(migrations.Migration):
    """Create the users table (the custom user model)."""

    initial = True

    dependencies = [("auth", "0012_alter_user_first_name_max_length")]  # noqa: RUF012

    operations = [  # noqa: RUF012
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                ("last_login", models.DateTimeField(blank=True, null=True, verbose_name="last login")),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text=(
                            "Designates that this user has all permissions without explicitly "
                            "assigning them."
                        ),
                        verbose_name="superuser status",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("email", models.EmailField(max_length=320, unique=True)),
                ("full_name", models.CharField(blank=True, max_length=200, null=True)),
                ("role", models.CharField(choices=[${choices}], default=${pyStr(roles[1] ?? "user")}, max_length=${length})),
                ("is_active", models.BooleanField(default=True)),
                ("is_staff", models.BooleanField(default=False)),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text=(
                            "The groups this user belongs to. A user will get all permissions "
                            "granted to each of their groups."
                        ),
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={"db_table": "users", "ordering": ("id",)},
        ),
    ]
`;
}

function adminModule(pkg: string): string {
  return `"""User: admin pages (email instead of a username)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from ${pkg}.users.models import User


class UserCreateForm(AdminUserCreationForm[User]):
    """Create a user by email and password."""

    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm[User]):
    """Change a user; the password is changed through its own form."""

    class Meta:
        model = User
        fields = ("email", "full_name", "role", "is_active", "is_staff", "is_superuser")


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    """Users: searchable by email and name, filtered by role and status."""

    form = UserEditForm
    add_form = UserCreateForm
    ordering = ("email",)
    list_display = ("email", "full_name", "role", "is_active", "is_staff", "created_at")
    list_filter = ("role", "is_active", "is_staff")
    search_fields = ("email", "full_name")
    readonly_fields = ("last_login", "created_at", "updated_at")
    filter_horizontal = ("groups", "user_permissions")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("full_name", "role")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "created_at", "updated_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "usable_password", "password1", "password2")}),
    )
`;
}

function createAdminModule(pkg: string): string {
  return `"""\`python manage.py create_admin EMAIL\`: create or promote an administrator.

The password is read from the terminal (or standard input), never from the command line.
"""

import getpass
from argparse import ArgumentParser

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from ${pkg}.users.models import ADMIN_ROLE, User

PASSWORD_LENGTH = range(8, 129)


class Command(BaseCommand):
    """Create or promote an administrator of the API and the admin site."""

    help = "Create or promote an administrator (API role, admin site superuser); password on stdin."

    def add_arguments(self, parser: ArgumentParser) -> None:
        """The email of the administrator."""
        parser.add_argument("email")

    def handle(self, *args: object, **options: object) -> None:
        """Create the user, or promote the existing user with this email (password unchanged)."""
        email = str(options["email"]).strip().lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            msg = f"{email} is not a valid email address."
            raise CommandError(msg) from exc
        user = User.objects.filter(email=email).first()
        if user is None:
            password = getpass.getpass("Password: ")
            if len(password) not in PASSWORD_LENGTH:
                msg = "The password must have 8 to 128 characters."
                raise CommandError(msg)
            User.objects.create_superuser(email, password)
        else:
            user.role = ADMIN_ROLE
            user.is_staff = True
            user.is_superuser = True
            user.save(update_fields=["role", "is_staff", "is_superuser", "updated_at"])
        self.stdout.write(f"{email} is an administrator.")
`;
}
