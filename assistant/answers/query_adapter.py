"""A learned linear map on the question's vector, used to choose which post answers.

all-MiniLM-L6-v2 ranks posts by general likeness of wording, so a story ("My patient says just
walking past his old pub makes him want a drink. Why?") lands on the post that shares its
words ("The patient may be trying to resist the final step") rather than the one that
explains it ("The mechanism is conditioning..."). A query-side linear adapter (the method of
Chroma's "embedding adapters" report and LlamaIndex's linear adapter fine-tuning) learns that
mapping from labelled questions without touching the model or the index:

    adapted(q) = normalise(q + q @ A)

`A` (384 x 384) is fitted by `cuemap fit-adapter` on the dev split of
eval/retrieval_questions.yaml so that each adapted question lies nearest the posts that answer
it: softmax cross-entropy over every post of the corpus, temperature 0.05, ridge 0.01 on `A`,
200 Adam steps from A = 0. Those settings were chosen by 5-fold cross-validation on dev
(the best post first for 0.784 of answered dev questions with the model's own vector, 0.858
with the adapter fitted on the other folds); the test split never took part.

The adapter only re-ranks the posts of the passages retrieval already found, and only when
every one of them is a post it was fitted on (matched by a hash of the post's text): material a
clinic adds, or an edited thread, is ranked by the model's own vector. Retrieval, coverage and
the decision to decline never see it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the first vectors, not with the CLI
    import numpy as np

ADAPTER_FILE = Path(__file__).parent / "data" / "query_adapter.npz"
TEMPERATURE = 0.05
RIDGE = 0.01
STEPS = 200
LEARNING_RATE = 1e-3


def post_hash(text: str) -> str:
    """The key of a post the adapter knows: its text, whitespace folded."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class QueryAdapter:
    matrix: np.ndarray
    model: str  # the embedding model's folder name: vectors of another model are not mapped
    posts: frozenset[str]  # post_hash of every post it was fitted on
    questions: str  # fingerprint of the labelled questions it was fitted on

    def knows(self, post_texts: list[str]) -> bool:
        return all(post_hash(text) in self.posts for text in post_texts)

    def adapt(self, vector: np.ndarray) -> np.ndarray:
        import numpy as np

        mapped = vector + vector @ self.matrix
        return mapped / np.linalg.norm(mapped)

    def save(self, path: Path = ADAPTER_FILE) -> None:
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                matrix=self.matrix.astype(np.float32),
                model=np.array(self.model),
                posts=np.array(sorted(self.posts)),
                questions=np.array(self.questions),
            )


def load_adapter(model: str, path: Path = ADAPTER_FILE) -> QueryAdapter | None:
    """The adapter at `path` when it was fitted for `model`; None when absent or for another."""
    if not path.is_file():
        return None
    import numpy as np

    with np.load(path) as saved:
        if str(saved["model"]) != model:
            return None
        return QueryAdapter(
            matrix=saved["matrix"],
            model=model,
            posts=frozenset(str(h) for h in saved["posts"]),
            questions=str(saved["questions"]),
        )


def fit_matrix(
    questions: np.ndarray, answers: list[list[int]], posts: np.ndarray, seed: int = 0
) -> np.ndarray:
    """`A` such that normalise(q + qA) is nearest the posts `answers[i]` (indexes into
    `posts`) of each question `questions[i]`. Deterministic for the same inputs."""
    import numpy as np
    import torch  # fitting only: the bot and `cuemap ask` apply the saved matrix with numpy

    torch.manual_seed(seed)
    x = torch.tensor(np.asarray(questions, dtype=np.float32))
    p = torch.tensor(np.asarray(posts, dtype=np.float32))
    target = torch.zeros(len(answers), len(posts))
    for row, indexes in enumerate(answers):
        target[row, indexes] = 1.0 / len(indexes)
    matrix = torch.zeros(x.shape[1], x.shape[1], requires_grad=True)
    optimiser = torch.optim.Adam([matrix], lr=LEARNING_RATE)
    for _ in range(STEPS):
        mapped = x + x @ matrix
        mapped = mapped / mapped.norm(dim=1, keepdim=True)
        log_p = torch.log_softmax(mapped @ p.T / TEMPERATURE, dim=1)
        loss = -(target * log_p).sum(dim=1).mean() + RIDGE * (matrix**2).sum()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return matrix.detach().numpy()
