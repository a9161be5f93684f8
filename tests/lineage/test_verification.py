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


def test_a_report_asked_for_with_another_verb_is_the_same_request():
    assert same(
        "Calls upon the Secretary-General to submit to the General Assembly at its seventy-ninth "
        "session a report on the implementation of the present resolution;",
        "Requests the Secretary-General of the United Nations to submit to the General Assembly "
        "at its eighty-first session a report on the implementation of the present resolution;",
    )
    # A report acted on with another verb stays apart, however long the paragraph.
    assert not same(
        "Taking into consideration the report of the Secretary-General entitled “Our Common "
        "Agenda”, and its policy briefs,",
        "Taking note of the report of the Secretary-General entitled “Our Common Agenda”, and its "
        "policy briefs,",
    )


def test_a_report_submitted_in_pursuance_of_a_resolution_keeps_the_family():
    assert same(
        "Having considered the report of the Secretary-General submitted in pursuance of "
        "resolution 77/125,",
        "Having considered the report of the Secretary-General submitted in pursuance of "
        "resolution 79/90,",
    )


def test_the_secretary_general_of_the_united_nations_is_not_another_addressee():
    assert not same(
        "Requests the Secretary-General of the United Nations to submit to the General Assembly, "
        "at its eightieth session, a report on the implementation of the present resolution, "
        "within existing resources and, where appropriate, through voluntary contributions;",
        "Requests the Special Rapporteur to submit to the General Assembly at its eighty-first "
        "and eighty-second sessions a report on the implementation of the present resolution;",
    )


def test_appointments_to_and_sessions_of_other_bodies_are_other_families():
    appointed = (
        "At its {} plenary meeting, on {}, the General Assembly, on the recommendation of the "
        "Fifth Committee, appointed Mr. {} as a member of the {} for a term of office beginning "
        "on {} and ending on 31 December {}, as a result of the resignation of Mr. {}."
    )
    acabq = appointed.format(
        "70th", "8 March 2017", "Mutaz Hyassat",
        "Advisory Committee on Administrative and Budgetary Questions", "8 March 2017", "2018",
        "Eihab Omaish",
    )  # fmt: skip
    assert not same(
        acabq,
        appointed.format(
            "84th", "1 June 2017", "Steve Townley", "Committee on Contributions", "1 June 2017",
            "2017", "Simon Hough",
        ),
    )  # fmt: skip
    assert same(
        acabq,
        appointed.format(
            "84th", "1 June 2019", "Steve Townley",
            "Advisory Committee on Administrative and Budgetary Questions", "1 June 2019", "2020",
            "Simon Hough",
        ),
    )  # fmt: skip
    welcomes = (
        "Welcomes the holding of the {} session of the United Nations {} in Nairobi from {}, "
        "takes note of the report on the session and welcomes the resolutions and decisions "
        "contained therein, and calls for their full implementation;"
    )
    environment = welcomes.format(
        "sixth", "Environment Assembly of the United Nations Environment Programme",
        "26 February to 1 March 2024",
    )  # fmt: skip
    assert not same(environment, welcomes.format("second", "Habitat Assembly", "5 to 9 June 2023"))
    assert same(
        environment,
        welcomes.format(
            "seventh", "Environment Assembly of the United Nations Environment Programme",
            "8 to 12 December 2025",
        ),
    )  # fmt: skip


def test_a_list_of_resolutions_by_subject_updated_to_later_ones_keeps_the_family():
    listed = (
        "Recalling its resolutions 77/320 of 25 July 2023 on the impact of rapid technological "
        "change on the achievement of the Sustainable Development Goals and targets, {} on "
        "information and communications technologies for sustainable development, {} on the "
        "right to privacy in the digital age and 70/125 of 16 December 2015 on the outcome "
        "document of the high-level meeting of the General Assembly on the overall review of the "
        "implementation of the outcomes of the World Summit on the Information Society,"
    )
    assert same(
        listed.format("78/132 of 19 December 2023", "77/211 of 15 December 2022"),
        listed.format("79/194 of 19 December 2024", "79/175 of 17 December 2024"),
    )
    # Lists without subjects are still compared by their numbers.
    assert not same(
        "Recalling its resolutions 65/169 of 20 December 2010, 71/213 of 21 December 2016, "
        "72/207 of 20 December 2017 and 73/222 of 20 December 2018,",
        "Recalling its resolutions 56/178 of 21 December 2001, 57/235 of 20 December 2002, "
        "58/197 of 23 December 2003 and 59/221 of 22 December 2004,",
    )


