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
