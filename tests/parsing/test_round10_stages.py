"""Round 10 fixes, one kind each, on small texts written for the test (not the blind set's own
documents, tests/parsing/blind11/). Each fails with the parser of the round's start (24c5e4d),
but for the guard that a formula in an annex still opens a text without a decision's statement."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text
from resolutions.parsing.verbs import extract_verb

DECISION_WITH_ANNEXED_DRAFT = """General Assembly decision 73/555

Commemoration of the seventy-fifth anniversary of the United Nations

Agenda item 120

At its 98th plenary meeting, on 2 July 2019, the General Assembly, on the proposal of its \
President, decided to transmit the draft decision contained in the annex to the present decision \
to the General Assembly at its seventy-fourth session for action.

Annex

Draft decision submitted by the President of the General Assembly
Commemoration of the seventy-fifth anniversary of the United Nations

The General Assembly, recalling its resolution 70/305 of 13 September 2016, decides:

(a) To hold a one-day high-level meeting on 21 September 2020;

(b) That the meeting will be chaired by the President of the General Assembly.

The final version of this decision will be contained in document A/73/49 (Vol. III) after \
editorial review.
"""


def test_the_draft_a_decision_transmits_in_its_annex_is_not_the_decision() -> None:
    document = parse(DECISION_WITH_ANNEXED_DRAFT)
    assert (document.symbol, document.doc_type, document.number) == (
        "A/DEC/73/555",
        "decision",
        "73/555",
    )
    assert document.title == "Commemoration of the seventy-fifth anniversary of the United Nations"
    assert [(p.verb, p.text[:24]) for p in document.paragraphs] == [
        ("decides", "At its 98th plenary meet")
    ]
    # The annexed draft's citations are the document's; the volume of the closing note is not.
    cited = {r.number or r.symbol for r in document.references}
    assert "70/305" in cited and "A/73/49" not in cited


def test_a_draft_resolution_in_a_decisions_annex_is_not_the_decision() -> None:
    # Its numbered paragraphs open with verbs, as a decision's own would.
    text = DECISION_WITH_ANNEXED_DRAFT.replace("draft decision", "draft resolution").replace(
        "decides:\n\n(a) To hold", "\n\n1. Decides to hold"
    )
    text = text.replace("(b) That the meeting", "2. Decides that the meeting")
    document = parse(text)
    assert (document.symbol, document.doc_type) == ("A/DEC/73/555", "decision")
    assert [p.number for p in document.paragraphs] == [None]


def test_a_formula_in_an_annex_still_opens_a_resolution_without_a_statement() -> None:
    # Only a decision's statement before the annex makes the annex's formula the annexed text's.
    text = (
        "Annex\n\nThe General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"
    )
    assert [p.verb for p in parse(text).paragraphs] == ["recalling", "decides"]


def test_a_record_note_without_see_is_no_paragraph_of_the_statement() -> None:
    text = (
        "General Assembly decision 72/530\n\nProgramme planning (Fifth Committee)\n\n"
        "Agenda item 137\n\nAt its 70th meeting, on 9 December 2017, the General Assembly took "
        "note of the report of the Fifth Committee.\n\n(A/72/488, A/72/PV.70)\n"
    )
    document = parse(text)
    assert [p.verb for p in document.paragraphs] == ["takes note"]
    assert {"A/72/488", "A/72/PV.70"} <= {r.symbol for r in document.references}


def test_a_publication_note_after_an_annex_is_no_citation() -> None:
    text = (
        "General Assembly decision 77/560\n\nParticipation of organizations in the meeting\n\n"
        "Agenda item 20\n\nAt its 70th plenary meeting, on 3 March 2023, the General Assembly "
        "decided to approve the participation of the organizations listed in the annex to the "
        "present decision.\n\nAnnex\n\nAlpha Foundation\nBeta Institute\n\n"
        "The final text of this decision will be contained in document A/77/49 (Vol. III) after "
        "editorial review.\n"
    )
    assert "A/77/49" not in {r.symbol for r in parse(text).references}


def test_having_and_any_past_participle_is_one_opener() -> None:
    assert extract_verb("Having reflected on the situation,", kind="preambular") == (
        "having reflected"
    )
    assert extract_verb("Having also undertaken its review,", kind="preambular") == (
        "having undertaken"
    )
    assert extract_verb("Having regard to Article 14,", kind="preambular") == "having regard"
    assert extract_verb("Having been informed,", kind="preambular") == "having"


def test_a_misread_recycling_mark_is_page_furniture() -> None:
    text = (
        "Noting that the period ends on 30 June 2022,\n\n"
        "22-09999 (E)      230622            Pleese recycle\n*2209999*\n"
        "Acting under Chapter VII of the Charter of the United Nations,\n"
    )
    cleaned = clean_text(text)
    assert "Pleese" not in cleaned and "recycle" not in cleaned


def test_a_hyphen_spaced_by_the_extraction_is_closed_where_the_document_writes_it_whole() -> None:
    text = (
        "Welcoming the proposal of the Secretary - General for conflict -affected areas and the "
        "report of the Secretary-General on conflict-affected areas,\n\n"
        "Noting the period 2020 - 2030 and the work of ICLEI - Local Governments,\n"
    )
    cleaned = clean_text(text)
    assert "Secretary-General for conflict-affected areas" in cleaned
    # A spaced hyphen the document never closes up, beside a number or a name, is left alone
    # (a range, or a dash); between words in lower case it is closed (round 12).
    assert "2020 - 2030" in cleaned and "ICLEI - Local" in cleaned


def test_a_formula_without_its_comma_is_not_the_title() -> None:
    text = (
        "United Nations\nA/C.5/80/L.99\n\nGeneral Assembly\nDistr.: Limited\n1 December 2025\n\n"
        "Proposed programme budget for 2026\n\nChile: draft resolution\n\n"
        " Proposed programme budget for 2026: section 3,\nPolitical affairs\n\n"
        "The General Assembly\n\n1.\nRecalls its resolution 79/1;\n\n"
        "2.\nRequests the Secretary-General to report.\n"
    )
    assert parse(text).title == "Proposed programme budget for 2026: section 3, Political affairs"


def test_an_enumeration_singled_out_after_the_resolutions_subject_is_read() -> None:
    text = (
        "The Security Council,\n\nRecalling its previous resolutions concerning Somalia, in "
        "particular 733 (1992), 751 (1992) and 2713 (2023),\n\n"
        "Recalling also its resolution 57/301 of 13 March 2003, in particular paragraph 2 "
        "thereof, and 71/323 of 8 September 2017,\n\n1. Decides to remain seized of the matter.\n"
    )
    numbers = {r.number for r in parse(text).references}
    assert {"733 (1992)", "751 (1992)", "2713 (2023)", "71/323"} <= numbers


def test_a_resolutions_part_of_two_letters_is_kept() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolutions 52/38 L of 9 December 1997 and 53/77 "
        "BB of 4 December 1998,\n\n1. Decides to include the item.\n"
    )
    assert {"52/38 L", "53/77 BB"} <= {r.number for r in parse(text).references}


def test_resolutions_of_a_body_outside_the_schema_are_not_the_assemblys() -> None:
    text = (
        "The General Assembly,\n\nNoting the adoption, by the Economic Commission for Latin "
        "America and the Caribbean at its thirty-ninth session, of resolution 760 (XXXIX), and "
        "the adoption by the Economic and Social Commission for Western Asia of resolution 333,\n\n"
        "1. Notes Environment Assembly resolution 5/2 on the circular economy, adopted at its "
        "fifth session, and resolution 5/3, and recalls its resolution 77/161;\n"
    )
    numbers = {r.number for r in parse(text).references}
    assert numbers == {"77/161"}


def test_symbols_of_the_regional_commissions_are_documents() -> None:
    text = "The General Assembly,\n\nNoting the report,1\n\n1. Decides to act.\n\n"
    text += "1 ESCAP/78/12/Add.1.\n"
    assert "ESCAP/78/12/Add.1" in {r.symbol for r in parse(text).references}
