"""Quotes across articles: each alignment rule on small hand-written articles."""

from __future__ import annotations

from newsprism.align.diff import wording_key, word_diff
from newsprism.align.entities import merge_entities
from newsprism.align.quotes import align_quotes
from newsprism.model import Article, ArticleAnalysis, LocalEntity, QuoteMention


def _article(
    i: int, quote: str, speaker: str, *, group: str | None = None, kind: str = "direct", named_as: str | None = None
):
    """One article: `Speaker said: "quote"`, with exact offsets for the quote and the speaker
    (``named_as`` is how the text names the speaker, e.g. a pronoun resolved to ``speaker``)."""
    named_as = named_as or speaker
    text = f'{named_as} said: \u201c{quote}\u201d'
    aid = f"a{i}"
    art = Article(id=aid, raw=text, text=text, outlet=f"Outlet {i}", source_group=group or f"g{i}")
    start = text.index(quote)
    mention = QuoteMention(
        article=aid, start=start, end=start + len(quote), text=quote, kind=kind,
        speaker_mention=art.span(0, len(named_as)), speaker_name=speaker, speaker_entity="e0",
        speaker_type="PERSON",
    )
    assert text[mention.start : mention.end] == mention.text
    ent = LocalEntity(key="e0", name=speaker, type="PERSON")
    return art, ArticleAnalysis(article=aid, entities=[ent], quotes=[mention])


def _align(*items):
    arts = [a for a, _ in items]
    ans = [an for _, an in items]
    return align_quotes(arts, ans, merge_entities(arts, ans))


def test_typography_only_differences_are_one_variant():
    quotes = _align(
        _article(0, "We didn\u2019t get there \u2014 not yet.", "Donald Trump"),
        _article(1, "We didn't get there - not yet", "Donald Trump"),
        _article(2, "we didn't  get there -- not yet.", "Donald Trump"),
    )
    assert len(quotes) == 1
    assert len(quotes[0].variants) == 1
    assert quotes[0].variants[0].articles == ["a0", "a1", "a2"]


def test_one_word_change_is_a_variant_with_a_word_diff():
    quotes = _align(
        _article(0, "Russia must come to the table now", "Marco Rubio"),
        _article(1, "Russia must come to the table now", "Marco Rubio"),
        _article(2, "Russia must come on the table now", "Marco Rubio"),
    )
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "Russia must come to the table now"
    other = next(v for v in q.variants if v.articles == ["a2"])
    assert other.diff == [{"op": "replace", "at": 3, "canonical": "to", "variant": "on"}]
    assert next(v for v in q.variants if v.articles == ["a0", "a1"]).diff == []


def test_partial_fragment_joins_the_fuller_quote():
    full = "I believe we had a very productive meeting and there were many points we agreed on"
    quotes = _align(
        _article(0, full, "Donald Trump"),
        _article(1, "very productive meeting", "Trump", kind="partial"),
    )
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == full and q.kind == "direct"
    fragment = next(v for v in q.variants if v.articles == ["a1"])
    assert fragment.diff == []  # only the quoted part is compared
    assert [m.article for m in q.mentions] == ["a0", "a1"]


def test_fragment_shared_by_two_speakers_does_not_join_either():
    quotes = _align(
        _article(0, "this was a very productive meeting for our country", "Donald Trump"),
        _article(1, "it was a very productive meeting with our partners today", "Vladimir Putin"),
        _article(2, "productive meeting", "Sergey Lavrov", kind="partial"),
    )
    assert len(quotes) == 3


def test_different_speaker_for_the_same_words_is_flagged():
    words = "There is no deal until there is a deal with everyone"
    quotes = _align(
        _article(0, words, "Donald Trump"),
        _article(1, words, "Donald Trump"),
        _article(2, words, "Vladimir Putin"),
    )
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker_disagreement
    assert q.speaker_name == "Donald Trump"  # named by two independent groups against one


def test_short_identical_words_by_two_speakers_stay_apart():
    quotes = _align(_article(0, "Thank you", "Donald Trump"), _article(1, "Thank you", "Vladimir Putin"))
    assert len(quotes) == 2 and not any(q.speaker_disagreement for q in quotes)


def test_canonical_is_the_wording_of_most_independent_groups():
    # Three syndicated copies (one source group) against two independent outlets.
    quotes = _align(
        _article(0, "We are prepared to talk about the ceasefire", "Yuri Ushakov", group="wire"),
        _article(1, "We are prepared to talk about the ceasefire", "Yuri Ushakov", group="wire"),
        _article(2, "We are prepared to talk about the ceasefire", "Yuri Ushakov", group="wire"),
        _article(3, "We have prepared to talk about the ceasefire", "Yury Ushakov"),
        _article(4, "We have prepared to talk about the ceasefire", "Yury Ushakov"),
    )
    assert len(quotes) == 1
    q = quotes[0]
    assert q.text == "We have prepared to talk about the ceasefire"
    assert q.outlets == [f"Outlet {i}" for i in range(5)]
    assert not q.speaker_disagreement  # Yuri / Yury Ushakov are one entity


