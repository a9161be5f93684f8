"""Open kinds left after round 16 closed, one kind each, on short excerpts of real documents
(named at each test; docs/parsing.md, "Open kinds closed after round 16")."""

from __future__ import annotations

from resolutions.parsing import parse

FORMULA = "The General Assembly,"


def preamble_and_first(*preamble: str) -> str:
    """A resolution's opening: the formula, preambular blocks and a first numbered paragraph."""
    return "\n\n".join([FORMULA, *preamble, "1. Reaffirms the principles recalled above;"])


def test_a_noun_spelled_as_a_verb_before_a_verb_opens_no_paragraph() -> None:
    # A/RES/78/202 (and A/C.3/80/L.40, blind4): "States" after a comma is the subject of the
    # clause going on ("were called upon"), not a paragraph opening with the verb "States".
    vienna = (
        "Recalling also that, at the World Conference on Human Rights, held in Vienna from 14 to "
        "25 June 1993, States were called upon to refrain from any unilateral measure not in "
        "accordance with international law,"
    )
    # A/RES/79/175: after a subordinate clause, "States must ensure".
    security = (
        "Noting that, while concerns about public security may justify the gathering and "
        "protection of certain sensitive information, States must ensure full compliance with "
        "their obligations under international human rights law,"
    )
    paragraphs = parse(preamble_and_first(vienna, security)).paragraphs
    assert [(p.kind, p.verb) for p in paragraphs] == [
        ("preambular", "recalling"),
        ("preambular", "noting"),
        ("operative", "reaffirms"),
    ]
    assert paragraphs[0].text == vienna
    # The same clause cut by a page break after its comma carries on too.
    broken = vienna.replace("1993, States", "1993,\n\nStates")
    assert [p.kind for p in parse(preamble_and_first(broken)).paragraphs] == [
        "preambular",
        "operative",
    ]


def test_a_noun_spelled_as_a_verb_read_by_what_follows_it() -> None:
    # A/RES/79/188: the subject of a verb in the past ("States recognized").
    kyoto = (
        "Recalling further that, in the Kyoto Declaration, States recognized the importance of "
        "international cooperation, including through capacity-building and technical assistance,"
    )
    # A/RES/80/215: a possessive ("States' capacities", printed with a curly apostrophe).
    particularities = (
        "Recognizing that rapid technological change affects States in different ways and that "
        "addressing these impacts, which depend on national and regional particularities, "
        "States\u2019 capacities and levels of development, requires international cooperation,"
    )
    # A/RES/79/190: a noun phrase going on ("States parties were called upon").
    parties = (
        "Recalling the resolution of the Conference, in which, inter alia, States parties were "
        "called upon to cooperate,"
    )
    paragraphs = parse(preamble_and_first(kyoto, particularities, parties)).paragraphs
    assert [p.text for p in paragraphs[:3]] == [kyoto, particularities, parties]
    assert [p.kind for p in paragraphs] == ["preambular"] * 3 + ["operative"]
    # A/RES/78/284: a page break between "Member" and "States of the Political Declaration".
    drugs = parse(
        preamble_and_first(
            "Noting the review by the Commission on Narcotic Drugs of the implementation by Member",
            "States of the Political Declaration and Plan of Action,",
        )
    ).paragraphs
    assert [p.kind for p in drugs] == ["preambular", "operative"]
    assert drugs[0].text.endswith(
        "by Member States of the Political Declaration and Plan of Action,"
    )


def test_an_operative_verb_after_a_comma_still_opens_a_paragraph() -> None:
    # A/80/L.42: a draft decision's unnumbered "Decides:" after the preamble's comma, and the same
    # verb run on after a comma in one line ("..., Decides to ..."): a verb followed by its
    # object or its colon, not by a verb of its own.
    recognizing = (
        "Recognizing the convening of the 2026 United Nations Water Conference in the United Arab "
        "Emirates, and emphasizing the importance of building on the achievements of the "
        "Conference,"
    )
    decides = (
        "Decides: (a) To postpone to its eighty-first session the consideration of the "
        "modalities of the 2028 United Nations Water Conference;"
    )
    for separator in ("\n\n", " "):
        text = f"{FORMULA}\n\n{recognizing}{separator}{decides}"
        assert [(p.kind, p.verb) for p in parse(text).paragraphs] == [
            ("preambular", "recognizing"),
            ("operative", "decides"),
        ]


def head(number_and_title: str, *rest: str) -> str:
    """A resolution's head as the corpus prints it: cover lines, its number and title, then
    `rest`."""
    return "\n\n".join(
        [
            "United Nations\nA/RES/78/1\n\nGeneral Assembly\nDistr.: General\n19 June 2024",
            "Seventy-eighth session\nAgenda item 13",
            "Resolution adopted by the General Assembly on 7 June 2024",
            "[without reference to a Main Committee (A/78/L.73)]",
            number_and_title,
            *rest,
        ]
    )


