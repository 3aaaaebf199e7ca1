"""A clinic's handouts as the tests need them: a saved Thread Reader page, a PDF, a .docx."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from assistant.benchmark.format_samples import write_docx, write_pdf, write_threadreader_html

THREAD_POSTS = [
    "Why does stress bring back drug-seeking after months of abstinence?\n\nA 🧵👇",
    "Stress hormones act on the same circuits that learned the drug.\n\nCortisol and CRF "
    "make the old cue louder than it was last week. Image",
    "This is why a hard week at work can end at the dealer's door, even when the person "
    "meant every word of their plan.",
    "Click the link below to check out the full course on stress and relapse.",
]
PREVIEW = (12, ["Sleep loss and craving:\n\nOne bad night raises cue reactivity the next day."])

URGE_PAGE_1 = (
    "Urge surfing\n\nA craving rises like a wave, peaks and falls again, usually within twenty "
    "to thirty minutes, whether or not the person uses."
)
URGE_PAGE_2 = (
    "Riding the wave\n\nNotice where in the body the urge sits: the chest, the hands, the "
    "stomach. Breathe into that place and describe the feeling until the wave passes."
)


def thread_page(folder: Path, name: str = "stress-thread.html") -> Path:
    return write_threadreader_html(
        folder / name,
        THREAD_POSTS,
        author="Addiction Neuro Notes",
        handle="AddictionNeuro",
        date="Mar 3",
        url="https://threadreaderapp.com/thread/1797000000000000042.html",
        previews=[PREVIEW],
    )


def pdf_handout(folder: Path, name: str = "urge-surfing.pdf") -> Path:
    return write_pdf(
        folder / name,
        [URGE_PAGE_1, URGE_PAGE_2],
        title="Urge surfing",
        author="Riverside Recovery Clinic",
        created=datetime(2026, 3, 1, 9, 0),
    )


def docx_handout(folder: Path, name: str = "coping-plan.docx") -> Path:
    return write_docx(
        folder / name,
        [
            ("High-risk times", ["Payday evenings and Friday nights after work."]),
            ("What to do instead", ["Call a sponsor, leave the pub, eat something."]),
            ("After a lapse", ["A lapse is information, not failure: map the chain."]),
        ],
        title="My coping plan",
        author="Riverside Recovery Clinic",
        created=datetime(2026, 2, 14, 12, 0),
    )
