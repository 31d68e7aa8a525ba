"""Outlets (canonical, never guessed), credits, and source groups for syndicated copies."""

from __future__ import annotations

from newsprism.ingest.read import read_inputs
from newsprism.ingest.sources import canonical_outlet, find_credits, outlet_for_domain

LEDE = "The governor signed the water bill on Monday, ending a two-year fight over the state's rivers."
BODY = [
    LEDE,
    "“This protects our farms and our cities alike,” the governor said at the signing ceremony in the capital.",
    "Environmental groups said the law does too little to restore fish habitat and vowed to keep pressing lawmakers.",
    "The measure takes effect in January and will cost about $2 billion over ten years, according to state estimates.",
]


def _text(*extra: str, body: list[str] = BODY) -> str:
    return "\n".join(body + list(extra))


def test_domain_and_aliases_map_to_one_canonical_name():
    assert outlet_for_domain("www.latimes.com") == "Los Angeles Times"
    assert outlet_for_domain("enterprise.latimes.com") == "Los Angeles Times"
    assert canonical_outlet("LA Times") == "Los Angeles Times"
    assert canonical_outlet("latimes.com") == "Los Angeles Times"
    assert canonical_outlet("The Associated Press") == "Associated Press"
    assert canonical_outlet("Los Angeles Times – World & Nation") == "Los Angeles Times"
    assert canonical_outlet("Politics | The Guardian") == "The Guardian"
    assert canonical_outlet("Springfield Herald") == "Springfield Herald"  # unknown names are kept as given


def test_unknown_domain_is_not_turned_into_a_name():
    assert outlet_for_domain("some-blog.example") is None
    assert canonical_outlet("some-blog.example") is None


def test_credits_from_footer_lines():
    credits = find_credits("©2025 Los Angeles Times. Visit latimes.com. Distributed by Tribune Content Agency, LLC.")
    assert credits.publisher == "Los Angeles Times"
    assert credits.all == ["Los Angeles Times", "Tribune Content Agency"]
    credits = find_credits("The post Water bill signed appeared first on Los Angeles Times.")
    assert credits.publisher == "Los Angeles Times"
    assert find_credits("The post Water bill signed appeared first on latimes.com.").publisher == "Los Angeles Times"


def test_wire_dateline_is_a_credit_and_an_origin():
    credits = find_credits("", "SACRAMENTO, Calif. (AP) — The governor signed the bill.")
    assert credits.origin == "Associated Press" and credits.publisher is None


def test_outlet_from_credit_line_when_metadata_has_none():
    result = read_inputs([{"id": "a", "text": _text("The post Water bill signed appeared first on Los Angeles Times.")}])
    assert result.articles[0].outlet == "Los Angeles Times"


def test_metadata_outlet_wins_over_credits():
    record = {"id": "a", "outlet": "Chicago Tribune", "text": _text("©2025 Los Angeles Times. Distributed by Tribune Content Agency, LLC.")}
    article = read_inputs([record]).articles[0]
    assert article.outlet == "Chicago Tribune"
    assert article.source_group == "los-angeles-times"  # a copy of the LA Times original
    assert "Los Angeles Times" in article.credits


def test_unknown_outlet_stays_none_and_gets_its_own_group():
    result = read_inputs([{"id": "x1", "text": _text()}, {"id": "x2", "text": _text(body=[b + " Indeed." for b in BODY[::-1]][:2] + ["Other words entirely, nothing shared here at all."])}])
    first, second = result.articles
    assert first.outlet is None and second.outlet is None
    assert first.source_group and second.source_group and first.source_group != second.source_group


def test_syndicated_copies_with_the_same_credit_share_a_group():
    original = {"id": "orig", "url": "https://www.latimes.com/politics/water-bill", "text": _text()}
    reprint = {"id": "copy", "outlet": "Hartford Courant",
               "text": _text("©2025 Los Angeles Times. Visit latimes.com. Distributed by Tribune Content Agency, LLC.",
                             body=["Different edit of the story. " + b for b in BODY])}
    other = {"id": "indep", "outlet": "The Sacramento Bee",
             "text": "Lawmakers celebrated in Sacramento on Monday as the long-awaited river plan became law.\n"
                     "Farm groups were pleased, while anglers said salmon would still suffer."}
    a, b, c = read_inputs([original, reprint, other]).articles
    assert a.source_group == b.source_group == "los-angeles-times"
    assert c.source_group != a.source_group


def test_near_duplicate_texts_share_a_group_even_without_credits():
    text = _text()
    copy = text.replace("Monday", "Monday afternoon") + "\nA spokesperson did not respond to a request for comment."
    a, b = read_inputs([{"id": "a", "outlet": "Daily Planet", "text": text},
                        {"id": "b", "outlet": "Gotham Gazette", "text": copy}]).articles
    assert a.source_group == b.source_group


def test_wire_copies_are_grouped_by_the_wire():
    story = "SACRAMENTO, Calif. (AP) — " + _text()
    other = "SACRAMENTO, Calif. (AP) — A different AP story about wildfire season, with nothing else in common.\nCrews were ready."
    a, b = read_inputs([{"id": "a", "outlet": "Daily Planet", "text": story},
                        {"id": "b", "outlet": "Gotham Gazette", "text": other}]).articles
    assert a.source_group == b.source_group == "associated-press"
    assert a.outlet == "Daily Planet"


def test_example_corpus_los_angeles_times_articles(example_dir):
    articles = {a.id[:3]: a for a in read_inputs([example_dir]).articles}
    assert articles["000"].outlet == articles["002"].outlet == "Los Angeles Times"
    assert articles["000"].source_group == articles["002"].source_group
    others = [articles[k].source_group for k in ("001", "003", "004")]
    assert articles["000"].source_group not in others and len(set(others)) == 3
    for article in articles.values():
        assert article.source_group
        for removal in article.removed:
            assert article.raw[removal.start:removal.end] == removal.text


def test_example_corpus_boilerplate_is_gone(example_dir):
    for article in read_inputs([example_dir]).articles:
        for marker in ("appeared first on", "SEE ALSO:", "Published in Political News", "_____",
                       "©2025", "Distributed by", "\nComments"):
            assert marker not in article.text, (article.id, marker)


def test_trimmed_copy_of_a_longer_story_shares_its_group():
    long_story = _text(*[f"Paragraph {i} of the full version adds more reporting on the river plan and its costs for towns."
                         for i in range(12)])
    trimmed = _text()  # the first four paragraphs only: a wire copy cut to fit
    a, b = read_inputs([{"id": "full", "outlet": "Daily Planet", "text": long_story},
                        {"id": "cut", "outlet": "Gotham Gazette", "text": trimmed}]).articles
    assert a.source_group == b.source_group


def test_articles_sharing_one_quote_are_not_copies():
    quote = "“This protects our farms and our cities alike, and it is the best deal we could get,” the governor said."
    a = "Lawmakers in the capital cheered as the long-awaited water plan finally became law on Monday.\n" + quote
    b = "Anglers on the north coast said the new law would do little for salmon runs this year.\n" + quote
    x, y = read_inputs([{"id": "a", "outlet": "Daily Planet", "text": a}, {"id": "b", "outlet": "Gotham Gazette", "text": b}]).articles
    assert x.source_group != y.source_group


def test_a_callers_source_group_is_kept():
    from newsprism.model import Article

    given = Article(id="g", raw=_text(), text=_text(), source_group="my-group")
    (article,) = read_inputs([given]).articles
    assert article.source_group == "my-group"
