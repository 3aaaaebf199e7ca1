"""CueMap's own errors. Every message is safe to show a clinician: no patient text, no trace."""


class CueMapError(Exception):
    """Base of every error the core raises on purpose."""


class CorpusError(CueMapError):
    """The corpus folder is missing, empty, or holds nothing that can be indexed."""


class IndexNotBuiltError(CueMapError):
    """Search was asked for before `cuemap ingest` built the index."""


class ModelUnavailableError(CueMapError):
    """The embedding model could not be loaded from the local disk."""


class InvalidQuestionError(CueMapError):
    """The question is empty or unusable."""
