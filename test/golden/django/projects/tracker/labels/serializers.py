"""Label: serializers (validation in, JSON out)."""

from django.core.validators import RegexValidator
from rest_framework import serializers

from tracker.core.fields import StrictCharField
from tracker.core.serializers import StrictModelSerializer
from tracker.labels.models import Label


class LabelBriefSerializer(serializers.ModelSerializer[Label]):
    """A label without its collections."""

    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Label
        fields = ("id", "owner_name_key", "color", "owner_id")
        read_only_fields = fields


class LabelSerializer(StrictModelSerializer[Label]):
    """A label as the API reads and writes it."""

    owner_name_key = StrictCharField(max_length=40, trim_whitespace=True, lower=True)
    color = StrictCharField(max_length=7, validators=[RegexValidator(r"^#[0-9a-f]{6}$")])
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Label
        fields = ("id", "owner_name_key", "color", "owner_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
