"""`python manage.py create_admin EMAIL`: create or promote an administrator.

The password is read from the terminal (or standard input), never from the command line.
"""

import getpass
from argparse import ArgumentParser

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from inventory.users.models import ADMIN_ROLE, User

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
