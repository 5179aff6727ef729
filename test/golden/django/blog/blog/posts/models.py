"""Post: database model."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from blog.core.models import TimestampedModel


class PostStatus(models.TextChoices):
    """Allowed values of Post.status."""

    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Post(TimestampedModel):
    """A post, owned by the user who created it."""

    title = models.CharField(max_length=200, db_index=True)
    slug = models.CharField(
        max_length=200, unique=True, validators=[RegexValidator(r"^[a-z0-9-]+$")]
    )
    body = models.TextField()
    status = models.CharField(max_length=9, choices=PostStatus.choices, default=PostStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    tags = models.ManyToManyField("tags.Tag", related_name="+", db_table="post_tags", blank=True)

    class Meta:
        db_table = "posts"
        ordering = ("id",)
        verbose_name_plural = "posts"

    def __str__(self) -> str:
        return self.title
