"""The interview service fixture, for tests that check what reaches the database files."""

from tests.interview.conftest import interviews  # noqa: F401
