"""Record models of vnnews and their JSON Schema."""

from vnnews.schemas.models import (
    SCHEMA_VERSION,
    Activity,
    Article,
    DateItem,
    Event,
    Organization,
    Person,
    Section,
    Span,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "Article",
    "DateItem",
    "Event",
    "Organization",
    "Person",
    "Section",
    "Span",
    "json_schema",
]
