"""Whether a phrase says something good: VADER (Hutto & Gilbert, ICWSM 2014), a valence lexicon
with rules for negation, intensifiers and "but", shipped inside the `vaderSentiment` package.

The fallbacks use it on phrases the cue lexicon does not know: "energetic" or "full of life"
given for the body question is a positive state and no cue; a positive feeling given for the
feeling question is tagged as the IDTS's pleasant emotions, not unpleasant ones.
"""

from __future__ import annotations

import threading
from typing import Any

POSITIVE = 0.25  # VADER compound score from which a phrase reads as positive ("ok": 0.30)
_lock = threading.Lock()
_analyser: Any = None


def is_positive(phrase: str) -> bool:
    return _scores(phrase) >= POSITIVE


def _scores(phrase: str) -> float:
    global _analyser
    if _analyser is None:
        with _lock:
            if _analyser is None:
                from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

                _analyser = SentimentIntensityAnalyzer()
    return float(_analyser.polarity_scores(phrase)["compound"])
