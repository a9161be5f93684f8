"""Guards for the kinds of error of rounds 20 to 23 of the labelled pairs (docs/lineage.md), each
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


def test_a_note_by_the_secretary_general_is_a_document_acted_on_as_a_report_is():
    haiti = (
        "Having considered the note by the Secretary-General on the financing arrangements for "
        "the United Nations Support Office in Haiti and the related report of the Advisory "
        "Committee on Administrative and Budgetary Questions,"
    )
    assert not same(
        haiti,
        "Having considered the report of the Secretary-General on the financial arrangements and "
        "procedures for the implementation of resolution 2719 (2023) and the related report of "
        "the Advisory Committee on Administrative and Budgetary Questions,",
    )
    assert not same(
        "At its 78th plenary meeting, on 11 June 2021, the General Assembly took note of the note "
        "by the Secretary-General (A/75/300).",
        "At its 47th plenary meeting, on 13 December 2019, the General Assembly took note of the "
        "report of the Special Political and Decolonization Committee (Fourth Committee) "
        "(A/74/411).",
    )
    # the financing template for another mission stays one, its name a large part of the subject
    assert same(
        haiti,
        "Having considered the reports of the Secretary-General on the financing of the United "
        "Nations Multidimensional Integrated Stabilization Mission in the Central African "
        "Republic and the related report of the Advisory Committee on Administrative and "
        "Budgetary Questions,",
    )
    # a note on a report acts on that report
    assert not same(
        "Takes note of the note by the Secretary-General on the report of the Unit for 2023;",
        "Takes note of the report of the Secretary-General on the implementation of resolution "
        "77/38;",
    )


def test_other_days_proclaimed_are_other_families():
    play = "Decides to proclaim 11 June as the International Day of Play, to be observed annually;"
    assert not same(play, "Decides to proclaim 24 May the International Day of the Markhor;")
    assert not same(
        play,
        "Decides to proclaim 16 September as the International Day of Science, Technology and "
        "Innovation for the South, to be observed annually;",
    )
    # the same day proclaimed, its wording edited, stays one
    assert same(play, "Decides to proclaim 11 June the International Day of Play;")


def test_a_decision_on_a_sub_item_is_another_than_one_on_its_whole_item():
    heading = (
        "agenda item 25 entitled “Operational activities for development”, under heading A "
        "(Promotion of sustained economic growth and sustainable development in accordance with "
        "the relevant resolutions of the General Assembly and recent United Nations conferences),"
    )
    whole = (
        "At the 96th plenary meeting, on 21 July 2022, the General Assembly decided to reopen "
        f"consideration of {heading} to consider it directly in plenary meeting and to proceed "
        "expeditiously with the consideration of a draft decision."
    )
    sub_item = (
        "At the same meeting, the General Assembly decided to reopen consideration of sub item (b) "
        f"entitled “South-South cooperation for development” of {heading} and to proceed "
        "expeditiously with the consideration of a draft decision (A/73/L.83)."
    )
    assert not same(whole, sub_item)
    # the same sub-item reopened again stays one decision
    assert same(sub_item, sub_item.replace("(A/73/L.83)", "(A/74/L.90)"))


def test_previous_resolutions_on_other_situations_recalled_are_other_documents():
    yemen = (
        "Recalling all its previous relevant resolutions and statements of its President "
        "concerning Yemen,"
    )
    assert not same(
        yemen,
        "Recalling its previous resolutions and the statements of its President concerning the "
        "situation in Sierra Leone,",
    )
    # the same situation's recall, reworded, stays one
    assert same(
        yemen,
        "Recalling its previous resolutions and the statements of its President concerning Yemen,",
    )


def test_the_same_report_asked_of_the_same_addressee_with_other_clauses_is_one_request():
    focus = (
        "Also requests the Secretary-General to submit to the General Assembly at its eightieth "
        "session a report on the implementation of the present resolution, with a particular "
        "focus on the impacts of unilateral economic measures on the achievement of sustainable "
        "development."
    )
    assert same(
        focus,
        "Requests the Secretary-General to submit to the General Assembly at its eighty-second "
        "session a report, in accordance with existing rules and procedures, on the "
        "implementation of the present resolution and including specific recommendations to "
        "strengthen the ability and effectiveness of the Centre to deliver on its mandated "
        "activities.",
    )
    # another addressee, or a report on another subject, is another request
    assert not same(
        focus,
        focus.replace("Also requests the Secretary-General", "Requests the Independent Expert"),
    )
    assert not same(
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on both the Repertory and the Repertoire;",
        "Requests the Secretary-General to submit to the General Assembly at its seventy-ninth "
        "session an updated report on the matter;",
    )


def test_resolutions_each_cited_in_a_clause_of_their_own_are_no_list():
    central_african_republic = (
        "Decides to apportion among Member States the amount of 486,717,100 dollars for the "
        "period from 1 July to 15 November 2025, in accordance with the levels updated in its "
        "resolution 79/250 of 24 December 2024, taking into account the scale of assessments for "
        "2025, as set out in its resolution 79/249 of 24 December 2024;"
    )
    assert same(
        central_african_republic,
        "Decides, taking into account the amount of 590,000,000 dollars already apportioned under "
        "the terms of its resolution 77/312 for the period from 1 July to 31 December 2023, to "
        "apportion among Member States the additional amount of 276,865,700 dollars for the "
        "maintenance of the Mission for the period from 1 July 2023 to 30 June 2024, in "
        "accordance with the levels updated in its resolution 76/239 of 24 December 2021, taking "
        "into account the scale of assessments for 2023 and 2024, as set out in its resolution "
        "76/238 of 24 December 2021;",
    )
    # lists of other resolutions, however alike their words, stay other families
    recalling = (
        "Recalling its resolutions {} of 5 December 2022, {} of 4 December 2023 and {} of "
        "2 December 2024,"
    )
    assert not same(
        recalling.format("77/60", "78/61", "79/62"), recalling.format("77/70", "78/71", "79/72")
    )


def test_two_resolutions_recalled_of_the_same_sessions_none_in_common_are_other_documents():
    recalling = "Recalling its resolutions {} of 22 December 2023 and {} of 2 December 2024,"
    assert not same(recalling.format("78/240", "79/60"), recalling.format("78/241", "79/62"))
    # the same recall updated a session on keeps one resolution, and stays one
    assert same(
        recalling.format("78/240", "79/60"),
        "Recalling its resolutions 79/60 of 2 December 2024 and 80/12 of 1 December 2025,",
    )
    # the financing recall for another mission names its first and latest resolutions
    financing = (
        "Recalling also its resolution {} on the financing of the Mission and its subsequent "
        "resolutions thereon, the latest of which was resolution {} of 28 June 2024,"
    )
    assert same(
        financing.format("45/266 of 17 May 1991", "78/307"),
        financing.format("66/243 A of 24 December 2011", "78/306"),
    )


def test_a_subject_named_on_one_side_only_is_another_subject():
    unnamed = (
        "Recalling its previous resolutions on the subject, including resolution 78/65 of "
        "4 December 2023,"
    )
    assert not same(
        "Recalling its previous resolutions on the subject of chemical weapons, in particular "
        "resolution 79/56 of 2 December 2024,",
        unnamed,
    )
    # the same recall, unnamed on both sides, a later resolution named, stays one
    assert same(
        unnamed,
        "Recalling its previous resolutions on the subject, including resolution 79/61 of "
        "2 December 2024,",
    )


def test_a_titled_report_asked_of_two_organs_is_another_report():
    migrants = (
        "Requests the Secretary-General to submit to the General Assembly and the Human Rights "
        "Council at their eighty-second and sixty-sixth sessions, respectively, a comprehensive "
        "report entitled “Human rights of migrants”, covering all aspects of the implementation "
        "of the present resolution;"
    )
    assert not same(
        migrants,
        "Requests the Secretary-General to submit to the General Assembly, at its eighty-first "
        "session, a report on the implementation of the present resolution;",
    )
    # the same titled report asked for a later session stays one
    assert same(
        migrants,
        migrants.replace("eighty-second and sixty-sixth", "eighty-fourth and seventy-second"),
    )
    # the closing request with its organs and timing edited stays one
    assert same(
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution;",
        "Requests the Secretary-General to submit to the General Assembly and the Human Rights "
        "Council at their eighty-second and sixty-first sessions, respectively, a report on the "
        "implementation of the present resolution;",
    )


def test_other_days_observed_in_one_invitation_are_other_families():
    duchenne = (
        "Invites all Member States, organizations of the United Nations system and other "
        "international and regional organizations, as well as civil society, including "
        "non-governmental organizations and individuals, to observe World Duchenne Awareness Day "
        "in an appropriate manner."
    )
    assert not same(
        duchenne,
        "Invites all Member States, organizations of the United Nations system, other "
        "international and regional organizations, civil society, non-governmental "
        "organizations, individuals and other relevant stakeholders to observe the International "
        "Day of the Markhor, as appropriate;",
    )
    # the same day observed, the invitees reworded, stays one
    assert same(
        duchenne,
        "Invites all Member States, organizations of the United Nations system, other "
        "international and regional organizations, civil society, non-governmental "
        "organizations, individuals and other relevant stakeholders to observe World Duchenne "
        "Awareness Day, as appropriate;",
    )


def test_an_event_of_a_convention_named_on_one_side_only_is_another_conventions():
    invites = (
        "Invites and encourages all interested States, the United Nations, other relevant "
        "international organizations or institutions, regional organizations, the International "
        "Committee of the Red Cross and relevant non-governmental organizations to attend the {}, "
        "to be held in {}, and to participate in the future programme of meetings of the States "
        "{} to the Convention;"
    )
    assert not same(
        invites.format(
            "Twenty-first Meeting of the States Parties to the Convention",
            "Geneva from 20 to 24 November 2023",
            "parties",
        ),
        invites.format(
            "third Review Conference of the Convention on Cluster Munitions",
            "Vientiane during the week of 14 to 18 September 2026",
            "Parties",
        ),
    )
    # one convention's review conference one year and its parties' meeting another stay one
    assert same(
        invites.format(
            "Fifth Review Conference of the Convention",
            "Siem Reap, Cambodia, from 25 to 29 November 2024",
            "parties",
        ),
        invites.format(
            "Twenty-second Meeting of the States Parties",
            "Geneva from 1 to 5 December 2025",
            "Parties",
        ),
    )


def test_one_resolution_recalled_by_its_title_with_its_description_reworded_is_one():
    agenda = (
        "its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 "
        "Agenda for Sustainable Development”, "
    )
    reaffirming = (
        f"Reaffirming {agenda}by which it adopted a comprehensive, far-reaching and "
        "people-centred set of universal and transformative Sustainable Development Goals and "
        "targets,"
    )
    assert same(
        reaffirming,
        f"Recalling {agenda}reaffirming its commitment to the Sustainable Development Goals and "
        "targets, and recognizing that stronger partnerships and cooperation are needed,",
    )
    # the same recall with other substance as long as itself appended stays another paragraph
    assert not same(
        reaffirming,
        f"Recalling {agenda}and stressing the need to address the specific challenges facing "
        "middle-income countries, landlocked developing countries and small island developing "
        "States through enhanced international cooperation, capacity-building and the transfer "
        "of technology on mutually agreed terms,",
    )
