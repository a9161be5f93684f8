"""Round 27 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 27)."""

from __future__ import annotations

from resolutions.parsing import parse

HEAD = (
    "United Nations\nA/RES/79/67\n\nGeneral Assembly\nDistr.: General\n9 December 2024\n\n"
    "Seventy-ninth session\nAgenda item 98 (d)\n\n"
    " Resolution adopted by the General Assembly\non 2 December 2024\n\n"
    "[on the report of the First Committee (A/79/409, para. 21)]\n\n"
    "79/67. United Nations Regional Centre for Peace and Disarmament in\nAsia and the Pacific\n\n"
    "The General Assembly,\n\n"
)
TAIL = (
    "1.\nExpresses its satisfaction at the activities of the Regional Centre;\n\n"
    "44th plenary meeting\n2 December 2024\n"
)


def texts(text: str) -> list[str]:
    """The paragraphs' texts of a parse, each on one line."""
    return [" ".join(p.text.split()) for p in parse(text).paragraphs]


def test_a_name_running_on_after_a_comma_across_a_page_break_stays_in_its_paragraph() -> None:
    # blind28 A_RES_79_67: "... to Identify and Trace, in a Timely and Reliable Manner," / notes
    # and running head / "Illicit Small Arms and Light Weapons (the International Tracing
    # Instrument) ..." was cut in two at the page break.
    text = (
        HEAD
        + (
            "Taking note of the report of the Secretary-General, and expressing its appreciation"
            " for the International Instrument to Enable States to Identify and Trace, in a"
            " Timely and\n"
            "Reliable Manner,\n\n"
            "Illicit Small Arms and Light Weapons (the International Tracing Instrument) and"
            " national workshops,\n\n"
            "Welcoming also the efforts by the Regional Centre,\n\n"
        )
        + TAIL
    )
    paragraphs = texts(text)
    assert len(paragraphs) == 3
    assert paragraphs[0].endswith(
        "Reliable Manner, Illicit Small Arms and Light Weapons (the"
        " International Tracing Instrument) and national workshops,"
    )
    # A paragraph after a comma opening with an opener, known or apparent, stays apart.
    for opener in ("Welcoming further", "Heartened by", "Mindful that"):
        text = (
            HEAD
            + (
                "Recalling its resolutions,\n\n"
                f"{opener} the United Nations Regional Centre works,\n\n"
            )
            + TAIL
        )
        assert len(texts(text)) == 3, opener


def test_an_operative_paragraph_opening_with_a_clause_takes_the_verb_after_it() -> None:
    # blind28 A_RES_80_23: "2. Pending the total elimination of nuclear weapons, urges those
    # nuclear-weapon States ..." was given the verb `pending`.
    text = HEAD + (
        "Recalling its resolutions,\n\n"
        "1.\nDemands that human control be maintained;\n\n"
        "2.\nPending the total elimination of nuclear weapons, urges those States to take"
        " measures;\n\n"
        "3.\nIn this regard, also requests the Secretary-General to report;\n\n"
        "4.\nDecides, upon the convening of the Conference, to rename the Programme;\n\n"
        "44th plenary meeting\n2 December 2024\n"
    )
    verbs = [p.verb for p in parse(text).paragraphs]
    assert verbs == ["recalling", "demands", "urges", "requests", "decides"]
    # No verb after the clause, or a verb of its own opening the paragraph (A_RES_78_331: "Pays
    # tribute to all peacekeepers ..., underscores ..."): the first word stays the verb.
    text = text.replace("urges those States", "the States")
    assert [p.verb for p in parse(text).paragraphs][2] == "pending"
    text = text.replace("Pending the total elimination", "Pays tribute to the peacekeepers")
    text = text.replace("nuclear weapons, the States", "nuclear weapons, underscores that States")
    assert [p.verb for p in parse(text).paragraphs][2] == "pays"
