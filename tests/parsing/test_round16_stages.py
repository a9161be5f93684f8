"""Round 16 fixes, one kind each, on texts written for them (the documents of
tests/parsing/blind17/ where each kind was found are named in docs/parsing.md)."""

from __future__ import annotations

from resolutions.parsing import parse


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def cited(clause: str) -> set[str]:
    """The references of a draft whose one preambular paragraph is `clause`."""
    return keys(f"The General Assembly,\n\n{clause},\n\n1. Decides to act.\n")


def test_a_resolutions_further_parts_printed_as_letters_stay_in_its_number() -> None:
    # "resolutions 75/290 A and B of 25 June 2021" was read as part A; the parts are kept as
    # printed, as a decision's number in parts is ("72/414 A and B") and round 4's gold writes
    # "75/254 A to C".
    assert cited("Recalling the review of resolutions 35/290 A and B of 25 June 2021") == {
        "GA 35/290 A and B"
    }
    assert cited("Recalling its resolutions 39/558 A, B and C and 39/20") == {
        "GA 39/558 A, B and C",
        "GA 39/20",
    }
    assert cited("Recalling its resolution 35/254 A to C") == {"GA 35/254 A to C"}
    assert cited("Recalling its resolutions 33/408 A-C and 33/409 A") == {
        "GA 33/408 A-C",
        "GA 33/409 A",
    }
    assert cited("Recalling its resolution 33/408 A\u2013C") == {"GA 33/408 A\u2013C"}
    # Letters that do not run on from the part are no parts ("A and I", "C to A"), nor is a
    # word, a symbol or an addendum after "and".
    assert cited("Recalling its resolution 33/243 A and I welcome") == {"GA 33/243 A"}
    assert cited("Recalling its resolution 33/243 C to A") == {"GA 33/243 C"}
    assert cited("Recalling its resolution 33/243 A and E/2005/30") == {
        "GA 33/243 A",
        "E/2005/30",
    }
    assert cited("Recalling its resolution 33/243 A and Add.1") == {"GA 33/243 A"}
    # A number without a part takes no letters after it.
    assert cited("Recalling its resolution 33/243 and B") == {"GA 33/243"}


def test_a_corrigendum_written_after_a_part_of_a_symbol_is_a_document_of_its_own() -> None:
    # "(NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32" / "(Part I)/Corr.2)" gave the
    # document without its corrigendum.
    text = (
        "The General Assembly,\n\nRecalling the Final Document,1\n\n1. Decides to act.\n\n"
        "__________________\n1 Final Document, Part I (NPT/CONF.1935/32 (Part I) and "
        "NPT/CONF.1935/32\n(Part I)/Corr.2).\n"
    )
    assert keys(text) == {"NPT/CONF.1935/32", "NPT/CONF.1935/32/Corr.2"}
    assert cited(
        "Recalling the report (A/38/5 (Vol. II)/Add.1, NPT/CONF.1930/28 (Parts I and II)/Corr.1)"
    ) == {
        "A/38/5",
        "A/38/5/Add.1",
        "NPT/CONF.1930/28",
        "NPT/CONF.1930/28/Corr.1",
    }
    # A part or a volume alone names no further document.
    assert cited("Recalling the report (A/38/6 (Part II) and A/38/5 (Vol. I))") == {
        "A/38/6",
        "A/38/5",
    }
