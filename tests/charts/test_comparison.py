"""A clinician sees a patient again and asks what changed since last time."""

from __future__ import annotations

import pytest

from assistant.charts import compare, comparison_lines, comparison_markdown
from assistant.charts.comparison import Change
from assistant.charts.comparison_chart import comparison_chart, comparison_figure, render_comparison
from assistant.errors import NothingToCompareError
from assistant.interview import InterviewService
from tests.charts.conftest import (
    CLINICIAN,
    COLLEAGUE,
    drawn_text,
    finished,
    overlapping,
    png_size,
    svg_root,
)

FIRST_VISIT = {"before_craving": "payday", "where": "the pub", "feeling": "lonely"}
SECOND_VISIT = {"where": "The Pub", "feeling": "bored"}


def _keys(triggers) -> set[tuple[str, str]]:
    return {t.key for t in triggers}


def test_compare_two_sessions_reports_new_persisting_resolved_and_not_asked_triggers(
    interviews: InterviewService,
) -> None:
    finished(interviews, "Pt-A", [FIRST_VISIT])
    finished(interviews, "Pt-A", [SECOND_VISIT])

    comparison = compare(interviews, CLINICIAN, "Pt-A")

    assert [s.number for s in comparison.sessions] == [1, 2]
    assert _keys(comparison.with_status("persisting")) == {("place", "pub")}
    assert _keys(comparison.with_status("new")) == {("emotion", "bored")}
    assert _keys(comparison.with_status("resolved")) == {("emotion", "lonely")}  # asked again
    assert _keys(comparison.with_status("not_asked")) == {("event", "payday")}  # not asked
    assert comparison.with_status("earlier") == []
    pub = comparison.with_status("persisting")[0]
    assert pub.sessions == [1, 2] and pub.kind == "external"


def test_compare_matches_label_and_cue_text_whatever_their_case(
    interviews: InterviewService,
) -> None:
    finished(interviews, "Pt-A", [{"where": "the Old Garage"}])  # no names: they are PHI
    finished(interviews, "pt-a ", [{"where": "the old garage"}])

    comparison = compare(interviews, CLINICIAN, "PT-A")

    assert len(comparison.sessions) == 2
    assert _keys(comparison.with_status("persisting")) == {("place", "garage")}  # a lexicon place


def test_compare_shows_how_craving_and_confidence_moved(interviews: InterviewService) -> None:
    finished(
        interviews,
        "Pt-A",
        [{"where": "the pub", "craving_strength": 8}, {"where": "the pub", "craving_strength": 6}],
        {"coping_1": "avoid it", "confidence_1": 40},
    )
    finished(
        interviews,
        "Pt-A",
        [{"where": "the pub", "craving_strength": 5}],
        {"coping_1": "leave", "confidence_1": 70},
    )

    comparison = compare(interviews, CLINICIAN, "Pt-A")

    assert comparison.craving == Change(7, 5)  # the mean of the first session's two episodes
    assert comparison.confidence == Change(40, 70)
    assert comparison.with_status("persisting")[0].confidence == (40, 70)
    lines = comparison_lines(comparison)
    assert "Craving strength (mean of episodes, 0–10): 7 → 5 (−2)" in lines
    assert (
        "Confidence (mean over the 1 trigger planned in both sessions: pub): 40% → 70% "
        "(+30 points)" in lines
    )


def test_compare_counts_only_this_clinicians_finished_sessions(
    interviews: InterviewService,
) -> None:
    finished(interviews, "Pt-A", [FIRST_VISIT])
    finished(interviews, "Pt-A", [SECOND_VISIT], owner=COLLEAGUE)  # same label, someone else
    interviews.start(CLINICIAN, "Pt-A")  # still open
    finished(interviews, "Pt-B", [SECOND_VISIT])  # another patient

    with pytest.raises(NothingToCompareError, match="only one finished session.*'Pt-A'"):
        compare(interviews, CLINICIAN, "Pt-A")
    with pytest.raises(NothingToCompareError, match="no finished session"):
        compare(interviews, CLINICIAN, "Pt-Z")
    with pytest.raises(NothingToCompareError):
        compare(interviews, COLLEAGUE, "Pt-A")  # the colleague sees only their own one

    mine = finished(interviews, "Pt-A", [SECOND_VISIT])
    comparison = compare(interviews, CLINICIAN, "Pt-A")
    assert len(comparison.sessions) == 2 and comparison.latest.session_id == mine.session_id


