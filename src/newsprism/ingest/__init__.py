"""Articles in: read (txt, HTML, JSON/JSONL, RSS/Atom, WARC), clean with every cut
recorded, attribute outlets and source groups. Entry point: :func:`read_inputs`."""

from newsprism.ingest.read import IngestResult, read_inputs

__all__ = ["IngestResult", "read_inputs"]
