"""Round 7 fixes, one kind each, on small texts shaped like the corpus documents they came from."""

from __future__ import annotations

from resolutions.parsing import parse

COUNCIL_DRAFT_OPENING_WITH_DETERMINING = """S/2030/123
2 May 2030
Ruritania: draft resolution

The Security Council,
Determining that the situation in the region constitutes a threat to international peace,
Acting under Chapter VII of the Charter of the United Nations,
1. Decides to renew the authorization provided by paragraph 11 of its resolution 2183 (2014);
2. Decides to remain seized of the matter.
"""

DECISION_IN_PARTS_WITH_STOPS = """General Assembly decision 90/504 A and B

Adoption of the agenda

Agenda item 7

A.

At its 2nd plenary meeting, on 15 September 2035, the General Assembly adopted the agenda.

(See A/90/250, A/90/PV.2)

B.
At its 80th meeting, on 26 March 2036, the General Assembly decided to reopen agenda item 11.
"""

DECISION_WITH_UNPRINTED_MARKER = """General Assembly decision 90/409

Appointment of the judges of the United Nations Appeals Tribunal

Agenda item 117 (i)

At its 41st plenary meeting, on 28 November 2035, the General Assembly, on the
recommendation of the Internal Justice Council,10 appointed Ms. A (Chile) as judge.
"""


def test_a_council_draft_opening_with_determining_has_its_preamble_and_no_title() -> None:
    document = parse(COUNCIL_DRAFT_OPENING_WITH_DETERMINING)
    assert document.title is None
    shape = [(p.kind, p.number, p.verb) for p in document.paragraphs]
    assert shape == [
        ("preambular", None, "determining"),
        ("preambular", None, "acting"),
        ("operative", "1", "decides"),
        ("operative", "2", "decides"),
    ]


def test_an_enacting_formula_is_never_a_title() -> None:
    text = COUNCIL_DRAFT_OPENING_WITH_DETERMINING.replace("Determining that", "Remembering that")
    assert parse(text).title is None


def test_part_letters_printed_with_a_full_stop_are_neither_title_nor_text() -> None:
    document = parse(DECISION_IN_PARTS_WITH_STOPS)
    assert document.title == "Adoption of the agenda"
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == 2
    assert texts[0].startswith("At its 2nd plenary meeting")
    assert texts[1].startswith("At its 80th meeting")


def test_an_unprinted_notes_marker_after_a_comma_leaves_a_decisions_text() -> None:
    (paragraph,) = parse(DECISION_WITH_UNPRINTED_MARKER).paragraphs
    assert "Council, appointed Ms. A" in paragraph.text
    assert paragraph.verb == "appoints"


COUNCIL_DRAFT_WITH_A_HEADING = """The Security Council,

Recalling its resolution 1970 (2011),

Remaining deeply concerned by the humanitarian situation in the country,

Renewing its request that all Member States support the Government,

Prevention of Illicit Exports of Petroleum

1. Condemns attempts to illicitly export petroleum;

2. Decides to remain seized of the matter.
"""


# One paragraph a line, with blank lines elsewhere (as UNBench's drafts are printed).
COUNCIL_DRAFT_ONE_PARAGRAPH_A_LINE = """The Security Council,
Recalling the arms embargo and measures concerning illicit oil exports, and its resolutions,
Renewing its request that all Member States support fully the efforts of the United Nations,
Remaining deeply concerned by the humanitarian situation in the country,
Calling for Member States to implement fully the existing measures,

Recalling that providing support for armed groups undermines stability,

1. Decides to remain seized of the matter.
"""


def test_openers_found_in_the_corpus_open_preambular_paragraphs() -> None:
    verbs = [p.verb for p in parse(COUNCIL_DRAFT_ONE_PARAGRAPH_A_LINE).paragraphs]
    assert verbs == ["recalling", "renewing", "remaining", "calling", "recalling", "decides"]


def test_a_heading_between_the_preamble_and_paragraph_1_is_no_paragraph() -> None:
    shape = [(p.kind, p.number) for p in parse(COUNCIL_DRAFT_WITH_A_HEADING).paragraphs]
    assert shape == [("preambular", None)] * 3 + [("operative", "1"), ("operative", "2")]