def test_compare_three_sessions_in_the_order_they_were_started(
    interviews: InterviewService,
) -> None:
    first = finished(interviews, "Pt-A", [{"before_craving": "payday"}])
    finished(interviews, "Pt-A", [{"where": "the pub"}])
    finished(interviews, "Pt-A", [{"where": "the pub", "feeling": "bored"}])
    # Correcting the first session later does not make it the latest.
    interviews.answer(CLINICIAN, first.session_id, "feeling", "lonely", 1)

    comparison = compare(interviews, CLINICIAN, "Pt-A")

    assert [s.session_id for s in comparison.sessions][0] == first.session_id
    by_key = {t.key: t for t in comparison.triggers}
    assert by_key[("event", "payday")].status == "earlier"
    assert by_key[("emotion", "lonely")].status == "earlier"
    assert by_key[("place", "pub")].status == "persisting"
    assert by_key[("place", "pub")].sessions == [2, 3]
    assert by_key[("emotion", "bored")].status == "new"


def test_comparison_table_and_chart_show_the_change(interviews: InterviewService) -> None:
    finished(interviews, "Pt-A", [{**FIRST_VISIT, "craving_strength": 8}])
    finished(interviews, "Pt-A", [{**SECOND_VISIT, "craving_strength": 5}])
    comparison = compare(interviews, CLINICIAN, "Pt-A")

    table = comparison_markdown(comparison)
    png, svg = comparison_chart(comparison, "png"), comparison_chart(comparison, "svg")
    texts = drawn_text(comparison_figure(comparison))

    assert "| bored | emotion | new | 2 |  |" in table
    assert "| pub | place | persisting | 1, 2 |  |" in table
    assert "| lonely | emotion | resolved | 1 |  |" in table
    assert "| payday | event | not asked again | 1 |  |" in table
    assert "Triggers: 1 new, 1 persisting, 1 resolved, 1 not asked again." in table
    assert "8 → 5 (−3)" in table
    assert png.filename == "cuemap-pt-a-compare.png" and svg.mime == "image/svg+xml"
    assert png_size(png.content) == (1200, 700)
    assert png_size(render_comparison(comparison)) == (1200, 700)
    svg_root(svg.content)
    words = [text for text, _ in texts]
    statuses = [w for w in words if w in ("NEW", "PERSISTING", "RESOLVED", "NOT ASKED")]
    assert statuses == ["NEW", "PERSISTING", "RESOLVED", "NOT ASKED"]
    assert "bored (emotion)" in words
    assert overlapping(texts) == []


def test_compare_matches_one_concept_across_wordings_and_compares_confidence_like_for_like(
    interviews: InterviewService,
) -> None:
    first = [{"before_craving": "Friday, at the boozer", "where": "the pub", "routine": "Friday"}]
    finished(interviews, "Pt-W", first, {"coping_1": "leave", "confidence_1": 40})
    second = [{"where": "at the pub", "routine": "Friday night", "feeling": "shame"}]
    finished(interviews, "Pt-W", second, {"coping_1": "leave", "confidence_1": 50})

    comparison = compare(interviews, CLINICIAN, "Pt-W")

    persisting = _keys(comparison.with_status("persisting"))
    assert ("place", "pub") in persisting  # "the boozer" and "at the pub": one place
    assert [t.text for t in comparison.triggers if t.category == "time"] == ["Friday"]
    assert comparison.with_status("new") == [] or all(
        t.category == "emotion" for t in comparison.with_status("new")
    )
    assert comparison.confidence_triggers == sorted(
        set(comparison.previous.confidence) & set(comparison.latest.confidence)
    )


def test_compare_writes_every_row_to_the_file_and_marks_an_unfinished_plan(
    interviews: InterviewService,
) -> None:
    places = [f"the old quarry lookout number {n}" for n in range(1, 21)]
    finished(interviews, "Pt-L", [{"where": p} for p in places[:10]])
    finished(interviews, "Pt-L", [{"where": p} for p in places[10:]])

    comparison = compare(interviews, CLINICIAN, "Pt-L")
    short, full = comparison_markdown(comparison), comparison_markdown(comparison, max_rows=None)

    assert "more (all in the saved file)" in short
    assert all(f"lookout number {n} " in full for n in range(1, 21))
    assert "Session 2 is incomplete: The relapse-prevention plan is unanswered." in full
