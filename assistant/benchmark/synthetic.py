"""A generated corpus of N short clinical-sounding passages, for the scale benchmark.

Markdown files of the kind a clinic drops into corpus/: each section (a heading and one
paragraph of 300-600 characters, a passage's length) becomes exactly one post and one chunk.
The sentences are recombined from addiction-medicine vocabulary, so BM25 and the embedding
model see text like the real corpus, not random tokens. Seeded: the same N gives the same
corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

from assistant.corpus.chunking import MIN_CHUNK_CHARS

SECTIONS_PER_FILE = 1000
PARAGRAPH_CHARS = 600

SUBJECTS = [
    "Conditioned cues",
    "Craving",
    "Dopamine prediction error",
    "The prefrontal cortex",
    "Habit circuitry in the dorsal striatum",
    "Withdrawal",
    "Stress",
    "The insula",
    "Relapse prevention",
    "Motivational interviewing",
    "Contingency management",
    "Sleep disruption",
    "Social isolation",
    "Payday",
    "An argument at home",
    "Naltrexone",
    "Buprenorphine",
    "Mindfulness practice",
    "Peer support",
    "Interoceptive awareness",
    "Impulsivity",
    "Executive control",
    "Reward sensitivity",
]
VERBS = [
    "can predict",
    "often precedes",
    "may amplify",
    "tends to weaken",
    "helps explain",
    "is linked to",
    "can reduce",
    "may trigger",
    "shapes",
    "interacts with",
]
OBJECTS = [
    "drug-seeking behaviour",
    "attention to drug cues",
    "the urge to use",
    "inhibitory control",
    "the relapse sequence",
    "goal-directed choice",
    "emotional regulation",
    "bodily tension",
    "the response to reward",
    "automatic responding",
    "treatment retention",
    "craving intensity",
    "a lapse after abstinence",
    "sensitivity to consequences",
    "coping under pressure",
]
QUALIFIERS = [
    "in early recovery",
    "over repeated use",
    "in the evening",
    "after discharge",
    "during withdrawal",
    "in social settings",
    "for some patients",
    "under chronic stress",
    "when routines break down",
    "in adolescents",
    "in older adults",
    "across sessions",
]
CLINICAL = [
    "Ask what happened in the hour before.",
    "Map the cue before planning the response.",
    "Name the body state as well as the place.",
    "Plan the first ten minutes of an urge.",
    "Review the plan at the next visit.",
    "Involve a support person where possible.",
]


def _sentence(rng: random.Random) -> str:
    parts = (SUBJECTS, VERBS, OBJECTS, QUALIFIERS)
    return " ".join(rng.choice(words) for words in parts) + "."


def _paragraph(rng: random.Random) -> str:
    """Long enough to be a passage on its own (chunking.MIN_CHUNK_CHARS), never joined."""
    sentences = [_sentence(rng) for _ in range(rng.randint(4, 6))]
    if rng.random() < 0.4:
        sentences.append(rng.choice(CLINICAL))
    paragraph = " ".join(sentences)
    while len(paragraph) < MIN_CHUNK_CHARS:
        paragraph += " " + _sentence(rng)
    return paragraph[:PARAGRAPH_CHARS]


def write_synthetic_corpus(folder: Path, chunks: int, seed: int = 7) -> int:
    """Writes Markdown files holding `chunks` sections into `folder`; returns the count."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(0, chunks, SECTIONS_PER_FILE):
        count = min(SECTIONS_PER_FILE, chunks - number)
        sections = [
            f"## Note {number + i + 1}: {rng.choice(SUBJECTS).lower()}\n{_paragraph(rng)}"
            for i in range(count)
        ]
        header = (
            f"---\ntitle: Synthetic notes {number // SECTIONS_PER_FILE + 1}\nauthor: bench\n---\n"
        )
        (folder / f"synthetic_{number // SECTIONS_PER_FILE:04d}.md").write_text(
            header + "\n\n".join(sections) + "\n", encoding="utf-8"
        )
        written += count
    return written