def test_decisions_on_the_recommendation_of_other_committees_are_other_families():
    approved = (
        "At its {} plenary meeting, on {}, the General Assembly, on the recommendation of the {} "
        "Committee, approved, subject to any subsequent decision by the Assembly, the draft "
        "programme of work of the {} Committee for the {} session of the Assembly, as set out "
        "below."
    )
    second = approved.format("48th", "21 December 2020", "Second", "Second", "seventy-sixth")
    assert not same(
        second, approved.format("50th", "19 December 2023", "Third", "Third", "seventy-ninth")
    )
    assert same(
        second, approved.format("52nd", "19 December 2023", "Second", "Second", "seventy-ninth")
    )


def test_a_title_quoted_with_other_small_words_is_the_same_title():
    assert same(
        "Welcoming the convening of the Summit of the Future at United Nations Headquarters in New "
        "York on 22 and 23 September 2024, at which General Assembly resolution 79/1, entitled "
        "“The Pact for the Future”, and its annexes were adopted,",
        "Welcoming the convening of the Summit of the Future on 22-23 September 2024 at the United "
        "Nations Headquarters in New York, at which resolution 79/1 entitled the “Pact of the "
        "Future” and its annexes was adopted,",
    )


def test_a_decision_s_opening_is_not_counted_in_the_report_s_window():
    assert not same(
        "At its 65th plenary meeting, on 19 December 2016, the General Assembly took note of the "
        "report of the Third Committee.",
        "At its 68th plenary meeting, on 23 December 2016, the General Assembly, on the "
        "recommendation of the Fifth Committee, took note of the report of the Secretary-General "
        "on the United Nations Office for Partnerships.",
    )


def test_one_resolution_recalled_against_another_of_the_same_session_is_another_family():
    assert not same(
        "Recalling its resolution 78/61 of 4 December 2023,",
        "Recalling its resolution 78/85 of 7 December 2023,",
    )
    # A later session's resolution may be the same text's update.
    assert same(
        "Recalling its resolution 77/61 of 7 December 2022,",
        "Recalling its resolution 78/61 of 4 December 2023,",
    )
    # Document symbols of one session in a template are not resolutions recalled.
    deferred = (
        "At its 49th plenary meeting, on 9 December 2021, the General Assembly, on the "
        "recommendation of the Sixth Committee, decided to defer a decision on the request for "
        "observer status for the {} in the Assembly (See A/70/{}.) until the seventy-seventh "
        "session of the Assembly."
    )
    assert same(
        deferred.format("Community of Democracies", "142"),
        deferred.format("Eurasian Economic Union", "141"),
    )


def test_a_report_asked_for_with_the_verb_report_has_its_subject():
    asked = (
        "Requests the Secretary-General to report to the General Assembly at its eightieth session "
        "on the implementation of the present resolution."
    )
    assert not same(
        asked,
        "Requests the Secretary-General to submit to the General Assembly at its seventy-ninth "
        "session an updated report on the matter;",
    )
    assert same(
        asked,
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution;",
    )


def test_conferences_and_meetings_of_other_bodies_are_other_families():
    welcoming = (
        "Welcoming also the results of the {} Annual Conference of the High Contracting Parties "
        "to {}, held in Geneva on {},"
    )
    amended = welcoming.format("Twenty-sixth", "Amended Protocol II", "12 November 2024")
    assert not same(amended, welcoming.format("Seventeenth", "Protocol V", "13 November 2023"))
    assert same(
        amended, welcoming.format("Twenty-fifth", "Amended Protocol II", "13 November 2023")
    )
    # A body's name shortened is the same body ("meetings of the States parties" / "the
    # Twenty-second Meeting of the States Parties").
    invites = (
        "Invites all interested States and relevant non-governmental organizations to attend the "
        "{}, to be held in Geneva from {}, and to participate in the future programme of meetings "
        "of the States parties to the Convention;"
    )
    assert same(
        invites.format("Fifth Review Conference of the Convention", "25 to 29 November 2024"),
        invites.format("Twenty-second Meeting of the States Parties", "1 to 5 December 2025"),
    )