def test_a_resolution_cited_with_its_part_in_a_title_is_no_heading() -> None:
    # A/RES/78/285: "resolution 75/290 B on the high-level political forum" inside the title
    # was read as a heading ("Resolution 2016/19") and the title taken from its part letter on.
    title = (
        "Review of the implementation of General Assembly resolution 75/290 A on the "
        "strengthening of the Economic and Social Council and resolution 75/290 B on the "
        "high-level political forum on sustainable development"
    )
    text = head(
        f"78/285. {title}",
        "The General Assembly,",
        "Recalling its resolutions 75/290 A and 75/290 B of 25 June 2021,",
        "1. Decides that the thematic focus shall be as follows;",
    )
    assert parse(text).title == title


def test_the_formula_on_a_line_of_its_own_ends_the_title() -> None:
    # A/RES/79/1: the formula without its comma over an unnumbered paragraph ("The General
    # Assembly" / "Adopts the following Pact for the Future and its annexes:").
    pact = head(
        "79/1. The Pact for the Future",
        "The General Assembly",
        "Adopts the following Pact for the Future and its annexes:",
        "The Pact for the Future",
        "1. We, the Heads of State and Government, have gathered at United Nations Headquarters.",
    )
    assert parse(pact).title == "The Pact for the Future"
    # A/RES/78/253: the formula over a section's heading ("I" / "Enterprise resource planning
    # project, Umoja") and the section's preamble.
    umoja = head(
        "78/253. Special subjects relating to the proposed programme budget\nfor 2024",
        "The General Assembly,",
        "I\nEnterprise resource planning project, Umoja",
        "Recalling section II of its resolution 60/283 of 7 July 2006,",
        "Having considered the report of the Secretary-General on the Umoja system,",
        "1. Takes note of the report of the Secretary-General;",
    )
    assert (
        parse(umoja).title == "Special subjects relating to the proposed programme budget for 2024"
    )


def test_a_title_wrapped_over_two_blocks_is_read_whole() -> None:
    # A/RES/78/5 and 26 more of the 1,202 PDFs (A/RES/80/160, A/RES/80/198, ...): a PDF's layout
    # parts a title's second line from its first by a blank line; the second line, opening with
    # a lower-case word, was read as the whole title ("against tuberculosis").
    tuberculosis = head(
        "78/5. Political declaration of the high-level meeting on the fight",
        "against tuberculosis",
        "The General Assembly",
        "Adopts the political declaration of the high-level meeting on the fight against "
        "tuberculosis, as contained in the annex to the present resolution.",
    )
    assert parse(tuberculosis).title == (
        "Political declaration of the high-level meeting on the fight against tuberculosis"
    )
    # A/RES/80/160: the same over an enacting formula with its comma.
    mission = head(
        "80/160. Criminal accountability of United Nations officials and experts",
        "on mission",
        "The General Assembly,",
        "Recalling its resolution 62/63 of 6 December 2007,",
        "1. Strongly urges States to take all appropriate measures;",
    )
    assert parse(mission).title == (
        "Criminal accountability of United Nations officials and experts on mission"
    )


def test_a_preamble_printed_without_its_formula_is_not_the_title() -> None:
    # A/RES/78/225: no enacting formula; the preamble follows the title, and its last paragraph
    # was taken for the title.
    title = (
        "Enhancing the contributions of the Commission on Crime Prevention and Criminal Justice "
        "to the accelerated implementation of the 2030 Agenda for Sustainable Development"
    )
    text = head(
        f"78/225. {title}",
        "Reaffirming its resolution 70/1 of 25 September 2015,",
        "Noting also that, pursuant to its decision 77/553 of 7 March 2023, the 2024 high-level "
        "political forum will review in depth several Sustainable Development Goals, including "
        "Goal 16,",
        "1. Reaffirms the role of the Commission;",
    )
    assert parse(text).title == title


def test_a_draft_heading_naming_who_submits_it_is_no_title() -> None:
    # A/80/L.41: "Draft resolution submitted by the President of the General Assembly" and no
    # title line before the formula: no title, rather than the heading's end.
    text = "\n\n".join(
        [
            "United Nations\nA/80/L.41\n\nGeneral Assembly\nDistr.: Limited\n16 December 2025",
            "Eightieth session\nAgenda item 15",
            "Draft resolution submitted by the President of the General Assembly",
            "The General Assembly",
            "Adopts the following outcome document of the high-level meeting:",
            "1. We, the Ministers, reaffirm our commitment.",
        ]
    )
    assert parse(text).title is None


