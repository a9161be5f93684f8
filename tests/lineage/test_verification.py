"""The family decision's rules, each on real wording of the kind it decides (no database)."""

from resolutions.lineage.verification import masked_words, opening_verb, same_family, wording_of


def same(a: str, b: str) -> bool:
    return same_family(wording_of(a), wording_of(b))


def test_updated_session_and_date_keep_the_family():
    assert masked_words("at its seventy-ninth session on 12 December 2022") == (
        "at", "its", "#", "session", "on", "#",
    )  # fmt: skip
    assert same(
        "Requests the Secretary-General to report to the General Assembly at its seventy-ninth "
        "session on the implementation of the present resolution;",
        "Requests the Secretary-General to report to the General Assembly at its eighty-first "
        "session on the implementation of the present resolution.",
    )


def test_footnotes_citing_other_documents_are_other_families():
    a = "12 United Nations, Treaty Series, vol. 75, Nos. 970-973."
    assert not same(a, "9 United Nations, Treaty Series, vol. 1981, No. 33873.")
    assert same(a, "3 United Nations, Treaty Series, vol. 75, Nos. 970-973.")
    assert not same(
        "8 Ibid., Seventy-seventh Session, Supplement No. 53A (A/77/53/Add.1), chap. III.",
        "5 Ibid., Seventy-second Session, Supplement No. 53A (A/72/53/Add.1), chap. III.",
    )


def test_the_same_frame_naming_another_item_is_another_family():
    frame = (
        "Decides to include in the provisional agenda of its {} session, under the item entitled "
        "“General and complete disarmament”, the sub-item entitled “{}”."
    )
    nuclear = frame.format("seventy-ninth", "Treaty on the Prohibition of Nuclear Weapons")
    assert not same(nuclear, frame.format("eightieth", "Nuclear-weapon-free southern hemisphere"))
    assert same(nuclear, frame.format("eightieth", "Treaty on the Prohibition of Nuclear Weapons"))


def test_lists_of_other_resolutions_are_other_families():
    assert not same(
        "Recalling its resolutions 49/75 J of 15 December 1994, 50/70 G of 12 December 1995 and "
        "51/45 D of 10 December 1996,",
        "Recalling its resolutions 45/54 of 4 December 1990, 46/32 of 6 December 1991 and "
        "47/50 of 9 December 1992,",
    )


def test_a_short_paragraph_with_another_verb_does_something_else():
    assert opening_verb("Taking note of the report") == opening_verb("Also takes note of it")
    assert not same(
        "Takes note of the report of the Secretary-General;",
        "Welcoming the report of the Secretary-General,",
    )
    assert same(
        "Takes note with appreciation of the report of the Secretary-General;",
        "Takes note of the reports of the Secretary-General;",
    )


def test_an_appended_clause_as_long_as_the_text_makes_another_paragraph():
    base = (
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution"
    )
    assert not same(
        base + ";",
        base + ", including on the activities of the United Nations Office on Drugs and Crime "
        "and other entities of the United Nations system in support of Member States in "
        "preventing and combating corruption and illicit financial flows;",
    )
    # A short qualifier keeps it: the shorter one is found whole in the longer.
    assert same(
        "Taking note of the working paper prepared by the Secretariat on Saint Helena and other "
        "relevant information,",
        "Taking note of the working paper prepared by the Secretariat on Saint Helena, which "
        "contained the information requested, and other relevant information,",
    )


def test_a_footnote_cites_the_same_document_however_the_other_side_is_worded():
    assert same("10 General Assembly resolution 69/313, annex.", "14 Resolution 69/313, annex.")
    assert not same("10 General Assembly resolution 69/313, annex.", "14 Resolution 70/1, annex.")


def test_another_verb_on_a_report_does_something_else_however_long_its_name():
    name = (
        "the report of the Special Committee on the Situation with regard to the Implementation "
        "of the Declaration on the Granting of Independence to Colonial Countries and Peoples"
    )
    assert not same(
        f"Reaffirms its approval of {name} for 2024;", f"Having examined {name} for 2025,"
    )
    assert same(f"Approves {name} for 2024;", f"Approves {name} for 2025;")


def test_requests_to_different_actors_are_different_requests():
    assert not same(
        "Requests the Secretary-General to report to the General Assembly at its seventy-ninth "
        "session on the implementation of the present resolution;",
        "Requests the Special Committee to continue to examine the question of the United States "
        "Virgin Islands and to report thereon to the General Assembly at its eighty-first session "
        "and on the implementation of the present resolution.",
    )
    assert same(
        "Calls upon all States to become parties to the Convention;",
        "Calls upon Member States to become parties to the Convention;",
    )


def test_paragraphs_acting_on_different_reports_are_different():
    took_note = (
        "At its {} plenary meeting, on {}, the General Assembly took note of the report of {}."
    )
    third = took_note.format("53rd", "14 December 2022", "the Third Committee")
    assert same(third, took_note.format("50th", "19 December 2023", "the Third Committee"))
    assert not same(third, took_note.format("50th", "19 December 2023", "the Second Committee"))
    assert not same(
        third, took_note.format("31st", "30 October 2024", "the International Court of Justice")
    )
    assert not same(
        "Having also examined the report of the Secretary-General,",
        "Having examined the report of the Secretary-General on the implementation of resolution "
        "79/16,",
    )
    assert not same(
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution.",
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session an updated report on the matter;",
    )


def test_where_a_report_comes_from_and_a_body_s_full_name_keep_the_family():
    assert same(
        "Having also examined the report of the Secretary-General,",
        "Having examined the report of the Secretary-General, prepared pursuant to its resolution "
        "845 (IX) of 22 November 1954,",
    )
    assert same(
        "Endorses the conclusions and recommendations contained in the report of the Advisory "
        "Committee;",
        "Endorses the conclusions and recommendations contained in the report of the Advisory "
        "Committee on Administrative and Budgetary Questions;",
    )


def test_sub_items_with_one_formula_and_other_names_are_other_families():
    frame = (
        "Decides to include in the provisional agenda of its eighty-first session, under the item "
        "entitled “Cooperation between the United Nations and regional and other organizations”, "
        "the sub-item entitled “Cooperation between the United Nations and the {}”."
    )
    assert not same(
        frame.format("Shanghai Cooperation Organization"),
        frame.format("Collective Security Treaty Organization"),
    )