def test_unrelated_quotes_stay_apart_and_ids_are_stable():
    items = (
        _article(0, "The talks were constructive and useful", "Sergey Lavrov"),
        _article(1, "Sanctions will remain in place for now", "Marco Rubio"),
    )
    first, second = _align(*items), _align(*items)
    assert len(first) == 2
    assert [(q.id, q.text) for q in first] == [(q.id, q.text) for q in second]
    assert [q.id for q in first] == ["q-1", "q-2"]


def test_mentions_keep_exact_spans():
    items = [_article(i, "Nothing is agreed until everything is agreed", "Donald Trump") for i in range(3)]
    arts = {a.id: a for a, _ in items}
    for q in _align(*items):
        for m in q.mentions:
            assert arts[m.article].text[m.start : m.end] == m.text


def test_wording_key_and_diff_helpers():
    assert wording_key("\u201cKyiv\u2019s\u201d \u2014 fine.") == wording_key("\"Kyiv's\" - fine")
    assert word_diff("talks in Kiev today", "talks in Kyiv today") == [
        {"op": "replace", "at": 2, "canonical": "Kiev", "variant": "Kyiv"}
    ]


def test_speaker_found_only_through_a_pronoun_does_not_make_a_disagreement():
    words = "I want to see a ceasefire rapidly and I will not be happy otherwise"
    # Article 1 names its speaker only as "He", which the per-article step resolved to Putin.
    quotes = _align(_article(0, words, "Donald Trump"), _article(1, words, "Vladimir Putin", named_as="He"))
    assert len(quotes) == 1
    assert not quotes[0].speaker_disagreement
    assert quotes[0].speaker_name == "Donald Trump"


def test_fragment_joins_once_its_containers_are_united_by_another_fragment():
    # "extremely productive" sits in two wordings that only a later partial quote unites.
    quotes = _align(
        _article(0, "extremely productive", "Donald Trump", kind="partial"),
        _article(1, "we had an extremely productive meeting and many points were agreed to, "
                    "there are just a very few that are left", "Donald Trump"),
        _article(2, "extremely productive meeting and many people cheered outside", "Donald Trump"),
        _article(3, "extremely productive meeting and many", "Donald Trump", kind="partial"),
    )
    assert len(quotes) == 1
    assert quotes[0].articles == ["a0", "a1", "a2", "a3"]


def _custom(aid: str, text: str, mentions: list[tuple[str, str]], people=("Donald Trump",)):
    """An article whose mentions are (kind, quoted words) found in ``text`` (first occurrence)."""
    art = Article(id=aid, raw=text, text=text, outlet=f"Outlet {aid}", source_group=aid)
    out = []
    for kind, words in mentions:
        start = text.index(words)
        out.append(QuoteMention(article=aid, start=start, end=start + len(words), text=words, kind=kind))
    ents = [LocalEntity(key=f"e{i}", name=p, type="PERSON") for i, p in enumerate(people)]
    return art, ArticleAnalysis(article=aid, entities=ents, quotes=out)


def test_second_piece_of_a_split_quote_meets_the_same_words_elsewhere():
    text = "“We were able to get these girls back home,” he said. “But these pimps are ruining these kids.”"
    art, an = _custom("a0", text, [])
    first, second = "We were able to get these girls back home", "But these pimps are ruining these kids."
    s1, s2 = text.index(first), text.index(second)
    an.quotes = [QuoteMention(article="a0", start=s1, end=s1 + len(first), text=first,
                              parts=[art.span(s1, s1 + len(first)), art.span(s2, s2 + len(second))])]
    other = _custom("a1", "He added: “But these pimps are ruining these kids.”", [("direct", "But these pimps are ruining these kids.")])
    quotes = _align((art, an), other)
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]


def test_scattered_common_words_are_not_a_fragment():
    long = ("he has information showing that the lawyer received money from a company and that she "
            "was paid to keep quiet about an affair she had with the businessman years ago")
    quotes = _align(
        _article(0, long, "Donald Trump", kind="indirect"),
        _article(1, "she had an affair with the businessman", "Donald Trump", kind="partial"),
    )
    assert len(quotes) == 2


def test_short_wordings_sharing_function_words_are_not_variants():
    quotes = _align(
        _article(0, "she had an affair with him", "Donald Trump", kind="indirect"),
        _article(1, "she had with him a decade earlier", "Donald Trump", kind="indirect"),
    )
    assert len(quotes) == 2


