"""The packaged sentence-transformers model exported once to ONNX, for torch-free embedding.

sentence-transformers loads the model (the same weights, tokenizer settings and pipeline the
torch backend uses) and the whole pipeline - transformer, mean pooling, normalisation - is
traced into one ONNX graph, then fused for CPU by ONNX Runtime's transformer optimizer. The
tokenizer is saved as sentence-transformers configures it (truncation at the model's
max_seq_length, padding to the longest text). The export checks itself against the torch
pipeline before it is kept. Run in a child process (`python -m assistant.retrieval.onnx_export
MODEL_DIR TARGET_DIR`) so the process that asked never imports torch.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.retrieval.embedder import pin_offline

EXPORT_FORMAT = 2  # bump when the export changes, so stored exports are made again
WEIGHTS_FILE = "model.onnx.data"
MIN_AGREEMENT = 0.9999  # cosine of every check vector against the torch pipeline
CHECK_TEXTS = [
    "why does the cue take over from the drug?",
    "Friday nights after payday at the pub with old mates, feeling lonely and shaky",
    "a",
    "The insula tracks the body's state; interoceptive signals feed craving. " * 20,  # truncated
]


def export(model_dir: Path, target: Path) -> dict[str, Any]:
    """Write model.onnx, tokenizer.json and export.json into `target` (made atomically)."""
    pin_offline()
    import torch
    from sentence_transformers import SentenceTransformer

    # Eager attention traces to the pattern ONNX Runtime fuses into its Attention kernel.
    model = SentenceTransformer(
        str(model_dir), device="cpu", model_kwargs={"attn_implementation": "eager"}
    ).eval()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        tokenizer = model.tokenizer.backend_tokenizer
        tokenizer.enable_truncation(max_length=model.max_seq_length)
        pad = model.tokenizer
        tokenizer.enable_padding(pad_id=pad.pad_token_id, pad_token=pad.pad_token)
        tokenizer.save(str(work / "tokenizer.json"))
        inputs = list(model.tokenizer.model_input_names)
        features = model.tokenize(CHECK_TEXTS[:2])
        traced = work / "traced.onnx"
        with torch.no_grad():
            torch.onnx.export(
                _pipeline(model, inputs),
                tuple(features[name] for name in inputs),
                str(traced),
                dynamo=False,
                input_names=inputs,
                output_names=["sentence_embedding"],
                dynamic_axes={
                    **{name: {0: "batch", 1: "tokens"} for name in inputs},
                    "sentence_embedding": {0: "batch"},
                },
                opset_version=17,
            )
        _optimise(traced, work / "model.onnx", model)
        traced.unlink()
        manifest = {
            "format": EXPORT_FORMAT,
            "inputs": inputs,
            "dimension": model.get_sentence_embedding_dimension(),
            "max_seq_length": model.max_seq_length,
        }
        (work / "export.json").write_text(json.dumps(manifest, indent=2))
        manifest["agreement"] = _agreement(model, work)
        (work / "export.json").write_text(json.dumps(manifest, indent=2))
        _publish(work, target)
        return manifest
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pipeline(model: Any, inputs: list[str]) -> Any:
    """The SentenceTransformer called on token tensors, as a module torch.onnx can trace."""
    import torch

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            return self.model(dict(zip(inputs, tensors, strict=True)))["sentence_embedding"]

    return Pipeline().eval()


def _optimise(source: Path, target: Path, model: Any) -> None:
    """Fuse attention, layer norm and GELU for CPU (ONNX Runtime's BERT optimizer).

    The weights go to a file of their own, which ONNX Runtime maps rather than reads: the copy
    it repacks for its kernels is then the only one held (process RSS 113 MB instead of 182
    MB, peak 112 MB instead of 196 MB, measured loading this model alone).
    """
    import onnx
    from onnxruntime.transformers.optimizer import optimize_model

    config = model[0].auto_model.config
    optimised = optimize_model(
        str(source),
        model_type="bert",
        num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size,
    )
    onnx.save_model(
        optimised.model,
        str(target),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=WEIGHTS_FILE,
        size_threshold=1024,
    )


def _agreement(model: Any, folder: Path) -> float:
    """Lowest cosine between the export's vectors and the torch pipeline's on CHECK_TEXTS."""
    import numpy as np

    from assistant.retrieval.onnx_embedder import OnnxSession

    exported = OnnxSession(folder).embed(CHECK_TEXTS)
    reference = model.encode(CHECK_TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    agreement = float(np.min(np.sum(exported * reference, axis=1)))
    if agreement < MIN_AGREEMENT:
        raise RuntimeError(f"the ONNX export disagrees with the model (cosine {agreement:.6f})")
    return agreement


def _publish(work: Path, target: Path) -> None:
    """Move the finished export into place; another process that finished first wins."""
    try:
        work.rename(target)
    except OSError:
        if not (target / "export.json").is_file():
            raise


def main(argv: list[str]) -> int:
    model_dir, target = (Path(arg) for arg in argv)
    manifest = export(model_dir, target)
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
