"""Multi-workspace install: Slack's OAuth flow, installations kept in the CueMap database."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from assistant.settings import Settings
from assistant.tables import create_tables

if TYPE_CHECKING:
    from slack_bolt.oauth.oauth_settings import OAuthSettings
    from sqlalchemy import Engine

MANIFEST = Path(__file__).with_name("manifest.yaml")
STATE_EXPIRES_S = 600


@cache
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def bot_scopes() -> list[str]:
    """The scopes an install asks for: the manifest's, so the two never disagree."""
    return list(manifest()["oauth_config"]["scopes"]["bot"])


def oauth_settings(settings: Settings, db: Engine) -> OAuthSettings:
    """Imported here, for an install only: the SDK's stores bring SQLAlchemy's ORM and asyncio
    layers (0.13 s of every bot's start-up otherwise)."""
    from slack_bolt.oauth.oauth_settings import OAuthSettings
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    assert settings.slack_client_id and settings.slack_client_secret
    installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=db)
    create_tables(db, installations.metadata)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_EXPIRES_S, engine=db)
    create_tables(db, states.metadata)
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=bot_scopes(),
        installation_store=installations,
        state_store=states,
        install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
    )
