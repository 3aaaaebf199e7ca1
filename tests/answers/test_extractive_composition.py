"""What a clinician reads: the post that answers, first, whole thoughts, in the thread's order.

Passages are built by hand (two posts each, as the index stores them) and handed to the
composer as retrieval would; the hashing embedder makes word overlap the similarity.
"""

from __future__ import annotations

from assistant.answers.extractive import ANAPHOR, ExtractiveComposer
from assistant.corpus.models import Chunk
from assistant.retrieval.models import Hit, SearchResult
from tests.fakes import HashingEmbedder

THREAD = "The drug may start the addiction."
OTHER = "Depression is not one biological pathway."


def passage(posts: list[str], first: int, title: str = THREAD, thread: int = 0) -> Chunk:
    text, offsets = "", []
    for post in posts:
        offsets.append(len(text))
        text += post + "\n\n"
    return Chunk(
        id=f"{thread}-{first}",
        text=text.strip(),
        source="corpus.txt",
        thread_index=thread,
        thread_title=title,
        author="Author",
        handle="@a",
        date="May 28",
        url="",
        post_start=first,
        post_end=first + len(posts) - 1,
        thread_posts=16,
        post_offsets=tuple(offsets),
    )


def ask(question: str, passages: list[Chunk]) -> tuple[list[str], list[str]]:
    hits = [
        Hit(
            chunk=p, score=0.5 - rank * 0.01, similarity=0.5, dense_rank=rank + 1, lexical_rank=None
        )
        for rank, p in enumerate(passages)
    ]
    answer = ExtractiveComposer(HashingEmbedder()).compose(SearchResult(query=question, hits=hits))
    cited = {c.n: c.post.split("/")[0] for c in answer.citations}
    return [s.text for s in answer.statements], [cited[s.citation] for s in answer.statements]


def test_composition_quotes_the_answering_post_not_its_passage_neighbour() -> None:
    pair = passage(
        [
            "Now add habit learning. Repeated pairings shift behaviour toward automatic acts.",
            "The insula adds another layer. Cues can be internal: tension, stress.",
        ],
        first=10,
    )
    texts, posts = ask("What does the insula add to internal cues?", [pair])
    assert posts[0] == "11"
    assert texts[0].startswith("The insula adds another layer.")


def test_composition_lets_an_answer_post_from_the_fifth_passage_in() -> None:
    filler = [
        passage([f"Unrelated words about topic {n} here.", f"More filler {n} text."], first=n * 2)
        for n in range(1, 5)
    ]
    answer = passage(["Mentalisation is noticing and making sense of internal experience."], 12)
    texts, posts = ask("what is mentalisation, noticing internal experience?", [*filler, answer])
    assert posts[0] == "12"


def test_composition_never_opens_on_a_dangling_that() -> None:
    pair = passage(
        [
            "Dopamine helps encode that prediction. Firing can shift from the drug to the cue.",
            "That shift is clinically important.\n\nThe cue begins to organise attention, craving "
            "and drug-seeking behaviour.",
        ],
        first=6,
    )
    texts, _ = ask("what does the cue organise: attention, craving, drug-seeking?", [pair])
    assert not ANAPHOR.match(texts[0])
    assert "That shift is clinically important." not in texts[0] or texts[0].startswith("Dopamine")


def test_composition_keeps_a_list_with_its_lead_in() -> None:
    post = passage(
        [
            "The mechanism is conditioning.\n\nThe brain pairs use with signals:\n\n* the bar\n* "
            "the payday\n* the loneliness"
        ],
        first=5,
    )
    texts, _ = ask("which signals does conditioning pair with use: bar, payday?", [post])
    assert any("the bar; the payday; the loneliness" in t for t in texts)


def test_composition_keeps_thread_order_and_leaves_unrelated_threads_out() -> None:
    later = passage(["Relapse prevention has to move upstream to cues and habits."], first=16)
    earlier = passage(["Relapse may begin earlier: a cue appears and attention narrows."], first=4)
    unrelated = passage(["Relapse of depression involves monoamines."], 3, OTHER, thread=6)
    texts, posts = ask(
        "does relapse begin earlier, with a cue, so prevention moves upstream?",
        [later, unrelated, earlier],
    )
    assert all(not t.startswith("Relapse of depression") for t in texts)
    assert posts == sorted(posts, key=int)


def test_composition_quotes_a_common_belief_with_the_correction_that_follows_it() -> None:
    post = passage(
        [
            "Depression is often explained as low serotonin in the brain, a chemical imbalance "
            "that antidepressants simply top up.\n\n"
            "But the serotonin story explains only part of it: inflammation, stress hormones "
            "and glutamate signalling change mood too, and many patients do not respond.\n\n"
            "Sleep, appetite and energy are the other symptoms clinicians ask about at every "
            "review, alongside mood itself and the patient's daily functioning at home.\n\n"
            "Recovery is judged on the whole picture, not on one rating scale or one number."
        ],
        first=2,
        title=OTHER,
    )
    texts, _ = ask("is depression low serotonin, a chemical imbalance to top up?", [post])
    belief = next(i for i, t in enumerate(texts) if t.startswith("Depression is often"))
    assert texts[belief + 1].startswith("But the serotonin story explains only part")
