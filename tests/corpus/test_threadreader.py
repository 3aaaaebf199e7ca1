"""The shipped Thread Reader page, parsed as a clinician would want to cite it."""

from __future__ import annotations

import pytest

from assistant.corpus import chunk_document
from assistant.corpus.boilerplate import FORBIDDEN_IN_INDEX
from assistant.corpus.loader import parse_file
from assistant.corpus.models import SourceDocument
from assistant.settings import PROJECT_ROOT

PAGE = PROJECT_ROOT / "corpus" / "psychiatry_excellence_threads.txt"


@pytest.fixture(scope="module")
def page() -> SourceDocument:
    return parse_file(PAGE, PAGE.name)


def test_page_splits_into_the_full_thread_and_six_previews(page: SourceDocument) -> None:
    titles = [thread.title for thread in page.threads]
    assert len(titles) == 7
    assert titles[0] == "The drug may start the addiction."
    assert titles[1].startswith("Psychodynamic psychotherapy")
    assert titles[2].startswith("Gabapentin and pregabalin")
    assert titles[3].startswith("Psychiatric disorders are not explained by genetic")
    assert titles[4].startswith("Methylphenidate")
    assert titles[5] == "It’s not just: “Is psychosis improving?”"
    assert titles[6].startswith("Depression is not one biological pathway")


def test_full_thread_has_its_sixteen_posts_numbered_in_order(page: SourceDocument) -> None:
    thread = page.threads[0]
    assert [post.number for post in thread.posts] == list(range(1, 17))
    assert thread.total_posts == 16
    assert thread.posts[12].text.startswith("The insula adds another layer.")
    assert thread.posts[15].text.endswith("habits that start the seeking sequence.")


def test_previews_keep_the_full_thread_length_for_post_n_of_n(page: SourceDocument) -> None:
    totals = [(len(t.posts), t.total_posts) for t in page.threads[1:]]
    assert totals == [(3, 8), (3, 13), (3, 15), (3, 15), (3, 15), (3, 14)]


def test_every_thread_carries_author_handle_and_date(page: SourceDocument) -> None:
    assert {t.author for t in page.threads} == {"Psychiatry Excellence"}
    assert {t.handle for t in page.threads} == {"@psycheureka"}
    assert [t.date for t in page.threads] == [
        "May 28",
        "May 25",
        "May 24",
        "May 18",
        "May 11",
        "May 9",
        "May 8",
    ]


def test_no_page_furniture_reaches_any_chunk(page: SourceDocument) -> None:
    chunks = chunk_document(page)
    assert chunks
    for chunk in chunks:
        for forbidden in FORBIDDEN_IN_INDEX:
            assert forbidden.lower() not in chunk.text.lower(), (forbidden, chunk.post_label)
        assert "🧵" not in chunk.text and "👇" not in chunk.text


def test_the_authors_course_advert_is_dropped_but_the_post_kept(page: SourceDocument) -> None:
    last = page.threads[0].posts[-1].text
    assert "Relapse prevention cannot start only at the moment of use." in last
    assert "Academy" not in last and "click the link" not in last


def test_bullet_lists_stay_inside_their_post(page: SourceDocument) -> None:
    post = page.threads[0].posts[4]
    assert post.text.startswith("The mechanism is conditioning.")
    assert "* the payday\n* the withdrawal state" in post.text
    assert post.text.endswith("“When this appears, the drug may be near.”")
