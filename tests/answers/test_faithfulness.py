"""A clinic's model writes prose; CueMap shows it only when each sentence says what its post says.

The probe replies (eval/llm_probes.yaml) were written before the check: faithful paraphrases,
and replies with one fault each (an invented fact or study under a valid citation, a dose, an
instruction, a safety falsehood, a false clause after a true cited sentence, a link, a
citation to the wrong post). The model is a LangChain fake; the posts are the shipped corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.answers.llm import LLMComposer
from assistant.answers.llm_prompt import load_answer_prompt
from assistant.answers.models import Answer
from assistant.corpus.chunking import chunk_document
from assistant.corpus.loader import load_corpus
from assistant.corpus.models import Chunk
from assistant.retrieval.models import Hit, SearchResult
from assistant.settings import PROJECT_ROOT
from tests.answers.fake_chat import ScriptedChatModel
from tests.conftest import CORPUS

PROBES = PROJECT_ROOT / "eval" / "llm_probes.yaml"


class MarkedFallback:
    """Stands in for the extractive composer: its answers are recognisable."""

    def compose(self, result: SearchResult) -> Answer:
        return Answer(question=result.query, composer="extractive")


def _posts() -> dict[tuple[str, int], Chunk]:
    posts = {}
    for document in load_corpus(CORPUS).documents:
        for chunk in chunk_document(document):
            for post in chunk.posts():
                posts[(post.thread_title, post.post_start)] = post
    return posts


def _probes() -> list[dict]:
    return yaml.safe_load(Path(PROBES).read_text(encoding="utf-8"))["probes"]


def _shown(probe: dict, threads: dict[str, str], posts: dict[tuple[str, int], Chunk]) -> Answer:
    given = [posts[(threads[alias], number)] for alias, number in probe["posts"]]
    hits = [Hit(chunk=p, score=0.5, similarity=0.5, dense_rank=1, lexical_rank=1) for p in given]
    composer = LLMComposer(
        ScriptedChatModel.replying(probe["reply"]),
        load_answer_prompt(PROJECT_ROOT / "prompts"),
        fallback=MarkedFallback(),
        timeout_s=5.0,
    )
    return composer.compose(SearchResult(query=probe["question"], hits=hits))


def test_faithfulness_probe_set_is_large_and_mixed() -> None:
    probes = _probes()
    assert len(probes) >= 40
    assert sum(p["faithful"] for p in probes) >= 20
    assert sum(not p["faithful"] for p in probes) >= 20


def test_faithfulness_shows_faithful_paraphrases_and_replaces_every_unfaithful_reply() -> None:
    threads = yaml.safe_load(Path(PROBES).read_text(encoding="utf-8"))["threads"]
    posts = _posts()
    faithful = [p for p in _probes() if p["faithful"]]
    unfaithful = [p for p in _probes() if not p["faithful"]]

    accepted = [p for p in faithful if _shown(p, threads, posts).composer == "llm"]
    let_through = [p["fault"] for p in unfaithful if _shown(p, threads, posts).composer == "llm"]

    assert len(accepted) / len(faithful) >= 0.90, [
        p["reply"] for p in faithful if p not in accepted
    ]
    assert let_through == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Take 300 mg of pregabalin at night.", "dose"),
        ("Patients should stop taking it when drowsy.", "instruction"),
        ("It is perfectly safe in pregnancy.", "safety_claim"),
        ("A 2020 trial confirmed the shift.", "study_claim"),
        ("More at www.example-news.com today.", "unknown_link"),
        ("The second step is that firing shifts earlier.", "unsupported_number"),
        ("Dopamine does not encode that prediction.", "negation_flip"),
    ],
)
def test_faithfulness_names_the_reason_a_sentence_is_refused(sentence: str, code: str) -> None:
    from assistant.answers.faithfulness import sentence_problem

    post = "Dopamine helps encode that prediction. With repeated use, firing can shift earlier."
    assert sentence_problem(sentence, [post]) == code


@pytest.mark.parametrize(
    ("sentence", "post", "code"),
    [
        (  # the post's "not" dropped
            "Gabapentin and pregabalin act by binding to GABA receptors.",
            "Gabapentin and pregabalin do not act by binding to GABA receptors.",
            "negation_flip",
        ),
        (  # kept, and what follows "but" is no part of its scope
            "The effect is not more GABA but reduced excitatory signalling.",
            "The effect is not more GABA. It is reduced excitatory signalling.",
            "",
        ),
        (  # a comparison restating a negation
            "Relapse may begin earlier than the moment of use.",
            "Relapse may not begin at the moment of use. It may begin earlier.",
            "",
        ),
        (  # "third" for a post that numbers its steps 1 and 2
            "The third process is attachment.",
            "1/ Attachment. The connection between therapist and patient. 2/ Mentalisation.",
            "unsupported_number",
        ),
    ],
)
def test_faithfulness_reads_negation_and_number_words_as_the_post_does(
    sentence: str, post: str, code: str
) -> None:
    from assistant.answers.faithfulness import sentence_problem

    assert sentence_problem(sentence, [post]) == code
