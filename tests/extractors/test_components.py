"""The extractor components as spaCy means them: factories with their config, spans keys, what they
require and assign, and pipelines built from only the components a test needs."""

from __future__ import annotations

import pytest
import spacy

from vnnews.extractors import dates, organizations, people
from vnnews.pipeline import nlp as nlp_module

TEXT = "Sáng 12/4/2025, ông Lê Văn Hải, Giám đốc Sở Tài chính tỉnh, dự hội nghị của UBND tỉnh."


@pytest.fixture(scope="module")
def dates_only():
    """A pipeline with the dates component alone."""
    return nlp_module.build(("vnnews_dates",))


def test_a_pipeline_of_one_component_writes_only_its_spans(dates_only) -> None:
    """Built with dates alone, a Doc has date spans and nothing else."""
    doc = dates_only(TEXT)
    assert [s.text for s in doc.spans["dates"]] == ["Sáng 12/4/2025"]
    assert set(doc.spans) == {"dates"}
    assert [d.value for d in dates.to_records(doc)] == ["2025-04-12"]


def test_people_with_organizations_only_leave_names_inside_bodies_out() -> None:
    """organizations + people, without dates or activities: people get their titles."""
    doc = nlp_module.build(("vnnews_organizations", "vnnews_people"))(TEXT)
    (person,) = people.to_records(doc)
    assert person.name == "Lê Văn Hải" and person.titles == ["Giám đốc Sở Tài chính tỉnh"]
    assert "Ủy ban nhân dân tỉnh" in [o.name for o in organizations.to_records(doc)]


@pytest.mark.parametrize(
    ("factory", "key"),
    [("vnnews_dates", "ngay"), ("vnnews_organizations", "to_chuc")],
)
def test_the_spans_key_comes_from_the_config(factory: str, key: str) -> None:
    """Each component writes under the spans key its config names."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnnews.VietnameseTokenizer.v1"}}})
    nlp.add_pipe(factory, config={"spans_key": key})
    doc = nlp(TEXT)
    assert list(doc.spans) == [key] and len(doc.spans[key]) >= 1


def test_every_component_declares_what_it_assigns_and_the_full_pipeline_has_no_problems() -> None:
    """requires/assigns are declared, and spaCy's analysis finds nothing missing in the pipeline."""
    nlp = nlp_module.build()
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        assert "doc.spans" in meta.assigns and "spans_key" in meta.default_config
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_components_hold_their_compiled_vocabulary() -> None:
    """The vocabulary is built with the pipeline and held by the component, not looked up per Doc."""
    nlp = nlp_module.build(("vnnews_organizations", "vnnews_people"))
    assert nlp.get_pipe("vnnews_people").vocabulary is nlp.get_pipe("vnnews_organizations").vocabulary
