"""Round 19 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 19)."""

from __future__ import annotations

from resolutions.parsing import parse

ASSEMBLY = "The General Assembly,\n\n"
COUNCIL = "The Economic and Social Council,\n\n"


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_world_health_organization_symbol_is_a_document() -> None:
    # blind10 A_RES_78_269, blind18 A_C.3_80_L.17, blind19 E_RES_2018_11: the Health Assembly's
    # records ("WHA68/2015/REC/1") were not read; the Executive Board's "EB136/8" neither.
    text = ASSEMBLY + (
        "Recalling the resolutions of the World Health Assembly,\n\n"
        "1.\tTakes note of the strategy (footnote: See World Health Organization, document "
        "WHA68/2015/REC/1.) and of the plan (footnote: World Health Organization, document "
        "EB136/8, annex I.);\n"
    )
    assert keys(text) == {"WHA68/2015/REC/1", "EB136/8"}
    # The Health Assembly's resolutions are no UN references.
    resolutions = ASSEMBLY + (
        "Recalling World Health Assembly resolutions WHA72.6 and WHA72.16,\n\n"
        "1.\tTakes note of the report;\n"
    )
    assert keys(resolutions) == set()


def test_a_body_the_archive_does_not_know_named_before_its_resolutions() -> None:
    # blind18 A_C.3_80_L.17: the Commission on the Status of Women's resolutions were read as
    # the Assembly's.
    text = ASSEMBLY + (
        "1.\tEncourages States to include information on the implementation of Commission on "
        "the Status of Women resolutions 49/7 of 11 March 2005, entitled \u201cIndigenous "
        "women\u201d, and 56/4 of 9 March 2012, and of General Assembly resolution 78/1;\n"
    )
    assert keys(text) == {"GA 78/1"}
    # A body the archive knows keeps its resolutions.
    known = ASSEMBLY + (
        "1.\tRecalls Commission on Narcotic Drugs resolution 61/11 and Commission on Crime "
        "Prevention and Criminal Justice resolution 27/3;\n"
    )
    assert keys(known) == {"CND 61/11", "CCPCJ 27/3"}
    # A name without "on"/"for" before "Commission" (corpus A_RES_78_68, A_RES_78_229).
    named = ASSEMBLY + (
        "Recalling Indian Ocean Tuna Commission, resolutions 12/07 and 12/08,\n\n"
        "1.\tTakes note of paragraph (d) of Statistical Commission decision 53/113;\n"
    )
    assert keys(named) == set()
    # "Commission" after a verb or a determiner is no name: a commission's own text.
    own = "The Commission on Crime Prevention and Criminal Justice,\n\n" + (
        "Recalling Commission resolution 27/3,\n\n1.\tRecalls Commission resolution 26/1;\n"
    )
    assert keys(own) == {"CCPCJ 27/3", "CCPCJ 26/1"}


def test_its_resolution_after_a_body_the_archive_does_not_know() -> None:
    # blind20 E_RES_2018_6: "the Commission for Social Development, in its resolution 42/1" was
    # read as the Council's own 42/1.
    text = COUNCIL + (
        "Recalling that the Economic and Social Council, in its resolution 2003/14 of 21 July "
        "2003, invited Member States to continue their efforts,\n\n"
        "Bearing in mind that the Commission for Social Development, in its resolution 42/1 of "
        "13 February 2004, decided to undertake the review every five years,\n\n"
        "1.\tTakes note of the report;\n"
    )
    assert keys(text) == {"ECOSOC 2003/14"}
    # A commission the archive knows, named so, keeps its resolution.
    known = COUNCIL + (
        "Recalling that the Commission on Crime Prevention and Criminal Justice, in its "
        "resolution 27/3, requested the Secretariat to report,\n\n1.\tTakes note of the report;\n"
    )
    assert keys(known) == {"CCPCJ 27/3"}
