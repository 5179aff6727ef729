"""Command line: create or promote an administrator.

Usage: python -m shop.users.cli create-admin EMAIL
"""

import argparse
import asyncio
import getpass
import sys
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shop.db import SessionFactory
from shop.users import service
from shop.users.models import User
from shop.users.schemas import UserCreate


async def create_admin(
    session_factory: async_sessionmaker[AsyncSession], *, email: str, password: str
) -> User:
    """Create or promote the administrator with this email."""
    async with session_factory() as session:
        return await service.make_admin(session, data=UserCreate(email=email, password=password))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the password is read from the terminal, never from the command line."""
    parser = argparse.ArgumentParser(prog="shop.users.cli", description="Manage users.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-admin", help="create or promote an administrator")
    create.add_argument("email")
    args = parser.parse_args(argv)
    password = getpass.getpass("Password: ")
    try:
        user = asyncio.run(create_admin(SessionFactory, email=args.email, password=password))
    except ValidationError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    sys.stdout.write(f"{user.email} is an administrator.\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
