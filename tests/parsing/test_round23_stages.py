"""Round 23 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 23)."""

from __future__ import annotations

from resolutions.parsing import parse


def decision_verbs(statement: str) -> list[str | None]:
    """The verbs of a decision's paragraphs."""
    return [p.verb for p in parse("General Assembly decision 77/556\n\n" + statement).paragraphs]


def test_a_past_participle_before_a_preposition_is_no_statement_verb() -> None:
    # blind24 A_DEC_74_557. and A_DEC_77_556: "the limitations recommended on meetings" gave
    # the statement "recommends", "the Preparatory Committee established by resolution 69/292"
    # gave it "establishes"; the statements' verbs come later.
    assert decision_verbs(
        "On 29 May 2020, the General Assembly, noting with concern the limitations recommended"
        " on meetings within the United Nations premises, and considering the various elections"
        " that were scheduled to be held in June 2020,\n"
        "\t(a)\tDecided to hold the election of members of the Economic and Social Council;\n"
        "\t(b)\tAlso decided to apply mutatis mutandis the provisions of the present decision.\n"
    ) == ["decides"]
    assert decision_verbs(
        "At its 66th plenary meeting, on 18 April 2023, the General Assembly, recalling its"
        " resolution 72/249, in which it had decided to convene a conference to consider the"
        " recommendations of the Preparatory Committee established by resolution 69/292 of"
        " 19 June 2015, requested the Secretary-General to provide the necessary support.\n"
    ) == ["requests"]
    # The statement's own verb before such words still is one.
    assert decision_verbs(
        "At its 60th plenary meeting, on 1 December 2022, the General Assembly decided on the"
        " proposal of its President to postpone the conference.\n"
    ) == ["decides"]
    assert decision_verbs(
        "At its 60th plenary meeting, on 1 December 2022, the General Assembly, recalling its"
        " resolutions, endorsed by consensus the recommendations of the Committee.\n"
    ) == ["endorses"]
    # A name's last word is no plural noun: "the Commission on Narcotic Drugs decided by 51 votes"
    # (blind cnd_decision_62_1).
    assert [
        p.verb
        for p in parse(
            "Decision 62/1\n\nInclusion of a substance in Schedule I\n\n"
            "At its 10th meeting, on 14 March 2019, the Commission on Narcotic Drugs decided by 51"
            " votes to none to include the substance in Schedule I.\n"
        ).paragraphs
    ] == ["decides"]


def test_an_addendum_ending_a_sentence_is_cited() -> None:
    # blind24 A_RES_72_18 (Word), a note: "A/72/330 (Part I) and A/72/330 (Part I)/Add.1." cited
    # the report alone: the full stop closing the note was read as the addendum's number going on.
    head = (
        "Resolution adopted by the General Assembly on 1 December 2017\n\n"
        "72/18.\tReport on the activities of the Office of Internal Oversight Services\n\n"
        "The General Assembly,\n\n"
    )
    text = head + (
        "\tHaving considered the report of the Office, (footnote: A/72/330 (Part I) and"
        " A/72/330 (Part I)/Add.1.)\n\n"
        "\tRecalling the report of the Committee, (footnote: A/72/295 and Add.2.)\n\n"
        "\tRecalling also the reports, (footnote: A/79/533/Add.1 and Add.2.)\n\n"
        "\t1.\tTakes note of the report (A/72/120 and Add.1.2);\n"
    )
    symbols = {r.symbol for r in parse(text).references if r.symbol}
    assert {"A/72/330", "A/72/330/Add.1", "A/72/295", "A/72/295/Add.2"} <= symbols
    # A second addendum after the first is the report's ("A/79/533/Add.2").
    assert {"A/79/533/Add.1", "A/79/533/Add.2"} <= symbols
    assert "A/79/533/Add.1/Add.2" not in symbols
    # A number going on after the addendum's ("Add.1.2") is no addendum of the symbol.
    assert "A/72/120/Add.1" not in symbols


def test_the_council_after_a_council_named_is_that_council() -> None:
    # blind24 A_RES_72_172 (Word), paragraph 4: "the decision taken by the Human Rights Council
    # to renew the mandate ..., in conformity with the terms set forth by the Council in its
    # resolution 18/6" gave the Assembly a resolution 18/6 by the number's form.
    head = (
        "Resolution adopted by the General Assembly on 19 December 2017\n\n"
        "72/172.\tPromotion of a democratic and equitable international order\n\n"
        "The General Assembly,\n\n\tRecalling its resolution 71/190,\n\n"
    )
    text = head + (
        "\t1.\tWelcomes the decision taken by the Human Rights Council to renew the mandate of the"
        " Independent Expert for a period of three years, in conformity with the terms set forth"
        " by the Council in its resolution 18/6;\n\n"
        "\t2.\tRecalls the Council in its resolution 1515 (2003);\n"
    )
    cited = {f"{r.body} {r.number}" for r in parse(text).references if r.number}
    assert "HRC 18/6" in cited
    assert "GA 18/6" not in cited
    # With no council named before, the number's form still tells the body.
    assert "SC 1515 (2003)" in cited
