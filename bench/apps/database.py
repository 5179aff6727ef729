"""Creates or drops the benchmark's own database on the server of a URL.

Usage: python database.py create|drop postgresql+asyncpg://user:password@host:port/NAME
Connects to the server's `postgres` database to do it, so the benchmark never touches any other one.
"""

import asyncio
import sys

import asyncpg


async def main(action: str, url: str) -> None:
    server, _, name = url.replace("postgresql+asyncpg://", "postgresql://").rpartition("/")
    if not name.isidentifier():
        raise SystemExit(f"refusing an unusual database name: {name!r}")
    connection = await asyncpg.connect(f"{server}/postgres")
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("create", "drop"):
        raise SystemExit(__doc__)
    asyncio.run(main(sys.argv[1], sys.argv[2]))
