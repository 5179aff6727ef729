"""Every ORM model, imported in one place so Alembic and the mappers see them all."""

from inventory.db import Base
from inventory.items.models import Item
from inventory.shipments.models import Shipment
from inventory.warehouses.models import Warehouse

__all__ = ["Item", "Shipment", "Warehouse", "metadata"]

# Complete only because every model module is imported above.
metadata = Base.metadata