def test_another_act_on_one_committee_named_at_length_is_another_family():
    committee = (
        "the Special Committee on the Situation with regard to the Implementation of the "
        "Declaration on the Granting of Independence to Colonial Countries and Peoples"
    )
    assert not same(
        f"Draws the attention of {committee} to the present resolution.",
        f"Having considered the question of Bermuda and examined the report of {committee} for "
        "2023,",
    )
    assert same(
        f"Draws the attention of {committee} to the present resolution.",
        f"Draws the attention of {committee} to the present resolution;",
    )
    # Another verb keeps a longer paragraph whose names are not a body's.
    instruments = (
        "the Universal Declaration of Human Rights, the International Covenant on Civil and "
        "Political Rights and the Convention on the Rights of the Child, and all relevant "
        "international human rights instruments,"
    )
    assert same(f"Recalling {instruments}", f"Reaffirming {instruments}")


def test_a_body_s_report_on_a_subject_is_another_report():
    notes = (
        "Takes note of the {} by the Secretary-General transmitting the {} of the Joint "
        "Inspection Unit{};"
    )
    assert not same(
        notes.format(
            "note", "report", " on cybersecurity in the United Nations system organizations"
        ),
        notes.format("notes", "reports", ""),
    )
    assert same(notes.format("note", "report", ""), notes.format("notes", "reports", ""))
    # A body's name going on after "on" in capitals is its name, not a subject.
    assert same(
        "Takes note of the report of the Advisory Committee;",
        "Takes note of the report of the Advisory Committee on Administrative and Budgetary "
        "Questions;",
    )


def test_a_decision_s_opening_alone_is_no_version_of_a_decision():
    opening = (
        "At its {} plenary meeting, on {}, the General Assembly, on the recommendation of the "
        "Fifth Committee,"
    )
    alone = opening.format("52nd", "27 December 2019")
    assert not same(
        alone,
        opening.format("50th", "22 December 2018")
        + " took note of the report of the Secretary-General on the financing of the Mission.",
    )
    assert same(alone, opening.format("55th (resumed)", "24 December 2024"))


def test_decisions_that_decided_to_do_other_things_are_other_decisions():
    heading = (
        " under heading A (Promotion of sustained economic growth and sustainable development in "
        "accordance with the relevant resolutions of the General Assembly and recent United "
        "Nations conferences), and to proceed expeditiously with the consideration of a draft "
        "resolution."
    )
    assert not same(
        "At its 103rd plenary meeting, on 13 August 2024, the General Assembly decided to reopen "
        "consideration of agenda item 18 entitled “Sustainable development”," + heading,
        "At the same meeting, the General Assembly decided to consider directly in plenary "
        "meeting agenda item 18 entitled “Sustainable development”," + heading,
    )
    # The recommendation's report in parentheses is part of the opening.
    deferred = (
        "At its {} plenary meeting, on {}, the General Assembly, on the recommendation of the "
        "Sixth Committee{}, decided to defer a decision on the request for observer status for "
        "the Global Environment Facility in the Assembly until the {} session of the Assembly."
    )
    with_report = deferred.format("45th", "15 December 2020", " (A/75/444, para. 7)", "eightieth")
    assert same(with_report, deferred.format("47th", "4 December 2024", "", "eightieth"))
    opening = with_report[: with_report.index(" decided")]
    assert not same(opening, opening + " took note of the report of the Committee.")


def test_the_same_words_in_another_order_keep_the_family():
    reported = (
        "Also requests the Secretary-General to report on the implementation of the present "
        "resolution to the General Assembly at its eighty-first session;"
    )
    submitted = (
        "Also requests the Secretary-General to submit to the General Assembly at its "
        "eighty-second session a report on the implementation of the present resolution;"
    )
    assert same(reported, submitted)
    # Reordered, a request still names its report's subject and its addressee.
    assert not same(
        reported,
        "Also requests the Secretary-General to submit to the General Assembly at its "
        "eighty-second session a report on the financing of the United Nations Mission;",
    )
    assert not same(
        reported,
        "Also requests the Special Committee to submit to the General Assembly at its "
        "eighty-second session a report on the implementation of the present resolution;",
    )


def test_a_report_on_a_subject_acted_on_is_not_that_subject_acted_on():
    sessions = (
        "the {} session of the Conference of the Parties to the United Nations Framework "
        "Convention on Climate Change, the {} session of the Conference of the Parties serving as "
        "the Meeting of the Parties to the Kyoto Protocol and the {} session of the Conference of "
        "the Parties serving as the Meeting of the Parties to the Paris Agreement;"
    )
    looks_forward = "Looks forward to " + sessions.format("thirty-first", "twenty-first", "eighth")
    assert not same(
        looks_forward,
        "Takes note of the report of the Executive Secretary on "
        + sessions.format("twenty-ninth", "nineteenth", "sixth"),
    )
    assert same(
        looks_forward,
        "Looks forward to " + sessions.format("thirtieth", "twentieth", "seventh"),
    )


