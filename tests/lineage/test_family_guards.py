"""Guards for the kinds of error of rounds 20 and 21 of the labelled pairs (docs/lineage.md), each
on real wording of the kind and its counterpart that must stay as decided (no database)."""

from resolutions.lineage.verification import same_family, wording_of


def same(a: str, b: str) -> bool:
    return same_family(wording_of(a), wording_of(b))


def test_the_year_a_report_covers_is_no_part_of_its_author():
    note = "Takes note of the note by the Secretary-General on the report of the Unit for {};"
    assert same(note.format(2023), note.format(2024))
    # another author still tells reports apart
    assert not same(
        "At its 46th plenary meeting, on 16 December 2020, the General Assembly took note of the "
        "report of the Third Committee (A/75/483).",
        "At its 52nd plenary meeting, on 19 December 2019, the General Assembly took note of the "
        "report of the Second Committee (A/74/383).",
    )
