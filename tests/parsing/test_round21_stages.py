"""Round 21 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 21)."""

from __future__ import annotations

from resolutions.parsing import parse

HEAD = (
    "Resolution adopted by the General Assembly on 24 December 2017\n\n"
    "72/262.\tSpecial subjects relating to the proposed programme budget\n\n"
    "The General Assembly,\n\n"
)


def shape(text: str) -> list[tuple[str, str | None, str]]:
    """Each paragraph as kind, number and its first two words."""
    return [(p.kind, p.number, " ".join(p.text.split()[:2])) for p in parse(text).paragraphs]


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_sections_each_with_a_preamble_and_numbering_of_their_own() -> None:
    # blind22 A_RES_72_262 (Word): 29 sections, each a numeral and a title, its own preamble and
    # its own numbering from 1 or one unnumbered paragraph; the formula is followed by section I's
    # heading. Only the first section's numbers were read, the rest glued to its last paragraph.
    text = HEAD + (
        "I\nInternational Public Sector Accounting Standards\n\n"
        "\tRecalling section IV of its resolution 60/283 of 7 July 2006,\n\n"
        "\tHaving considered the report of the Secretary-General,\n\n"
        "\t1.\tTakes note of the report of the Secretary-General;\n\n"
        "\t2.\tEndorses the conclusions of the Advisory Committee;\n\n"
        "II\nConditions of service and compensation for officials\n\n"
        "\tRecalling its resolution 35/221 of 17 December 1980,\n\n"
        "\tTakes note of the report of the Secretary-General;\n\n"
        "III\nStrategic capital review\n\n"
        "\tHaving considered the report of the Secretary-General,\n\n"
        "\t1.\tTakes note of the report of the Secretary-General;\n\n"
        "\t2.\tRequests the Secretary-General to report thereon;\n\n"
        "XXIV\nGross jointly financed budget of the International Civil Service Commission\n\n"
        "\tApproves the gross budget of the Commission for the biennium 2018-2019;\n\n"
        "76th plenary meeting\n24 December 2017\n"
    )
    assert shape(text) == [
        ("preambular", None, "Recalling section"),
        ("preambular", None, "Having considered"),
        ("operative", "1", "Takes note"),
        ("operative", "2", "Endorses the"),
        ("preambular", None, "Recalling its"),
        ("operative", None, "Takes note"),
        ("preambular", None, "Having considered"),
        ("operative", "1", "Takes note"),
        ("operative", "2", "Requests the"),
        ("operative", None, "Approves the"),
    ]
    # Sections whose numbering runs on (the omnibus on the law of the sea) keep it.
    running = HEAD + (
        "\tReaffirming its annual resolutions,\n\n"
        "I\nImplementation of the Convention\n\n"
        "\t1.\tReaffirms its resolutions;\n\n"
        "II\nCapacity-building\n\n"
        "\t2.\tRecognizes the importance of capacity-building;\n\n"
        "64th plenary meeting\n5 December 2017\n"
    )
    assert shape(running) == [
        ("preambular", None, "Reaffirming its"),
        ("operative", "1", "Reaffirms its"),
        ("operative", "2", "Recognizes the"),
    ]


OCEANS = (
    "Resolution adopted by the General Assembly on 5 December 2017\n\n"
    "72/73.\tOceans and the law of the sea\n\nThe General Assembly,\n\n"
)


def test_the_law_of_the_seas_series_and_other_organizations_slashed_symbols() -> None:
    # blind22 A_RES_72_73 (Word): the Continental Shelf Commission's "CLCS/40/Rev.1", the States
    # Parties' "SPLOS/316" and the International Maritime Organization's documents "LEG/CONF.15/21",
    # "SOLAS/CONF.5/32", "MEPC.1/Circ.833", the Environment Programme's
    # "UNEP(DEPI)/GPA/IGR.3/6" were never read.
    text = OCEANS + (
        "Recalling the decisions of the Meeting, (footnote: SPLOS/316.) and the rules of the "
        "Commission, (footnote: CLCS/40/Rev.1.) the conventions (footnote: International Maritime "
        "Organization, document LEG/CONF.15/21.) and the guidelines, (footnote: International "
        "Maritime Organization, documents SOLAS/CONF.5/32 and document MEPC.1/Circ.833, annex.) "
        "(footnote: United Nations Environment Programme, document UNEP(DEPI)/GPA/IGR.3/6, "
        "annex.)\n\n1.\tDecides to act;\n"
    )
    assert keys(text) == {
        "SPLOS/316",
        "CLCS/40/Rev.1",
        "LEG/CONF.15/21",
        "SOLAS/CONF.5/32",
        "MEPC.1/Circ.833",
        "UNEP(DEPI)/GPA/IGR.3/6",
    }
    # Their resolutions stay out, and a series the patterns know keeps its own reading.
    other = OCEANS + (
        "Recalling the guidelines, (footnote: International Maritime Organization, Assembly "
        "resolution A.1091(28), and document A/72/70.)\n\n1.\tDecides to act;\n"
    )
    assert keys(other) == {"A/72/70"}
    # A symbol with a space inside is not cut at it ("document STCMLC/Part I/2021/2").
    spaced = OCEANS + (
        "Recalling the amendments, (footnote: International Labour Organization, document "
        "STCMLC/Part I/2021/2.)\n\n1.\tDecides to act;\n"
    )
    assert keys(spaced) == set()


