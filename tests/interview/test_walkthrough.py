"""Whole interviews walked as a clinician would: skip, back, edit, a second episode, the plan."""

from __future__ import annotations

import re

import pytest

from assistant.engine import Engine
from assistant.interview import InterviewService, InvalidAnswerError, SessionView
from tests.interview.conftest import ALICE, EPISODE_ONE, answer_episode

EPISODE_QUESTIONS = 15
PLAN_QUESTIONS = 10


def walk(service: InterviewService, view: SessionView, answers: dict[str, str]) -> SessionView:
    """Answer whatever is asked, from `answers` (by question id), skipping the rest."""
    while view.question is not None and view.question.id in answers:
        view = service.answer(ALICE, view.session_id, view.question.id, answers[view.question.id])
    return view


def test_interview_one_episode_with_skip_back_and_edit(interviews: InterviewService) -> None:
    view = interviews.start(ALICE, "Pt-A")
    assert (view.label, view.status, view.episodes) == ("Pt-A", "open", 1)
    assert view.total == EPISODE_QUESTIONS + PLAN_QUESTIONS
    assert (view.question.id, view.question.position, view.question.episode) == (
        "before_craving",
        1,
        1,
    )
    sid = view.session_id

    view = interviews.answer(ALICE, sid, "before_craving", EPISODE_ONE["before_craving"])
    view = interviews.answer(ALICE, sid, "where", "the pub")
    view = interviews.skip(ALICE, sid)  # who: the clinician will come back to it
    assert (view.question.id, view.answered) == ("routine", 2)

    view = interviews.back(ALICE, sid)
    assert view.question.id == "who" and view.question.skipped
    assert view.question.current_answer is None
    view = interviews.answer(ALICE, sid, "who", "old mates from the building site")
    assert view.question.id == "routine"

    view = interviews.answer(ALICE, sid, "routine", "Friday after work")
    view = interviews.edit(ALICE, sid, "where", "the pub by the station")
    assert view.question.id == "feeling", "an edit does not move the interview"

    later = {k: v for k, v in EPISODE_ONE.items() if k not in ("before_craving", "where", "who")}
    view = walk(interviews, view, later)
    assert view.question.id == "coping_1" and view.question.episode is None
    assert (
        view.question.prompt == "When “pub” (main trigger 1) shows up, what will they do instead?"
    )

    view = walk(interviews, view, {"coping_1": "leave", "confidence_1": "60%"})
    assert "“old mates” (main trigger 2)" in view.question.prompt
    while view.question is not None:
        view = interviews.skip(ALICE, sid)
    assert view.answered == EPISODE_QUESTIONS + 2, "every episode answer kept, two plan answers"

    cue_map = interviews.finish(ALICE, sid)
    assert interviews.view(ALICE, sid).status == "finished"
    assert [c.text for c in cue_map.top_triggers] == ["pub", "old mates", "lonely"]
    assert cue_map.plan[0].label == "Trigger 1: pub"
    assert (cue_map.plan[0].strategy, cue_map.plan[0].confidence) == ("leave", 60)
    assert cue_map.plan[0].target_stage == "cue"
    assert cue_map.craving == {1: 8}
    note = interviews.export(ALICE, sid, "markdown").content.splitlines()
    assert "- Place: the pub by the station" in note


def test_interview_second_episode_comes_before_the_plan(interviews: InterviewService) -> None:
    view = interviews.start(ALICE, "client 7")
    sid = view.session_id
    view = walk(interviews, view, EPISODE_ONE)
    assert view.question.id == "coping_1"

    view = interviews.add_episode(ALICE, sid)
    assert (view.episodes, view.total) == (2, 2 * EPISODE_QUESTIONS + PLAN_QUESTIONS)
    assert (view.question.id, view.question.episode) == ("before_craving", 2)
    assert view.question.position == EPISODE_QUESTIONS + 1

    second = {
        "before_craving": "Sunday afternoon, nothing to do, lonely",
        "where": "home",
        "who": "on my own",
        "routine": "Sunday afternoons",
        "feeling": "bored and lonely",
        "body": "restless",
        "thoughts": "what's the point",
        "vulnerability": "hungover",
        "craving_strength": "5",
    }
    view = walk(interviews, view, second)
    assert (view.question.id, view.question.episode) == ("attention", 2)
    assert interviews.view(ALICE, sid).question == view.question, "resume lands on the same place"

    cue_map = interviews.finish(ALICE, sid)
    assert cue_map.episodes == 2
    assert cue_map.craving == {1: 8, 2: 5}
    assert cue_map.top_triggers[0].text == "lonely", "the only trigger in both episodes"
    craving = next(stage for stage in cue_map.sequence if stage.id == "craving")
    assert [(i.text, i.episode) for i in craving.items] == [("8/10", 1), ("5/10", 2)]
    assert {c.text for c in cue_map.by_category["place"]} == {"pub", "work", "home"}


