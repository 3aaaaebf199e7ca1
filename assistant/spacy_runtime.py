"""spaCy without torch.

spaCy's machine-learning library, thinc, imports torch whenever torch is installed (it is: for
the one-time ONNX export of the embedding model and the optional torch backend), although
CueMap's pipelines never use it: the identifier recogniser is the small English model's CNN,
the crisis pipeline a blank tokenizer with medspaCy's ConText. That import costs about 4 s and
300 MB in every process that checks an answer. `import_spacy()` imports spaCy with torch
hidden, so thinc records it as absent; torch itself stays importable for whoever needs it.

spaCy's package imports its command line (`spacy.cli`: requests, Jinja2, weasel) for the one
function `spacy.info`: 11 MB and 0.06 s in every process that loads a pipeline. It is imported
with a stand-in for the command line whose `info` imports the real one when called.

medspaCy's package imports QuickUMLS's spaCy component at its top (for an optional UMLS pipe
CueMap never adds), and QuickUMLS imports NLTK and SciPy: 1.1 s and 95 MB for nothing.
`import_medspacy_context()` imports ConText with a stand-in for QuickUMLS.
"""

from __future__ import annotations

import importlib
import sys
import threading
from types import ModuleType
from typing import Any

UNUSED_BY_MEDSPACY_CONTEXT = ("quickumls", "quickumls.spacy_component")

# Held while torch is hidden; the torch embedder takes it too before it first imports torch,
# so a model loading in another thread never finds torch missing. Held as well while a spaCy
# pipeline loads (`load_lock()`): spaCy reads its plug-ins' entry points at every load,
# medspaCy's among them, and a thread importing medspaCy meanwhile met its half-imported
# modules (ImportError, KeyError): one bot start in three lost its warm-up that way.
IMPORT_LOCK = threading.RLock()


def load_lock() -> threading.RLock:
    """The lock to hold while loading or building a spaCy pipeline."""
    return IMPORT_LOCK


def import_spacy() -> ModuleType:
    """The `spacy` module, imported (once) without letting thinc load torch, and without its
    command line until `spacy.info` is called."""
    with IMPORT_LOCK:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        hide = "torch" not in sys.modules
        if hide:
            sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails
        stand_ins = _command_line_stand_ins()
        try:
            return importlib.import_module("spacy")
        finally:
            if hide and "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]
            for name in stand_ins:
                if sys.modules.get(name) is stand_ins[name]:
                    del sys.modules[name]  # `import spacy.cli` imports the real one


def _command_line_stand_ins() -> dict[str, ModuleType]:
    if "spacy.cli" in sys.modules:
        return {}
    cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        return importlib.import_module("spacy.cli.info").info(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    return stand_ins


def import_medspacy_context() -> ModuleType:
    """`medspacy.context`, imported (once) with empty stand-ins for QuickUMLS.

    The stand-ins leave sys.modules afterwards: QuickUMLS itself stays importable.
    """
    import_spacy()
    with IMPORT_LOCK:
        if "medspacy.context" in sys.modules:
            return sys.modules["medspacy.context"]
        stand_ins = [name for name in UNUSED_BY_MEDSPACY_CONTEXT if name not in sys.modules]
        for name in stand_ins:
            sys.modules[name] = ModuleType(name)
            parent, _, child = name.rpartition(".")
            if parent in stand_ins:  # `from quickumls import spacy_component`
                setattr(sys.modules[parent], child, sys.modules[name])
        try:
            return importlib.import_module("medspacy.context")
        finally:
            for name in stand_ins:
                del sys.modules[name]
