"""Fills the benchmark database (already migrated by the generated project) with deterministic rows.

Usage: python seed.py DATABASE_URL [--products N] [--readers N] [--orders-per-reader N] [--writers N]

Users: 1 is the administrator, then the readers (each owns orders with 3 items), then the writers
(the create workload's callers, so creating orders never changes what the read workloads return).
Every non-admin user owns one customer. Prints a JSON summary of the ids for the benchmark driver.
"""

import argparse
import asyncio
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import asyncpg

BASE_TIME = datetime(2025, 1, 1, tzinfo=UTC)
PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$bench$never-used-for-login"
CATEGORIES = 50
TAGS = 30
ITEMS_PER_ORDER = 3
PRODUCT_STATUSES = ("active", "draft", "archived")
ORDER_STATUSES = ("pending", "paid", "shipped", "cancelled")


def _stamp(i: int) -> datetime:
    """A distinct creation time per row, with microseconds (their formatting is compared too)."""
    return BASE_TIME + timedelta(seconds=i, microseconds=(i % 1000) * 1000)


def _users(readers: int, writers: int) -> list[tuple[object, ...]]:
    rows = [(1, "admin@bench.test", PASSWORD_HASH, "Admin", "admin", True, _stamp(1), _stamp(1))]
    for user_id in range(2, 2 + readers + writers):
        stamp = _stamp(user_id)
        email = f"user{user_id}@bench.test"
        rows.append((user_id, email, PASSWORD_HASH, None, "customer", True, stamp, stamp))
    return rows


def _products(count: int) -> tuple[list[tuple[object, ...]], list[tuple[int, int]]]:
    products: list[tuple[object, ...]] = []
    links: list[tuple[int, int]] = []
    for i in range(1, count + 1):
        attributes = (
            json.dumps({"color": ("red", "green", "blue")[i % 3], "size": ("S", "M", "L")[i % 3]})
            if i % 2 == 0
            else None
        )
        products.append(
            (
                i,
                f"SKU-{i:05d}",
                f"Product {i}",
                None if i % 3 == 0 else f"Description of product {i}.",
                Decimal(1 + (i * 37) % 50_000) / 100,
                i % 200,
                PRODUCT_STATUSES[i % 3],
                attributes,
                i % CATEGORIES + 1,
                _stamp(i),
                _stamp(i + 7),
            )
        )
        tags = {i % TAGS + 1, (i * 7) % TAGS + 1}
        if i % 3 == 0:
            tags.add((i * 13) % TAGS + 1)
        links.extend((i, tag) for tag in sorted(tags))
    return products, links


def _orders(
    readers: int, per_reader: int, products: int
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    orders: list[tuple[object, ...]] = []
    items: list[tuple[object, ...]] = []
    for j in range(1, readers * per_reader + 1):
        owner = 2 + (j - 1) // per_reader
        status = ORDER_STATUSES[j % 4]
        placed = BASE_TIME + timedelta(hours=j)
        shipped = placed + timedelta(days=2) if status == "shipped" else None
        total = Decimal(100 + (j * 53) % 90_000) / 100
        stamp = _stamp(j)
        orders.append(
            (j, status, total, placed, shipped, f"{j} Bench Street", owner - 1, owner, stamp, stamp)
        )
        for k in range(ITEMS_PER_ORDER):
            item_id = (j - 1) * ITEMS_PER_ORDER + k + 1
            product = (item_id * 97) % products + 1
            price = Decimal(1 + (product * 37) % 50_000) / 100
            items.append((item_id, k + 1, price, product, j, owner, stamp, stamp))
    return orders, items


async def seed(url: str, products: int, readers: int, per_reader: int, writers: int) -> None:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        users = _users(readers, writers)
        product_rows, links = _products(products)
        orders, items = _orders(readers, per_reader, products)
        customers = [
            (user_id - 1, f"Customer {user_id}", f"customer{user_id}@bench.test", None, False,
             user_id, _stamp(user_id), _stamp(user_id))
            for user_id in range(2, 2 + readers + writers)
        ]
        categories = [
            (i, f"Category {i:02d}", None, None if i <= 10 else i % 10 + 1, _stamp(i), _stamp(i))
            for i in range(1, CATEGORIES + 1)
        ]
        tags = [(i, f"tag-{i:02d}", _stamp(i), _stamp(i)) for i in range(1, TAGS + 1)]
        copies: list[tuple[str, list[str], list[tuple[object, ...]]]] = [
            ("users", ["id", "email", "password_hash", "full_name", "role", "is_active",
                       "created_at", "updated_at"], users),
            ("categories", ["id", "name", "description", "parent_id", "created_at", "updated_at"],
             categories),
            ("tags", ["id", "label", "created_at", "updated_at"], tags),
            ("products", ["id", "sku", "title", "description", "price", "stock", "status",
                          "attributes", "category_id", "created_at", "updated_at"], product_rows),
            ("product_tags", ["product_id", "tag_id"], list(links)),
            ("customers", ["id", "full_name", "email", "phone", "marketing_opt_in", "owner_id",
                           "created_at", "updated_at"], customers),
            ("orders", ["id", "status", "total", "placed_at", "shipped_at", "shipping_address",
                        "customer_id", "owner_id", "created_at", "updated_at"], orders),
            ("order_items", ["id", "quantity", "unit_price", "product_id", "order_id", "owner_id",
                             "created_at", "updated_at"], items),
        ]
        async with connection.transaction():
            for table, columns, records in copies:
                await connection.copy_records_to_table(table, records=records, columns=columns)
                if "id" in columns:
                    # Explicit ids were copied in: new rows must continue after them.
                    await connection.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {len(records)})"
                    )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    first_writer = 2 + readers
    summary = {
        "admin": 1,
        "readers": list(range(2, first_writer)),
        "writers": [
            {"user": user_id, "customer": user_id - 1}
            for user_id in range(first_writer, first_writer + writers)
        ],
        "products": products,
        "orders": len(orders),
        "orderItems": len(items),
    }
    print(json.dumps(summary))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--orders-per-reader", type=int, default=50)
    parser.add_argument("--writers", type=int, default=8)
    args = parser.parse_args()
    asyncio.run(seed(args.url, args.products, args.readers, args.orders_per_reader, args.writers))


if __name__ == "__main__":
    main()
