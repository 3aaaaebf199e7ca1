"""Is this request from Slack? Answered before anything reads the body, and never by raising.

Slack signs `v0:<timestamp>:<body>` with the app's signing secret and refuses nothing older
than five minutes. Any header that is missing, not plain ASCII digits (a timestamp of "abc",
"1e9", "-1", "" or 40 digits) or not ASCII (the signature) is simply "not from Slack": an
exception here would turn a forged request into a 500 and an error handler reading its body.
"""

from __future__ import annotations

from collections.abc import Mapping

from slack_sdk.signature import SignatureVerifier

TIMESTAMP = "x-slack-request-timestamp"
SIGNATURE = "x-slack-signature"
MAX_TIMESTAMP_DIGITS = 12  # seconds since 1970 fit in 10 digits until the year 2286
MAX_SIGNATURE_CHARS = 128  # "v0=" and 64 hex digits


def verified(headers: Mapping[str, str], body: bytes, signing_secret: str) -> bool:
    """True only for a fresh request signed with `signing_secret`."""
    try:
        timestamp = headers.get(TIMESTAMP) or ""
        signature = headers.get(SIGNATURE) or ""
        if not (timestamp.isascii() and timestamp.isdigit()):
            return False
        if len(timestamp) > MAX_TIMESTAMP_DIGITS:
            return False
        if not signature.isascii() or len(signature) > MAX_SIGNATURE_CHARS:
            return False
        verifier = SignatureVerifier(signing_secret)
        return verifier.is_valid(body, timestamp, signature)
    except Exception:  # whatever the headers hold, the answer is "no", never an error
        return False


def wsgi_headers(environ: Mapping[str, object]) -> dict[str, str]:
    """The two signing headers of a WSGI request (absent ones as "")."""
    return {
        TIMESTAMP: str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or ""),
        SIGNATURE: str(environ.get("HTTP_X_SLACK_SIGNATURE") or ""),
    }
