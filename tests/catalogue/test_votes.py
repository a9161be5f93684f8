"""Votes built from MARC 967: totals, States, outcomes, and a cross-check with GA roll calls."""

import csv
import io
import re
from dataclasses import dataclass

import pycountry
import pymarc
import pytest

from resolutions.catalogue.importer import ImportReport, import_records
from resolutions.catalogue.marc import RawRecord
from resolutions.catalogue.models import CatalogueRecord, StateVote, Vote
from resolutions.catalogue.symbols import symbol_key
from resolutions.models import Country, Document
from tests.catalogue.conftest import FIXTURES

pytestmark = pytest.mark.django_db


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
#
# The only real voting records in the fixtures are the Security Council's, which the GA roll calls
# do not cover. So each GA roll call of the sample (real ballots, tests/catalogue/fixtures/votes/)
# is written as a voting record shaped like the real one (S_RES_2538_2020_vote.xml: its fields,
# its 791 and 967 subfields), with each State by the ISO code of the roll call itself, converted
# by pycountry, never by the archive's own country list; the importer then reads it like any page.

# The roll calls keep one alpha-2 code for a State that changed: the alpha-3 code of the time.
SUCCESSIONS = {
    "RU": (("1991-12-25", "SUN"), ("9999", "RUS")),
    "YU": (("2003-02-04", "YUG"), ("2006-06-03", "SCG"), ("9999", "SRB")),
    "CS": (("1993-01-01", "CSK"),),
}
# States the roll calls give no code.
UNCODED = {"Federal Republic of Germany": "DEU", "Yemen Arab Republic": "YEM"}
VOTE_LETTERS = {"yes": "Y", "no": "N", "abstain": "A"}


@dataclass(frozen=True)
class RollCall:
    """A GA recorded vote on a resolution as a whole: each State's vote by ISO alpha-3 code."""

    rcid: int
    symbol: str
    date: str
    ballots: dict[str, str]
    names: dict[str, str]


def alpha3(code: str, name: str, date: str) -> str:
    """The ISO alpha-3 code a State had on `date`, from the roll call's alpha-2 code."""
    if not code:
        return UNCODED[name]
    for until, later in SUCCESSIONS.get(code, ()):
        if date < until:
            return later
    country = pycountry.countries.get(alpha_2=code)
    if country is None:  # a former State (DD, YD): ISO 3166-3
        [country] = [c for c in pycountry.historic_countries if c.alpha_2 == code]
    return country.alpha_3


