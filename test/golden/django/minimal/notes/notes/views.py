"""Note: HTTP routes."""

from rest_framework.permissions import IsAuthenticated

from notes.core.pagination import OffsetPagination
from notes.core.viewsets import EntityViewSet
from notes.notes.filters import NoteFilter
from notes.notes.models import Note
from notes.notes.serializers import NoteSerializer
from notes.users.permissions import IsAdminRole


class NoteViewSet(EntityViewSet[Note]):
    """Notes: paged.

    Signed-in users read them; administrators change them.
    """

    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    filterset_class = NoteFilter
    pagination_class = OffsetPagination
    lookup_url_kwarg = "note_id"
    read_permissions = (IsAuthenticated,)
    write_permissions = (IsAdminRole,)
