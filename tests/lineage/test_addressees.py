"""Addressees of operative paragraphs: the rules on real paragraphs, and the stored field."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from resolutions.addressees import ADDRESSEES
from resolutions.lineage.addressee_evaluation import load_labelled, score_addressees
from resolutions.lineage.addressees import addressees_of
from resolutions.lineage.models import ParagraphLineage

LABELLED = Path(__file__).parent / "data" / "addressees_labelled.json"
DOCS = Path(__file__).parents[2] / "docs" / "lineage.md"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requests the Secretary-General to submit a report;", {"secretary_general"}),
        (
            "Requests the United Nations Office on Drugs and Crime to assist States;",
            {"unodc"},
        ),
        (
            "Urges Member States, civil society and the private sector to act;",
            {"member_states", "civil_society", "private_sector"},
        ),
        ("Calls upon States parties to the Convention to comply;", {"group_of_states"}),
        (
            "Recognizes the problem, and invites regional organizations to cooperate;",
            {"regional_organizations"},
        ),
        ("Decides to include the item in its agenda;", {"body_itself"}),
        ("Takes note of the report of the Secretary-General;", {"body_itself"}),
        ("Requests that the Secretary-General submit a report;", {"secretary_general"}),
        (
            "Takes note of the report of the Secretary-General, and requests that he submit a "
            "report;",
            {"secretary_general"},
        ),
    ],
)
def test_addressees_of(text, expected):
    assert addressees_of(text) == expected
    assert expected <= set(ADDRESSEES)


# Kinds found on the other bodies' sample (Security Council drafts, GA decisions and drafts).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # United Nations missions by their acronyms, "the UN", the African Union's missions
        ("Requests MINUSMA to redouble its efforts;", {"un_entity"}),
        ("Requests MONUSCO to take gender into account;", {"un_entity"}),
        (
            "Calls on the FGS, AMISOM, the UN and international partners to work together;",
            {"group_of_states", "regional_organizations", "un_entity"},
        ),
        # States named: by name, several Governments, a Government named before, authorities
        ("Calls upon Israel to rescind it;", {"group_of_states"}),
        ("Strongly urges the Islamic Republic of Iran to eliminate them;", {"group_of_states"}),
        (
            "Calls upon the Governments of Sudan and South Sudan to extend full cooperation;",
            {"group_of_states"},
        ),
        ("Further urges the Transition Government to take measures;", {"group_of_states"}),
        ("Calls upon the Congolese authorities to ensure the prosecution;", {"group_of_states"}),
        ("Requests the United Nations Integrated Office in Burundi to assist;", {"un_entity"}),
        # a relative clause's "that" does not end the addressee
        ("Calls upon States that have not yet done so to consider it;", {"group_of_states"}),
        (
            "Invites all States that are not party to the Convention to provide it;",
            {"group_of_states"},
        ),
        # requests worded otherwise: reiterated, after "continues to" or "decided, ..., to", in
        # a decision's past tense, a declaration's imperative
        ("Reiterates its demand that the parties comply with the law;", {"group_of_states"}),
        ("Supports the talks and continues to urge the sides to engage;", {"group_of_states"}),
        (
            "(b) Further decided to request the Secretary-General to implement the functions;",
            {"secretary_general"},
        ),
        ("(b) Invited the Bureau of the Second Committee to take it into account;", {"un_entity"}),
        ("Request the Secretary-General to provide a progress report;", {"secretary_general"}),
        # an envoy of the Secretary-General is another entity
        (
            "The General Assembly decided, without setting a precedent, to invite the Special "
            "Representative of the Secretary-General on Violence against Children to speak.",
            {"un_entity"},
        ),
        # the parties to a conflict
        (
            "Calls upon Member States, parties to armed conflict and the United Nations to act;",
            {"member_states", "group_of_states", "un_entity"},
        ),
        # an aside says with whom the addressee acts, not who
        (
            "Urges the Government of Somalia, with the support of the United Nations, to act;",
            {"group_of_states"},
        ),
        # relevant actors and communities, humanitarian agencies
        (
            "Calls upon the Government of Somalia and all relevant actors to strive;",
            {"group_of_states", "civil_society"},
        ),
        (
            "Calls upon the Governments of Sudan and South Sudan and the Misseriya and Ngok Dinka "
            "communities to extend full cooperation;",
            {"group_of_states", "civil_society"},
        ),
        (
            "Encourages Member States and humanitarian agencies to work together;",
            {"member_states", "un_entity"},
        ),
        # international organizations however qualified, not bodies
        (
            "Invites States and regional economic integration organizations to consider it;",
            {"member_states", "regional_organizations"},
        ),
        (
            "Encourages relevant intergovernmental bodies and international organizations to act;",
            {"un_entity", "regional_organizations"},
        ),
    ],
)
def test_addressees_of_other_bodies_texts(text, expected):
    assert addressees_of(text) == expected


def accuracy(split: str) -> tuple[int, float]:
    scores = score_addressees(load_labelled(LABELLED))[split]
    return len(scores.outcomes), scores.exact


def test_accuracy_on_held_out_paragraphs_is_at_least_0_9_and_documented():
    size, held_out = accuracy("held-out")
    development_size, development = accuracy("development")
    assert size + development_size >= 300
    assert held_out >= 0.9
    other_size, other = accuracy("other-bodies")
    assert other_size >= 120
    blind_size, blind = accuracy("blind-3")
    assert blind_size == 120
    blind_4_size, blind_4 = accuracy("blind-4")
    assert blind_4_size == 120
    blind_5_size, blind_5 = accuracy("blind-5")
    assert blind_5_size == 120
    blind_6_size, blind_6 = accuracy("blind-6")
    assert blind_6_size == 120
    section = DOCS.read_text(encoding="utf-8").split("## Addressees")[1].split("\n## ")[0]
    figures = (held_out, development, other, blind, blind_4, blind_5, blind_6)
    assert all(f"{figure:.3f}" in section for figure in figures)
    # blind-6 was scored once, its kinds not fixed: its figure is the blind one, in its section
    assert f"**{blind_6:.3f}**" in section.split("### A sixth sample, blind")[1]


@pytest.mark.django_db
def test_ingest_stores_the_addressees_of_operative_paragraphs(ingest_text):
    document = ingest_text("A_RES_80_29")
    rows = ParagraphLineage.objects.filter(paragraph__document=document).select_related("paragraph")
    by_number = {r.paragraph.number: r.addressees for r in rows}
    assert by_number["2"] == ["un_entity"]  # the Disarmament Commission
    assert by_number["3"] == ["secretary_general"]
    assert by_number["1"] == ["body_itself"]
    assert all(r.addressees == [] for r in rows if r.paragraph.kind == "preambular")


@pytest.mark.django_db
def test_the_addressee_is_a_search_facet_of_the_page_and_the_api(client, ingest_text):
    ingest_text("A_RES_80_29")
    data = client.get("/api/v1/paragraphs/", {"addressee": "secretary_general"}).json()
    assert [(row["number"], row["document"]["symbol"]) for row in data["results"]] == [
        ("3", "A/RES/80/29")
    ]
    data = client.get("/api/v1/search/", {"view": "paragraphs"}).json()
    counts = {v["value"]: v["count"] for v in data["facets"]["addressee"]}
    assert counts["secretary_general"] == 1 and "un_entity" in counts
    html = client.get("/search/", {"addressee": "un_entity", "view": "paragraphs"}).content
    assert "Disarmament Commission" in html.decode() and "Addressed to" in html.decode()
    refused = client.get("/api/v1/paragraphs/", {"addressee": "everyone"})
    assert refused.status_code == 400 and "secretary_general" in refused.json()["message"]


@pytest.mark.django_db
def test_the_api_shows_each_paragraphs_addressees(client, ingest_text):
    document = ingest_text("A_RES_80_29")
    request = document.paragraphs.get(number="3")
    one = client.get(f"/api/v1/paragraphs/{request.pk}/").json()
    assert one["addressees"] == ["secretary_general"]
    whole = client.get(f"/api/v1/documents/{document.pk}/").json()
    by_anchor = {p["anchor"]: p["addressees"] for p in whole["paragraphs"]}
    assert by_anchor["op2"] == ["un_entity"] and by_anchor["op1"] == ["body_itself"]
    assert by_anchor["pp1"] == []
    listed = client.get("/api/v1/paragraphs/", {"addressee": "secretary_general"}).json()
    assert [row["addressees"] for row in listed["results"]] == [["secretary_general"]]
    found = client.get("/api/v1/search/", {"q": "Secretary-General"}).json()
    shown = [p["addressees"] for hit in found["results"] for p in hit["paragraphs"]]
    assert ["secretary_general"] in shown


def test_the_secretary_general_of_the_united_nations_is_one_addressee():
    assert addressees_of(
        "Requests the Secretary-General of the United Nations to submit to the General Assembly "
        "at its eighty-first session a report on the implementation of the present resolution;"
    ) == {"secretary_general"}


def test_evaluate_addressees_prints_each_split_and_each_addressee():
    out = StringIO()
    call_command("evaluate_addressees", str(LABELLED), "--failures", stdout=out)
    printed = out.getvalue()
    splits = ("development", "held-out", "other-bodies", "other-bodies / sc-drafts", "blind-3")
    later = ("blind-3 / ga-resolutions", "blind-4", "blind-4 / sc-drafts", "blind-5")
    for split in (*splits, *later, "blind-5 / sc-drafts", "blind-6", "blind-6 / sc-drafts"):
        assert f"| {split} " in printed
    assert "| secretary_general " in printed and "precision" in printed


# Kinds found on the blind-3 sample; each fails on the rules it was scored with.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups of States worded otherwise
        (
            "Urges the States referred to in paragraphs 18 and 19 above to provide updates;",
            {"group_of_states"},
        ),
        (
            "Urges States that are Parties to the 1951 Convention to respect it;",
            {"group_of_states"},
        ),
        (
            "Requests the AU and troop- and police-contributing countries to screen personnel;",
            {"group_of_states", "regional_organizations"},
        ),
        (
            "Authorizes the Member States acting through or in cooperation with the EU to "
            "establish a force;",
            {"group_of_states"},
        ),
        (
            "Encourages all Member States and members of the United Nations specialized agencies "
            "to participate, and invites all observers of the General Assembly to be represented;",
            {"member_states", "group_of_states", "regional_organizations"},
        ),
        # an addressee referred back to
        (
            "Urges multilateral development banks to act, in consultation with the "
            "Secretary-General, and requests the latter to update Member States on progress;",
            {"un_entity", "secretary_general"},
        ),
        (
            "Welcomes the initiatives of the Secretary-General to standardize a culture of "
            "performance in peacekeeping operations, and calls on him to apply it to UNISFA;",
            {"secretary_general"},
        ),
        # asides that say how the addressee acts
        (
            "Calls upon all States, directly or through regional fisheries management "
            "organizations and arrangements, to apply the precautionary approach;",
            {"member_states"},
        ),
        (
            "Encourages States, individually or through regional organizations, to promote it;",
            {"member_states"},
        ),
        # the window's ends: a second "to" after "as well as", a list after a colon
        (
            "Appeals to Member States, in particular those within the region, as well as to "
            "international governmental and non-governmental organizations, to make contributions;",
            {"member_states", "regional_organizations", "civil_society"},
        ),
        (
            "Encourages all States: (a) To afford each other assistance in respect of crimes "
            "committed by United Nations officials;",
            {"member_states"},
        ),
        # addressees the rules did not know
        (
            "Reiterates its call that States and international institutions continue to assist;",
            {"member_states", "regional_organizations"},
        ),
        (
            "Invites Governments, organizations, institutions and individuals to contribute;",
            {"member_states", "civil_society"},
        ),
        (
            "Urges the Libyan political institutions and key stakeholders to resolve the issues;",
            {"group_of_states", "civil_society"},
        ),
        # a request without an addressee names no one by those it mentions
        (
            "Encourages the work and the deployment of United Nations child protection advisers in "
            "peacekeeping operations;",
            {"body_itself"},
        ),
        (
            "Strongly encourages further accelerated actions and multi-stakeholder partnerships at "
            "all levels, including with the United Nations system, to advance the goals;",
            {"body_itself"},
        ),
    ],
)
def test_addressees_of_blind_3_kinds(text, expected):
    assert addressees_of(text) == expected


# Guards: the blind-3 fixes do not reach further than their kinds.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Urges all States to ratify the Convention;", {"member_states"}),
        (
            "Invites all major institutional stakeholders, including the International Monetary "
            "Fund and the World Bank, to support these efforts;",
            {"un_entity"},
        ),
        ("Invites international financial institutions to consider it;", {"un_entity"}),
        (
            "Calls on Member States, particularly those in which designated individuals and "
            "entities are based, to report to the Committee;",
            {"member_states"},
        ),
        (
            "Requests the Secretary-General to report to the Assembly as well as to the Council;",
            {"secretary_general"},
        ),
        ("Encourages the development partners to increase their support;", {"group_of_states"}),
        ("Decides to remain seized of the matter, and calls on him to act;", {"body_itself"}),
        (
            "Invites the Board of the fund referred to in paragraph 8 above by the "
            "Secretary-General;",
            {"un_entity"},
        ),
        (
            "Calls upon States, in particular developing countries, to participate;",
            {"member_states", "group_of_states"},
        ),
    ],
)
def test_blind_3_fixes_keep_to_their_kinds(text, expected):
    assert addressees_of(text) == expected


# Kinds found on the blind-4 sample; each fails on the rules it was scored with.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups of States worded otherwise: parties to a named treaty, countries of a named
        # region, members of an organization, neighbouring States, authorities by acronym
        (
            "Invites Parties to the Cartagena Protocol to consider acceding to the Protocol;",
            {"group_of_states"},
        ),
        (
            "Urges all State parties to the Treaty on the Non-Proliferation of Nuclear Weapons to "
            "implement their obligations;",
            {"group_of_states"},
        ),
        (
            "Calls upon all States not parties to the Convention on Cluster Munitions to join it;",
            {"group_of_states"},
        ),
        (
            "Calls upon all countries of the Mediterranean region to adhere to the instruments;",
            {"group_of_states"},
        ),
        (
            "Urges the CAR, its neighbouring States and other Member States of the ICGLR to "
            "cooperate at the regional level;",
            {"group_of_states"},
        ),
        ("Encourages AU Member States to strengthen their mechanisms;", {"group_of_states"}),
        ("Encourages the CAR authorities to cement national ownership;", {"group_of_states"}),
        # a thing encouraged: its use or implementation
        (
            "Encourages the use of the Airport Communication Programme of the United Nations "
            "Office on Drugs and Crime to prevent crime;",
            {"body_itself"},
        ),
        (
            "Encourages Member States to implement the commitments, and strongly encourages the "
            "full implementation of the Charter adopted at the African Union Summit;",
            {"member_states"},
        ),
        # a relative clause between commas, its "to" not the action's
        (
            "Also calls upon States, which have the primary responsibility to counter hate speech, "
            "and all relevant actors, including religious leaders, to promote inclusion;",
            {"member_states", "civil_society"},
        ),
        # addressees the rules did not know, or read too widely
        (
            "Requests the Group of Scientific and Technical Experts to take the actions required;",
            {"un_entity"},
        ),
        (
            "Encourages Member States, the United Nations system and other relevant humanitarian "
            "and development actors to increase funding;",
            {"member_states", "un_entity", "civil_society"},
        ),
        (
            "Encourages the private sector, in particular business and financial institutions, to "
            "reduce negative impacts on biodiversity;",
            {"private_sector"},
        ),
        # a decision's listed clauses
        (
            "Stresses the importance of broad participation, and decides: (a) To invite "
            "non-governmental organizations to register; (b) To request the President of the "
            "General Assembly to draw up a list;",
            {"civil_society", "un_entity"},
        ),
    ],
)
def test_addressees_of_blind_4_kinds(text, expected):
    assert addressees_of(text) == expected


# Guards: the blind-4 fixes do not reach further than their kinds.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Encourages States Parties to the United Nations Convention against Transnational "
            "Organized Crime to submit case law;",
            {"group_of_states"},
        ),
        (
            "Invites the Conference of the Parties to the Convention to consider the matter;",
            {"un_entity"},
        ),
        (
            "Calls upon States Parties to mobilize resources from the United Nations system;",
            {"group_of_states"},
        ),
        (
            "Invites the conferences of the parties to the multilateral environmental agreements "
            "to consider it;",
            {"un_entity"},
        ),
        (
            "Decides that the mandate shall include the following tasks: (i) To encourage the "
            "implementation of the Agreement by the parties and all relevant actors;",
            {"body_itself"},
        ),
        ("Urges the Member States of the United Nations to pay their dues;", {"member_states"}),
        (
            "Encourages Member States and the African Union to cooperate;",
            {"member_states", "regional_organizations"},
        ),
        ("Urges the relevant authorities to investigate;", {"member_states"}),
        ("Requests the Implementation Support Unit to assist States;", {"un_entity"}),
        (
            "Encourages Member States, humanitarian agencies, donors and development actors to "
            "work together;",
            {"member_states", "un_entity", "group_of_states"},
        ),
        (
            "Further authorizes MONUSCO to work with the Government: (b) to encourage national "
            "ownership by the Government of the DRC;",
            {"un_entity"},
        ),
    ],
)
def test_blind_4_fixes_keep_to_their_kinds(text, expected):
    assert addressees_of(text) == expected


# Kinds found on the blind-5 sample; each fails on the rules it was scored with.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb spelt with "s"
        ("Authorises MINUSCA to take all necessary means;", {"un_entity"}),
        # addressees the rules did not know
        ("Also requests the Secretariat to make the report available;", {"un_entity"}),
        (
            "Encourages the Panel, in the course of its mandate, to analyse such networks;",
            {"un_entity"},
        ),
        (
            "Urges efforts to close financing gaps, and encourages all financing stakeholders to "
            "increase coordination;",
            {"civil_society"},
        ),
        (
            "Invites Member States, as well as international organizations, foundations and the "
            "private sector, to provide voluntary contributions;",
            {"member_states", "regional_organizations", "civil_society", "private_sector"},
        ),
        (
            "Continues to encourage the United Nations Educational, Scientific and Cultural "
            "Organization and the Council of Europe to pursue their collaboration;",
            {"un_entity", "regional_organizations"},
        ),
        (
            "Encourages the League of Arab States and the Organization of American States to "
            "share practices;",
            {"regional_organizations"},
        ),
        (
            "Invites the United Nations system and other multilateral organizations, including "
            "the World Bank, to contribute;",
            {"un_entity", "regional_organizations"},
        ),
        # groups of States worded otherwise
        (
            "Urges States operating open registry to effectively control all fishing vessels;",
            {"group_of_states"},
        ),
        (
            "Calls upon Member States with strong external positions to consider channelling "
            "special drawing rights;",
            {"group_of_states"},
        ),
        (
            "Invites all Member States and observers of the United Nations to observe the Day;",
            {"member_states", "group_of_states", "regional_organizations"},
        ),
        (
            "Reiterates its calls on the Turkish Cypriot side and Turkish forces to restore the "
            "military status quo;",
            {"group_of_states"},
        ),
        (
            "Urges the FGS, AMISOM and the United Nations to work closely;",
            {"group_of_states", "regional_organizations", "un_entity"},
        ),
        (
            "Calls on the FGS and Somalia's Federal Member States to agree;",
            {"group_of_states"},
        ),
        # the window does not end at a qualifying phrase's "to"
        (
            "Encourages States, regional fisheries management organizations and arrangements "
            "with the competence to manage bottom fisheries, and States participating in "
            "negotiations to establish such organizations, to consider the results;",
            {"member_states", "regional_organizations", "group_of_states"},
        ),
        # "the Office" after another Office named
        (
            "Notes the cooperation with the United Nations Office for South-South Cooperation, and "
            "calls upon the Office to further strengthen its support;",
            {"un_entity"},
        ),
        # a thing encouraged: someone's commitment, support for someone
        (
            "Encourages the continued commitment of the Special Rapporteur to promote action, and "
            "calls upon States to provide protection;",
            {"member_states"},
        ),
        (
            "Encourages enhanced capacity-building support for developing countries in order to "
            "generate data;",
            {"body_itself"},
        ),
    ],
)
def test_addressees_of_blind_5_kinds(text, expected):
    assert addressees_of(text) == expected


# Guards: the blind-5 fixes do not reach further than their kinds.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requests the Office to assist States in implementing the Convention;", {"unodc"}),
        (
            "Requests the United Nations Office on Drugs and Crime to assist States, and requests "
            "the Office to report on its work;",
            {"unodc"},
        ),
        (
            "Calls upon Member States with the support of the United Nations to strengthen "
            "cooperation;",
            {"member_states", "un_entity"},
        ),
        ("Urges States with the capacity to do so to contribute;", {"member_states"}),
        ("Calls upon the United Nations forces to protect civilians;", {"un_entity"}),
        ("Requests the Human Rights Council to consider the report;", {"un_entity"}),
        ("Urges Member States to act;", {"member_states"}),
        (
            "Encourages the panels of national experts and States to share practices;",
            {"member_states"},
        ),
        (
            "Urges all States, including transit States, to cooperate;",
            {"member_states", "group_of_states"},
        ),
    ],
)
def test_blind_5_fixes_keep_to_their_kinds(text, expected):
    assert addressees_of(text) == expected
