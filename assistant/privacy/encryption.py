"""Optional encryption at rest of answer text, with a key from settings (CUEMAP_ANSWER_KEY).

Encrypted text is stored as "fernet:v1:<token>". With no key the cipher stores plain text and
refuses to read encrypted text, so a missing key is never mistaken for empty answers. With a
key, plain text written before encryption was turned on is read back unchanged.
Several comma-separated keys rotate: the first encrypts, any of them decrypts.
"""

from __future__ import annotations

from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from assistant.errors import AnswerKeyError
from assistant.settings import Settings

PREFIX = "fernet:v1:"


class AnswerCipher(Protocol):
    def encrypt(self, text: str) -> str: ...

    def decrypt(self, stored: str) -> str: ...


class PlainCipher:
    """No key configured: text is stored as it is."""

    def encrypt(self, text: str) -> str:
        return text

    def decrypt(self, stored: str) -> str:
        if stored.startswith(PREFIX):
            raise AnswerKeyError(
                "Stored answers are encrypted, but CUEMAP_ANSWER_KEY is not set. "
                "Set the key they were written with."
            )
        return stored


class FernetCipher:
    """Authenticated encryption (AES-128-CBC with HMAC-SHA256) through cryptography's Fernet."""

    def __init__(self, keys: str) -> None:
        try:
            fernets = [Fernet(key.strip().encode()) for key in keys.split(",") if key.strip()]
        except (ValueError, TypeError) as exc:
            raise AnswerKeyError(
                "CUEMAP_ANSWER_KEY is not a valid key: it must be 32 url-safe base64-encoded "
                "bytes, as made by `generate_key()`."
            ) from exc
        if not fernets:
            raise AnswerKeyError("CUEMAP_ANSWER_KEY is set but empty.")
        self._fernet = MultiFernet(fernets)

    def encrypt(self, text: str) -> str:
        return PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        if not stored.startswith(PREFIX):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as exc:
            raise AnswerKeyError(
                "Stored answers cannot be decrypted with CUEMAP_ANSWER_KEY: the key is not the "
                "one they were written with, or the stored text was changed."
            ) from exc


def generate_key() -> str:
    """A fresh key for CUEMAP_ANSWER_KEY."""
    return Fernet.generate_key().decode("ascii")


def cipher_from_settings(settings: Settings) -> AnswerCipher:
    if settings.answer_key is None:
        return PlainCipher()
    return FernetCipher(settings.answer_key.get_secret_value())