def test_words_quoted_inside_an_indirect_quote_meet_the_full_quote():
    full = "They will not make any attempts to use backroom dealings to torpedo the nascent progress"
    quotes = _align(
        _custom("a0", f"Putin said: “{full}.”", [("direct", full)], people=("Vladimir Putin",)),
        _custom("a1", "Putin warned Europe not to “torpedo the nascent progress” of the talks.",
                [("indirect", "not to “torpedo the nascent progress” of the talks")], people=("Vladimir Putin",)),
    )
    assert len(quotes) == 1
    assert quotes[0].text == full  # the speaker's own words, not the outlet's paraphrase, are canonical


def test_statement_reprinted_without_quotation_marks_is_a_mention():
    words = "We are taking immediate steps to invalidate the passwords of the accounts impacted"
    quoted = _custom("a0", f"The company said: “{words}.”", [("direct", words)])
    reprint_text = f"Statement from the company\n\n{words}, and we will contact those members.\n"
    reprint = _custom("a1", reprint_text, [])
    quotes = _align(quoted, reprint)
    assert len(quotes) == 1
    m = next(m for m in quotes[0].mentions if m.article == "a1")
    assert reprint_text[m.start : m.end] == m.text == words
    assert m.cue is None and m.speaker_name is None


def test_reprint_is_not_added_where_an_extracted_mention_already_is():
    words = "We are taking immediate steps to invalidate the passwords of the accounts impacted"
    quotes = _align(_custom("a0", f"It said: “{words}.”", [("direct", words)]),
                    _custom("a1", f"It said: “{words}.”", [("direct", words)]))
    assert sorted(m.article for m in quotes[0].mentions) == ["a0", "a1"]


def test_description_the_article_left_unresolved_takes_the_story_role():
    words = "We are prepared to work on that and to reinstate a balance"
    a0, an0 = _custom("a0", f"Russian President Vladimir Putin said: “{words}.”", [("direct", words)],
                      people=("Vladimir Putin",))
    an0.entities[0].roles = ["Russian President"]
    an0.quotes[0].speaker_entity, an0.quotes[0].speaker_name = "e0", "Vladimir Putin"
    text1 = f"Putin met Donald Trump. “{words},” the Russian leader said."
    a1, an1 = _custom("a1", text1, [("direct", words)], people=("Vladimir Putin", "Donald Trump"))
    an1.entities[1].roles = ["President"]
    at = text1.index("the Russian leader")
    an1.quotes[0].speaker_mention = a1.span(at, at + len("the Russian leader"))
    quotes = _align((a0, an0), (a1, an1))
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Vladimir Putin" and not quotes[0].speaker_disagreement


def test_a_quoted_title_is_neither_a_fragment_nor_one_utterance_across_outlets():
    quotes = _align(
        _custom("a0", "He told “The View” this week that the deal is a very good thing for us.",
                [("partial", "The View")]),
        _custom("a1", "She said on “The View” that the deal is a very good thing for us.",
                [("indirect", "on “The View” that the deal is a very good thing for us")]),
        _custom("a2", "Fans of “The View” cheered.", [("partial", "The View")]),
    )
    assert all(len(q.articles) == 1 for q in quotes)


def test_paraphrase_is_diffed_only_through_its_quoted_words():
    full = "We have a very good chance of getting there and many points were agreed to"
    quotes = _align(
        _custom("a0", f"Trump said: “{full}.”", [("direct", full)]),
        _custom("a1", "Trump said that he felt like he and Putin were “getting there,” in the end.",
                [("indirect", "that he felt like he and Putin were “getting there,”")]),
    )
    assert len(quotes) == 1
    paraphrase = next(v for v in quotes[0].variants if v.articles == ["a1"])
    assert paraphrase.diff == []  # “getting there” is word for word in the full quote


def test_article_quoting_the_words_gets_no_reprint_of_them_as_well():
    words = "Do not get too worked up about the latest polling numbers this week"
    text0 = f"Newhouse wrote: “{words}.”\n\nThe memo in full:\n\n{words}. The race has not changed.\n"
    quotes = _align(_custom("a0", text0, [("direct", words)]),
                    _custom("a1", f"He wrote: “{words}.”", [("direct", words)]))
    assert sorted(m.article for q in quotes for m in q.mentions) == ["a0", "a1"]


