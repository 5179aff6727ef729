"""Comment: serializers (validation in, JSON out)."""

from rest_framework import serializers

from blog.comments.models import Comment
from blog.core.fields import RowIdField, StrictCharField
from blog.core.serializers import StrictModelSerializer
from blog.posts.models import Post


class CommentBriefSerializer(serializers.ModelSerializer[Comment]):
    """A comment without its collections."""

    post_id = serializers.IntegerField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Comment
        fields = ("id", "body", "post_id", "owner_id")
        read_only_fields = fields


class CommentSerializer(StrictModelSerializer[Comment]):
    """A comment as the API reads and writes it."""

    body = StrictCharField(allow_blank=True)
    post_id = RowIdField(source="post", queryset=Post.objects.all())
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Comment
        fields = ("id", "body", "post_id", "owner_id", "created_at", "updated_at")
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
