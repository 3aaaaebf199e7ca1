"""A `response_url` is used only when it is Slack's: https on Slack's hooks host, or the host
of SLACK_API_URL (a Slack stand-in such as the tests' fake). Any other address a body names
is never called, so no request can make CueMap post to a URL of the sender's choosing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from slack_bolt import BoltContext

SLACK_HOOKS_HOST = "hooks.slack.com"


def trusted(url: object, slack_api_url: str) -> str | None:
    """`url` when CueMap may post to it, else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
        api = urlsplit(slack_api_url)
        if parts.scheme == "https" and parts.hostname == SLACK_HOOKS_HOST and _default_port(parts):
            return url
        same_as_api = (parts.scheme, parts.netloc) == (api.scheme, api.netloc)
        return url if same_as_api and parts.netloc else None
    except ValueError:  # e.g. a port that is not a number
        return None


def _default_port(parts: Any) -> bool:
    return parts.port in (None, 443)


def response_url_of(body: dict[str, Any], slack_api_url: str) -> str | None:
    """The body's trusted response_url (a slash command's, or a modal's first), if any."""
    urls = body.get("response_urls")
    first = urls[0] if isinstance(urls, list) and urls and isinstance(urls[0], dict) else {}
    return trusted(body.get("response_url") or first.get("response_url"), slack_api_url)


def only_slack_response_urls(context: BoltContext, next) -> None:  # Bolt injects `next`
    """Global middleware: a response_url that is not Slack's is taken out of the request,
    so `respond` cannot reach it (a listener that needs it fails, and is handled as such)."""
    url = context.response_url
    if url is not None and trusted(url, context.client.base_url) is None:
        context["response_url"] = None
        context.pop("respond", None)
    next()