def test_the_organs_a_report_goes_to_are_not_its_subject():
    calls = (
        "Calls upon the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution;"
    )
    # Round 10: another verb, reordered, the Human Rights Council added as a recipient.
    assert same(
        calls,
        "Requests the Secretary-General to submit a report on the implementation of the present "
        "resolution to the Human Rights Council and to the General Assembly at its eighty-second "
        "session.",
    )
    assert not same(
        calls,
        "Requests the Secretary-General to submit a report on the situation of migrant workers "
        "to the Human Rights Council and to the General Assembly at its eighty-second session.",
    )


def test_reordered_words_count_as_shared_for_the_half_of_the_longer():
    # In order, their words in common are under half of the longer; in any order, most of both.
    assert same(
        "Requests the Secretary-General to submit to the General Assembly at its eighty-first "
        "session a report on the implementation of the present resolution;",
        "Requests the Secretary-General to submit a report on the implementation of the present "
        "resolution to the Human Rights Council and to the General Assembly at its eighty-second "
        "session.",
    )
    # A clause as long as the shared text appended is still another paragraph.
    assert not same(
        "Decides to remain seized of the matter;",
        "Decides to remain seized of the matter and to consider the question of the financing of "
        "the Mission at its resumed session;",
    )


def test_an_edit_under_the_similarity_keeps_its_substance():
    # Round 4: the same statement on universal health coverage, its framing edited (0.667).
    assert same(
        "Acknowledges that universal health coverage implies that all people, including older "
        "persons, have access, without discrimination, to every country's determined sets of "
        "needed promotive, preventive, curative and rehabilitative basic health services and "
        "essential, safe, affordable, effective and quality medicines, while ensuring that the use "
        "of such services does not expose older persons to financial hardship, with a special "
        "emphasis on the poor, vulnerable and marginalized;",
        "Welcomes the renewed commitment in the political declaration of the highlevel meeting on "
        "universal health coverage to achieve universal health coverage, which implies that all "
        "people have access, without discrimination, to nationally determined sets of the needed "
        "promotive, preventive, curative, rehabilitative and palliative essential health "
        "services, and essential, safe, affordable, effective and quality medicines and vaccines, "
        "while ensuring that the use of these services does not expose the users to financial "
        "hardship, with a special emphasis on those who are marginalized;",
    )
    # Round 1: one declaration recalled for one thing and welcomed for another (0.66): the frame
    # is shared, the substance not.
    assert not same(
        "Recalling the political declaration of the high-level political forum on sustainable "
        "development convened under the auspices of the General Assembly (Sustainable Development "
        "Goals Summit), held in New York on 18 and 19 September 2023, in which Member States "
        "confirmed that they remain resolved to ensure the lasting protection of the planet and "
        "its natural resources and committed to reducing disaster risk,",
        "Welcomes the political declaration adopted at the high-level political forum on "
        "sustainable development convened under the auspices of the General Assembly (Sustainable "
        "Development Goals Summit), held in New York on 18 and 19 September 2023, and urges timely "
        "action to ensure its full implementation;",
    )


def test_the_verb_acting_on_a_report_is_the_one_before_it():
    committee = (
        "the report of the Special Committee on the Situation with regard to the Implementation of "
        "the Declaration on the Granting of Independence to Colonial Countries and Peoples for"
    )
    cayman = "Having considered the question of the Cayman Islands and examined"
    turks = "Having considered the question of the Turks and Caicos Islands and examined"
    assert same(f"{cayman} {committee} 2024,", f"Having examined {committee} 2024,")
    assert not same(f"{turks} {committee} 2025,", f"Reaffirms its approval of {committee} 2024;")


def test_a_report_s_subject_set_apart_by_an_aside_is_its_subject():
    frame = (
        "Requests the Secretary-General to submit to the General Assembly at its eightieth session "
        "a report, in accordance with existing rules and procedures, on {}."
    )
    implementation = frame.format("the implementation of the present resolution")
    assert same(
        implementation,
        "Requests the Secretary-General to submit to the General Assembly, at its eightieth "
        "session, an updated report on the implementation of the present resolution.",
    )
    assert not same(implementation, frame.format("the state of South-South cooperation"))


