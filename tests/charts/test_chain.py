"""A clinician finishes an interview and gets the patient's relapse chain as a picture."""

from __future__ import annotations

from assistant.charts.chain import chain_chart, chain_figure, render_chain
from assistant.charts.chain_layout import HEIGHT, PANEL_RIGHT, WIDTH
from assistant.interview import InterviewService
from tests.charts.conftest import (
    ARGUMENT_EPISODE,
    CLINICIAN,
    FRIDAY_EPISODE,
    PLAN,
    drawn_text,
    finished,
    outside_their_box,
    overlapping,
    png_size,
    svg_root,
)

LONG_PLACE = "Saint Bartholomew's community recreation centre carpark"


def _texts(cue_map) -> list[str]:
    return [text for text, _ in drawn_text(chain_figure(cue_map))]


def _readable(cue_map) -> None:
    """Every text on the page and inside its box, none running into another."""
    figure = chain_figure(cue_map)
    assert outside_their_box(figure) == []
    texts = drawn_text(figure)
    assert all(
        0 <= box.x0 and box.x1 <= WIDTH and 0 <= box.y0 and box.y1 <= HEIGHT for _, box in texts
    )
    assert overlapping(texts) == []


def test_chain_one_cue_is_a_1200_by_800_png_naming_the_cue(interviews: InterviewService) -> None:
    cue_map = finished(interviews, "Pt-B", [{"where": "the pub"}])

    assert png_size(render_chain(cue_map, "png")) == (1200, 800)
    texts = _texts(cue_map)
    assert "Relapse chain · Pt-B" in texts
    assert "Place" in texts and "pub" in texts
    assert "none recorded" in texts  # no internal cue was given
    assert "not rated" in texts  # nor a craving strength
    _readable(cue_map)


def test_chain_svg_is_an_svg_document_of_the_same_page(interviews: InterviewService) -> None:
    cue_map = finished(interviews, "Pt-A", [FRIDAY_EPISODE], PLAN)

    root = svg_root(render_chain(cue_map, "svg"))

    assert root.get("viewBox") == "0 0 864 576"  # 12 x 8 inches in points: 1200 x 800 at 100 dpi


def test_chain_shows_the_sequence_with_craving_strength_and_the_plan_at_its_links(
    interviews: InterviewService,
) -> None:
    cue_map = finished(interviews, "Pt-A", [FRIDAY_EPISODE], PLAN)
    placed = {text: box for text, box in drawn_text(chain_figure(cue_map))}

    for stage in ("Prediction", "Craving", "Habit", "Use"):
        assert stage in placed
    assert "8/10" in placed
    assert "just one won't hurt" in placed  # the patient's own words at the prediction
    # "avoid it" works on the cue: drawn before the chain's first stage, upstream of all;
    # urge-surfing works on the craving: between the craving and what follows it;
    # calling someone works on drug-seeking: between drug-seeking and use.
    x = {text: (box.x0 + box.x1) / 2 for text, box in placed.items()}
    assert x["avoid it"] < placed["Prediction"].x0
    assert placed["Craving"].x1 < x["urge-surf"] < placed["Narrowed"].x0
    assert placed["Drug-"].x1 < x["call someone"] < placed["Use"].x0
    assert "confidence 40%" in placed and "confidence 60%" in placed
    _readable(cue_map)


def test_chain_two_episodes_rates_each_and_marks_where_each_cue_came_from(
    interviews: InterviewService,
) -> None:
    second = {**ARGUMENT_EPISODE, "where": "the pub"}  # the pub comes back in episode 2
    cue_map = finished(interviews, "Pt-A", [FRIDAY_EPISODE, second], PLAN)

    texts = _texts(cue_map)

    assert cue_map.episodes == 2
    assert ["Episode 1", "8/10", "Episode 2", "5/10"] == [
        t for t in texts if t.startswith("Episode") or t.endswith("/10")
    ]
    assert any(t.startswith("pub ¹²") for t in texts)  # said in both episodes
    assert any("angry ²" in t for t in texts)  # only in the second
    assert png_size(render_chain(cue_map)) == (1200, 800)
    _readable(cue_map)


def test_chain_many_cues_are_capped_with_a_count_of_the_rest(
    interviews: InterviewService,
) -> None:
    # ten places the lexicon does not know: each answer is its own place cue
    places = [f"the old quarry lookout number {n}" for n in range(1, 11)]
    episodes = [{"where": place, "craving_strength": n} for n, place in enumerate(places, start=1)]
    cue_map = finished(interviews, "Pt-C", episodes)
    placed = drawn_text(chain_figure(cue_map))
    texts = [text for text, _ in placed]

    assert len(cue_map.external()["place"]) == len(episodes)  # one place cue per episode
    in_panel = [t for t, box in placed if box.x1 <= PANEL_RIGHT * WIDTH]
    shown = [t for t in in_panel if t.startswith("old quarry")]
    assert len(shown) < len(episodes)
    hidden = int(shown[-1].split("+")[1].removesuffix(" more"))
    assert len(shown) + hidden == len(episodes)  # every cue is shown or counted
    assert "+6 more" in texts  # ten episodes rated, four shown in the craving box
    _readable(cue_map)