def test_one_piece_of_a_split_quote_inside_a_fuller_quote_joins_it():
    first = "It is just unfortunate that he did that right after the homer without thinking the cameras were on him"
    second = "I will let the league handle that one"
    text = f"“{first},” Hernandez said. “{second}.”"
    art, an = _custom("a0", text, [])
    s1, s2 = text.index(first), text.index(second)
    an.quotes = [QuoteMention(article="a0", start=s1, end=s1 + len(first), text=first,
                              parts=[art.span(s1, s1 + len(first)), art.span(s2, s2 + len(second))])]
    fuller = ("All I can say is it is disappointing to me. It is just unfortunate that he did that right after "
              "that and not thinking that the cameras were on him. We all make mistakes and we move on.")
    quotes = _align((art, an), _custom("a1", f"He said: “{fuller}”", [("direct", fuller)]))
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]


def test_description_with_a_generic_modifier_takes_the_story_role_too():
    # The cross-article step tests a description as the article step does ("veteran" says nothing
    # about which office): one shared rule, not a copy that drifts.
    words = "We are prepared to work on that and to reinstate a balance"
    a0, an0 = _custom("a0", f"Russian President Vladimir Putin said: “{words}.”", [("direct", words)],
                      people=("Vladimir Putin",))
    an0.entities[0].roles = ["Russian President"]
    an0.quotes[0].speaker_entity, an0.quotes[0].speaker_name = "e0", "Vladimir Putin"
    text1 = f"Putin met Donald Trump. “{words},” the veteran Russian leader said."
    a1, an1 = _custom("a1", text1, [("direct", words)], people=("Vladimir Putin", "Donald Trump"))
    an1.entities[1].roles = ["President"]
    at = text1.index("the veteran Russian leader")
    an1.quotes[0].speaker_mention = a1.span(at, at + len("the veteran Russian leader"))
    quotes = _align((a0, an0), (a1, an1))
    assert len(quotes) == 1
    assert quotes[0].speaker_name == "Vladimir Putin" and not quotes[0].speaker_disagreement


def test_description_two_people_of_the_article_fit_stays_unresolved():
    words = "We are prepared to work on that and to reinstate a balance"
    text = f"Putin met Donald Trump. “{words},” the president said."
    art, an = _custom("a0", text, [("direct", words)], people=("Vladimir Putin", "Donald Trump"))
    an.entities[0].roles, an.entities[1].roles = ["Russian President"], ["President"]
    at = text.index("the president")
    an.quotes[0].speaker_mention = art.span(at, at + len("the president"))
    quotes = _align((art, an))
    assert quotes[0].speaker_name is None


def test_split_quote_reads_with_the_attributions_comma_given_back():
    from newsprism.align.quotes import whole_text

    def split(text: str, first: str, second: str) -> QuoteMention:
        art, _ = _custom("a0", text, [])
        s1, s2 = text.index(first), text.index(second)
        return QuoteMention(article="a0", start=s1, end=s1 + len(first), text=first,
                            parts=[art.span(s1, s1 + len(first)), art.span(s2, s2 + len(second))])

    new_sentence = split("“I want to see a ceasefire,” Trump said. “I don’t know if it is today.”",
                         "I want to see a ceasefire", "I don’t know if it is today.")
    assert whole_text(new_sentence) == "I want to see a ceasefire. I don’t know if it is today."
    same_sentence = split("“We didn’t get there,” Trump said, “but we have a chance.”",
                          "We didn’t get there", "but we have a chance.")
    assert whole_text(same_sentence) == "We didn’t get there, but we have a chance."


# --------------------------------------------------------------------------- "the president" of two countries
# A bare description ("the president") is credited only where it is unambiguous in its article; a
# modifier that fits ("the Ukrainian president") decides. Real parses of small hand-written stories.

SUMMIT = ("President Donald Trump met Ukraine's president Volodymyr Zelensky at the White House on Monday. "
          "Trump said the talks went well.")
GUARANTEES = "“We are ready to talk about security guarantees,” the {} said."


def _story(nlp, *texts: str):
    from newsprism.align import align_story
    from newsprism.analyse.pipeline import analyse_doc

    arts = [Article(id=f"a{i}", raw=t, text=t, outlet=f"Outlet {i}", source_group=f"g{i}") for i, t in enumerate(texts)]
    analyses = [analyse_doc(nlp(a.text), a) for a in arts]
    return analyses, align_story(arts, analyses)


def _guarantees_quote(story):
    return next(q for q in story.quotes if "security guarantees" in q.text)


def test_bare_president_beside_two_presidents_of_its_article_is_credited_to_neither(nlp):
    text = ("President Donald Trump met Ukraine's president Volodymyr Zelensky on Monday. Zelensky thanked "
            "him for the support.\n\n" + GUARANTEES.format("president"))
    analyses, story = _story(nlp, text)
    assert analyses[0].quotes[0].speaker_name is None  # not the one named last
    assert _guarantees_quote(story).speaker_name is None