def test_a_request_that_he_act_addresses_the_one_named_before():
    request = (
        "{} submit to the General Assembly at its eighty-first session a report on the "
        "implementation of the present resolution."
    )
    assert same(
        request.format("Also requests the Secretary-General to"),
        request.format("Takes note of the report of the Secretary-General, and requests that he"),
    )
    assert not same(
        request.format("Requests the Special Rapporteur to"),
        request.format("Takes note of the report of the Secretary-General, and requests that he"),
    )


def test_a_paragraph_whose_closing_clause_is_replaced_keeps_the_family():
    request = (
        "Requests the Secretary-General to {} the General Assembly at its {} session {} the "
        "implementation of the present resolution, "
    )
    report = request.format("report to", "eighty-first", "on")
    assert same(
        report + "acknowledging and taking into account existing efforts, both inside and outside "
        "the United Nations, and seeking the views of Member States;",
        report + "including the information provided by Member States pursuant to paragraph 6 "
        "above;",
    )
    submit = request.format("submit to", "{}", "a report on")
    assert not same(
        submit.format("eighty-second") + "and decides to include in the provisional agenda of its "
        "eighty-second session, under the item entitled “Eradication of poverty and other "
        "development issues”, a sub-item entitled “Contribution of the care economy to "
        "sustainable development”.",
        submit.format("eighty-third") + "including data on the evolution of the human and "
        "financial resources of the Centre since its establishment.",
    )


def test_a_document_title_naming_a_conference_is_no_body_s_name():
    recalled = (
        " its resolution 69/313 of 27 July 2015 on the Addis Ababa Action Agenda of the Third "
        "International Conference on Financing for Development,"
    )
    assert same("Reaffirming" + recalled, "Recalling further" + recalled)
    assert not same(
        "Having examined the report of the Special Committee on the Situation with regard to the "
        "Implementation of the Declaration on the Granting of Independence to Colonial Countries "
        "and Peoples,",
        "Draws the attention of the Special Committee on the Situation with regard to the "
        "Implementation of the Declaration on the Granting of Independence to Colonial Countries "
        "and Peoples to the present resolution,",
    )


def test_an_adverb_after_the_opening_verb_does_not_end_the_shared_opening():
    opinion = (
        " the advisory opinion rendered on 9 July 2004 by the International Court of Justice on "
        "the legal consequences of the construction of a wall in the Occupied Palestinian "
        "Territory, and "
    )
    assert same(
        "Recalling also" + opinion + "recalling further its resolutions ES-10/15 of 20 July 2004 "
        "and ES-10/17 of 15 December 2006,",
        "Recalling further" + opinion + "noting in particular the reply of the Court, including "
        "on the right of peoples to self-determination, which is a right erga omnes,",
    )


def test_amendments_naming_other_paragraphs_are_other_families():
    assert not same(
        "Delete the fifteenth preambular paragraph.",
        "Delete the twenty-third preambular paragraph.",
    )
    assert not same("Delete operative paragraph 9", "Delete operative paragraph 22")
    assert same(
        "Delete the twenty-third preambular paragraph.",
        "Delete the twenty-third preambular paragraph",
    )


def test_accreditation_to_another_conference_is_another_decision():
    accredit = (
        "At its {} plenary meeting, on {}, the General Assembly, on the proposal of its President, "
        "taking note of the note by the Secretariat, decided to accredit the organization "
        "identified in the note by the Secretariat and invite it to participate as an "
        "intergovernmental organization in the work of the {}, as an observer."
    )
    ocean = (
        "{} United Nations Conference to Support the Implementation of Sustainable Development "
        "Goal 14: Conserve and sustainably use the oceans, seas and marine resources for "
        "sustainable development"
    )
    least = accredit.format(
        "58th",
        "6 February 2023",
        "Fifth United Nations Conference on the Least Developed Countries",
    )
    assert not same(least, accredit.format("63rd", "29 March 2022", ocean.format("2022")))
    assert same(
        accredit.format("85th", "21 June 2022", ocean.format("2022")),
        accredit.format("69th", "7 May 2025", ocean.format("2025")),
    )


def test_a_formula_negated_is_another_decision():
    set_off = (
        "Decides that, for Member States that have {}fulfilled their financial obligations to the "
        "Mission, there shall be set off against {} their respective share of the unencumbered "
        "balance and other revenue in the amount of 3,657,200 dollars in respect of the financial "
        "period ended 30 June 2023;"
    )
    assert not same(
        set_off.format("not ", "their outstanding obligations"),
        set_off.format("", "the apportionment"),
    )
    freedom = (
        "Stresses that everyone has the right to freedom of thought, conscience and religion or "
        "belief, which includes the freedom to have {}, or to adopt, a religion or belief of one's "
        "own choice;"
    )
    assert same(freedom.format("or not to have"), freedom.format("or to adopt"))


