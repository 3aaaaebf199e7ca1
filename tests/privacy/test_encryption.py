"""Answer text encrypted at rest with CUEMAP_ANSWER_KEY, and clear errors when keys go wrong."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from assistant.errors import AnswerKeyError
from assistant.privacy.encryption import (
    PREFIX,
    FernetCipher,
    PlainCipher,
    cipher_from_settings,
    generate_key,
)
from assistant.settings import Settings

ANSWER = "Friday nights at the pub with old mates – craving 8/10 ☕"


def test_encryption_round_trip_hides_the_answer(settings: Settings) -> None:
    cipher = cipher_from_settings(
        settings.model_copy(update={"answer_key": SecretStr(generate_key())})
    )
    stored = cipher.encrypt(ANSWER)
    assert stored.startswith(PREFIX)
    assert "pub" not in stored
    assert cipher.decrypt(stored) == ANSWER
    assert cipher.encrypt(ANSWER) != stored  # a fresh IV each time


def test_encryption_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    key = generate_key()
    monkeypatch.setenv("CUEMAP_ANSWER_KEY", key)
    settings = Settings(_env_file=None)
    assert settings.answer_key is not None
    assert key not in repr(settings)
    stored = cipher_from_settings(settings).encrypt(ANSWER)
    assert FernetCipher(key).decrypt(stored) == ANSWER


def test_encryption_wrong_key_is_a_clear_error() -> None:
    stored = FernetCipher(generate_key()).encrypt(ANSWER)
    with pytest.raises(AnswerKeyError, match="not the one they were written with"):
        FernetCipher(generate_key()).decrypt(stored)


def test_encryption_tampered_text_is_refused() -> None:
    cipher = FernetCipher(generate_key())
    stored = cipher.encrypt(ANSWER)
    tampered = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    with pytest.raises(AnswerKeyError):
        cipher.decrypt(tampered)


def test_encryption_malformed_key_is_a_clear_error() -> None:
    with pytest.raises(AnswerKeyError, match="not a valid key"):
        FernetCipher("correct horse battery staple")
    with pytest.raises(AnswerKeyError, match="empty"):
        FernetCipher(" , ")


def test_encryption_unset_key_stores_plain_text_and_refuses_encrypted(settings: Settings) -> None:
    cipher = cipher_from_settings(settings)
    assert isinstance(cipher, PlainCipher)
    assert cipher.encrypt(ANSWER) == ANSWER
    assert cipher.decrypt(ANSWER) == ANSWER
    with pytest.raises(AnswerKeyError, match="CUEMAP_ANSWER_KEY is not set"):
        cipher.decrypt(FernetCipher(generate_key()).encrypt(ANSWER))


def test_encryption_reads_plain_text_written_before_the_key_was_set() -> None:
    assert FernetCipher(generate_key()).decrypt(ANSWER) == ANSWER


def test_encryption_key_rotation_reads_old_and_writes_new() -> None:
    old, new = generate_key(), generate_key()
    written_before = FernetCipher(old).encrypt(ANSWER)
    rotated = FernetCipher(f"{new},{old}")
    assert rotated.decrypt(written_before) == ANSWER
    assert FernetCipher(new).decrypt(rotated.encrypt(ANSWER)) == ANSWER
