"""Pydantic v2 models of the record vnnews writes for one article."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

Granularity = Literal["year", "half", "quarter", "month", "week", "day", "time"]
PartOfDay = Literal["morning", "noon", "afternoon", "evening", "night"]
OrgKind = Literal[
    "party",
    "state",
    "military",
    "police",
    "mass",
    "company",
    "press",
    "education",
    "health",
    "foreign",
    "other",
]
Role = Literal["chair", "speaker", "attendee", "mentioned", "author"]
ActivityKind = Literal[
    "model", "program", "plan", "project", "campaign", "movement", "fund", "agreement", "other"
]
Relation = Literal["signed", "launched", "reviewed", "awarded", "implemented", "planned", "reported"]
ActivityStatus = Literal["carried_out", "signed", "launched", "planned", "advised"]
SectionName = Literal["title", "lead", "body", "byline"]
Calendar = Literal["solar", "lunar"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the article text: `text == article.text[start:end]`."""

    start: int = Field(ge=0, description="Character offset of the first character in the record's `text`.")
    end: int = Field(ge=0, description="Character offset one past the last character.")
    text: str = Field(description="The characters between start and end, as written.")


class DateItem(Span):
    """A temporal expression normalized to ISO 8601 / TIMEX3."""

    value: str | None = Field(
        description=(
            "2021, 2021-H1, 2021-Q1, 2021-03, 2021-W10, 2021-03-18 or 2021-03-18T14:30, always in the "
            "solar (Gregorian) calendar. null only for a lunar date that cannot be placed on it: its "
            "year is unknown or it recurs every year, or it is a whole lunar month; `lunar_value` then "
            "says what the text wrote."
        )
    )
    granularity: Granularity
    end_value: str | None = Field(default=None, description="End of a range, at its own granularity.")
    part_of_day: PartOfDay | None = None
    relative: bool = Field(default=False, description="Resolved against the publication date.")
    year_source: Literal["text", "published", "context", "unknown"] = Field(
        default="text", description="Where the year came from: written, publication date, nearby year, none."
    )
    calendar: Calendar = Field(
        default="solar",
        description="lunar: the text dates it in the Vietnamese lunar calendar ('rằm tháng Giêng', '10/3 âm lịch').",
    )
    lunar_value: str | None = Field(
        default=None,
        description=(
            "A lunar date as written, in the lunar calendar: lunar year (XXXX unknown), month, day "
            "(2017-01-15, XXXX-07-15, XXXX-12); `value` is its solar day."
        ),
    )
    recurring: bool = Field(
        default=False,
        description="The day or period recurs every year ('ngày 21/10 hằng năm'): its year is XXXX.",
    )


class Person(Span):
    """A named person, with every mention; start/end/text are those of the first mention."""

    name: str = Field(description="The personal name without honorific, rank or title.")
    honorific: str | None = None
    rank: str | None = Field(default=None, description="Military or police rank before the name.")
    titles: list[str] = Field(
        default_factory=list, description="Positions, as written, organization included."
    )
    organization: str | None = Field(
        default=None, description="Canonical name of the body of the first title."
    )
    role: Role = "mentioned"
    mentions: list[Span] = Field(default_factory=list)


class Organization(Span):
    """One body, with its canonical (expanded) name and every surface form; span is the first mention."""

    name: str = Field(description="Full name with abbreviations expanded.")
    aliases: list[str] = Field(default_factory=list, description="Other forms the text writes it in.")
    kind: OrgKind = "other"
    mentions: list[Span] = Field(default_factory=list)


class Activity(Span):
    """An activity model, program, plan, campaign, movement, fund or agreement the article reports."""

    kind: ActivityKind = "other"
    relation: Relation = "reported"
    status: ActivityStatus = Field(
        default="carried_out",
        description="from the item's own clause: carried out, signed, launched, or only planned or advised "
        "(a future or advisory clause: 'sẽ', 'cần', 'đề nghị', 'phấn đấu'), so that users can filter",
    )
    source: Literal["rules", "model"] = Field(
        default="rules", description="the cue rules, or the learned tagger (actions told in running prose)"
    )


class Event(_Model):
    """The main event the article reports."""

    type: str | None = Field(default=None, description="hội nghị tổng kết, lễ ký kết, đại hội, ...")
    date: str | None = Field(
        default=None, description="ISO date of the event, a day where the text gives one."
    )
    location: str | None = None
    organizer: str | None = None
    chair: str | None = None


class Section(_Model):
    """A part of the article text (title, lead, body, byline)."""

    name: SectionName
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(_Model):
    """The structured record of one article."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = Field(
        default=None, description="Publication date given as input (ISO, any granularity)."
    )
    event: Event = Field(default_factory=Event)
    dates: list[DateItem] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    text: str = Field(default="", description="The normalized article text all offsets refer to.")


def json_schema() -> dict:
    """The JSON Schema of an Article record."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"vnnews/article/{SCHEMA_VERSION}"
    return schema