def test_a_list_of_two_resolutions_against_a_longer_list_of_others_is_another_family():
    assert not same(
        "Recalling also its resolutions 68/50 of 5 December 2013, 77/40, 77/41 and 77/42 of "
        "7 December 2022 and 77/250 of 30 December 2022,",
        "Recalling its resolutions 74/64 of 12 December 2019 and 76/45 of 6 December 2021,",
    )
    assert same(
        "Recalling its resolutions 74/64 of 12 December 2019 and 76/45 of 6 December 2021,",
        "Recalling its resolutions 76/45 of 6 December 2021 and 78/30 of 4 December 2023,",
    )


def test_lists_of_other_instruments_are_other_families():
    assert not same(
        "Reaffirming the Universal Declaration of Human Rights, the Convention on the Rights of "
        "Persons with Disabilities and the Optional Protocol thereto, the Convention on the "
        "Elimination of All Forms of Discrimination against Women, the Convention on the Rights of "
        "the Child, the International Convention on the Elimination of All Forms of Racial "
        "Discrimination and all other relevant international human rights instruments,",
        "Recalling also the Universal Declaration of Human Rights, the International Covenant on "
        "Civil and Political Rights, the International Covenant on Economic, Social and Cultural "
        "Rights, the Convention on the Elimination of All Forms of Discrimination against Women, "
        "the Convention on the Rights of Persons with Disabilities and the International "
        "Convention on the Elimination of All Forms of Racial Discrimination,",
    )
    assert same(
        "Reaffirming also the Paris Agreement and encouraging all its parties to fully implement "
        "the Agreement, and parties to the United Nations Framework Convention on Climate Change "
        "that have not yet done so to deposit their instruments of ratification, acceptance, "
        "approval or accession, where appropriate, as soon as possible,",
        "Reaffirming further the Paris Agreement4and its early entry into force, encouraging all "
        "its parties to fully implement the Agreement, and parties to the United Nations "
        "Framework Convention on Climate Change5 that have not yet done so to deposit their "
        "instruments of ratification, acceptance, approval or accession, where appropriate, as "
        "soon as possible,",
    )


def test_a_report_s_date_before_its_author_is_no_other_author():
    noted = "Taking note also of the report {} submitted pursuant to paragraph 57 of the report of "
    assert same(
        noted.format("of 31 May 2023 of the Commissioner-General,")
        + "the Secretary-General and in follow-up to the update to the special report of 3 August "
        "2015 of the Commissioner-General, regarding the severe financial crisis of the Agency and "
        "the negative implications for the continued delivery of core programmes,",
        noted.format("of the Commissioner-General of 31 May 2023,")
        + "the Secretary-General, and expressing concern regarding the severe financial crisis of "
        "the Agency and the negative implications for the continued delivery of core programmes,",
    )
    assert not same(
        "Taking note of the report of 31 May 2023 of the Commissioner-General,",
        "Taking note of the report of 31 May 2023 of the Board of Auditors,",
    )


def test_a_deferral_that_includes_the_item_in_the_next_agenda_includes_it():
    item = (
        "the sub-item entitled “Strengthening the role of mediation in the peaceful settlement of "
        "disputes, conflict prevention and resolution” of the item entitled “Prevention of armed "
        "conflict”"
    )
    assert same(
        "At its 102nd plenary meeting, on 9 September 2021, the General Assembly decided to defer "
        f"consideration of {item} and to include it in the draft agenda of its seventy-sixth "
        "session.",
        "At its 108th plenary meeting, on 6 September 2024, the General Assembly decided to "
        f"include {item} in the draft agenda of its seventy-ninth session.",
    )
    heading = (
        "agenda item 23 entitled “Operational activities for development”, under heading A "
        "(Promotion of sustained economic growth and sustainable development in accordance with "
        "the relevant resolutions of the General Assembly and recent United Nations conferences)"
    )
    assert not same(
        "At its 23rd plenary meeting, on 28 October 2021, the General Assembly decided to consider "
        f"directly in plenary meeting {heading}, and to proceed expeditiously with the "
        "consideration of a draft decision.",
        "At its 99th plenary meeting, on 1 September 2023, the General Assembly decided to reopen "
        f"consideration of {heading}, and to proceed expeditiously with the consideration of a "
        "draft decision.",
    )