def test_a_resolution_in_the_annex_of_a_report_printed_in_brackets() -> None:
    # blind22 A_RES_72_73: "Supplement No. 25 (A/71/25), annex, resolution 2/10" (the
    # Environment Assembly's) was given to the General Assembly, the report's symbol being in
    # brackets before its place.
    text = OCEANS + (
        "Welcoming the outcomes of the Environment Assembly, (footnote: See Official Records of "
        "the General Assembly, Seventy-first Session, Supplement No. 25 (A/71/25), annex, "
        "resolution 2/10.)\n\n1.\tDecides to act;\n"
    )
    assert keys(text) == {"A/71/25"}


def test_a_budget_section_addendum_and_a_symbol_still_to_be_issued() -> None:
    # blind22 A_C.5_80_L.1: "A/80/6 (Sect.3)/Add.1" was not read, "A/80/7/Add.__" (to be
    # issued) read as "A/80/7/Add".
    text = (
        "Status of preparedness of documentation\n\nNote by the Secretariat\n\n"
        "1.\nThe documents are A/80/6 (Sect.3)/Add.1, A/80/7/Add.__ and A/80/7/Add.2.\n"
    )
    assert keys(text) == {"A/80/6", "A/80/6/Add.1", "A/80/7/Add.2"}


def test_a_table_the_paragraph_announces_stays_in_it() -> None:
    # blind22 A_RES_72_262 (Word, a block per row): "Decides to establish the four additional
    # posts set out in the table below:" lost its rows, each taken for a heading after it.
    text = HEAD + (
        "\t1.\tTakes note of paragraph 31 of the report of the Advisory Committee;\n\n"
        "\t2.\tDecides to establish the four additional posts set out in the table below:\n\n"
        "Organizational unit Title of post Number of posts Category/level\n\n"
        "Financial services Chief of Section, Accounts 1 P-5\n\n"
        "Chief of Unit, Payroll 1 P-4\n\n"
        "Total 4\n\n"
        "\t3.\tRequests the Secretary-General to report thereon;\n\n"
        "76th plenary meeting\n24 December 2017\n"
    )
    assert [p.text.split()[-2:] for p in parse(text).paragraphs] == [
        ["Advisory", "Committee;"],
        ["Total", "4"],
        ["report", "thereon;"],
    ]
    # A heading and the title of the text that follows are no table.
    heading = HEAD + (
        "\t1.\tTakes note of the report;\n\n"
        "\t2.\tBrings the following resolution to the attention of the Council:\n\n"
        "Resolution 28/1\n\n"
        "Improving the protection of children against trafficking in persons\n\n"
        "\t3.\tRequests the Secretary-General to report thereon;\n"
    )
    assert parse(heading).paragraphs[1].text.endswith("Council:")


def test_a_long_sub_heading_between_paragraphs_and_its_citations() -> None:
    # blind22 A_RES_72_262, section XXII: a mission's sub-heading of 270 characters ("Analytical
    # Support and Sanctions Monitoring Team pursuant to resolutions 1526 (2004) and 2253 (2015)
    # ...") stayed in the paragraph before it; a heading is no text, but what it cites counts.
    text = HEAD + (
        "\t1.\tTakes note of paragraph 31 of the report of the Advisory Committee, and decides "
        "to reduce resources for the additional subscriptions to global databases by 20 per "
        "cent;\n\n"
        "Analytical Support and Sanctions Monitoring Team pursuant to resolutions 1526 (2004) and "
        "2253 (2015) concerning ISIL (Da\u2019esh), Al-Qaida and the Taliban and associated "
        "individuals and entities; and the Office of the Ombudsperson established pursuant to "
        "resolution 1904 (2009)\n\n"
        "\t2.\tDecides to apply a 50 per cent vacancy rate for the Office of the Ombudsperson;\n\n"
        "76th plenary meeting\n24 December 2017\n"
    )
    assert parse(text).paragraphs[0].text.endswith("by 20 per cent;")
    assert keys(text) == {"SC 1526 (2004)", "SC 2253 (2015)", "SC 1904 (2009)"}
