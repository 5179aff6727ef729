"""Product: HTTP routes."""

from typing import Annotated

from fastapi import Depends, Path, Query, status

from shop.db import ConnectionDep, SessionDep
from shop.errors import ERROR_RESPONSES
from shop.pagination import CursorPage
from shop.products import service
from shop.products.schemas import ProductCreate, ProductQuery, ProductRead, ProductUpdate
from shop.routing import PrefixRouter
from shop.users.dependencies import require_admin

router = PrefixRouter(prefix="/products", tags=["products"], responses=ERROR_RESPONSES)

ProductId = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("")
async def list_products(
    connection: ConnectionDep, query: Annotated[ProductQuery, Query()]
) -> CursorPage[ProductRead]:
    """List products: paged, filtered."""
    return await service.list_products(connection, query=query)


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_admin)])
async def create_product(data: ProductCreate, session: SessionDep) -> ProductRead:
    """Create a product."""
    return await service.create_product(session, data=data)


@router.get("/{product_id}")
async def get_product(product_id: ProductId, connection: ConnectionDep) -> ProductRead:
    """Get one product."""
    return await service.read_product(connection, product_id=product_id)


@router.patch("/{product_id}", dependencies=[Depends(require_admin)])
async def update_product(
    product_id: ProductId, data: ProductUpdate, session: SessionDep
) -> ProductRead:
    """Change some fields of a product."""
    return await service.update_product(session, product_id=product_id, data=data)


@router.delete(
    "/{product_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(require_admin)]
)
async def delete_product(product_id: ProductId, session: SessionDep) -> None:
    """Delete a product."""
    await service.delete_product(session, product_id=product_id)
