"""Property-based tests of the cue extractor: any text, hostile or not, gives well-formed cues,
and what is not words about the patient (placeholders, Slack tokens, links) never is a cue."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import TOKEN, load_lexicon, normalise
from assistant.interview.models import CATEGORY_KINDS
from assistant.interview.template import Question, load_template
from assistant.privacy import PhiType
from assistant.settings import PROJECT_ROOT
from tests.fakes import HashingEmbedder

TEMPLATE = load_template(PROJECT_ROOT / "prompts")
CUE_QUESTIONS = [q for q in TEMPLATE.episode.questions + TEMPLATE.plan.questions if q.cues]


@cache
def extractor() -> CueExtractor:
    lexicon = load_lexicon(PROJECT_ROOT / "prompts", TEMPLATE.situation_ids())
    return CueExtractor(lexicon, HashingEmbedder())


WORDS = st.sampled_from(
    [
        "Friday nights",
        "after payday",
        "at the pub",
        "with old mates",
        "feeling lonely",
        "shaky hands",
        "texted",
        "rang",
        "then",
        "and",
        ",",
        ".",
        "\n",
    ]
)
NOT_WORDS = st.one_of(
    st.sampled_from([t.placeholder for t in PhiType]),
    st.from_regex(r"@U[0-9A-Z]{6,10}", fullmatch=True),
    st.from_regex(r"<@U[0-9A-Z]{6,10}(\|[a-z]{3,8})?>", fullmatch=True),
    st.from_regex(r"<https://[a-z]{3,8}\.example/[a-z]{0,8}\|[a-z]{3,8}>", fullmatch=True),
    st.from_regex(r"https://[a-z]{3,8}\.example/[a-z]{0,8}", fullmatch=True),
    st.from_regex(r"#[a-z]{3,8}-zq", fullmatch=True),
    st.just("<!channel>"),
)
HOSTILE = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200),
    st.lists(st.one_of(WORDS, NOT_WORDS, st.text(max_size=6)), max_size=30).map(" ".join),
    st.just("pub " * 2000),
)


def _words(text: str) -> set[str]:
    return set(TOKEN.findall(normalise(text)))


@settings(max_examples=80, deadline=None)
@given(HOSTILE, st.sampled_from(CUE_QUESTIONS), st.integers(1, 10))
def test_cue_properties_any_answer_gives_well_formed_cues(
    text: str, question: Question, episode: int
) -> None:
    cues = extractor().extract(text, question, episode)

    assert extractor().extract(text, question, episode) == cues  # same answer, same cues
    assert len({c.key for c in cues}) == len(cues)
    for cue in cues:
        assert cue.kind == CATEGORY_KINDS[cue.category]
        assert (cue.question_id, cue.episode) == (question.id, episode)
        assert cue.text.strip() and cue.situation_tags  # an IDTS tag, or NONE_FITS
        assert _words(cue.wording) <= _words(text)  # the patient's words, from the answer
        if cue.source == "answer":  # the answer itself is the cue
            assert _words(cue.text) <= _words(text)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(WORDS, NOT_WORDS), min_size=1, max_size=12),
    st.sampled_from(CUE_QUESTIONS),
)
def test_cue_properties_placeholders_slack_tokens_and_links_are_never_cues_but_a_named_person(
    parts: list[str], question: Question
) -> None:
    text = " ".join(parts)
    unwanted = {"name", "phone", "url", "id", "https", "example", "zq", "channel"}
    unwanted |= {w.lower() for w in parts if w.lstrip("<").startswith("@")}

    cues = extractor().extract(text, question, 1)

    for cue in cues:
        if cue.text == "[NAME]":  # someone the guard redacted: a person, known to the clinician
            assert cue.category == "people" and "[NAME]" in text
            continue
        assert not _words(cue.text) & unwanted, (text, cue.text)
        assert "u0" not in cue.text.lower() and "[" not in cue.text
