"""Votes built from MARC 967: totals, States, outcomes, and a cross-check with GA roll calls."""

import csv
import io
import lzma
import re
from collections import defaultdict

import pymarc
import pytest

from resolutions.catalogue.importer import ImportReport, import_records
from resolutions.catalogue.marc import RawRecord
from resolutions.catalogue.models import CatalogueRecord, StateVote, Vote
from resolutions.catalogue.symbols import symbol_key
from resolutions.models import Country, Document
from resolutions.parsing.countries import country_by_name
from tests.catalogue.conftest import FIXTURES

pytestmark = pytest.mark.django_db

# Spellings of the roll-call data that the archive's country list writes otherwise.
ROLL_CALL_NAMES = {"Myanmar (Burma)": "Myanmar", "St. Lucia": "Saint Lucia"}
VOTE_LETTERS = {"yes": "Y", "no": "N", "abstain": "A"}


def test_a_voting_record_gives_totals_and_each_states_vote(import_fixtures):
    report = import_fixtures("S_RES_2538_2020_vote.xml")
    assert report.counts["new"] == 1
    vote = Vote.objects.get()
    assert (vote.resolution_symbol, vote.meeting, vote.draft) == (
        "S/RES/2538 (2020)",
        "S/2020/851",
        "S/2020/838",
    )
    assert (vote.yes, vote.no, vote.abstain, vote.non_voting, vote.total) == (15, 0, 0, 0, 15)
    states = list(vote.state_votes.select_related("country"))
    assert len(states) == 15
    assert [s.country.iso3 for s in states if s.membership == "P"] == [
        "CHN",
        "FRA",
        "RUS",
        "GBR",
        "USA",
    ]
    assert Country.objects.get(iso3="VCT").name == "Saint Vincent and the Grenadines"


def test_the_vote_and_the_resolution_meet_in_either_order(import_fixtures):
    import_fixtures("S_RES_2538_2020_vote.xml")
    assert Vote.objects.get().document is None
    import_fixtures("S_RES_2538_2020.xml")
    resolution = Document.objects.get(symbol="S/RES/2538 (2020)")
    assert Vote.objects.get().document == resolution  # 791 has no space: one join key
    assert resolution.catalogue_record.vote_outcome == "recorded_vote"


def test_a_vote_imported_after_the_resolution_sets_its_outcome(import_fixtures):
    import_fixtures("A_RES_63_156.xml", "S_RES_2538_2020.xml")
    assert CatalogueRecord.objects.get(symbol="A/RES/63/156").vote_outcome == "without_vote"
    import_fixtures("S_RES_2538_2020_vote.xml")
    assert Vote.objects.get().document.symbol == "S/RES/2538 (2020)"
    assert CatalogueRecord.objects.get(symbol="S/RES/2538 (2020)").vote_outcome == "recorded_vote"


def test_non_voting_states_count_and_a_changed_vote_updates(import_fixtures):
    import_fixtures("S_RES_2538_2020_vote.xml")
    raw = (FIXTURES / "marc" / "S_RES_2538_2020_vote.xml").read_bytes()
    # Tunisia does not vote: no $d; the totals say so.
    changed = re.sub(
        rb'(<subfield code="c">TUN</subfield>)\s*<subfield code="d">Y</subfield>', rb"\1", raw
    ).replace(b'<subfield code="b">015</subfield>', b'<subfield code="b">014</subfield>')
    changed = changed.replace(
        b'<subfield code="e">000</subfield>', b'<subfield code="e">001</subfield>'
    )
    assert changed.count(b'code="d">Y<') == 14
    report = ImportReport()
    import_records([RawRecord("3879191", changed)], report=report)
    assert report.counts["updated"] == 1, report.issues
    vote = Vote.objects.get()
    assert (vote.yes, vote.non_voting) == (14, 1)
    assert StateVote.objects.get(country__iso3="TUN").get_choice_display() == "Non-voting"


# --- cross-check: votes built from 967 against the GA roll calls -----------------------------


