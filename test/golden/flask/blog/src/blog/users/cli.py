"""Command line: create or promote an administrator.

Usage: flask --app blog.app create-admin EMAIL  (the password is read from the terminal or stdin)
"""

import click
from flask.cli import with_appcontext
from pydantic import ValidationError

from blog.users import service
from blog.users.schemas import UserCreate


@click.command("create-admin")
@click.argument("email")
@with_appcontext
def create_admin(email: str) -> None:
    """Create or promote the administrator with this email."""
    password: str = click.prompt("Password", hide_input=True)
    try:
        data = UserCreate(email=email, password=password)
    except ValidationError as exc:
        raise click.UsageError(str(exc)) from exc
    user = service.make_admin(data=data)
    click.echo(f"{user.email} is an administrator.")
