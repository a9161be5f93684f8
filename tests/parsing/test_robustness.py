"""Hard cases beyond the seeds: restarted footnotes, decisions stated in prose, unknown openers."""

from __future__ import annotations

from resolutions.parsing import parse

RESTARTED_FOOTNOTES = """United Nations E/CN.7/2020/L.2
Economic and Social Council Distr.: Limited
3 March 2020

The Commission on Narcotic Drugs,

Recalling the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,1

Noting the Convention on Psychotropic Substances of 1971,2

1 United Nations, Treaty Series, vol. 976, No. 14152.
2 Ibid., vol. 1019, No. 14956.

Reaffirming the United Nations Convention against Illicit Traffic in Narcotic Drugs and
Psychotropic Substances of 1988,1

1. Encourages Member States to act;

2. Requests the Office to report.

1 United Nations, Treaty Series, vol. 1582, No. 27627.
"""


def test_footnote_numbering_restarting_on_each_page() -> None:
    document = parse(RESTARTED_FOOTNOTES)
    notes = [
        [(f.marker, f.text.split("No. ")[-1]) for f in p.footnotes] for p in document.paragraphs
    ]
    assert notes == [[("1", "14152.")], [("2", "14956.")], [("1", "27627.")], [], []]
    assert all("Treaty Series" not in p.text for p in document.paragraphs)
    assert [p.verb for p in document.paragraphs][-2:] == ["encourages", "requests"]


def test_decision_stated_in_one_sentence() -> None:
    document = parse(
        "Decision 62/101\n\nSchedule of the intersessional meetings\n\n"
        "At its 10th meeting, on 22 March 2019, the Commission on Narcotic Drugs decided to hold "
        "its intersessional meetings in Vienna on dates to be set by the extended Bureau."
    )
    assert (document.doc_type, document.body, document.number) == ("decision", "CND", "62/101")
    assert document.title == "Schedule of the intersessional meetings"
    assert document.date == "2019-03-22"
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "decides")
    ]


def test_decision_opening_with_the_body() -> None:
    document = parse(
        "Decision 2020/201 C\n\nElection of members\n\n"
        "The Economic and Social Council elected the following Member States for a term of "
        "office beginning on 1 January 2021: Brazil, Ghana and Japan.\n\n"
        "The Council also postponed the election of one member from the Asia-Pacific States."
    )
    assert (document.doc_type, document.body, document.number) == (
        "decision",
        "ECOSOC",
        "2020/201 C",
    )
    assert [(p.number, p.verb) for p in document.paragraphs] == [(None, "elects"), (None, None)]


def test_unknown_openers_in_one_line_text() -> None:
    document = parse(
        "The General Assembly, Recalling its resolution 73/186, Heartened by the progress made "
        "by Member States, Building on the outcome of the Congress, Welcoming the report, "
        "1. Decides to continue; 2. Requests a report."
    )
    verbs = [p.verb for p in document.paragraphs]
    assert verbs == ["recalling", "heartened", "building", "welcoming", "decides", "requests"]


def test_place_names_after_commas_do_not_open_paragraphs() -> None:
    document = parse(
        "The General Assembly, Noting the meetings held in Vienna, Beijing and Nairobi, "
        "1. Decides to continue."
    )
    assert [p.verb for p in document.paragraphs] == ["noting", "decides"]


def test_its_after_a_named_body_is_that_body() -> None:
    document = parse(
        "The Commission on Crime Prevention and Criminal Justice, Recalling the Doha "
        "Declaration, endorsed by the General Assembly in its resolution 70/174, and its own "
        "resolution 26/3, 1. Decides to act."
    )
    keys = {reference.key for reference in document.references}
    assert keys == {"GA 70/174", "CCPCJ 26/3"}


def test_special_session_and_security_council_numbers() -> None:
    document = parse(
        "United Nations S/RES/2482 (2019)\n\nResolution 2482 (2019)\n\n"
        "Adopted by the Security Council at its 8582nd meeting, on 19 July 2019\n\n"
        "The Security Council,\n\nRecalling General Assembly resolution S-30/1 and its "
        "resolution 2462 (2019),\n\n1. Decides to remain seized of the matter."
    )
    assert (document.symbol, document.number, document.title) == (
        "S/RES/2482 (2019)",
        "2482 (2019)",
        None,
    )
    assert document.date == "2019-07-19"
    assert {reference.key for reference in document.references} == {"GA S-30/1", "SC 2462 (2019)"}


def test_revision_symbols_are_not_footnote_markers() -> None:
    document = parse(
        "United Nations E/CN.15/2019/L.3/Rev.1\n\nThe Commission on Crime Prevention and "
        "Criminal Justice,\n\nRecalling the Convention,1\n\n1. Decides to act.\n\n"
        "1 United Nations, Treaty Series, vol. 2225, No. 39574."
    )
    assert document.symbol == "E/CN.15/2019/L.3/Rev.1"
    assert document.paragraphs[0].footnotes[0].text.startswith("United Nations, Treaty")