def roll_calls() -> dict[str, dict[str, str]]:
    """GA roll calls by resolution join key: each State's vote (Y/N/A) by canonical name."""
    with open(FIXTURES / "votes" / "roll_calls.csv", encoding="utf-8") as f:
        keys = {int(float(row["rcid"])): symbol_key(row["unres"]) for row in csv.DictReader(f)}
    votes: dict[str, dict[str, str]] = defaultdict(dict)
    with lzma.open(FIXTURES / "votes" / "votes.csv.xz", "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = ROLL_CALL_NAMES.get(row["country"], row["country"].replace("&", "and"))
            country = country_by_name(name.replace("St. ", "Saint "))
            rcid = int(float(row["rcid"]))
            if country and rcid in keys:
                votes[keys[rcid]][country.name] = VOTE_LETTERS[row["vote"]]
    return votes


def disagreements(votes: dict[str, dict[str, str]]) -> tuple[int, list[tuple[str, str, str, str]]]:
    """How many archived votes the roll calls cover, and where the two disagree."""
    covered, differing = 0, []
    for vote in Vote.objects.filter(resolution_key__in=votes).prefetch_related(
        "state_votes__country"
    ):
        covered += 1
        theirs = votes[vote.resolution_key]
        for state in vote.state_votes.all():
            if state.choice and theirs.get(state.country.name, state.choice) != state.choice:
                differing.append(
                    (
                        vote.resolution_symbol,
                        state.country.name,
                        state.choice,
                        theirs[state.country.name],
                    )
                )
    return covered, differing


def voting_record(record_id: int, symbol: str, ballots: dict[str, str]) -> bytes:
    """A MARCXML voting record (791, 996, one 967 per State) for the ballots given."""
    record = pymarc.Record()
    record.add_field(pymarc.Field(tag="001", data=str(record_id)))
    record.add_field(
        pymarc.Field(tag="791", indicators=[" ", " "], subfields=[pymarc.Subfield("a", symbol)])
    )
    record.add_field(
        pymarc.Field(
            tag="989", indicators=[" ", " "], subfields=[pymarc.Subfield("a", "Voting Data")]
        )
    )
    counts = [sum(v == letter for v in ballots.values()) for letter in "YNA"]
    totals = [*counts, 0, len(ballots)]
    record.add_field(
        pymarc.Field(
            tag="996",
            indicators=[" ", " "],
            subfields=[
                pymarc.Subfield(code, f"{n:03d}") for code, n in zip("bcdef", totals, strict=True)
            ],
        )
    )
    for position, (name, vote) in enumerate(sorted(ballots.items()), start=1):
        iso3 = country_by_name(name).iso3
        record.add_field(
            pymarc.Field(
                tag="967",
                indicators=[" ", " "],
                subfields=[
                    pymarc.Subfield("a", f"{position:03d}"),
                    pymarc.Subfield("c", iso3),
                    pymarc.Subfield("d", vote),
                    pymarc.Subfield("e", name.upper()),
                ],
            )
        )
    out = io.BytesIO()
    writer = pymarc.XMLWriter(out)
    writer.write(record)
    writer.close(close_fh=False)
    return out.getvalue()


def test_the_fixtures_voting_records_are_not_ga_roll_calls(import_fixtures):
    """The fixtures' voting records (Security Council) are outside the GA roll calls."""
    import_fixtures("S_RES_2538_2020_vote.xml", "undl-mixed-184.xml.xz")
    assert disagreements(roll_calls()) == (0, [])
    assert Vote.objects.count() == 1


def test_votes_built_from_967_agree_with_the_roll_call_and_a_changed_ballot_is_caught(db):
    votes = roll_calls()
    key = symbol_key("A/RES/66/12")  # the roll calls write R/66/12
    ballots = votes[key]
    assert len(ballots) > 150
    page = voting_record(990001, "A/RES/66/12", ballots)
    report = ImportReport()
    import_records([RawRecord("990001", page)], report=report)
    assert report.counts["new"] == 1, report.issues
    assert disagreements(votes) == (1, [])
    flipped_state = next(name for name, vote in sorted(ballots.items()) if vote == "Y")
    flipped = voting_record(990001, "A/RES/66/12", {**ballots, flipped_state: "N"})
    import_records([RawRecord("990001", flipped)], report=report)
    assert disagreements(votes) == (1, [("A/RES/66/12", flipped_state, "N", "Y")])