def roll_calls() -> list[RollCall]:
    """The sample's roll calls on whole resolutions (a vote on an amendment or a paragraph is
    not the resolution's vote, and the voting record does not hold it)."""
    with open(FIXTURES / "votes" / "roll_calls_sample.csv", encoding="utf-8") as f:
        calls = {
            int(float(row["rcid"])): RollCall(
                int(float(row["rcid"])), row["unres"], row["date"], {}, {}
            )
            for row in csv.DictReader(f)
            if row["amend"] not in ("1", "1.0") and row["para"] not in ("1", "1.0")
        }
    with open(FIXTURES / "votes" / "votes_sample.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            call = calls.get(int(float(row["rcid"])))
            if call:
                code = alpha3(row["country_code"], row["country"], call.date)
                call.ballots[code] = VOTE_LETTERS[row["vote"]]
                call.names[code] = row["country"]
    return list(calls.values())


def voting_record(record_id: int, call: RollCall, ballots: dict[str, str]) -> bytes:
    """The real voting record's shape with a GA roll call's resolution, date and ballots."""
    [template] = pymarc.parse_xml_to_array(str(FIXTURES / "marc" / "S_RES_2538_2020_vote.xml"))
    template["001"].data = str(record_id)
    for tag in ("952", "967", "993", "996", "991", "981"):
        template.remove_fields(tag)
    symbol = (
        "A/RES/" + call.symbol.split("/", 1)[1] if call.symbol.startswith("R/") else call.symbol
    )
    session = symbol.split("/")[2]
    template["791"].subfields = [
        pymarc.Subfield("a", symbol),
        pymarc.Subfield("b", "A/"),
        pymarc.Subfield("c", session),
    ]
    template["245"].subfields = [pymarc.Subfield("a", f"General Assembly resolution {symbol}")]
    template["269"]["a"] = template["992"]["a"] = call.date
    template.add_field(
        pymarc.Field(
            tag="981", indicators=[" ", " "], subfields=[pymarc.Subfield("a", "General Assembly")]
        )
    )
    counts = [sum(v == letter for v in ballots.values()) for letter in "YNA"]
    template.add_field(
        pymarc.Field(
            tag="996",
            indicators=[" ", " "],
            subfields=[
                pymarc.Subfield(code, f"{n:03d}")
                for code, n in zip("bcdef", [*counts, 0, len(ballots)], strict=True)
            ],
        )
    )
    for position, (code, vote) in enumerate(sorted(ballots.items()), start=1):
        template.add_ordered_field(
            pymarc.Field(
                tag="967",
                indicators=[" ", " "],
                subfields=[
                    pymarc.Subfield("a", f"{position:03d}"),
                    pymarc.Subfield("c", code),
                    pymarc.Subfield("d", vote),
                    pymarc.Subfield("e", call.names[code].upper()),
                ],
            )
        )
    out = io.BytesIO()
    writer = pymarc.XMLWriter(out)
    writer.write(template)
    writer.close(close_fh=False)
    return out.getvalue()


def disagreements(calls: list[RollCall]) -> tuple[int, list[tuple[str, str, str, str]]]:
    """How many roll calls an archived vote covers, and where the two disagree (a State missing
    on either side is a disagreement too)."""
    by_key = {symbol_key(call.symbol): call for call in calls}
    covered, differing = 0, []
    for vote in Vote.objects.filter(resolution_key__in=by_key).prefetch_related(
        "state_votes__country"
    ):
        covered += 1
        theirs = by_key[vote.resolution_key].ballots
        ours = {state.country.iso3: state.choice for state in vote.state_votes.all()}
        for code in sorted(set(theirs) | set(ours)):
            if theirs.get(code) != ours.get(code):
                differing.append(
                    (vote.resolution_symbol, code, ours.get(code, "-"), theirs.get(code, "-"))
                )
    return covered, differing


def test_the_fixtures_voting_records_are_not_ga_roll_calls(import_fixtures):
    """The fixtures' voting records (Security Council) are outside the GA roll calls."""
    import_fixtures("S_RES_2538_2020_vote.xml", "undl-mixed-184.xml.xz")
    assert disagreements(roll_calls()) == (0, [])
    assert Vote.objects.count() == 1


def test_the_sample_holds_whole_resolutions_across_five_decades():
    calls = roll_calls()
    # R/58/187 was voted twice: as a whole and on a paragraph; only the first is its vote.
    assert sorted(call.rcid for call in calls) == [2169, 2294, 3656, 4462, 5117, 9087]
    by_year = {call.date[:4]: call for call in calls}
    assert {"SUN", "DDR", "CSK", "YUG", "YMD", "DEU"} <= set(by_year["1980"].ballots)
    assert "SRB" in by_year["2019"].ballots and "SUN" not in by_year["2019"].ballots


def test_votes_built_from_967_agree_with_every_roll_call_and_a_changed_ballot_is_caught(db):
    calls = roll_calls()
    report = ImportReport()
    pages = [
        RawRecord(str(900000 + c.rcid), voting_record(900000 + c.rcid, c, c.ballots)) for c in calls
    ]
    import_records(pages, report=report)
    assert report.counts["new"] == len(calls), report.issues
    assert disagreements(calls) == (len(calls), [])
    assert StateVote.objects.count() == sum(len(call.ballots) for call in calls)
    # The roll calls print the USSR as Russia: its code keeps it apart from the Russian Federation.
    assert Country.objects.get(iso3="RUS").name == "Russian Federation"
    assert Country.objects.get(iso3="SUN").name == "Russia"
    assert Country.objects.get(iso3="SCG").name == "Yugoslavia (SCG)"
    # One State's ballot changed in the catalogue's record: the cross-check names it.
    call = next(c for c in calls if c.symbol == "R/66/12")
    state = next(code for code, vote in sorted(call.ballots.items()) if vote == "Y")
    record_id = 900000 + call.rcid
    changed = voting_record(record_id, call, {**call.ballots, state: "N"})
    import_records([RawRecord(str(record_id), changed)], report=report)
    assert report.counts["updated"] == 1, report.issues
    assert disagreements(calls) == (len(calls), [("A/RES/66/12", state, "N", "Y")])
