"""Product: serializers (validation in, JSON out)."""

from decimal import Decimal

from django.core.validators import RegexValidator
from rest_framework import serializers

from shop.categories.models import Category
from shop.core.fields import JsonObjectField, RowIdField, StrictCharField
from shop.core.serializers import StrictModelSerializer
from shop.products.models import Product, ProductStatus
from shop.tags.models import Tag
from shop.tags.serializers import TagBriefSerializer


class ProductBriefSerializer(serializers.ModelSerializer[Product]):
    """A product without its collections."""

    category_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Product
        fields = (
            "id",
            "sku",
            "title",
            "description",
            "price",
            "stock",
            "status",
            "attributes",
            "category_id",
        )
        read_only_fields = fields


class ProductSerializer(StrictModelSerializer[Product]):
    """A product as the API reads and writes it."""

    sku = StrictCharField(
        max_length=32,
        trim_whitespace=True,
        upper=True,
        validators=[RegexValidator(r"^[A-Z0-9-]+$")],
    )
    title = StrictCharField(max_length=200)
    description = StrictCharField(allow_blank=True, required=False, allow_null=True)
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0"))
    stock = serializers.IntegerField(min_value=0, max_value=2_147_483_647, required=False)
    status = serializers.ChoiceField(choices=ProductStatus.choices, required=False)
    attributes = JsonObjectField(required=False, allow_null=True)
    category_id = RowIdField(source="category", queryset=Category.objects.all())
    tags = TagBriefSerializer(many=True, read_only=True)
    tag_ids = RowIdField(
        source="tags", queryset=Tag.objects.all(), many=True, write_only=True, required=False
    )

    class Meta:
        model = Product
        fields = (
            "id",
            "sku",
            "title",
            "description",
            "price",
            "stock",
            "status",
            "attributes",
            "category_id",
            "tags",
            "tag_ids",
            "created_at",
            "updated_at",
        )
        read_only_fields = ("id", "created_at", "updated_at")
        # Uniqueness is the database's job: a duplicate is a 409, not a validation error.
        validators = ()
