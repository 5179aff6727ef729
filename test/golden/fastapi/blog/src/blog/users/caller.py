"""The caller of a request: what access rules need of a user, without an ORM object."""

from dataclasses import dataclass

from blog.users.models import ADMIN_ROLE, Role


@dataclass(frozen=True, slots=True)
class Caller:
    """The active user behind a request."""

    id: int
    role: Role

    @property
    def is_admin(self) -> bool:
        """Administrators see and change every row."""
        return self.role == ADMIN_ROLE

    @property
    def visible_owner(self) -> int | None:
        """The owner of the private rows this caller may see and refer to; None: every owner's."""
        return None if self.is_admin else self.id
