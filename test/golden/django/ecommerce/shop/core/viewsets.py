"""The base of every entity viewset: permissions by action, ids checked, conflicts as 409."""

from typing import ClassVar, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError, RestrictedError
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.serializers import BaseSerializer

from shop.core.errors import ConflictError, PathValidationError
from shop.core.fields import MAX_ROW_ID

ModelT = TypeVar("ModelT", bound=Model)

READ_ACTIONS = frozenset({"list", "retrieve"})


def parse_row_id(raw: str, *, name: str) -> int:
    """A path id: an integer from 1 to 2**31 - 1; 422 otherwise."""
    try:
        row_id = int(raw)
    except ValueError:
        row_id = 0
    if not 1 <= row_id <= MAX_ROW_ID:
        raise PathValidationError({name: [f"Input should be an integer from 1 to {MAX_ROW_ID}."]})
    return row_id


def lock_row(row: Model) -> None:
    """Lock the row until the transaction ends (on PostgreSQL); 404 if it no longer exists."""
    model = type(row)
    if not model._default_manager.select_for_update().filter(pk=row.pk).exists():
        msg = f"{model.__name__} {row.pk} not found."
        raise NotFound(msg)


class EntityViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[ModelT],
):
    """List, create, get, change (PATCH) and delete one kind of row."""

    http_method_names = ("get", "post", "patch", "delete")
    read_permissions: ClassVar[tuple[type[BasePermission], ...]] = ()
    write_permissions: ClassVar[tuple[type[BasePermission], ...]] = ()

    def perform_authentication(self, request: Request) -> None:
        """Authenticate lazily, when a permission asks: public reads ignore a stale token."""

    def get_permissions(self) -> list[BasePermission]:
        """Read permissions for list and get, write permissions for the rest."""
        chosen = self.read_permissions if self.action in READ_ACTIONS else self.write_permissions
        return [permission() for permission in chosen]

    def get_object(self) -> ModelT:
        """The row of the path id among those the caller may see; 404 otherwise."""
        name = self.lookup_url_kwarg or "pk"
        row_id = parse_row_id(self.kwargs[name], name=name)
        queryset = self.get_queryset()
        row = queryset.filter(pk=row_id).first()
        if row is None:
            msg = f"{queryset.model.__name__} {row_id} not found."
            raise NotFound(msg)
        self.check_object_permissions(self.request, row)
        return row

    def perform_create(self, serializer: BaseSerializer[ModelT]) -> None:
        """Save the new row; 409 on a duplicate unique value."""
        self.save_or_conflict(serializer)

    def perform_update(self, serializer: BaseSerializer[ModelT]) -> None:
        """Save the changes; 409 on a duplicate unique value, 404 if deleted meanwhile."""
        self.save_or_conflict(serializer)

    def save_or_conflict(self, serializer: BaseSerializer[ModelT], **extra: object) -> None:
        """Save in one transaction; a constraint violation becomes a 409.

        A changed row is locked first: if another request deleted it meanwhile, that is a 404,
        where a plain save would insert it again.
        """
        try:
            with transaction.atomic():
                if serializer.instance is not None:
                    lock_row(serializer.instance)
                serializer.save(**extra)
        except IntegrityError as exc:
            name = self.get_queryset().model._meta.verbose_name
            msg = f"The {name} conflicts with an existing one."
            raise ConflictError(msg) from exc

    def perform_destroy(self, instance: ModelT) -> None:
        """Delete the row; 409 while other rows still depend on it."""
        try:
            with transaction.atomic():
                instance.delete()
        except (IntegrityError, ProtectedError, RestrictedError) as exc:
            name = type(instance).__name__
            msg = f"{name} {instance.pk} is still referenced and cannot be deleted."
            raise ConflictError(msg) from exc
