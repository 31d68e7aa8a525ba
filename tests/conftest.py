"""Shared fixtures: the bundled example story and the parsed pipeline, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "examples" / "alaska-summit"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE_DIR


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"shared datasets not present at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():
    from newsprism.analyse.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_brief():
    """The example story analysed once (no database): the Brief object."""
    import newsprism

    return newsprism.analyze([EXAMPLE_DIR])


@pytest.fixture(scope="session")
def example_brief_dict(example_brief) -> dict:
    from newsprism.brief.build import brief_to_dict

    return brief_to_dict(example_brief)