def test_another_act_on_the_same_title_is_another_paragraph():
    title = (
        "“Agreement under the United Nations Convention on the Law of the Sea on the Conservation "
        "and Sustainable Use of Marine Biological Diversity of Areas beyond National Jurisdiction”"
    )
    include = (
        "Decides to include in the provisional agenda of its {} session, under the item entitled "
        f"“Oceans and the law of the sea”, the sub-item entitled {title}."
    )
    recall = f"Recalling its resolution 77/321 of 1 August 2023 entitled {title},"
    assert not same(include.format("seventy-ninth"), recall)
    assert same(include.format("seventy-ninth"), include.format("eightieth"))
    assert same(recall, f"Recalls its resolution 77/321 of 1 August 2023 entitled {title};")


def test_numbers_inside_document_symbols_are_no_resolutions_of_a_list():
    decision = (
        "At its {} plenary meeting, on {}, the General Assembly, on the recommendation of the "
        "First Committee, recalling its resolutions 75/240 of 31 December 2020 and 76/19 of 6 "
        "December 2021, noting that the open-ended working group on security of and in the use of "
        "information and communications technologies established pursuant to resolution 75/240 "
        "had held its {} substantive session, and recalling that the working group had decided to "
        "include in its report the outcome of its discussions as contained in the annex to "
        "document {} and had issued a compendium of statements as document {}: Decided to "
        "endorse the annual progress report and to include in the provisional agenda of its {} "
        "session the item entitled “Developments in the field of information and "
        "telecommunications in the context of international security”."
    )
    earlier = decision.format(
        "46th", "7 December 2022", "third", "A/77/275", "A/AC.292/2022/INF/4", "seventy-eighth"
    )
    later = decision.format(
        "50th", "22 December 2023", "fifth", "A/78/265", "A/AC.292/2023/INF/5", "seventy-ninth"
    )
    assert wording_of(earlier).resolutions == {"75/240", "76/19"}
    assert wording_of("Recalling its resolution A/RES/78/18,").resolutions == {"78/18"}
    assert same(earlier, later)


def test_reports_containing_other_things_are_other_reports():
    considered = (
        "Having considered chapter IV of the report of the International Law Commission on the "
        "work of its {} session, which contains the draft articles on {},"
    )
    crimes = considered.format(
        "seventy-first", "prevention and punishment of crimes against humanity"
    )
    assert not same(crimes, considered.format("sixty-sixth", "the expulsion of aliens"))
    assert same(
        crimes,
        considered.format("seventy-third", "prevention and punishment of crimes against humanity"),
    )


def test_reports_submitted_pursuant_to_other_resolutions_of_one_session_are_other_reports():
    noted = "Takes note of the report of the Secretary-General submitted pursuant to resolution {};"
    assert not same(noted.format("77/127"), noted.format("77/45"))
    assert same(noted.format("77/127"), noted.format("78/120"))  # a later session's: an update
    assert same(noted.format("77/127"), "Takes note of the report of the Secretary-General;")


def test_the_shorter_found_whole_in_half_of_the_longer_is_the_other_plus_a_clause():
    request = (
        "Requests the Secretary-General to report to the General Assembly at its eighty-first "
        "session on the implementation of the present resolution"
    )
    assert not same(
        request + ".",
        request + ", acknowledging and taking into account existing efforts, both inside and "
        "outside the United Nations, and seeking the views of Member States;",
    )
    assert same(request + ".", request + ", including on the activities of the Office;")


def test_a_footnote_marker_glued_to_a_report_s_author_is_no_part_of_the_name():
    considered = (
        "Having considered the report{} of the Secretary-General{} and the related report{} of "
        "the Advisory Committee,{}"
    )
    assert same(considered.format("", "36", "", "37"), considered.format("s", "52", "s", "53"))
    assert wording_of("the report of the Secretary-General36 and of the G20").body == (
        "the report of the Secretary-General and of the G20"
    )
    assert not same(
        considered.format("", "36", "", "37"),
        considered.format("", "", "", "").replace("Secretary-General", "Board of Auditors12"),
    )


def test_declarations_of_meetings_on_other_subjects_are_other_declarations():
    adopts = (
        "Adopts the political declaration of the high-level meeting on {}, held on {} in "
        "accordance with its resolution {}, as contained in the annex to the present resolution."
    )
    tuberculosis = adopts.format(
        "the fight against tuberculosis", "22 September 2023", "77/274 of 24 February 2023"
    )
    assert not same(
        tuberculosis,
        adopts.format("universal health coverage", "21 September 2023", "75/315 of 17 August 2021"),
    )
    assert same(
        tuberculosis,
        adopts.format(
            "the fight against tuberculosis", "26 September 2018", "72/268 of 6 April 2018"
        ),
    )
    # a meeting named by its date names no subject
    assert same(
        "Recalling the high-level meeting on 8 September 2017 on the appraisal of the Plan,",
        "Recalling the high-level meeting on 11 September 2017 on the appraisal of the Plan,",
    )