def test_chain_long_text_is_cut_with_an_ellipsis_inside_its_box(
    interviews: InterviewService,
) -> None:
    episode = {
        **FRIDAY_EPISODE,
        "where": LONG_PLACE,
        "attention": "only getting to the bar and nothing else, not the kids, not work, not the "
        "rent, not what the doctor said last week, nothing at all but the next drink",
    }
    plan = {"coping_1": "leave and walk home the long way by the river, phoning my sister"}
    cue_map = finished(interviews, "x" * 60, [episode], plan)
    placed = drawn_text(chain_figure(cue_map))
    texts = [text for text, _ in placed]

    assert LONG_PLACE.lower() in {c.text.lower() for c in cue_map.cues}
    assert LONG_PLACE.lower() not in [t.lower() for t in texts]
    cut = [t for t in texts if t.lower().startswith("saint")]
    assert cut and cut[0].endswith("…")
    panel_edge = PANEL_RIGHT * WIDTH
    assert all(box.x1 <= panel_edge for text, box in placed if text in cut)
    assert any(t.endswith("…") and t.startswith("Relapse chain · xxx") for t in texts)
    attention = texts[texts.index("attention") + 1 : texts.index("Habit")]
    assert attention[0] == "only getting" and attention[-1].endswith("…")
    plan_box = texts[texts.index("leave and") : texts.index(f"for: {cue_map.plan[0].trigger}")]
    assert plan_box[-1].endswith("…")
    _readable(cue_map)


def test_chain_picture_carries_no_identifier_but_the_label(
    interviews: InterviewService,
) -> None:
    cue_map = finished(interviews, "Pt-A", [FRIDAY_EPISODE], PLAN)
    png, svg = render_chain(cue_map, "png"), render_chain(cue_map, "svg")
    texts = " ".join(_texts(cue_map))

    for identifier in (cue_map.session_id, CLINICIAN.user_id, CLINICIAN.workspace_id):
        assert identifier not in texts
        assert identifier.encode() not in png and identifier.encode() not in svg
    assert b"<dc:date>" not in svg  # no creation date either
    assert render_chain(cue_map, "png") == png  # nothing time-dependent: the same bytes again


def test_chain_chart_names_the_file_after_label_and_session(
    interviews: InterviewService,
) -> None:
    cue_map = finished(interviews, "Client 7", [FRIDAY_EPISODE])

    png, svg = chain_chart(cue_map, "png"), chain_chart(cue_map, "svg")

    assert png.filename == f"cuemap-client-7-{cue_map.session_id[:8]}-chain.png"
    assert (png.mime, svg.mime) == ("image/png", "image/svg+xml")
    assert svg.filename.endswith("-chain.svg")
    assert png_size(png.content) == (1200, 800)
    svg_root(svg.content)


def test_chain_draws_every_plan_item_however_many_and_long(
    interviews: InterviewService,
) -> None:
    plan = {
        "coping_1": "go for a long walk around the park with the dog until it passes",
        "coping_2": "ring my sponsor and then my sister if she does not answer",
        "coping_3": "play the guitar for twenty minutes, then make a cup of tea",
        "warning_signs": "isolating",
    }
    episode = {"before_craving": "payday at the pub with old mates, feeling lonely"}
    cue_map = finished(interviews, "Pt-P", [episode], plan)

    drawn = " ".join(_texts(cue_map))

    for strategy in (plan["coping_1"], plan["coping_2"], plan["coping_3"]):
        assert all(word in drawn for word in strategy.replace(",", "").split()), strategy
    _readable(cue_map)  # every line inside the picture: the last one is not cut off


def test_chain_strategies_at_one_link_shrink_to_fit_above_the_footer(
    interviews: InterviewService,
) -> None:
    plan = {f"coping_{n}": f"call someone, option {n} of three on the list" for n in (1, 2, 3)}
    episode = {"before_craving": "payday at the pub with old mates, feeling lonely"}
    cue_map = finished(interviews, "Pt-Q", [episode], plan)

    drawn = " ".join(_texts(cue_map))

    assert all(f"option {n} of three on the list" in drawn for n in (1, 2, 3))  # none cut
    _readable(cue_map)