def test_bare_president_is_withdrawn_where_the_story_shows_a_second_president_in_the_article(nlp):
    # The second article calls only Zelensky "president", but names Trump, whom the first calls so.
    second = ("Donald Trump hosted Ukraine's president Volodymyr Zelensky on Monday.\n\n"
              + GUARANTEES.format("president"))
    analyses, story = _story(nlp, SUMMIT, second)
    assert analyses[1].quotes[0].speaker_name == "Volodymyr Zelensky"  # the article alone
    quote = _guarantees_quote(story)
    assert quote.speaker is None and quote.speaker_name is None


def test_bare_president_in_an_article_naming_one_president_takes_him(nlp):
    second = "Volodymyr Zelensky arrived in Washington on Monday.\n\n" + GUARANTEES.format("president")
    _, story = _story(nlp, SUMMIT, second)
    assert _guarantees_quote(story).speaker_name == "Volodymyr Zelensky"


def test_description_whose_modifier_fits_one_president_takes_him_beside_another(nlp):
    second = "Donald Trump hosted Volodymyr Zelensky on Monday.\n\n" + GUARANTEES.format("Ukrainian president")
    _, story = _story(nlp, SUMMIT, second)
    assert _guarantees_quote(story).speaker_name == "Volodymyr Zelensky"


def test_organisation_described_by_a_word_of_peoples_roles_is_not_withdrawn():
    words = "We are prepared to work on that and to reinstate a balance"
    text = f"Kremlin spokesman Dmitry Peskov and Kremlin aide Yuri Ushakov spoke. “{words},” the Kremlin said."
    art, an = _custom("a0", text, [("direct", words)], people=("Dmitry Peskov", "Yuri Ushakov"))
    an.entities[0].roles, an.entities[1].roles = ["Kremlin spokesman"], ["Kremlin aide"]
    an.entities.append(LocalEntity(key="k", name="Kremlin", type="ORG"))
    at = text.index("the Kremlin said")
    q = an.quotes[0]
    q.speaker_mention, q.speaker_entity, q.speaker_name, q.speaker_type = art.span(at, at + 11), "k", "Kremlin", "ORG"
    assert _align((art, an))[0].speaker_name == "Kremlin"


# --------------------------------------------------------------------------- session 5


def test_overlapping_stretches_of_one_statement_are_one_utterance():
    # Outlet A quotes sentences 1-2 of a statement, outlet B sentences 2-3: neither is a fragment
    # of the other and their whole wordings are too different, but sentence 2 is theirs alike.
    s1 = "Like when you guys put somebody in the car and you are protecting their head."
    s2 = "I said, you can take the hand away, OK?"
    s3 = "Please don't be too nice to them."
    quotes = _align(_article(0, f"{s1} {s2}", "Donald Trump"), _article(1, f"{s2} {s3}", "Donald Trump"))
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]


def test_quotes_sharing_a_short_stock_phrase_stay_apart():
    # Two different utterances of one speaker sharing a few words in a row are two quotes.
    quotes = _align(
        _article(0, "We are going to make sure the border is closed to every one of them by Friday", "Donald Trump"),
        _article(1, "We are going to make sure that taxes come down for the middle class next year", "Donald Trump"),
    )
    assert len(quotes) == 2


def test_paraphrases_sharing_a_run_of_wire_copy_stay_apart():
    # Two outlets' indirect quotes share the wire copy they rewrote, not the speaker's words.
    run = "the deadliest attack on the Jewish community in the history of the United States"
    quotes = _align(
        _article(0, f"the gunman had posted threats online for months before what became {run}", "Jonathan Greenblatt",
                 kind="indirect"),
        _article(1, f"{run} had left the city in shock and that volunteers would guard every service this weekend",
                 "Jonathan Greenblatt", kind="indirect"),
    )
    assert len(quotes) == 2
    quoted = _align(  # the same words between marks in both outlets are one utterance
        _article(0, f"the gunman had posted threats online for months before what became {run}", "Jonathan Greenblatt"),
        _article(1, f"{run} had left the city in shock and that volunteers would guard every service this weekend",
                 "Jonathan Greenblatt"),
    )
    assert len(quoted) == 1


def test_overlap_attributed_to_two_speakers_joins_only_when_long_and_is_flagged():
    shared = "the president has never asked Mr. Comey or anyone else to end an investigation"
    quotes = _align(
        _article(0, f"While he admires General Flynn, {shared}, including any involving Flynn.", "Sarah Sanders"),
        _article(1, f"{shared}. This is not a truthful or accurate portrayal of the conversation.", "Donald Trump"),
    )
    assert len(quotes) == 1 and quotes[0].speaker_disagreement
    short = _align(  # eight shared words are enough for one speaker, not for two
        _article(0, "and we will keep fighting for the families of the victims until the end", "Sarah Sanders"),
        _article(1, "we will keep fighting for the families of the victims, said the mayor today", "Donald Trump"),
    )
    assert len(short) == 2


