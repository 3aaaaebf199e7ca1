"""The optional LLM composer: fluent prose from the retrieved passages, every citation checked.

The model sees only the posts of the retrieved passages, numbered [1]..[n], and the question,
as data, so each citation names one post. Its reply is shown only if every sentence cites
posts it was given and is supported by every post it cites (faithfulness.py); otherwise,
and on a timeout or a provider error, the extractive answer is shown instead. When retrieval
abstains the model is not asked at all. Logs carry reason codes and counts, never question or
corpus text.
"""

from __future__ import annotations

import logging
import queue
import threading

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.answers.citation_check import Verdict, check_reply
from assistant.answers.faithfulness import unsupported
from assistant.answers.llm_prompt import AnswerPrompt
from assistant.answers.models import Answer, Citation, Statement
from assistant.answers.service import Composer
from assistant.corpus.models import Chunk
from assistant.retrieval.models import SearchResult

log = logging.getLogger(__name__)

COMPOSER_NAME = "llm"


class LLMComposer:
    def __init__(
        self, model: BaseChatModel, prompt: AnswerPrompt, fallback: Composer, timeout_s: float
    ) -> None:
        self._model = model
        self._prompt = prompt
        self._fallback = fallback
        self._timeout_s = timeout_s

    def compose(self, result: SearchResult) -> Answer:
        if result.abstained or not result.hits:
            log.info("llm composer: retrieval abstained; model not asked")
            return self._fallback.compose(result)
        posts = [post for hit in result.hits for post in hit.chunk.posts()]
        messages = self._prompt.messages(result.query, posts)
        try:
            reply = invoke_within(self._model, messages, self._timeout_s)
        except TimeoutError:
            return self._fall_back(result, "timeout")
        except Exception as exc:  # any provider failure: the clinician still gets an answer
            return self._fall_back(result, f"provider_error:{type(exc).__name__}")
        verdict = check_reply(reply, passages=len(posts))
        if not verdict.accepted:
            return self._fall_back(result, verdict.problem, verdict.sentence_count)
        problem = unsupported(verdict.sentences, posts)
        if problem:
            return self._fall_back(result, problem, verdict.sentence_count)
        answer = cited_answer(result.query, posts, verdict)
        log.info(
            "llm composer: answer accepted passages=%d sentences=%d sources=%d",
            len(posts),
            len(answer.statements),
            len(answer.citations),
        )
        return answer

    def _fall_back(self, result: SearchResult, reason: str, sentences: int = 0) -> Answer:
        log.warning(
            "llm composer: reply replaced by extractive answer reason=%s passages=%d sentences=%d",
            reason,
            len(result.hits),
            sentences,
        )
        return self._fallback.compose(result)


def cited_answer(question: str, posts: list[Chunk], verdict: Verdict) -> Answer:
    """Statements keep their sentence's first citation; sources renumbered 1..m as first cited."""
    renumbered: dict[int, int] = {}
    statements: list[Statement] = []
    for sentence in verdict.sentences:
        given = sentence.citations[0]
        n = renumbered.setdefault(given, len(renumbered) + 1)
        statements.append(Statement(text=sentence.text, citation=n))
    citations = [Citation.from_chunk(n, posts[given - 1]) for given, n in renumbered.items()]
    return Answer(
        question=question, statements=statements, citations=citations, composer=COMPOSER_NAME
    )


def invoke_within(model: BaseChatModel, messages: list[BaseMessage], timeout_s: float) -> str:
    """The model's reply text, or TimeoutError once `timeout_s` has passed.

    The call runs in a daemon thread so a hung provider neither blocks the answer nor the
    process exit; its late reply is dropped.
    """
    outcome: queue.Queue[tuple[str, Exception | None]] = queue.Queue(maxsize=1)

    def call() -> None:
        try:
            outcome.put(((model.invoke(messages).text), None))
        except Exception as exc:
            outcome.put(("", exc))

    threading.Thread(target=call, name="cuemap-llm", daemon=True).start()
    try:
        text, error = outcome.get(timeout=timeout_s)
    except queue.Empty:
        raise TimeoutError from None
    if error is not None:
        raise error
    return text
