"""newsprism: many outlets' reports of one event, read together, with evidence."""

from newsprism.api import analyze, ingest_paths
from newsprism.model import Article, Brief

__all__ = ["analyze", "ingest_paths", "Article", "Brief"]
__version__ = "0.1.0"