def test_same_words_between_marks_in_two_articles_are_one_quote_without_a_cue():
    words = "God prepared additional, practical help in the form of physical instruments"
    a0 = _custom("a0", f"The essay explains that “{words}” for the translation.", [])
    a1 = _custom("a1", f"According to the church, \u201c{words}.\u201d Critics disagree.", [])
    quotes = _align(a0, a1)
    assert len(quotes) == 1
    assert sorted(m.article for m in quotes[0].mentions) == ["a0", "a1"]
    for (art, _), m in zip((a0, a1), sorted(quotes[0].mentions, key=lambda m: m.article)):
        assert art.text[m.start : m.end] == m.text and m.kind == "partial" and m.speaker_name is None


def test_marked_words_found_in_no_other_article_or_a_title_are_no_quote():
    alone = _custom("a0", "The essay explains that “God prepared additional, practical help in the form of "
                          "physical instruments” for him.", [])
    other = _custom("a1", "Critics of the church disagree with the essay about the translation.", [])
    assert _align(alone, other) == []
    title = "The Girl Who Kicked the Hornet's Nest"  # a title quoted by two reviews is no utterance
    assert _align(_custom("a0", f"She starred in “{title}” last year.", []),
                  _custom("a1", f"Her film “{title}” opens today.", [])) == []


def test_block_quote_after_an_introducing_colon_meets_the_same_words_elsewhere():
    letter = ("It is difficult to sever ties and denounce your heroes, your benefactors, whom you fondly "
              "admired for your entire career.")
    a0 = _custom("a0", f"Sorvino addressed Farrow directly, writing:\n\n{letter}\n\nFarrow thanked her.", [])
    a1 = _custom("a1", f"The actress posted a long letter on Friday.\n\n{letter} I am sorry.", [])
    quotes = _align(a0, a1)
    assert len(quotes) == 1
    spans = {m.article: (m.start, m.end, m.text) for m in quotes[0].mentions}
    for art, _ in (a0, a1):
        start, end, text = spans[art.id]
        assert art.text[start:end] == text and text.startswith("It is difficult to sever ties")


def test_block_quote_runs_a_bracketed_word_apart_are_one_stretch():
    said = "We had a 4-5 point bounce after our convention and it evaporated when they had theirs."
    bracketed = "We had a 4-5 [point] bounce after our convention and it evaporated when they had theirs."
    a0 = _custom("a0", f"A top adviser told me what he makes of the reports:\n\n{said} Now they have theirs.", [])
    a1 = _custom("a1", f"An adviser shared a comment with the magazine:\n\n{bracketed} Now they have theirs.", [])
    quotes = _align(a0, a1)
    assert len(quotes) == 1
    m1 = next(m for m in quotes[0].mentions if m.article == "a1")
    assert "[point]" in m1.text and m1.text.startswith("We had a 4-5")


def test_list_after_a_colon_without_a_speech_word_is_no_block_quote():
    steps = "Higher ground clearance makes the cars less likely to strike road debris on the highway."
    a0 = _custom("a0", f"The steps were:\n\n{steps}\n\nThe company did not comment.", [])
    a1 = _custom("a1", f"Among the changes:\n\n{steps}\n\nNo one was hurt.", [])
    assert _align(a0, a1) == []


def test_reprint_of_a_quote_cut_by_an_ellipsis_is_found_on_both_sides_of_the_cut():
    first = "We might have yelled and screamed at each other, but we always wanted what was best for the act"
    second = "Mobb Deep was the second group to go platinum right after Wu"
    quoted = _custom("a0", f"He said: “{first} … {second}.”", [("direct", f"{first} … {second}.")])
    post = f"{first}. I just got the call the Prodigy passed, there are no words. {second}. RIP."
    quotes = _align(quoted, _custom("a1", post, []))
    assert len(quotes) == 1
    texts = sorted(m.text for m in quotes[0].mentions if m.article == "a1")
    assert texts == sorted([first, second])


def test_reprint_takes_no_second_short_run_of_narrative():
    statement = ("While we will continue to use the information received by the department, we are not relying "
                 "solely on their findings in our inquiry into the death of Freddie Gray")
    quoted = _custom("a0", f"Mosby said: “{statement}.”", [("direct", statement)])
    other = ("Her office said: we are not relying solely on their findings in our inquiry. Protests "
             "followed an investigation into the death of Freddie Gray last spring.")
    quotes = _align(quoted, _custom("a1", other, []))
    assert [m.text for q in quotes for m in q.mentions if m.article == "a1"] == [
        "we are not relying solely on their findings in our inquiry"]


