"""Post: serializers (validation in, JSON out)."""

from django.core.validators import RegexValidator
from rest_framework import serializers

from blog.comments.serializers import CommentBriefSerializer
from blog.core.fields import AwareDateTimeField, RowIdField, StrictCharField
from blog.core.serializers import StrictModelSerializer
from blog.posts.models import Post, PostStatus
from blog.tags.models import Tag
from blog.tags.serializers import TagBriefSerializer


class PostBriefSerializer(serializers.ModelSerializer[Post]):
    """A post without its collections."""

    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Post
        fields = ("id", "title", "slug", "body", "status", "published_at", "owner_id")
        read_only_fields = fields


class PostSerializer(StrictModelSerializer[Post]):
    """A post as the API reads and writes it."""

    title = StrictCharField(max_length=200)
    slug = StrictCharField(max_length=200, validators=[RegexValidator(r"^[a-z0-9-]+$")])
    body = StrictCharField(allow_blank=True)
    status = serializers.ChoiceField(choices=PostStatus.choices, required=False)
    published_at = AwareDateTimeField(required=False, allow_null=True)
    owner_id = serializers.IntegerField(read_only=True)
    comments = CommentBriefSerializer(many=True, read_only=True)
    tags = TagBriefSerializer(many=True, read_only=True)
    tag_ids = RowIdField(
        source="tags", queryset=Tag.objects.all(), many=True, write_only=True, required=False
    )

    class Meta:
        model = Post
        fields = (
            "id",
            "title",
            "slug",
            "body",
            "status",
            "published_at",
            "owner_id",
            "comments",
            "tags",
            "tag_ids",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
