"""What the Slack app itself remembers, in the CueMap database (SQLite or PostgreSQL).

- requests already handled (Slack retries an event it thinks was lost; a retry must not
  answer twice), shared by every process serving the app;
- 👍/👎 feedback: which sources an answer cited and the vote, never the question or answer;
- which DM thread holds which interview session, so a reply in that thread is an answer;
- which DM threads are Slack AI-assistant threads (they get a status while CueMap works).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from assistant.tables import create_tables

SEEN_FOR = timedelta(hours=2)  # Slack stops retrying an event after about an hour
PRUNE_EVERY = timedelta(minutes=10)

metadata = MetaData()

seen_requests = Table(
    "slack_seen_requests",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False, index=True),
)

feedback = Table(
    "slack_feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("vote", String(8), nullable=False),
    Column("chunk_ids", String(2000), nullable=False),
    Column("abstained", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

interview_threads = Table(
    "slack_interview_threads",
    metadata,
    Column("session_id", String(64), primary_key=True),
    Column("team_id", String(32), nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("channel_id", String(32), nullable=False),
    Column("thread_ts", String(32), nullable=False),
    UniqueConstraint("channel_id", "thread_ts", name="uq_slack_interview_thread"),
)

assistant_threads = Table(
    "slack_assistant_threads",
    metadata,
    Column("channel_id", String(32), primary_key=True),
    Column("thread_ts", String(32), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class InterviewThread:
    session_id: str
    team_id: str
    user_id: str
    channel_id: str
    thread_ts: str


def _now() -> datetime:
    return datetime.now(UTC)


class SlackStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pruned_at = _now()
        create_tables(engine, metadata)

    # -- retries ------------------------------------------------------------------------------

    def first_time(self, key: str) -> bool:
        """Record `key`; True only for the first request that carries it, in any process."""
        try:
            with self.engine.begin() as db:
                db.execute(insert(seen_requests).values(key=key, seen_at=_now()))
        except IntegrityError:
            return False
        if _now() - self._pruned_at > PRUNE_EVERY:
            self.forget_old_requests()
        return True

    def forget_old_requests(self) -> int:
        self._pruned_at = _now()
        with self.engine.begin() as db:
            gone = db.execute(
                delete(seen_requests).where(seen_requests.c.seen_at < _now() - SEEN_FOR)
            )
        return gone.rowcount

    # -- feedback -----------------------------------------------------------------------------

    def record_feedback(
        self, team_id: str, user_id: str, vote: str, chunk_ids: list[str], abstained: bool
    ) -> None:
        with self.engine.begin() as db:
            db.execute(
                insert(feedback).values(
                    team_id=team_id,
                    user_id=user_id,
                    vote=vote,
                    chunk_ids=",".join(chunk_ids),
                    abstained=int(abstained),
                    created_at=_now(),
                )
            )

    def feedback_rows(self) -> list[dict]:
        with self.engine.connect() as db:
            return [dict(row._mapping) for row in db.execute(select(feedback))]

    # -- interview threads --------------------------------------------------------------------

    def link_thread(self, thread: InterviewThread) -> None:
        with self.engine.begin() as db:
            db.execute(
                delete(interview_threads).where(interview_threads.c.session_id == thread.session_id)
            )
            db.execute(insert(interview_threads).values(**thread.__dict__))

    def thread_for_session(self, session_id: str) -> InterviewThread | None:
        return self._one_thread(interview_threads.c.session_id == session_id)

    def session_in_thread(self, channel_id: str, thread_ts: str) -> InterviewThread | None:
        return self._one_thread(
            (interview_threads.c.channel_id == channel_id)
            & (interview_threads.c.thread_ts == thread_ts)
        )

    def unlink_session(self, session_id: str) -> None:
        with self.engine.begin() as db:
            db.execute(
                delete(interview_threads).where(interview_threads.c.session_id == session_id)
            )

    def _one_thread(self, condition) -> InterviewThread | None:
        with self.engine.connect() as db:
            row = db.execute(select(interview_threads).where(condition)).first()
        return InterviewThread(**row._mapping) if row else None

    # -- assistant threads --------------------------------------------------------------------

    def mark_assistant_thread(self, channel_id: str, thread_ts: str) -> None:
        try:
            with self.engine.begin() as db:
                db.execute(
                    insert(assistant_threads).values(
                        channel_id=channel_id, thread_ts=thread_ts, started_at=_now()
                    )
                )
        except IntegrityError:
            pass

    def is_assistant_thread(self, channel_id: str, thread_ts: str) -> bool:
        with self.engine.connect() as db:
            row = db.execute(
                select(assistant_threads.c.channel_id).where(
                    (assistant_threads.c.channel_id == channel_id)
                    & (assistant_threads.c.thread_ts == thread_ts)
                )
            ).first()
        return row is not None