def test_interview_retried_answer_keeps_one_answer(
    interviews: InterviewService, fake_engine: Engine
) -> None:
    view = interviews.start(ALICE, "Pt-R")
    first = interviews.answer(ALICE, view.session_id, "before_craving", "payday at the pub")
    retried = interviews.answer(ALICE, view.session_id, "before_craving", "payday at the pub")
    assert retried == first
    assert len(interviews.store.answers(view.session_id)) == 1


def test_interview_skip_keeps_an_answer_and_back_stops_at_the_first_question(
    interviews: InterviewService,
) -> None:
    view = interviews.start(ALICE, "Pt-S")
    sid = view.session_id
    assert interviews.back(ALICE, sid).question.id == "before_craving"
    interviews.answer(ALICE, sid, "before_craving", "argument with his dad")
    view = interviews.back(ALICE, sid)
    assert view.question.current_answer == "argument with his dad"
    view = interviews.skip(ALICE, sid)
    assert view.question.id == "where"
    assert interviews.cue_map(ALICE, sid).cues[0].text == "argument"


def test_interview_quick_pick_and_numbers_are_normalised(interviews: InterviewService) -> None:
    sid = interviews.start(ALICE, "Pt-N").session_id
    interviews.answer(ALICE, sid, "craving_strength", " 7/10 ")
    interviews.answer(ALICE, sid, "used", "Used less than usual")
    interviews.answer(ALICE, sid, "confidence_2", "85 %")
    stored = {a.slot.question_id: a.text for a in interviews.store.answers(sid)}
    assert stored == {"craving_strength": "7", "used": "used less than usual", "confidence_2": "85"}


@pytest.mark.parametrize(
    ("question_id", "text", "message"),
    [
        ("craving_strength", "eleven", "Craving strength is a number from 0 to 10."),
        ("craving_strength", "11", "Craving strength is a number from 0 to 10."),
        ("confidence_1", "150%", "Confidence for trigger 1 is a percentage from 0 to 100."),
        ("used", "maybe", "Use: choose one of 1 used, 2 used less than usual, 3 did not use."),
        ("where", "   ", "An answer cannot be empty: skip the question instead."),
        ("where", "x" * 2001, "An answer can be at most 2000 characters."),
        ("favourite_colour", "blue", "There is no question 'favourite_colour' in this interview."),
    ],
)
def test_interview_refuses_answers_it_cannot_take(
    interviews: InterviewService, question_id: str, text: str, message: str
) -> None:
    sid = interviews.start(ALICE, "Pt-V").session_id
    with pytest.raises(InvalidAnswerError) as caught:
        interviews.answer(ALICE, sid, question_id, text)
    assert str(caught.value) == message
    assert interviews.store.answers(sid) == []


def test_interview_refuses_an_episode_not_started(interviews: InterviewService) -> None:
    sid = interviews.start(ALICE, "Pt-E").session_id
    with pytest.raises(InvalidAnswerError, match="Episode 2 has not been started."):
        interviews.answer(ALICE, sid, "where", "home", episode=2)


def test_interview_label_is_generated_when_empty(interviews: InterviewService) -> None:
    assert re.fullmatch(r"session-[0-9a-f]{4}", interviews.start(ALICE, "  ").label)
    with pytest.raises(InvalidAnswerError, match="at most 60 characters"):
        interviews.start(ALICE, "x" * 61)


def test_interview_list_shows_progress_and_hides_finished_on_request(
    interviews: InterviewService,
) -> None:
    open_one = interviews.start(ALICE, "Pt-open").session_id
    interviews.answer(ALICE, open_one, "before_craving", "payday")
    interviews.skip(ALICE, open_one)
    done = interviews.start(ALICE, "Pt-done").session_id
    interviews.finish(ALICE, done)

    summaries = {s.label: s for s in interviews.list(ALICE)}
    assert set(summaries) == {"Pt-open", "Pt-done"}
    assert (summaries["Pt-open"].answered, summaries["Pt-open"].total) == (1, 25)
    assert summaries["Pt-done"].status == "finished"
    assert [s.label for s in interviews.list(ALICE, include_finished=False)] == ["Pt-open"]


def test_interview_why_is_answered_from_the_sources_with_citations(
    interviews: InterviewService,
) -> None:
    rationale = interviews.why("body")
    assert not rationale.abstained
    assert any("insula" in c.text for c in rationale.citations)
    assert re.search(r"\[\d\]", rationale.text)


def test_interview_resumes_in_a_new_service_on_the_same_database(
    interviews: InterviewService, fake_engine: Engine
) -> None:
    sid = interviews.start(ALICE, "Pt-C").session_id
    answer_episode(interviews, sid, {"before_craving": "payday", "where": "bar"})
    restarted = InterviewService.from_settings(fake_engine.settings)
    view = restarted.view(ALICE, sid)
    assert (view.question.id, view.answered) == ("who", 2)
