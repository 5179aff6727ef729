"""Test data: saved rows and valid request bodies."""

import itertools
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from inventory.items.models import Item
from inventory.shipments.models import Shipment
from inventory.warehouses.models import Warehouse

_sequence = itertools.count(1)


def create_warehouse(session: Session, **overrides: object) -> Warehouse:
    """A warehouse, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "code": f"BER{n % 100:02d}",
        "city": "alpha",
        "website": "https://example.com/alpha",
        "capacity": 1.5,
        "active": True,
    }
    values.update(overrides)
    warehouse = Warehouse(**values)
    session.add(warehouse)
    session.commit()
    return warehouse


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


def create_item(session: Session, **overrides: object) -> Item:
    """An item, saved; required references are created unless given."""
    n = next(_sequence)
    values: dict[str, Any] = {
        "barcode": f"barcode-{n}",
        "name": "alpha",
        "min_level": 1,
        "max_level": 3,
        "best_before": date(2024, 1, 1),
    }
    if "warehouse_id" not in overrides:
        values["warehouse_id"] = create_warehouse(session).id
    values.update(overrides)
    item = Item(**values)
    session.add(item)
    session.commit()
    return item


def item_payload(session: Session, **overrides: object) -> dict[str, Any]:
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
        payload["warehouse_id"] = create_warehouse(session).id
    payload.update(overrides)
    return payload


def create_shipment(session: Session, **overrides: object) -> Shipment:
    """A shipment, saved; required references are created unless given."""
    values: dict[str, Any] = {
        "quantity": 2,
        "ships_on": date(2024, 1, 1),
        "arrives_on": date(2024, 1, 3),
    }
    if "item_id" not in overrides:
        values["item_id"] = create_item(session).id
    values.update(overrides)
    shipment = Shipment(**values)
    session.add(shipment)
    session.commit()
    return shipment


def shipment_payload(session: Session, **overrides: object) -> dict[str, Any]:
    """A valid JSON body to create a shipment (referenced rows are saved first)."""
    payload: dict[str, Any] = {"quantity": 2, "ships_on": "2024-01-01", "arrives_on": "2024-01-03"}
    if "item_id" not in overrides:
        payload["item_id"] = create_item(session).id
    payload.update(overrides)
    return payload
