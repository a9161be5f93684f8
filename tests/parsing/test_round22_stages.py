"""Round 22 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 22)."""

from __future__ import annotations

from resolutions.parsing import parse

HEAD = (
    "Resolution adopted by the General Assembly on 20 December 2017\n\n"
    "72/219.\tProtection of global climate for present and future generations of humankind\n\n"
    "The General Assembly,\n\n"
)


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_symbol_number_before_a_written_out_note_stays_in_the_text() -> None:
    # blind23 A_RES_72_219 (Word): "decisions 2/CP.19, 2/CP.20 and 3/CP.22", each with a Word
    # note written out after it; the number after the symbol's full stop was taken for a printed
    # marker ("resolution.7 (Footnote: ...)") and dropped: "2/CP. and 3/CP.".
    text = HEAD + (
        "\tRecalling its resolution 71/228,\n\n"
        "\t1.\tTakes note of decisions 2/CP.19, (footnote: See FCCC/CP/2013/10/Add.1.) 2/CP.20"
        " (footnote: See FCCC/CP/2014/10/Add.2.) and 3/CP.22 (footnote: See"
        " FCCC/CP/2016/10/Add.1.) adopted by the Conference of the Parties;\n\n"
        "\t2.\tRecalls its resolution 70/1.7 (footnote: See A/70/L.1.)\n"
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[1].text == (
        "Takes note of decisions 2/CP.19, 2/CP.20 and 3/CP.22 adopted by the Conference of the"
        " Parties;"
    )
    # A marker printed after a full stop that closes no symbol is still a marker.
    assert paragraphs[2].text == "Recalls its resolution 70/1."
    assert {"FCCC/CP/2014/10/Add.2", "FCCC/CP/2016/10/Add.1", "A/70/L.1"} <= keys(text)


def test_a_plural_noun_that_is_also_a_verb_is_no_statement_verb() -> None:
    # blind23 A_DEC_75_511_A_and_B, part B: a long clause, then "...: (a) Decided to include
    # ..."; "the strategic plans and mandates of United Nations funds" in the clause gave the
    # statement the verb "mandates".
    text = (
        "General Assembly decision 75/511 B\n\n"
        "United Nations Pledging Conference for Development Activities\n\n"
        "At its 102nd plenary meeting, on 9 September 2021, the General Assembly, recognizing the"
        " need to improve funding practices, as reflected in the strategic plans and mandates of"
        " United Nations funds, programmes and specialized agencies, and noting the call made in"
        " the report of the Secretary-General to consider recalibrating the Conference:\n"
        "\t(a)\tDecided to include in the scope of the Conference all United Nations funds;\n"
        "\t(b)\tAlso decided to convene the Conference on an annual basis.\n"
    )
    assert [p.verb for p in parse(text).paragraphs] == ["decides"]
    # A noun after a determiner ("the requests of") is none either; a verb in the present as
    # printed still is ("the General Assembly takes note of").
    statement = (
        "At its 40th plenary meeting, on 1 December 2021, the General Assembly, recalling the"
        " requests of Member States, takes note of the report.\n"
    )
    assert [
        p.verb for p in parse("General Assembly decision 76/501\n\n" + statement).paragraphs
    ] == ["takes note"]


def test_a_commission_named_before_its_short_name_owns_the_resolution() -> None:
    # blind23 A_RES_72_167 (Word): "those of the Commission on Human Rights on the right to
    # development, in particular Commission resolution 1998/72": the Commission's, a body the
    # archive does not name, was given to the Economic and Social Council by its number's form.
    text = HEAD + (
        "\tRecalling also all its previous resolutions, Human Rights Council resolutions and those"
        " of the Commission on Human Rights on the right to development, in particular Commission"
        " resolution 1998/72 of 22 April 1998 on the urgent need to make further progress,\n\n"
        "\tRecalling the work of the Commission on Crime Prevention and Criminal Justice, in"
        " particular Commission resolution 27/3,\n\n"
        "\t1.\tRecalls Economic and Social Council resolution 2018/29;\n"
    )
    assert keys(text) == {"CCPCJ 27/3", "ECOSOC 2018/29"}


def test_a_dotted_series_word_inside_a_symbol() -> None:
    # blind23 A_RES_72_219 (Word), a note: "UNEP/OzL.Pro.28/12, annex I." (the Meeting of the
    # Parties to the Montreal Protocol): a dotted part of capital and small letters ("OzL.Pro")
    # cut the symbol at "UNEP/OzL", which holds no number, so nothing was cited.
    text = HEAD + (
        "\tWelcoming the Kigali Amendment, (footnote: UNEP/OzL.Pro.28/12, annex I.)\n\n"
        "\t1.\tDecides to remain seized of the matter, as in A/C.3/80/L.5.\n"
    )
    assert keys(text) == {"UNEP/OzL.Pro.28/12", "A/C.3/80/L.5"}


def test_another_organizations_report_with_a_range_of_corrigenda() -> None:
    # blind23 A_RES_72_72 (Word), notes: "document C 2009/REP and Corr.1-3" (an en dash; the
    # Food and Agriculture Organization's report, printed with a space) cited the report alone,
    # and "document C/2017/REP" (its one-letter series) nothing.
    text = HEAD + (
        "\tRecalling the Code, (footnote: Food and Agriculture Organization of the United"
        " Nations, document C 2009/REP and Corr.1\u20133, appendix E.)\n\n"
        "\tNoting the guidelines, (footnote: See Food and Agriculture Organization of the United"
        " Nations, document C/2017/REP, appendix J.)\n\n"
        "\t1.\tTakes note of the report (A/72/5 and Corr.1-2);\n"
    )
    assert keys(text) == {
        "C 2009/REP",
        "C 2009/REP/Corr.1",
        "C 2009/REP/Corr.2",
        "C 2009/REP/Corr.3",
        "C/2017/REP",
        "A/72/5",
        "A/72/5/Corr.1",
        "A/72/5/Corr.2",
    }
    # A PDF's text layer may space the range: "C 2009/REP and Corr.1 \u20133" (A_RES_79_145).
    spaced = HEAD + (
        "\t1.\tRecalls the Code, (footnote: Food and Agriculture Organization of the United"
        " Nations, document C 2009/REP and Corr.1 \u20133, appendix E.)\n"
    )
    assert keys(spaced) == {
        "C 2009/REP",
        "C 2009/REP/Corr.1",
        "C 2009/REP/Corr.2",
        "C 2009/REP/Corr.3",
    }