def test_a_title_in_two_typographies_is_not_one_utterance():
    # The key differs ("2." / "2", "Pt. II" / "Part II"), so only the similarity test could join them.
    quotes = _align(
        _custom("a0", "The studio released “How to Train Your Dragon 2.” in June.", [("direct", "How to Train Your Dragon 2.")]),
        _custom("a1", "Critics loved “How to Train Your Dragon 2” this summer.", [("direct", "How to Train Your Dragon 2")]),
    )
    assert len(quotes) == 2 and all(len(q.articles) == 1 for q in quotes)


def test_a_capitalised_slogan_of_one_named_speaker_still_meets_itself():
    quotes = _align(
        _article(0, "Make America Great Again, All Of It", "Donald Trump"),
        _article(1, "Make America Great Again, All of It!", "Donald Trump"),
        _article(2, "Make America Great Again - All Of It Now", "Donald Trump"),
    )
    assert len(quotes) == 1 and len(quotes[0].articles) == 3


def test_two_word_stock_phrase_is_no_fragment_of_a_fuller_quote():
    full = "When you walk out, you're exonerated, and you're free and clear, but the shame does not go away"
    quotes = _align(_article(0, full, "Paul Cates"), _custom("a1", "The judge told him: “You’re free.”", [("direct", "You’re free.")]))
    assert len(quotes) == 2


def test_two_content_words_quoted_are_a_fragment_of_the_fuller_quote():
    full = "It seems to me, from what I understand from doctors, that is really rare in a case of legitimate rape"
    quotes = _align(_article(0, full, "Todd Akin"),
                    _article(1, "legitimate rape", "Todd Akin", kind="partial"))
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]
    full = "There are just a very few that are left, and one is probably the most significant"
    quotes = _align(_article(0, full, "Donald Trump"), _article(1, "most significant", "Donald Trump", kind="partial"))
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]


def test_canonical_is_the_core_the_outlets_agree_on_when_each_words_it_differently():
    # Every outlet words the statement its own way (no wording in two groups): the canonical text is
    # the wording the others carry most, not one outlet's longer excerpt of another part.
    core = "I am not here to negotiate for Ukraine. I am here to get them {} table."
    longer = ("But I am not here to negotiate for Ukraine. Look, he wanted to take all of Ukraine. "
              "If I were not president he would be taking all of it now, and he is not going to do it.")
    quotes = _align(
        _article(0, longer, "Donald Trump"),
        _article(1, core.format("to the"), "Donald Trump"),
        _article(2, core.format("at a"), "Donald Trump"),
        _article(3, core.format("on the"), "Donald Trump"),
    )
    assert len(quotes) == 1
    assert quotes[0].text == core.format("to the")  # tied with "at a" / "on the": the first


def test_the_longest_wording_stays_canonical_when_the_outlets_agree_with_each_other_equally():
    longer = "We will rebuild the old bridge over the river before the winter comes, and the city will pay for it"
    quotes = _align(
        _article(0, "We are going to rebuild the old bridge over the river before the winter comes", "Jane Roe"),
        _article(1, longer, "Jane Roe"),
    )
    assert len(quotes) == 1
    assert quotes[0].text == longer


# --------------------------------------------------------------------------- session 6: anchored diffs

_STATEMENT = (
    "We have made some headway. So there is no deal until there is a deal. I will call up NATO in a little "
    "while. I will call up the various people that I think are appropriate. And I will, of course, call up "
    "President Zelensky and tell him about the meeting"
)


def test_variant_quoting_more_of_the_statement_is_diffed_only_where_the_wordings_meet():
    longer = (
        "I believe we had a very productive meeting. There is no deal until there is a deal. I will call up "
        "NATO in a little while. I will call up various people. It is ultimately up to them"
    )
    ops = word_diff(_STATEMENT, longer, fragment=True)
    # The words it quotes beyond the canonical part are its own, not edits of "call up President …".
    assert {"op": "delete", "at": 28, "canonical": "the"} in ops
    assert [op["variant"] for op in ops if op["op"] == "insert"] == [
        "I believe we had a very productive meeting.", "It is ultimately up to them"]
    assert not any(op["op"] == "replace" for op in ops)


def test_wording_sharing_only_scattered_words_gets_no_diff():
    from newsprism.report.view import word_diff as shown

    assert word_diff(_STATEMENT, "It is ultimately up to them", fragment=True) == []
    # The report then lists it as an excerpt of the statement, not as the statement struck through.
    assert [(p.op, p.text) for p in shown(_STATEMENT, "It is ultimately up to them")] == [
        ("gap", "…"), ("equal", "It is ultimately up to them"), ("gap", "…")]


