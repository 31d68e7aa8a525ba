"""HTML pages to article text and metadata (trafilatura), and HTML fragments to text."""

from __future__ import annotations

import re

from newsprism.ingest.formats import Document

# Pages with less main text than this are navigation, galleries or error pages.
# Scripts written without spaces (Chinese, Japanese) are measured in characters.
MIN_ARTICLE_WORDS = 25
MIN_ARTICLE_CHARS_UNSPACED = 100

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt",
}
_SPACES = re.compile(r"[ \t\u00a0]+")


def extract_html(html: str, source_path: str, *, url: str | None = None) -> Document | None:
    """The main text of a page with its metadata, or None when it holds no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the story
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    if doc is None or not doc.text or not _long_enough(doc.text):
        return None
    return Document(
        text=doc.text,
        format="html",
        source_path=source_path,
        title=_clean(doc.title),
        url=url or _clean(doc.url),
        published=_clean(doc.date),
        site_name=_clean(doc.sitename),
        author=_clean(doc.author),
    )


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per line."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(root)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _long_enough(text: str) -> bool:
    if len(text.split()) >= MIN_ARTICLE_WORDS:
        return True
    unspaced = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return unspaced >= MIN_ARTICLE_CHARS_UNSPACED


def _clean(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
