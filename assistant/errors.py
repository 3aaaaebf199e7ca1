"""CueMap's own errors. Every message is safe to show a clinician: no patient text, no trace."""


class CueMapError(Exception):
    """Base of every error the core raises on purpose."""


class CorpusError(CueMapError):
    """The corpus folder is missing, empty, or holds nothing that can be indexed."""


class PromptFileError(CueMapError):
    """A file in `prompts/` is missing or invalid; the message names the file and the field."""


class AnswerKeyError(CueMapError):
    """Stored answer text cannot be decrypted with CUEMAP_ANSWER_KEY, or the key is malformed."""


class IndexNotBuiltError(CueMapError):
    """Search was asked for before `cuemap ingest` built the index."""


class IndexUnavailableError(CueMapError):
    """The index cannot be opened (e.g. the Chroma server is unreachable)."""


class ModelUnavailableError(CueMapError):
    """The embedding model could not be loaded from the local disk."""


class InvalidQuestionError(CueMapError):
    """The question is empty or unusable."""


class LLMConfigError(CueMapError):
    """`CUEMAP_LLM` names a chat model that cannot be set up (unknown provider, missing extra)."""


class EvaluationDataError(CueMapError):
    """A labelled evaluation file is missing, malformed, or names posts the corpus lacks."""


class TemplateError(PromptFileError):
    """The interview template or cue lexicon in `prompts/` is invalid; names file and field."""


class SessionNotFoundError(CueMapError):
    """No interview session with that id (or it was deleted)."""


class NotYourSessionError(CueMapError):
    """The session belongs to another clinician (another user or workspace)."""


class InvalidAnswerError(CueMapError):
    """An answer, question id or episode the interview cannot take; the message says why."""


class InterviewStoreError(CueMapError):
    """The interview database is unsupported, misconfigured or cannot be reached."""


class ExportError(CueMapError):
    """An export could not be produced (unknown format, or a FHIR resource failing its checks)."""


class NothingToCompareError(CueMapError):
    """Fewer than two finished sessions under a label: there is no change to show yet."""


class PhiFoundError(CueMapError):
    """Free text holds identifiers (PHI); nothing was stored. `redacted` is the text with each
    identifier replaced by its placeholder, `summary` says what was found by type, never value."""

    def __init__(self, message: str, redacted: str = "", summary: str = "") -> None:
        super().__init__(message)
        self.redacted = redacted
        self.summary = summary


class SafetyConfirmationRequiredError(CueMapError):
    """The session shows a safety card the clinician has not confirmed yet."""
