"""Ranking metrics measured on the posts a retrieved text contains, whatever its chunking."""

from __future__ import annotations

import pytest

from assistant.corpus.models import Post, SourceDocument, Thread
from assistant.evaluation.matching import PostMatcher
from assistant.evaluation.metrics import (
    budget_hit,
    ndcg_at,
    reading_window,
    recall_at,
    reciprocal_rank,
    score_question,
)

TITLE = "Cues"
POSTS = {
    1: "A place can become a cue.\nThe brain learns the signal.",
    2: "Dopamine shifts from the drug\nto the cue that predicts it.",
    3: "The insula maps body states.\nTension can be a cue too.",
}
A, B, C = ((TITLE, n) for n in (1, 2, 3))


@pytest.fixture
def matcher() -> PostMatcher:
    posts = tuple(Post(n, text) for n, text in POSTS.items())
    thread = Thread(TITLE, "Author", "", "May 1", "", 3, posts)
    return PostMatcher([SourceDocument("cues.txt", (thread,))])


def test_recall_counts_the_share_of_labelled_posts_in_the_top_k() -> None:
    found = [frozenset({C}), frozenset(), frozenset({A})]
    labels = frozenset({A, B})
    assert recall_at(found, labels, 1) == 0.0
    assert recall_at(found, labels, 3) == 0.5


def test_reciprocal_rank_is_one_over_the_first_passage_holding_an_answer() -> None:
    assert reciprocal_rank([frozenset(), frozenset({B})], frozenset({B})) == 0.5
    assert reciprocal_rank([frozenset(), frozenset()], frozenset({B})) == 0.0


def test_ndcg_gives_no_credit_for_a_post_already_seen_higher_up() -> None:
    labels = frozenset({A, B})
    ideal = [frozenset({A}), frozenset({B})]
    repeated = [frozenset({A}), frozenset({A}), frozenset({B})]
    assert ndcg_at(ideal, labels) == pytest.approx(1.0)
    assert ndcg_at(repeated, labels) < ndcg_at(ideal, labels)


def test_a_post_counts_as_present_in_raw_page_text_with_furniture(matcher: PostMatcher) -> None:
    raw = (
        "Author Profile picture\nMay 1 3 tweets\nDopamine shifts from the drug\n\n"
        "to the cue that predicts it. Image\nThe insula"
    )
    assert matcher.posts_in(raw) == {B}


def test_reading_budget_stops_a_big_chunk_winning_by_size(matcher: PostMatcher) -> None:
    padding = "Site furniture and other posts. " * 20  # 640 characters before the answer
    big_chunk = padding + POSTS[3]
    small_chunks = [POSTS[1], POSTS[3]]
    labels = frozenset({C})

    assert matcher.posts_in(big_chunk, labels) == {C}  # ranking metrics credit it at rank 1
    assert not budget_hit([big_chunk], labels, matcher)
    assert budget_hit(small_chunks, labels, matcher)
    assert [len(part) for part in reading_window(["x" * 300, "y" * 300, "z"])] == [300, 200]


def test_scores_for_one_question_combine_every_metric(matcher: PostMatcher) -> None:
    scores = score_question([POSTS[2], POSTS[3]], frozenset({C}), matcher)
    assert scores.recall == {1: 0.0, 3: 1.0, 5: 1.0}
    assert scores.reciprocal_rank == 0.5 and scores.budget_hit
