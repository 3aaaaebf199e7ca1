"""Chart fixtures: finished sessions made through the real interview service, image checks."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.transforms import Bbox
from PIL import Image

from assistant.engine import Engine
from assistant.interview import CueMap, InterviewService, Owner
from assistant.interview.scripted import AnswersFile, run_scripted

CLINICIAN = Owner("T-clinic", "U-alice")
COLLEAGUE = Owner("T-clinic", "U-bob")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# A craving episode as a clinician would type it (the interview's own example patient).
FRIDAY_EPISODE = {
    "before_craving": "Friday nights after payday at the pub with old mates, feeling lonely "
    "and shaky",
    "where": "the pub",
    "who": "old mates from the building site",
    "routine": "Friday after work",
    "feeling": "lonely since the break-up",
    "body": "shaky hands, sweating",
    "thoughts": "just one won't hurt",
    "craving_strength": 8,
    "attention": "only getting to the bar",
    "what_next": "went to the cash machine",
    "used": "used",
}
ARGUMENT_EPISODE = {
    "before_craving": "an argument with my partner about money",
    "where": "home",
    "who": "alone",
    "feeling": "angry",
    "body": "tense",
    "craving_strength": 5,
    "what_next": "texted a contact",
    "used": "did not use",
}
PLAN = {
    "coping_1": "avoid it",
    "confidence_1": 40,
    "coping_2": "urge-surf",
    "confidence_2": 55,
    "coping_3": "call someone",
    "confidence_3": 60,
}


@pytest.fixture
def interviews(fake_engine: Engine) -> InterviewService:
    return fake_engine.interviews


def finished(
    service: InterviewService,
    label: str,
    episodes: list[dict[str, Any]],
    plan: dict[str, Any] | None = None,
    owner: Owner = CLINICIAN,
) -> CueMap:
    """A session walked through the service from start to finish; its cue map."""
    script = AnswersFile(label=label, episodes=episodes, plan=plan or {})
    session_id = run_scripted(service, owner, script)
    return service.cue_map(owner, session_id)


def png_size(content: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, after checking it is one and that it decodes."""
    assert content.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(content)) as image:
        image.load()
        assert image.format == "PNG"
        return image.size


def svg_root(content: bytes) -> ET.Element:
    root = ET.fromstring(content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def drawn_text(figure: Figure) -> list[tuple[str, Bbox]]:
    """Every piece of text on the figure's page with where it landed, in pixels."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = figure.axes[0]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in page.texts if t.get_text()]


def overlapping(texts: list[tuple[str, Bbox]]) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap (by more than a pixel of anti-aliasing)."""
    pairs = []
    for n, (first, a) in enumerate(texts):
        for second, b in texts[n + 1 :]:
            if a.x0 + 1 < b.x1 and b.x0 + 1 < a.x1 and a.y0 + 1 < b.y1 and b.y0 + 1 < a.y1:
                pairs.append((first, second))
    return pairs


def outside_their_box(figure: Figure) -> list[str]:
    """Texts anchored inside a drawn box (panel, stage, plan) that run over its edge."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    page = figure.axes[0]
    boxes = [p.get_window_extent(renderer) for p in page.patches if isinstance(p, FancyBboxPatch)]
    escaped = []
    for text in page.texts:
        anchor = text.get_transform().transform(text.get_position())
        where = text.get_window_extent(renderer)
        for box in boxes:
            inside = (
                box.x0 - 1 <= where.x0
                and where.x1 <= box.x1 + 1
                and box.y0 - 1 <= where.y0
                and where.y1 <= box.y1 + 1
            )
            if box.contains(*anchor) and not inside:
                escaped.append(text.get_text())
    return escaped