def test_the_composition_of_other_bodies_is_another_family():
    composed = (
        "As a result, as of 1 January {}, the {} is composed of the following {} Member States: {}."
    )
    council = composed.format(
        "2019",
        "Security Council",
        "15",
        "BELGIUM, CHINA, DOMINICAN REPUBLIC, EQUATORIAL GUINEA,* FRANCE, GERMANY, "
        "INDONESIA, KUWAIT,* PERU,* POLAND,* RUSSIAN FEDERATION, SOUTH AFRICA, UNITED KINGDOM OF "
        "GREAT BRITAIN AND NORTHERN IRELAND and UNITED STATES OF AMERICA",
    )
    states = (
        "BANGLADESH, BELGIUM, BRAZIL, CANADA, CHINA,* COLOMBIA, EGYPT, FRANCE,* "
        "GERMANY, INDIA, INDONESIA, JAPAN, KENYA, MEXICO, NIGERIA, RUSSIAN FEDERATION,* SOUTH "
        "AFRICA, UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND* and UNITED STATES OF "
        "AMERICA*"
    )
    peacebuilding = "Organizational Committee of the Peacebuilding Commission"
    assert not same(council, composed.format("2018", peacebuilding, "30", states))
    # the same body's composition updated is one family
    assert same(
        composed.format("2020", peacebuilding, "30", states),
        composed.format("2018", peacebuilding, "31", states.replace("BRAZIL, ", "")),
    )


def test_an_agenda_updated_is_no_list_of_other_instruments():
    remained = (
        "At its {} plenary meeting, on {}, the General Assembly, apart from organizational matters "
        "and items that might have to be considered by operation of the rules of procedure of the "
        "Assembly, {} the following agenda items {} for consideration during its {} session: {}"
    )
    items = [
        "Report of the Economic and Social Council",
        "Implementation of the Declaration of Commitment on HIV/AIDS and the political "
        "declarations on HIV/AIDS",
        "Sport for development and peace",
        "Culture of peace",
        "Report of the Security Council",
        "The role of diamonds in fuelling conflict",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "Elimination of racism, racial discrimination, xenophobia and related intolerance: "
        "comprehensive implementation of and follow-up to the Durban Declaration and Programme of "
        "Action",
        "Cooperation between the United Nations and the Collective Security Treaty Organization",
        "Revitalization of the work of the General Assembly",
    ]
    # the agenda of 2020 numbers its items "9. Report ... .", that of 2016 "Item 9 Report ..."
    assert same(
        remained.format(
            "48th", "31 December 2020", "took note of", "that remained", "seventy-fifth",
            " ".join(f"{n}. {item}." for n, item in enumerate(items[1:], start=10)),
        ),
        remained.format(
            "68th", "23 December 2016", "decided that", "remained", "seventy-first",
            " ".join(f"Item {n}. {item}" for n, item in enumerate(items[:-1], start=9)),
        ),
    )  # fmt: skip
    # instruments named before the list still tell lists of others apart
    assert not same(
        "Reaffirming the Universal Declaration of Human Rights, the Convention on the Rights of "
        "the Child and the Convention against Torture, and recalling the following items:",
        "Reaffirming the Universal Declaration of Human Rights, the International Covenant on "
        "Civil and Political Rights and the Convention on the Rights of Persons with "
        "Disabilities, and recalling the following items:",
    )


def test_a_determination_is_another_act_than_noting_the_same_situation():
    situation = (
        "that the situation in the Democratic Republic of the Congo continues to {} a threat to "
        "international peace and security in the region,"
    )
    determining = "Determining " + situation.format("constitute")
    assert not same(determining, "Noting " + situation.format("pose"))
    assert not same(
        "Determining that the situation in Mali continues to constitute a threat to international "
        "peace and security in the region,",
        "Recognizing that the current situation in Abyei and along the border between the Sudan "
        "and South Sudan continues to constitute a threat to international peace and security,",
    )
    # a determination for another situation is the Council's template with one name changed
    assert same(
        determining,
        "Determining "
        + situation.replace("Democratic Republic of the Congo", "Sudan").format("constitute"),
    )
