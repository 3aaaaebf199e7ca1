"""The LLM answer prompt: loaded from `prompts/llm_answer.yaml`, validated, filled with data.

The rules live only in the system message. The passages and the question go into the user
message as escaped text inside `<passages>` and `<question>` tags, so nothing in a corpus
file or a question can close a tag and pose as an instruction.
"""

from __future__ import annotations

import html
import string
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, field_validator

from assistant.corpus.models import Chunk
from assistant.prompt_files import load_prompt_file

PROMPT_FILE = "llm_answer.yaml"
PLACEHOLDERS = {"passages", "question"}


class AnswerPrompt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    system: str
    user: str

    @field_validator("user")
    @classmethod
    def _has_exactly_the_data_placeholders(cls, user: str) -> str:
        found = {name for _, name, _, _ in string.Formatter().parse(user) if name is not None}
        if found != PLACEHOLDERS:
            raise ValueError(f"must use exactly {{passages}} and {{question}}, found {found}")
        return user

    def messages(self, question: str, posts: list[Chunk]) -> list[BaseMessage]:
        """The system rules, then the numbered posts [1]..[n] and the question as data."""
        passages = "\n".join(_passage(n, post) for n, post in enumerate(posts, start=1))
        user = self.user.format(passages=passages, question=_data(question))
        return [SystemMessage(content=self.system), HumanMessage(content=user)]


def _data(text: str) -> str:
    return html.escape(text.strip(), quote=False)


def _passage(n: int, post: Chunk) -> str:
    title = html.escape(post.thread_title, quote=True)
    return f'<passage n="{n}" thread="{title}">\n{_data(post.text)}\n</passage>'


def load_answer_prompt(prompts_dir: Path) -> AnswerPrompt:
    """The shipped prompt; a missing or invalid file raises PromptFileError naming the field."""
    return load_prompt_file(prompts_dir / PROMPT_FILE, AnswerPrompt)
