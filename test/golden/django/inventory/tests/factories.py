"""Test data: factory_boy factories of saved rows, and valid request bodies."""

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

from factory.declarations import LazyFunction, SubFactory
from factory.django import DjangoModelFactory, Password

from inventory.items.models import Item
from inventory.shipments.models import Shipment
from inventory.users.models import DEFAULT_ROLE, User
from inventory.warehouses.models import Warehouse

# One sequence for factories and payloads, so their unique values never collide.
_sequence = itertools.count(1)

PASSWORD = "correct-horse-battery-staple"


def numbered(make: Callable[[int], object]) -> LazyFunction:
    """A factory value made from the next sequence number."""
    return LazyFunction(lambda: make(next(_sequence)))


class UserFactory(DjangoModelFactory[User]):
    """A saved user whose password is PASSWORD."""

    class Meta:
        model = User

    email = numbered(lambda n: f"user{n}@example.com")
    password = Password(PASSWORD)
    role = DEFAULT_ROLE


class WarehouseFactory(DjangoModelFactory[Warehouse]):
    """A warehouse, saved; required references are made unless given."""

    class Meta:
        model = Warehouse

    code = numbered(lambda n: f"BER{n % 100:02d}")
    city = "alpha"
    website = "https://example.com/alpha"
    capacity = 1.5
    active = True


def warehouse_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a warehouse."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "code": f"BER{n % 100:02d}",
        "city": "alpha",
        "website": "https://example.com/alpha",
        "capacity": 1.5,
        "active": True,
    }
    payload.update(overrides)
    return payload


class ItemFactory(DjangoModelFactory[Item]):
    """An item, saved; required references are made unless given."""

    class Meta:
        model = Item

    barcode = numbered(lambda n: f"barcode-{n}")
    name = "alpha"
    min_level = 1
    max_level = 3
    best_before = date(2024, 1, 1)
    warehouse = SubFactory(WarehouseFactory)


def item_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create an item (referenced rows are saved first)."""
    n = next(_sequence)
    payload: dict[str, Any] = {
        "barcode": f"barcode-{n}",
        "name": "alpha",
        "min_level": 1,
        "max_level": 3,
        "best_before": "2024-01-01",
    }
    if "warehouse_id" not in overrides:
        payload["warehouse_id"] = WarehouseFactory.create().id
    payload.update(overrides)
    return payload


class ShipmentFactory(DjangoModelFactory[Shipment]):
    """A shipment, saved; required references are made unless given."""

    class Meta:
        model = Shipment

    quantity = 2
    ships_on = date(2024, 1, 1)
    arrives_on = date(2024, 1, 3)
    item = SubFactory(ItemFactory)


def shipment_payload(**overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a shipment (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2, "ships_on": "2024-01-01", "arrives_on": "2024-01-03"}
    if "item_id" not in overrides:
        payload["item_id"] = ItemFactory.create().id
    payload.update(overrides)
    return payload