def test_paraphrase_citing_two_words_found_elsewhere_in_the_statement_is_shown_as_a_paraphrase():
    from newsprism.report.view import is_paraphrase

    quotes = _align(
        _article(0, _STATEMENT, "Donald Trump"),
        _article(1, _STATEMENT, "Donald Trump"),
        _article(2, "the meeting had been \u201cvery productive\u201d", "Donald Trump", kind="indirect"),
        _article(3, "I believe we had a very productive meeting. There is no deal until there is a deal", "Donald Trump"),
    )
    q = next(q for q in quotes if "a2" in q.articles)
    para = next(v for v in q.variants if v.articles == ["a2"])
    assert para.diff == [] and is_paraphrase(q, para)


def test_changed_word_at_the_end_of_an_excerpt_is_still_a_replacement():
    statement = "We expect that Kyiv and European capitals will perceive that constructively"
    assert word_diff(statement, "we expect that Kiev", fragment=True) == [
        {"op": "replace", "at": 3, "canonical": "Kyiv", "variant": "Kiev"}]
    assert word_diff("I am here to get them to the table now", "to get them on the table", fragment=True) == [
        {"op": "replace", "at": 6, "canonical": "to", "variant": "on"}]


def test_words_before_a_new_canonical_sentence_are_the_variants_own_not_a_replacement():
    canonical = "I have got to let Ukraine make that decision. I am not here to negotiate for Ukraine."
    assert word_diff(canonical, "But I am not here to negotiate for Ukraine.", fragment=True) == [
        {"op": "insert", "at": 9, "variant": "But"}]


def test_excerpt_mostly_of_other_words_gets_no_diff():
    canonical = "We need to eliminate all the primary roots, the primary causes of that conflict, and more"
    other = "The leaders of the talks said that nothing of the sort was agreed and all was lost"
    assert word_diff(canonical, other, fragment=True) == []


# --------------------------------------------------------------------------- session 6: short fragments word for word


def _split_article(i: int, first: str, second: str, speaker: str):
    """`"first," Speaker added, "second."`: one split quote (two parts)."""
    text = f"\u201c{first},\u201d {speaker} added, \u201c{second}.\u201d"
    aid = f"a{i}"
    art = Article(id=aid, raw=text, text=text, outlet=f"Outlet {i}", source_group=f"g{i}")
    s1, s2 = text.index(first), text.index(second)
    parts = [art.span(s1, s1 + len(first)), art.span(s2, s2 + len(second))]
    at = text.index(speaker)
    mention = QuoteMention(
        article=aid, start=s1, end=s2 + len(second), text=text[s1 : s2 + len(second)], kind="direct",
        speaker_mention=art.span(at, at + len(speaker)), speaker_name=speaker, speaker_entity="e0",
        speaker_type="PERSON", parts=parts,
    )
    ent = LocalEntity(key="e0", name=speaker, type="PERSON")
    return art, ArticleAnalysis(article=aid, entities=[ent], quotes=[mention])


def test_short_piece_with_a_changed_word_is_no_fragment_of_a_fuller_quote():
    full = ("We are convinced that we need to eliminate all the primary roots, the primary causes of the "
            "conflict, to consider all legitimate concerns of Russia")
    quotes = _align(
        _article(0, full, "Vladimir Putin"),
        _split_article(1, "The root causes of the conflict", "must be resolved", "Vladimir Putin"),
    )
    assert len(quotes) == 2


def test_six_words_word_for_word_are_still_a_fragment_of_the_fuller_quote():
    full = "Columbus Nova is a management company solely owned and controlled by Americans, the statement said"
    quotes = _align(
        _article(0, full, "Columbus Nova"),
        _article(1, "solely owned and controlled by Americans", "Columbus Nova", kind="partial"),
    )
    assert len(quotes) == 1 and quotes[0].articles == ["a0", "a1"]


# --------------------------------------------------------------------------- session 6: cited words meet cited words


def test_words_cited_in_a_paraphrase_meet_the_quote_that_carries_them():
    quotes = _align(
        _article(0, "We want to maintain the status quo with China for as long as we can", "Tsai Ing-wen"),
        _article(1, "she wants to \u201cmaintain the status quo\u201d with China", "Tsai Ing-wen", kind="indirect"),
    )
    assert len(quotes) == 1


def test_words_cited_in_a_paraphrase_do_not_meet_another_outlets_own_paraphrase_words():
    quotes = _align(
        _article(0, "to maintain the status quo of de-facto independence for the island", "Tsai Ing-wen",
                 kind="indirect"),
        _article(1, "she wants to \u201cmaintain the status quo\u201d with China", "Tsai Ing-wen", kind="indirect"),
    )
    assert len(quotes) == 2
