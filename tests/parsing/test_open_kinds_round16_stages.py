"""Open kinds left after round 16 closed, one kind each, on short excerpts of real documents
(named at each test; docs/parsing.md, "Open kinds closed after round 16")."""

from __future__ import annotations

from resolutions.parsing import parse

FORMULA = "The General Assembly,"


def preamble_and_first(*preamble: str) -> str:
    """A resolution's opening: the formula, preambular blocks and a first numbered paragraph."""
    return "\n\n".join([FORMULA, *preamble, "1. Reaffirms the principles recalled above;"])


def test_a_noun_spelled_as_a_verb_before_a_verb_opens_no_paragraph() -> None:
    # A/RES/78/202 (and A/C.3/80/L.40, blind4): "States" after a comma is the subject of the
    # clause going on ("were called upon"), not a paragraph opening with the verb "States".
    vienna = (
        "Recalling also that, at the World Conference on Human Rights, held in Vienna from 14 to "
        "25 June 1993, States were called upon to refrain from any unilateral measure not in "
        "accordance with international law,"
    )
    # A/RES/79/175: after a subordinate clause, "States must ensure".
    security = (
        "Noting that, while concerns about public security may justify the gathering and "
        "protection of certain sensitive information, States must ensure full compliance with "
        "their obligations under international human rights law,"
    )
    paragraphs = parse(preamble_and_first(vienna, security)).paragraphs
    assert [(p.kind, p.verb) for p in paragraphs] == [
        ("preambular", "recalling"),
        ("preambular", "noting"),
        ("operative", "reaffirms"),
    ]
    assert paragraphs[0].text == vienna
    # The same clause cut by a page break after its comma carries on too.
    broken = vienna.replace("1993, States", "1993,\n\nStates")
    assert [p.kind for p in parse(preamble_and_first(broken)).paragraphs] == [
        "preambular",
        "operative",
    ]


def test_a_noun_spelled_as_a_verb_read_by_what_follows_it() -> None:
    # A/RES/79/188: the subject of a verb in the past ("States recognized").
    kyoto = (
        "Recalling further that, in the Kyoto Declaration, States recognized the importance of "
        "international cooperation, including through capacity-building and technical assistance,"
    )
    # A/RES/80/215: a possessive ("States' capacities", printed with a curly apostrophe).
    particularities = (
        "Recognizing that rapid technological change affects States in different ways and that "
        "addressing these impacts, which depend on national and regional particularities, "
        "States\u2019 capacities and levels of development, requires international cooperation,"
    )
    # A/RES/79/190: a noun phrase going on ("States parties were called upon").
    parties = (
        "Recalling the resolution of the Conference, in which, inter alia, States parties were "
        "called upon to cooperate,"
    )
    paragraphs = parse(preamble_and_first(kyoto, particularities, parties)).paragraphs
    assert [p.text for p in paragraphs[:3]] == [kyoto, particularities, parties]
    assert [p.kind for p in paragraphs] == ["preambular"] * 3 + ["operative"]
    # A/RES/78/284: a page break between "Member" and "States of the Political Declaration".
    drugs = parse(
        preamble_and_first(
            "Noting the review by the Commission on Narcotic Drugs of the implementation by Member",
            "States of the Political Declaration and Plan of Action,",
        )
    ).paragraphs
    assert [p.kind for p in drugs] == ["preambular", "operative"]
    assert drugs[0].text.endswith(
        "by Member States of the Political Declaration and Plan of Action,"
    )