def test_an_annexed_conventions_articles_are_no_paragraphs_of_the_text() -> None:
    # A/C.6/80/L.8 (blind4): the annex holds a convention; its numbers count each article's
    # paragraphs ("Article 1" / "1. This Convention applies ..." / "Article 2" / "1. ..."), and
    # are not read as the annex's paragraphs.
    draft = "\n\n".join(
        [
            FORMULA,
            "Recalling its resolution 2205 (XXI) of 17 December 1966,",
            "1. Adopts the United Nations Convention on Negotiable Cargo Documents, contained in "
            "the annex to the present resolution;",
            "2. Calls upon Governments to consider becoming Parties to the Convention.",
            "Annex",
            "United Nations Convention on Negotiable Cargo Documents",
            "The States Parties to this Convention,",
            "Have agreed as follows:",
            "Chapter I\nGeneral provisions",
            "Article 1",
            "Scope of application",
            "1. This Convention applies to the issuance, transfer and legal effects of a "
            "negotiable cargo document.",
            "2. This Convention does not affect the application of any international convention "
            "or national law relating to the regulation and control of transport operations.",
            "Article 2 Definitions",
            "1. \u201cHolder\u201d means a person that is in possession of a negotiable cargo "
            "document.",
        ]
    )
    paragraphs = parse(draft).paragraphs
    assert [(p.kind, p.number) for p in paragraphs] == [
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
    ]
    one_line = draft.replace("Article 1\n\nScope", "Article 1 Scope")
    assert [p.kind for p in parse(one_line).paragraphs] == [p.kind for p in paragraphs]
    # An annex of numbered paragraphs without articles (a programme, a declaration) keeps them.
    programme = parse(
        draft.replace("Article 1\n\n", "").replace("Article 2 Definitions", "Terms")
    ).paragraphs
    assert [(p.kind, p.number) for p in programme][3:] == [("other", "1"), ("other", "2")]


def test_a_decision_dated_on_days_is_a_statement() -> None:
    # A/DEC/74/418: "On 17 and 18 June 2020, the General Assembly ... elected ...": a decision
    # stated on a span of days, as "On 17 June 2020, the ..." is on one day.
    text = "\n\n".join(
        [
            "General Assembly decision 74/418",
            "Election of non-permanent members of the Security Council",
            "Agenda item 113(a)",
            "On 17 and 18 June 2020, the General Assembly, in accordance with Article 23 of the "
            "Charter of the United Nations, elected INDIA, IRELAND, KENYA, MEXICO and NORWAY as "
            "non-permanent members of the Security Council for a two-year term of office beginning "
            "on 1 January 2021.",
            "As a result, as of 1 January 2021, the Security Council is composed of the following "
            "15 Member States: CHINA, ESTONIA, FRANCE, INDIA, IRELAND and VIET NAM.",
            "The final version of decisions adopted during the resumed part of the session will be "
            "contained in document A/74/49 (Vol. III) after editorial review.",
        ]
    )
    parsed = parse(text)
    assert parsed.title == "Election of non-permanent members of the Security Council"
    assert [(p.kind, p.verb) for p in parsed.paragraphs][:1] == [("operative", "elects")]
    for days in ("17-18 June 2020", "17, 18 and 19 June 2020"):
        dated = parse(text.replace("17 and 18 June 2020", days))
        assert dated.paragraphs[0].text.startswith(f"On {days}, the General Assembly")


def test_posts_counted_by_grade_keep_their_counts() -> None:
    # A/RES/79/258: note 1 is marked on the first page ("report of the Secretary-General1");
    # the posts counted by grade further on ("1 P-5, 1 P-4 ... 1 P-1 and 1 General Service")
    # were read as its markers, and "1 P-1 and 1 General Service ..." as its body.
    posts = (
        "2. Also approves, effective 1 January 2025, the conversion of six posts (1 Under-"
        "Secretary-General, 1 P-5, 1 P-4, 1 P-2, 1 P-1 and 1 General Service (Other level)) from "
        "the Office of the Secretary-General\u2019s Envoy on Technology that are funded from "
        "extrabudgetary resources to regular budget funding;"
    )
    text = "\n\n".join(
        [
            FORMULA,
            "Having considered the report of the Secretary-General1 and the related report of the "
            "Advisory Committee,",
            "1. Takes note of the report of the Secretary-General;",
            "__________________",
            "1  A/79/391.",
            "A/RES/79/258",
            "2/3",
            posts,
            "3. Further approves an additional appropriation in the amount of 372,100 dollars;",
        ]
    )
    paragraphs = parse(text).paragraphs
    assert [p.number for p in paragraphs] == [None, "1", "2", "3"]
    assert paragraphs[2].text == posts[3:]
    assert [note.marker for note in paragraphs[0].footnotes] == ["1"]


def test_a_verbs_past_form_hyphenated_at_a_line_end_is_one_word() -> None:
    # A/C.5/80/L.11 (tests/parsing/corpus_sample), hyphenated as a layout would:
    # "Having consid-" / "ered the twenty-third annual progress report" read "consid-ered", and
    # the opener "Having considered" was lost.
    text = (
        "The General Assembly,\n\nHaving consid-\nered the twenty-third annual progress report "
        "of the Secretary-General,\n\n1. Takes note of the report of the Secretary-General;"
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[0].verb == "having considered"
    assert paragraphs[0].text.startswith("Having considered the twenty-third annual")
