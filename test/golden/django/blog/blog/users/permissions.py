"""Who may do what: administrators, owners, and the rows each user sees."""

from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from blog.users.models import User

ModelT = TypeVar("ModelT", bound=Model)


def is_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user has the administrator role."""
    return isinstance(user, User) and user.is_admin


def visible_to(
    queryset: QuerySet[ModelT], user: AbstractBaseUser | AnonymousUser
) -> QuerySet[ModelT]:
    """The rows the user owns; every row for an administrator."""
    return queryset if is_admin(user) else queryset.filter(owner_id=user.pk)


class IsAdminRole(BasePermission):
    """Signed in with the administrator role."""

    message = "Administrator role required."

    def has_permission(self, request: Request, view: APIView) -> bool:
        """Administrators only (anonymous callers get a 401 first)."""
        return is_admin(request.user)


class IsOwnerOrAdmin(BasePermission):
    """Only the owner of a row, or an administrator, may change it."""

    message = "Only the owner may change this row."

    def has_object_permission(self, request: Request, view: APIView, obj: object) -> bool:
        """The caller owns the row or is an administrator."""
        return is_admin(request.user) or getattr(obj, "owner_id", None) == request.user.pk
