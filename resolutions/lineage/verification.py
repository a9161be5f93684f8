"""Whether two paragraphs are versions of one text: the family decision (docs/lineage.md).

Pure Python (no django). LSH finds candidates; this verifies them by the labelling rules (2 to 6
are asked only of pairs that 1, 7 and 8 find alike, the costlier parts of a wording being read
when first needed):

1. footnote references ("12 United Nations, Treaty Series, vol. 75"; "See A/77/53") are one
   family only when they cite the same documents (the same numbers and symbols), however the
   other side is worded ("General Assembly resolution 69/313, annex" / "Resolution 69/313, annex");
2. lists of resolutions (a number inside another document's symbol, "A/77/275",
   "A/AC.292/2022/INF/4", being none; a list being resolutions named one after another with their
   dates or subjects between, where one each cited in a clause of its own, "in accordance with the
   levels updated in its resolution 79/250 ..., as set out in its resolution 79/249", makes none),
   three or more on one side and two or more on the other, are one family only when half of them are
   shared, unless both give most of their resolutions a subject ("78/132 of 19 December 2023 on
   information and communications technologies ..."): then the subjects, in the words, decide (a
   list updated to each subject's latest resolution); two paragraphs each naming one resolution, of
   one session and not the same ("its resolution 78/61" / "78/85"), or each a list of two of the
   same sessions, none in common ("78/240 ... and 79/60" / "78/241 ... and 79/62"), cite different
   documents, and so do two reports each submitted pursuant to one ("submitted pursuant to
   resolution 77/127" / "77/45"); lists of three or more instruments each naming two the other does
   not ("the Universal Declaration ..., the Convention on the Rights of the Child ..." / "... the
   International Covenant on Civil and Political Rights ...") are lists of others (the titles in a
   list of agenda items, "the following agenda items remained for consideration: ... Implementation
   of the Declaration of Commitment on HIV/AIDS ...", being the agenda's items, not instruments
   listed), and amendments naming other paragraphs ("Delete the fifteenth preambular paragraph." /
   "... the twenty-third ...") change other things;
3. two paragraphs each naming a quoted title the other does not name (TITLE_MATCH, small words
   left out: “The Pact for the Future” is “Pact of the Future”) are about different things
   ("... the sub-item entitled “Cooperation between the United Nations and the Shanghai
   Cooperation Organization”" / "... and the Collective Security Treaty Organization”"), and two
   naming titles with other opening verbs, their words outside the titles alike under
   FRAME_MATCH, do other things with them ("Decides to include in the provisional agenda ... the
   sub-item entitled “Agreement under ...”" / "Recalling its resolution 77/321 ... entitled
   “Agreement under ...”");
4. a short paragraph (SHORT_WORDS or fewer, a body's long name counted as one word, a name
   being a body's where its head names one, "the Special Committee on ...", not a document's
   title naming one after its head, "the Addis Ababa Action Agenda of the Third International
   Conference ...": "Draws the
   attention of the Special Committee on the Situation with regard to ... to the present
   resolution" / "Having ... examined the report of the Special Committee ...") with another
   opening verb does something else, and so does a paragraph acting on a report ("Reaffirms its
   approval of the report of ..." / "Having examined the report of ..."), however long the
   report's name, the verb acting on a report being the one before it ("Having considered the
   question of the Cayman Islands and examined the report ...": "examined"); a report asked for
   ("Calls upon the Secretary-General to submit ... a report" / "Requests ...") is not acted on;
   a paragraph acting on a report on a subject and one acting with another verb on no report do
   other things ("Takes note of the report of the Executive
   Secretary ... on the twenty-ninth session of the Conference of the Parties ..." / "Looks
   forward to the thirty-first session of the Conference of the Parties ..."); a decision's
   opening alone ("At its 52nd plenary meeting, on
   ..., the General Assembly, on the recommendation of the Fifth Committee,", a paragraph of its
   own where a decision is split there) decides nothing and is no version of a decision, and two
   decisions that decided to do other things ("decided to reopen sub-item (b) ..." / "decided to
   consider directly in plenary meeting agenda item 19 ...": neither's first act among the
   other's, where "decided to defer ... and to include it in the draft agenda" includes it) are
   other decisions; paragraphs naming different bodies whose members are appointed, whose
   session, conference or meeting is held, in whose work one is invited to participate ("... to
   participate as an intergovernmental organization in the work of the Fifth United Nations
   Conference on the Least Developed Countries" / "... of the 2022 United Nations Conference to
   Support ..."), or which meeting, named by its subject, is held ("the political declaration of
   the high-level meeting on the fight against tuberculosis" / "... on universal health
   coverage"), or whose members are listed ("the Security Council is composed of the following 15
   Member States: ..." / "the Organizational Committee of the Peacebuilding Commission is composed
   of ..."), or what is proclaimed ("11 June as the International Day of Play" / "24 May the
   International Day of the Markhor"), or what all are invited to observe ("World Duchenne
   Awareness Day" / "the International Day of the Markhor"), or what the resolutions recalled
   concern ("its previous
   resolutions ... concerning Yemen" / "... concerning the situation in Sierra Leone"; "its
   previous resolutions on the subject of chemical weapons" / "... on the subject", its own
   document's, unnamed), or on
   whose recommendation a decision is taken
   ("appointed ... as a member of the Committee on Contributions" / "... of the Board of
   Auditors"; "the sixth session of the United Nations Environment Assembly" / "... of the
   United Nations Habitat Assembly"; "the
   Annual Conference of the High Contracting Parties to Amended Protocol II" / "... to Protocol
   V"; "on the recommendation of the Second Committee" / "... of the Third Committee") are about
   different things, a name shortened ("the States parties" / "the States Parties to the
   Convention") being the same body, and a meeting, conference or session of an instrument named
   in full on one side ("the third Review Conference of the Convention on Cluster Munitions") and
   only as "the Convention", its own document's, on the other ("the Twenty-first Meeting of the
   States Parties to the Convention") being another instrument's; and a paragraph that says "not"
   where the other says the
   same words without it ("Member States that have not fulfilled their financial obligations" /
   "... that have fulfilled ...") decides the opposite, and one that determines ("Determining
   that the situation in the Democratic Republic of the Congo continues to constitute a threat
   to international peace and security in the region") does what one saying the same with
   another verb ("Noting that ...", "Recognizing that ...") does not, however long the two, and
   a decision on a sub-item ("decided to reopen consideration of sub item (b) entitled ... of
   agenda item 25") is another than one on its whole item ("... of agenda item 25 entitled
   ...");
5. requests addressed to different actors are different requests ("Requests the
   Secretary-General to report ..." / "Requests the Special Committee ... to report ...": no
   addressee, as lineage/addressees.py reads them, in common);
6. paragraphs acting on different reports (named in their first REPORT_OBJECT_WITHIN words,
   a decision's opening "At its 68th plenary meeting, on ..., the General Assembly, on the
   recommendation of the Fifth Committee," and the organs and sessions it is asked for, "to the
   General Assembly and the Human Rights Council at their ... sessions, respectively,", not
   counted; a report "entitled" a title has that title as its subject; a note by an author,
   "the note by the
   Secretary-General on the financing arrangements for ...", is one, a note on a report acting on
   that report) are different: another author ("took note of the report of the Third Committee" /
   "... of the International Court of Justice"; the year a report covers, "the report of the Unit
   for 2023", no part of it), an
   office's or a body's report with and without a subject ("the report of the Secretary-General" /
   "... on the implementation of resolution 79/16"; "the reports of the Joint Inspection Unit" /
   "... on cybersecurity ...", where a body's name going on in capitals after "on", "the Advisory
   Committee on Administrative and Budgetary Questions", is its name), or subjects with little
   in common ("a report on the implementation of the present resolution" / "an updated report on
   the matter"; one template with its name changed, "the financing of the United Nations Interim
   Force in Lebanon" / "the financing arrangements for the United Nations Support Office in
   Haiti", being one subject; a report asked for with the verb, "to report to the General
   Assembly ... on the implementation of ...", has its subject too, and so has one whose subject
   follows an aside, "a report, in accordance with existing rules and procedures, on ..."), or
   contents with little in
   common, their substance words compared ("the report of the International Law Commission on the
   work of its seventy-first session, which contains the draft articles on prevention and
   punishment of crimes against humanity" / "..., which contains the draft articles on the
   expulsion of aliens"); where a report comes from
   ("prepared pursuant to resolution 77/237", "submitted in pursuance of resolution 79/90") and
   the organs it goes to ("... on the implementation of the present resolution to the Human Rights
   Council and to the General Assembly") are left out of the comparison;
7. the words in common (in order, or in any order where the words are reordered as in 8) must be
   at least half of the longer paragraph's (a clause as long as the shared text appended makes
   another paragraph, and so does one as long as the shorter paragraph found whole in the longer);
8. then: word similarity at FAMILY_THRESHOLD or above, the shorter paragraph found in the
   longer at CONTAINED_THRESHOLD or above, or the same words in another order (their multisets
   alike at REORDERED_THRESHOLD: "to report on the implementation of the present resolution to
   the General Assembly at its eighty-first session" / "to submit to the General Assembly at its
   eighty-first session a report on the implementation of the present resolution"), or an edit:
   word similarity at EDITED_THRESHOLD or above with the substance (the words other than
   FUNCTION_WORDS) alike in any order at SUBSTANCE_MATCH, or its closing clause replaced: the
   two open with the same words (after a decision's opening, an adverb after the verb left out:
   "Recalling also" / "Recalling further") for at least half of the longer ("Requests the
   Secretary-General to report ... on the implementation of the present resolution,
   acknowledging ..." / "..., including the information provided ..."), or the same report asked
   of the same addressees, other clauses around it ("Requests the Secretary-General to submit ...
   a report on the implementation of the present resolution, with a particular focus on ..." /
   "... a report, in accordance with existing rules and procedures, on the implementation of the
   present resolution and including specific recommendations ...": what a report is to include
   ends its subject), or the same resolutions named with the same quoted titles, their verbs
   and descriptions reworded ("Reaffirming its resolution 70/1 ..., entitled “Transforming our
   world: ...”, by which it adopted ..." / "Recalling its resolution 70/1 ..., entitled ...,
   reaffirming its commitment to ...": one recall edited, which rule 3's frames do not part).

Words compare with dates, session ordinals and numbers masked ("eightieth session" and
"seventy-ninth session" agree), so an updated date or session does not break a family. The
thresholds and rules were tuned on the tuning pairs of tests/lineage/data/labelled_pairs.json
(round 1's even ids, rounds 3 to 10 and 12 to 23, each of the last nineteen after its blind
score).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from rapidfuzz.distance import Indel

from resolutions.parsing.dates import MONTH_PATTERN

from .addressees import addressee_windows, addressees_in

FAMILY_THRESHOLD = 0.67
CONTAINED_THRESHOLD = 0.8
REORDERED_THRESHOLD = 0.8
EDITED_THRESHOLD = 0.63
SUBSTANCE_MATCH = 0.69
SHORT_WORDS = 15
MIN_SHARED_OF_LONGER = 0.5
TITLE_MATCH = 0.8
# Two paragraphs with other opening verbs whose words outside their quoted titles are alike
# under this do other things with what they name.
FRAME_MATCH = 0.5
TITLE_SMALL_WORDS = frozenset({"the", "of", "for", "a", "an", "and", "on", "in", "to"})
MIN_LISTED_RESOLUTIONS = 3
# A list of two resolutions is read against a list of MIN_LISTED_RESOLUTIONS or more.
SHORTEST_LIST = 2
OPENING_CHARS = 120
REPORT_OBJECT_WITHIN = 22
AUTHOR_MATCH = 0.8
# Bodies, whose name may go on with "on" ("the Advisory Committee on Administrative and Budgetary
# Questions"), where an office's report "on" something names its subject.
BODIES = frozenset(
    {"committee", "commission", "council", "conference", "board", "court", "group", "forum",
     "unit", "tribunal"}
)  # fmt: skip
SUBJECT_MATCH = 0.5
# A body's name going on after "on" in capitalized words ("the Advisory Committee on
# Administrative and Budgetary Questions"), where a subject goes on in small letters ("the Joint
# Inspection Unit on cybersecurity in the United Nations system organizations").
BODY_NAME_GOES_ON_RE = re.compile(r"(?:the\s+)?[A-Z]")

NUMBER = "#"
# A name in a report's subject, read as one word (`Wording.report_frame`).
NAME = "name"
NUMBER_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
        hundred first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
        thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth january
        february march april may june july august september october november december""",
    )
)
# Words that carry no substance of their own: what is left is what a paragraph is about.
FUNCTION_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        """the a an of and or to in on for with by at as from into within upon under between
        among about against through its it their they them this that these those which who whom
        whose is are be been being was were has have had all any each other such also""",
    )
)
# Words that make a "not" after them one side of an alternative ("or not", "but not").
ALTERNATIVES = frozenset({"or", "but", "and"})
# Words that open the name of what a verb acts on ("examined the report", "its approval of").
DETERMINERS = frozenset({"the", "its", "his", "her", "their"})
LEADING_ADVERBS = frozenset({"also", "further", "again", "once", "strongly", "moreover", "having"})
WORD_RE = re.compile(r"[a-z]+|\d+")
FOOTNOTE_MARKER_RE = re.compile(r"^\s*\d{1,3}\s+(?=\S)")
# A footnote marker glued to the end of a word, its note's text not printed with the paragraph
# ("the report of the Secretary-General36"): no part of the word ("G20", "CO2" keep theirs).
GLUED_MARKER_RE = re.compile(r"(?<=[a-z])\d{1,3}(?![\w/])")
CITATION_RE = re.compile(
    r"^(see\b|ibid\b|united nations, treaty series|official records|resolution \d|[a-z]{1,4}/\d)",
    re.IGNORECASE,
)
REFERENCE_RE = re.compile(r"\b[A-Z]{1,4}(?:/[A-Za-z0-9.]+)+|\d+(?:/\d+)*")
# A resolution's number ("77/237", "A/RES/78/18"), not a number inside another document's symbol
# ("A/77/275", "A/AC.292/2022/INF/4").
RESOLUTION_RE = re.compile(r"(?:(?<![/.\w])|(?<=RES/))\d{1,3}/\d{1,4}(?![/\w])")
# What may stand between two resolutions of one list: their dates, subjects ("on information and
# communications technologies ..."), "and", "as well as", "in particular", "resolution(s)",
# "decision(s)", a symbol's "A/RES/". A resolution cited in a clause of its own ("in accordance
# with the levels updated in its resolution 79/250 ..., taking into account the scale of
# assessments ..., as set out in its resolution 79/249") is no part of a list.
LIST_GAP_RE = re.compile(
    r"(?:\s+|[,;]|\band\b|\bas well as\b|\bin particular\b|\bincluding\b|\b(?:its|the)\b"
    r"|\b[A-Z]\b|\bof \d{1,2} [A-Z][a-z]+ \d{4}\b|\b(?:resolutions?|decisions?)\b|\bA/RES/"
    r"|\bon [^,;]*)*"
)
# A listed resolution with its subject ("78/132 of 19 December 2023 on information and ...").
RESOLUTION_ON_RE = re.compile(r"\b\d{1,3}/\d{1,4}(?: [A-Z])? of \d{1,2} [A-Z][a-z]+ \d{4},? on\b")
# A resolution named as such ("its resolution 78/61"), not a document symbol ("A/70/142").
NAMED_RESOLUTION_RE = re.compile(r"\bresolution (\d{1,3})/(\d{1,4})\b")
QUOTED_RE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
# "prepared pursuant to its resolution 845 (IX) of 22 November 1954", "submitted in pursuance of
# resolution 79/90": where a report comes from.
QUALIFIER_RE = re.compile(
    r",?\s*\b(?:prepared|submitted) (?:pursuant to|in pursuance of) [^,;:]*", re.IGNORECASE
)
# A report asked for ("Requests the Secretary-General to submit ... a report on"), not acted on.
REQUESTED_RE = re.compile(r"\bto (?:submit|present|prepare|provide|transmit|issue|include)\b")
# A body's name: capitalized words joined by small words.
BODY_NAME = r"[A-Z][\w\u2019'-]*(?:\s+(?:(?:of|on|for|and|the|to)\s+)*[A-Z][\w\u2019'-]*)*"
# The bodies a paragraph names by their part in it: whose members are appointed or elected ("as a
# member of the Committee on Contributions"), whose session, conference or meeting is held ("the
# sixth session of the United Nations Environment Assembly"), on whose recommendation a
# decision is taken ("on the recommendation of the Second Committee"): a BODY_NAME.
NAMED_BODY_RE = re.compile(
    r"\b(?:as (?:an? )?(?:\w+ )?)?"
    r"(?P<role>member|session|recommendation|[Cc]onference|[Mm]eeting)s? of the "
    rf"(?P<body>{BODY_NAME})"
)
# The roles of NAMED_BODY_RE that name an event held: an instrument's named in full on one side
# and only as "the Convention" (its own document's) on the other are other instruments' events.
EVENT_ROLES = frozenset({"meeting", "conference", "session"})
# The body in whose work an organization or State is invited to participate ("invited it to
# participate as an intergovernmental organization in the work of the Fifth United Nations
# Conference on the Least Developed Countries"; "the 2022 United Nations Conference ...").
PARTICIPATION_RE = re.compile(
    rf"\bparticipat\w*\b[^;:]*?\bin the work of the (?P<body>(?:\d{{4}} )?{BODY_NAME})"
)
# The body whose members a paragraph lists ("the Security Council is composed of the following 15
# Member States: ..." / "the Organizational Committee of the Peacebuilding Commission is composed
# of ..."): its composition, however many States the lists share.
COMPOSED_RE = re.compile(rf"\bthe (?P<body>{BODY_NAME}) (?:is|are|was|were|shall be) composed of\b")
# What a paragraph proclaims, named without quotes ("Decides to proclaim 11 June as the
# International Day of Play" / "... 24 May the International Day of the Markhor"): other days,
# years or decades proclaimed, however much of the frame the two share.
PROCLAIMED_RE = re.compile(rf"\bproclaim\w*\s+(?:[^;:,“\"]*?\s)?the (?P<body>{BODY_NAME})")
# What a paragraph invites all to observe, named without quotes ("to observe World Duchenne
# Awareness Day in an appropriate manner" / "to observe the International Day of the Markhor"):
# other days observed, however much of the invitees' frame the two share.
OBSERVED_RE = re.compile(rf"\bto observe (?:the )?(?P<body>{BODY_NAME})")
# What the resolutions a paragraph recalls concern, named without quotes ("its previous
# resolutions and the statements of its President concerning Yemen" / "... concerning the
# situation in Sierra Leone"): resolutions on other situations or countries, other documents.
CONCERNING_RE = re.compile(
    r"\bresolutions\b[^;:]*?\bconcerning (?:the (?:situation|question) (?:in|of) )?(?:the )?"
    rf"(?P<body>{BODY_NAME})"
)
# What a paragraph says it is on: "its previous resolutions on the subject of chemical weapons",
# or, unnamed, its own document's subject ("on the subject", "on the question"): a subject named
# on one side only is another.
ON_THE_SUBJECT_RE = re.compile(r"\bon the (?:subject|question|issue|matter)\b(?P<named> of\b)?")
# A sub-item of an agenda item ("sub-item (b) entitled “South-South cooperation for development”
# of agenda item 25"): a decision on it is another than one on the whole item.
SUB_ITEM_RE = re.compile(r"\bsub[- ]?items?\b", re.IGNORECASE)
# A meeting named by its subject, in small letters ("the high-level meeting on the fight against
# tuberculosis, held on ..."), not by its date ("the meeting on 8 September 2017").
MEETING_ON_RE = re.compile(
    r"\bmeeting on (?P<subject>[A-Za-z][^,;:.()“\"]*?)"
    r"(?=\s+(?:held|to be held|convened|in accordance|at|on|by|and|of|to|in|as)\b|\s*[,;:.()“\"]|$)"
)
# The things a paragraph names beside NAMED_BODY_RE's roles, one role each: (role, a word that
# must be there, the pattern, its group naming the thing). Two paragraphs naming other things
# in one role are other families.
NAMED_THINGS: tuple[tuple[str, str, re.Pattern[str], str], ...] = (
    ("participation", "participat", PARTICIPATION_RE, "body"),
    ("composition", "composed of", COMPOSED_RE, "body"),
    ("concerning", "concerning", CONCERNING_RE, "body"),
    ("proclaimed", "proclaim", PROCLAIMED_RE, "body"),
    ("observed", "to observe", OBSERVED_RE, "body"),
    ("meeting on", "meeting on", MEETING_ON_RE, "subject"),
)
# A determination ("Determining that the situation in Mali continues to constitute a threat to
# international peace and security", "Determines once more that ..."): an act of its own, which
# noting or recognizing the same situation is not.
DETERMINATION_RE = re.compile(r"(?:[A-Z]\w* )?[Dd]etermin(?:es|ing) (?:\w+ ){0,2}?that\b")
# What a decision decided to do: "decided to [further] reopen", "decided to consider".
DECIDED_TO_RE = re.compile(r"decided to (?:(?:further|also|again|once|then) )*(?P<verb>[a-z]+)")
# A further act of the same decision: "decided to defer consideration of ... and to include it in
# the draft agenda of its seventy-sixth session".
AND_TO_RE = re.compile(r"\band to (?:(?:further|also|again|once|then) )*(?P<verb>[a-z]+)")
# A name of several capitalized words joined by small words.
NAME_RE = re.compile(
    r"\b[A-Z][\w\u2019'-]*(?:\s+(?:(?:of|on|for|and|the|to|with|regard)\s+)*[A-Z][\w\u2019'-]*)+"
)
# A name's head: its capitalized words before the first small word ("Special Committee" of "Special
# Committee on the Situation with regard to ...").
NAME_HEAD_RE = re.compile(r"[\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]*)*")
# A paragraph of a text named by its place ("the fifteenth preambular paragraph", "operative
# paragraph 9"), as an amendment names what it changes: the place is its substance, not a session.
PARAGRAPH_PLACE_RE = re.compile(
    r"\b(?:the (?P<ordinal>[a-z]+(?:-[a-z]+)?) (?P<kind>preambular|operative) paragraph"
    r"|(?P<kind2>preambular|operative) paragraph (?P<number>\d+))\b",
    re.IGNORECASE,
)
# A named instrument ("the Convention on the Rights of the Child", "the International Covenant on
# Civil and Political Rights", "the Convention against Torture and Other Cruel ...").
INSTRUMENT_RE = re.compile(
    r"\b(?:[A-Z][\w\u2019'-]* )*(?:Convention|Covenant|Declaration|Protocol|Charter|Treaty|"
    r"Agreement|Statute)(?:\s+(?:(?:of|on|for|and|the|to|with|against|regard|in)\s+)*"
    r"[A-Z][\w\u2019'-]*)*"
)
# A list of agenda items ("decided that the following agenda items remained for consideration
# during its seventy-first session: Item 9. ..."), whose titles name instruments as the agenda's
# items ("Implementation of the Declaration of Commitment on HIV/AIDS ...").
AGENDA_LIST_RE = re.compile(r"\bthe following (?:agenda )?items\b[^:;]*:")
# Lists of instruments that each name this many the other does not are lists of others.
OTHER_INSTRUMENTS = 2
# A decision's opening, not counted in the report's window: "At its 68th plenary meeting, on 23
# December 2016, the General Assembly, on the recommendation of the Fifth Committee[ (A/75/441,
# para. 7)],".
DECISION_OPENING_RE = re.compile(
    r"(?:[A-Z] )?At (?:its|the same)\b[^;:]*?\bthe General Assembly,?"
    r"(?: on the recommendation of the [^,;:(]*(?:\([^)]*\)[^,;:(]*)*,)?\s*"
)
# The organs a report is submitted to, which end its subject ("a report on the implementation of
# the present resolution to the Human Rights Council and to the General Assembly").
RECIPIENT = (
    r"\bto the (?:General Assembly|Human Rights Council|Security Council|"
    r"Economic and Social Council)\b"
)
# What a report is asked to include, which ends its subject ("a report ... on the implementation
# of the present resolution and including specific recommendations to strengthen ...").
SUBJECT_ENDS = r"\b(?:and )?including\b"
# The report a paragraph acts on (not the verb "to report"), or a note by an author ("the note by
# the Secretary-General on the financing arrangements for ..."), unless the note is on a report,
# which is then the one acted on ("the note by the Secretary-General on the report of the Unit"):
# its author ("of the Third Committee") up to "on", and its subject ("on the implementation of
# ...") up to punctuation or "and the" ("the report of the Secretary-General and the
# recommendations contained therein").
NOTE_NOT_ON_A_REPORT = r"notes?(?=\s+by\b)(?![^,;:.()]*?\b(?:on|to|transmitting) the reports?\b)"
REPORT_RE = re.compile(
    rf"(?<!\bto )\b(?:reports?|{NOTE_NOT_ON_A_REPORT})\b"
    r"(?:\s+(?:of|by)\s+(?:the\s+)?(?P<author>[^,;:.()]+?))?"
    r"(?:(?:,(?:\s+[a-z]+){1,8},)?\s+(?:on|entitled)\s+(?P<subject>[^,;:.()]+?))?"
    r"\s*(?=[,;:.()]|\band the\b|" + SUBJECT_ENDS + "|$|(?-i:" + RECIPIENT + "))",
    re.IGNORECASE,
)
# A report's date, which may stand before or after its author ("the report of 31 May 2023 of the
# Commissioner-General" / "the report of the Commissioner-General of 31 May 2023"), or the year
# it covers ("the report of the Unit for 2023"): no part of the author's name.
REPORT_DATE_RE = re.compile(
    rf"(?:\bof\s+)?\b\d{{1,2}}\s+(?:{MONTH_PATTERN})\s+\d{{4}}\b(?:\s+of\b)?(?:\s+the\b)?"
    r"|\b\d{4}\b"
)
# What a report is said to contain, right after its name ("the report of the International Law
# Commission on the work of its seventy-first session, which contains the draft articles on ..."):
# a subject of its own where the report's is only its session's work.
CONTENTS_RE = re.compile(r",?\s+(?:which|that)\s+contains?\s+(?P<contents>[^,;:.()]+)")
# The organs a report is asked to be submitted to and their sessions, before the report ("to
# submit to the General Assembly and the Human Rights Council at their eighty-second and
# sixty-sixth sessions, respectively, a comprehensive report"): not counted in the report's window.
RECIPIENT_SESSIONS_RE = re.compile(
    rf"{RECIPIENT}(?:,? and (?:to )?the [A-Z][\w ]*?(?:Council|Assembly))?,? at (?:its|their) "
    r"[\w -]+? sessions?(?:, respectively)?,?"
)
# A report asked for with the verb, and its subject: "to report to the General Assembly at its
# eightieth session on the implementation of the present resolution".
REPORT_ON_RE = re.compile(
    r"\bto report\s+(?:to\s+the\s+General\s+Assembly\b[^,;:.()]*?\bsession\s+)?"
    r"on\s+(?P<subject>[^,;:.()]+?)\s*(?=[,;:.()]|\band the\b|"
    + SUBJECT_ENDS
    + "|$|(?-i:"
    + RECIPIENT
    + "))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Wording:
    """What the family decision looks at in one paragraph; the parts only the rules that tell
    alike paragraphs apart need are read when first asked for."""

    body: str
    words: tuple[str, ...]
    opening: str
    citation: bool
    # The (session, number) of each resolution its provenance qualifier names ("submitted
    # pursuant to resolution 77/127"), the qualifier being no part of its body.
    provenance: frozenset[tuple[str, str]] = frozenset()

    @cached_property
    def resolutions(self) -> frozenset[str]:
        """The resolutions it names ("77/237")."""
        return frozenset(RESOLUTION_RE.findall(self.body)) if "/" in self.body else frozenset()

    @cached_property
    def listed_resolutions(self) -> frozenset[str]:
        """The resolutions it names in lists (LIST_GAP_RE between each and the next), none where
        it names each in a clause of its own; all it names when they are fewer than two."""
        if len(self.resolutions) < SHORTEST_LIST:
            return self.resolutions
        runs: list[list[str]] = []
        end = None
        for match in RESOLUTION_RE.finditer(self.body):
            if end is not None and LIST_GAP_RE.fullmatch(self.body, end, match.start()):
                runs[-1].append(match[0])
            else:
                runs.append([match[0]])
            end = match.end()
        return frozenset(resolution for run in runs if len(run) > 1 for resolution in run)

    @cached_property
    def listed_sessions(self) -> frozenset[tuple[str, ...]]:
        """The (session, number) of each resolution of its lists."""
        return frozenset(tuple(r.split("/")) for r in self.listed_resolutions)

    @cached_property
    def lists_subjects(self) -> bool:
        """Whether at least half of the resolutions it names are given their subject."""
        return len(RESOLUTION_ON_RE.findall(self.body)) >= MIN_SHARED_OF_LONGER * len(
            self.resolutions
        )

    @cached_property
    def named_resolutions(self) -> frozenset[tuple[str, str]]:
        """The (session, number) of each resolution it names as such."""
        if "resolution " not in self.body:
            return frozenset()
        return frozenset(NAMED_RESOLUTION_RE.findall(self.body))

    @cached_property
    def instruments(self) -> frozenset[tuple[str, ...]]:
        """The masked words of each instrument it names (INSTRUMENT_RE) before a list of agenda
        items (AGENDA_LIST_RE): an agenda updated lists other items, not other instruments."""
        items = AGENDA_LIST_RE.search(self.body)
        text = self.body[: items.start()] if items else self.body
        return frozenset(masked_words(name) for name in INSTRUMENT_RE.findall(text))

    @cached_property
    def titles(self) -> tuple[tuple[str, ...], ...]:
        """The masked words of each quoted title, small words left out (“The Pact for the
        Future” and “Pact of the Future” are one title)."""
        return tuple(
            tuple(word for word in masked_words(title) if word not in TITLE_SMALL_WORDS)
            for title in QUOTED_RE.findall(self.body)
        )

    @cached_property
    def frame(self) -> tuple[str, ...]:
        """Its masked words outside its quoted titles: what it does with what it names."""
        return masked_words(QUOTED_RE.sub(" ", self.body)) if self.titles else self.words

    @cached_property
    def references(self) -> frozenset[str]:
        """The numbers and symbols it cites."""
        return frozenset(REFERENCE_RE.findall(self.body))

    @cached_property
    def addressees(self) -> frozenset[str] | None:
        """Whom it asks to act (lineage/addressees.py), None when it asks no one."""
        windows = addressee_windows(self.body)
        return addressees_in(windows) if windows else None

    @cached_property
    def paragraph_places(self) -> frozenset[str]:
        """The paragraphs of a text it names by their place ("twenty-third preambular", "operative
        22"), an ordinal being one of NUMBER_WORDS ("a new preambular paragraph" names none)."""
        if "paragraph" not in self.body:
            return frozenset()
        places = set()
        for match in PARAGRAPH_PLACE_RE.finditer(self.body):
            ordinal, kind, other_kind, number = (
                (part or "").lower() for part in match.group("ordinal", "kind", "kind2", "number")
            )
            if number:
                places.add(f"{other_kind} {number}")
            elif set(ordinal.split("-")) <= NUMBER_WORDS:
                places.add(f"{ordinal} {kind}")
        return frozenset(places)

    @cached_property
    def determines(self) -> bool:
        """Whether it opens with a determination (DETERMINATION_RE)."""
        return bool(DETERMINATION_RE.match(self.body))

    @cached_property
    def names_its_subject(self) -> bool | None:
        """Whether it names what it is on ("on the subject of chemical weapons") or leaves it its
        document's ("on the subject"); None when it says neither (ON_THE_SUBJECT_RE)."""
        if "on the " not in self.body:
            return None
        match = ON_THE_SUBJECT_RE.search(self.body)
        return bool(match["named"]) if match else None

    @cached_property
    def names_sub_item(self) -> bool:
        """Whether it names a sub-item of an agenda item (SUB_ITEM_RE)."""
        return "item" in self.body and bool(SUB_ITEM_RE.search(self.body))

    @cached_property
    def decision_opening(self) -> re.Match[str] | None:
        """A decision's opening ("At its 68th plenary meeting, on ..., the General Assembly, on
        the recommendation of the Fifth Committee,"), where it begins with one."""
        return DECISION_OPENING_RE.match(self.body)

    @cached_property
    def report_match(self) -> re.Match[str] | None:
        """The report named in its first REPORT_OBJECT_WITHIN words (after a decision's opening),
        acted on or asked for."""
        lower = self.body.lower()
        if "report" not in lower and "note by" not in lower:
            return None
        found = [m for m in (REPORT_RE.search(self.body), REPORT_ON_RE.search(self.body)) if m]
        if not found:
            return None
        match = min(found, key=lambda m: m.start())
        start = self.decision_opening.end() if self.decision_opening else 0
        before = RECIPIENT_SESSIONS_RE.sub(" ", self.body[start : match.start()])
        words_before = len(WORD_RE.findall(before))
        return match if words_before <= REPORT_OBJECT_WITHIN else None

    @cached_property
    def report(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """That report's author's words (a date left out) and its subject's words."""
        match = self.report_match
        if match is None:
            return None
        parts = match.groupdict()
        parts["author"] = REPORT_DATE_RE.sub(" ", parts.get("author") or "")
        author, subject = (
            tuple(WORD_RE.findall((parts.get(part) or "").lower()))
            for part in ("author", "subject")
        )
        if BODIES & set(author) and BODY_NAME_GOES_ON_RE.match(parts.get("subject") or ""):
            subject = ()  # the rest of the body's name, not a subject
        return author, subject

    @cached_property
    def report_frame(self) -> tuple[str, ...]:
        """The substance words of that report's subject with each name in it (NAME_RE) one word:
        "the financing of the United Nations Interim Force in Lebanon" is ("financing", NAME)."""
        subject = (self.report_match["subject"] or "") if self.report_match else ""
        return substance_words(masked_words(NAME_RE.sub(f" {NAME} ", subject)))

    @cached_property
    def report_contents(self) -> tuple[str, ...]:
        """The substance words of what that report is said to contain (CONTENTS_RE), none when it
        says nothing of it."""
        match = self.report_match
        contents = match and CONTENTS_RE.match(self.body, match.end())
        return substance_words(masked_words(contents["contents"])) if contents else ()

    @cached_property
    def acts_on_report(self) -> bool:
        """Whether its verb acts on that report ("Takes note of the report"), not asks for it."""
        match = self.report_match
        return (
            match is not None
            and match.re is REPORT_RE
            and not REQUESTED_RE.search(self.body[: match.start()])
        )

    @cached_property
    def act(self) -> str:
        """The stem of the verb that does what it does: the one acting on its report, where a
        verb stands before it ("Having considered the question of the Cayman Islands and examined
        the report": "examin"), else the opening verb ("Takes note of the report": "take note")."""
        if not self.acts_on_report:
            return self.opening
        before = WORD_RE.findall(self.body[: self.report_match.start()].lower())
        while before and before[-1] not in DETERMINERS:
            before.pop()
        verb = before[-2] if len(before) >= 2 else ""
        return stem(verb) if verb and verb not in FUNCTION_WORDS else self.opening

    @cached_property
    def words_after_opening(self) -> tuple[str, ...]:
        """Its masked words after a decision's opening ("At its 52nd plenary meeting, on ..., the
        General Assembly,"), which says nothing of what was decided."""
        opening = self.decision_opening
        return masked_words(self.body[opening.end() :]) if opening else self.words

    @cached_property
    def only_opening(self) -> bool:
        """Whether it is a decision's opening and nothing more (a paragraph of its own when the
        parser splits a decision there)."""
        return bool(DECISION_OPENING_RE.fullmatch(self.body))

    @cached_property
    def decision_acts(self) -> tuple[str, ...]:
        """What a decision decided to do: the stems of the verb after "decided to" ("reopen",
        "consider", "defer") and of each "and to" after it ("decided to defer consideration of
        ... and to include it": "defer", "includ"); none for a paragraph not so worded."""
        opening = self.decision_opening
        act = DECIDED_TO_RE.match(self.body, opening.end()) if opening else None
        if act is None:
            return ()
        further = AND_TO_RE.finditer(self.body, act.end())
        return tuple(stem(m["verb"].lower()) for m in (act, *further))

    @cached_property
    def gist_words(self) -> int:
        """Its words with each body's name of several capitalized words ("the Special Committee
        on the Situation with regard to ...") counted as one."""
        return len(self.words) - sum(
            len(masked_words(name[0])) - 1 for name in NAME_RE.finditer(self.body) if _is_body(name)
        )

    @cached_property
    def named_bodies(self) -> dict[str, tuple[str, ...]]:
        """The words of the first body it names in each part (NAMED_BODY_RE's roles)."""
        bodies: dict[str, tuple[str, ...]] = {}
        for match in NAMED_BODY_RE.finditer(self.body):
            bodies.setdefault(match["role"].lower(), tuple(WORD_RE.findall(match["body"].lower())))
        for role, cue, pattern, group in NAMED_THINGS:
            if cue in self.body and (found := pattern.search(self.body)):
                bodies[role] = tuple(WORD_RE.findall(found[group].lower()))
        return bodies

    @cached_property
    def names_events_instrument(self) -> bool | None:
        """Whether the instruments whose meeting, conference or session it names (EVENT_ROLES) are
        named in full ("the third Review Conference of the Convention on Cluster Munitions"):
        True; only as "the Convention", its own document's ("the Twenty-first Meeting of the
        States Parties to the Convention"): False; None when it names no event of an instrument."""
        instruments = [
            masked_words(name)
            for match in NAMED_BODY_RE.finditer(self.body)
            if match["role"].lower() in EVENT_ROLES
            for name in INSTRUMENT_RE.findall(match["body"])
        ]
        return any(len(name) > 1 for name in instruments) if instruments else None


def _is_body(name: re.Match[str]) -> bool:
    """Whether a name is a body's: its head, the words before the first small word, names one
    ("Special Committee on ...", "Conference of the Parties"), where a document's title naming a
    body after its head ("Addis Ababa Action Agenda of the Third International Conference ...")
    does not."""
    head = NAME_HEAD_RE.match(name[0])[0]
    return bool(BODIES & set(WORD_RE.findall(head.lower())))


def masked_words(text: str) -> tuple[str, ...]:
    """Lower-cased words with numbers, number words and months as one NUMBER mark per run."""
    out: list[str] = []
    for word in WORD_RE.findall(text.lower()):
        if word.isdigit() or word in NUMBER_WORDS:
            if out and out[-1] == NUMBER:
                continue
            word = NUMBER
        out.append(word)
    return tuple(out)


def stem(word: str) -> str:
    """A verb's stem, enough to tell "Requests" and "Requesting" from "Invites"."""
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e")


def _opening_words(text: str) -> list[str]:
    """The first words of a paragraph, leading adverbs ("Also", "Having") left out."""
    words = re.findall(r"[a-z]+", text[:OPENING_CHARS].lower())[:6]
    while words and words[0] in LEADING_ADVERBS:
        words = words[1:]
    return words


def opening_verb(text: str) -> str:
    """The stem of the verb a paragraph opens with ("Takes note"/"Taking note": "take note")."""
    words = _opening_words(text)
    if not words:
        return ""
    if len(words) > 1 and words[1] == "note" and words[0] in ("takes", "taking", "take"):
        return "take note"
    return stem(words[0])


def wording_of(text: str) -> Wording:
    """A paragraph's body (footnote markers, leading or glued to a word's end, and provenance
    qualifier left out), masked words, opening verb, and whether it is a citation."""
    body = GLUED_MARKER_RE.sub("", FOOTNOTE_MARKER_RE.sub("", text)).strip()
    provenance: frozenset[tuple[str, str]] = frozenset()
    if "pursuan" in body:
        provenance = frozenset(
            resolution
            for qualifier in QUALIFIER_RE.findall(body)
            for resolution in NAMED_RESOLUTION_RE.findall(qualifier)
        )
        body = QUALIFIER_RE.sub("", body)
    return Wording(
        body=body,
        words=masked_words(body),
        opening=opening_verb(body),
        citation=bool(CITATION_RE.match(body)),
        provenance=provenance,
    )


def _other_reports(a: Wording, b: Wording) -> bool:
    """Whether two paragraphs act on different reports: another author (unmasked: "the Third
    Committee" is not "the Second Committee"), or subjects that have little in common."""
    if a.report is None or b.report is None:
        return False
    (author_a, subject_a), (author_b, subject_b) = a.report, b.report
    if author_a and author_b and Indel.normalized_similarity(author_a, author_b) < AUTHOR_MATCH:
        return True
    if bool(subject_a) != bool(subject_b) and author_a == author_b:
        return True
    contents_a, contents_b = a.report_contents, b.report_contents
    if (
        contents_a
        and contents_b
        and Indel.normalized_similarity(contents_a, contents_b) < SUBJECT_MATCH
    ):
        return True
    return bool(
        subject_a
        and subject_b
        and Indel.normalized_similarity(
            masked_words(" ".join(subject_a)), masked_words(" ".join(subject_b))
        )
        < SUBJECT_MATCH
        and not _one_template(a.report_frame, b.report_frame)
    )


def _one_template(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two reports' subjects are one template with its name changed: both name one
    (NAME_RE) and their other substance is alike ("the financing arrangements for the United
    Nations Support Office in Haiti" / "the financing of the United Nations Multidimensional
    Integrated Stabilization Mission ...")."""
    return NAME in a and NAME in b and _words_alike_in_any_order(a, b) >= SUBJECT_MATCH


def _acts_on_a_report_on_a_subject(a: Wording, b: Wording) -> bool:
    """Whether one acts on a report on a subject where the other names no report: "Takes note of
    the report ... on the twenty-ninth session of the Conference" is about the report, "Looks
    forward to the thirty-first session of the Conference" about the sessions."""
    return a.acts_on_report and a.report is not None and bool(a.report[1]) and not b.report_match


def _words_alike_in_any_order(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """2 * words in common, in any order / words of both (the similarity of their multisets)."""
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b)) if a or b else 1.0


def _reordered(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two paragraphs are the same words in another order (their multisets alike at
    REORDERED_THRESHOLD; never when one is so much longer that they cannot be)."""
    return 2 * min(len(a), len(b)) >= REORDERED_THRESHOLD * (len(a) + len(b)) and (
        _words_alike_in_any_order(a, b) >= REORDERED_THRESHOLD
    )


def _substance_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two paragraphs' substance, their words other than FUNCTION_WORDS and numbers, is
    alike in any order at SUBSTANCE_MATCH (an edit keeps what a paragraph is about, where a frame
    shared with other substance does not)."""
    return (
        _words_alike_in_any_order(*(substance_words(words) for words in (a, b))) >= SUBSTANCE_MATCH
    )


def substance_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Masked words less FUNCTION_WORDS and number marks."""
    return tuple(word for word in words if word != NUMBER and word not in FUNCTION_WORDS)


def _words_opened_alike(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many words two paragraphs open with alike (a closing clause replaced keeps them), an
    adverb among their first two words ("Recalling also" / "Recalling further") left out."""
    a, b = _without_leading_adverbs(a), _without_leading_adverbs(b)
    pairs = zip(a, b, strict=False)
    return next((n for n, (x, y) in enumerate(pairs) if x != y), min(len(a), len(b)))


def _without_leading_adverbs(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words less the LEADING_ADVERBS among the first two ("Also decides", "Recalling further")."""
    return tuple(w for i, w in enumerate(words) if i > 1 or w not in LEADING_ADVERBS)


def _negates(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether `a` says "not" where `b` says the same words without it ("Member States that have
    not fulfilled their financial obligations" / "... that have fulfilled ..."), an alternative
    ("to have or not to have", "but not") aside."""
    if "not" not in a:
        return False
    negated = {
        (before, after)
        for before, word, after in zip(a, a[1:], a[2:], strict=False)
        if word == "not" and before not in ALTERNATIVES
    }
    also_negated = set(zip(b, b[1:], b[2:], strict=False))
    return any(
        pair in negated and (pair[0], "not", pair[1]) not in also_negated for pair in pairwise(b)
    )


def _other_bodies(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names are of different bodies: unlike, and neither found whole in the other
    (a name shortened, "the States parties" / "the States Parties to the Convention", is one)."""
    shorter = min(len(a), len(b))
    common = (len(a) + len(b) - Indel.distance(a, b)) / 2
    return Indel.normalized_similarity(a, b) < AUTHOR_MATCH and common < shorter


def _other_instruments(a: frozenset, b: frozenset) -> bool:
    """Whether two lists of MIN_LISTED_RESOLUTIONS or more instruments each name OTHER_INSTRUMENTS
    the other does not ("the Universal Declaration ..., the Convention on the Rights of the Child
    ... and the Declaration on the Right to Development" / "... and the Convention against
    Torture ..."): lists of other instruments, however many words their long names share."""
    return (
        min(len(a), len(b)) >= MIN_LISTED_RESOLUTIONS
        and min(len(a - b), len(b - a)) >= OTHER_INSTRUMENTS
    )


def _other_resolution_of_one_session(a: frozenset, b: frozenset) -> bool:
    """Whether each names one or two resolutions (session, number), of the same sessions and none
    in common ("78/61" / "78/85"; "78/240 ... and 79/60" / "78/241 ... and 79/62"): different
    documents, where a later session's number ("77/84" / "78/59"; "45/266 ... the latest of which
    was 78/307" / "66/243 ... 78/306") may be the same text's update."""
    return (
        0 < len(a) < MIN_LISTED_RESOLUTIONS
        and 0 < len(b) < MIN_LISTED_RESOLUTIONS
        and not a & b
        and {session for session, _ in a} == {session for session, _ in b}
    )


def _other_acts(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two decisions decided to do other things ("decided to reopen sub-item (b) ..." /
    "decided to consider directly in plenary meeting agenda item 19 ..."), whatever they share:
    neither's first act is among the other's ("decided to defer ... and to include it in the draft
    agenda" does what "decided to include ... in the draft agenda" does, and more)."""
    return bool(a and b) and a[0] not in b and b[0] not in a


def _name_other_titles(a: Wording, b: Wording) -> bool:
    """Whether each names a quoted title the other does not (TITLE_MATCH)."""
    return _names_another_title(a.titles, b.titles) and _names_another_title(b.titles, a.titles)


def _other_frames(a: Wording, b: Wording) -> bool:
    """Whether two paragraphs naming quoted titles do other things with them: other opening verbs,
    and their words outside the titles alike under FRAME_MATCH ("Decides to include in the
    provisional agenda ... the sub-item entitled “Agreement under ...”" / "Recalling its
    resolution 77/321 of 1 August 2023 entitled “Agreement under ...”")."""
    return a.opening != b.opening and Indel.normalized_similarity(a.frame, b.frame) < FRAME_MATCH


def _names_another_title(titles: tuple, others: tuple) -> bool:
    return any(
        all(Indel.normalized_similarity(title, other) < TITLE_MATCH for other in others)
        for title in titles
    )


def family_similarity(a: Wording, b: Wording) -> float | None:
    """The word similarity of two paragraphs that are versions of one text, by the rules in the
    module docstring (alike enough by rules 1, 7 and 8, not told apart by rules 2 to 6); None
    when they are not. One word comparison serves both."""
    return verified_similarity(a, b, Indel.distance(a.words, b.words))


def word_similarity(a: Wording, b: Wording, distance: int) -> float:
    """2 * words in common in order / words of both (as Indel.normalized_similarity has it), from
    their Indel distance."""
    total = len(a.words) + len(b.words)
    return 1.0 - distance / total if total else 1.0


def verified_similarity(a: Wording, b: Wording, distance: int) -> float | None:
    """`family_similarity` given the Indel distance of their words: the word similarity, or None
    when the rules do not make them versions of one text (the word similarity never depends on
    the rules, so a caller may rank pairs by it first and verify only those it needs)."""
    total = len(a.words) + len(b.words)
    score = word_similarity(a, b, distance)
    if a.citation or b.citation:
        return score if score >= FAMILY_THRESHOLD and a.references == b.references else None
    shorter, longer = sorted((len(a.words), len(b.words)))
    common = (total - distance) / 2  # words in common, in order
    # Under half of the longer in common, or the shorter found whole in the longer and half of it
    # at most (the other plus a clause as long as itself): another paragraph, unless reordered.
    if common < MIN_SHARED_OF_LONGER * longer or common == shorter <= MIN_SHARED_OF_LONGER * longer:
        alike = _reordered(a.words, b.words)
    elif score < FAMILY_THRESHOLD and common < CONTAINED_THRESHOLD * shorter:
        alike = (
            _reordered(a.words, b.words)
            or (score >= EDITED_THRESHOLD and _substance_alike(a.words, b.words))
            or _words_opened_alike(a.words_after_opening, b.words_after_opening)
            >= MIN_SHARED_OF_LONGER * longer
            or _same_report_asked(a, b)
            or _same_resolution_entitled(a, b)
        )
    else:
        alike = True
    return score if alike and not _told_apart(a, b) else None


def _same_report_asked(a: Wording, b: Wording) -> bool:
    """Whether both ask the same addressees for a report on the same subject ("Requests the
    Secretary-General to submit ... a report on the implementation of the present resolution")."""
    return (
        a.report_match is not None
        and b.report_match is not None
        and not a.acts_on_report
        and not b.acts_on_report
        and bool(a.report[1])
        and masked_words(" ".join(a.report[1])) == masked_words(" ".join(b.report[1]))
        and a.addressees is not None
        and a.addressees == b.addressees
    )


def _same_resolution_entitled(a: Wording, b: Wording) -> bool:
    """Whether both name the same resolutions with the same quoted titles ("its resolution 70/1 of
    25 September 2015, entitled “Transforming our world: ...”"), whatever their verbs and the
    descriptions after them ("by which it adopted ... Goals and targets" / "reaffirming its
    commitment to the ... Goals and targets"): one recall edited."""
    return bool(a.named_resolutions and a.titles) and (
        a.named_resolutions == b.named_resolutions and a.titles == b.titles
    )


def same_family(a: Wording, b: Wording) -> bool:
    """Whether two paragraphs are versions of one text (`family_similarity`)."""
    return family_similarity(a, b) is not None


def _told_apart(a: Wording, b: Wording) -> bool:
    """Rules 2 to 6: other resolutions, titles, verb, bodies, addressees or reports."""
    list_a, list_b = a.listed_resolutions, b.listed_resolutions
    if (
        min(len(list_a), len(list_b)) >= SHORTEST_LIST
        and max(len(list_a), len(list_b)) >= MIN_LISTED_RESOLUTIONS
        and len(list_a & list_b) < MIN_SHARED_OF_LONGER * len(list_a | list_b)
        and not (a.lists_subjects and b.lists_subjects)
    ):
        return True
    if _other_instruments(a.instruments, b.instruments):
        return True
    if _other_resolution_of_one_session(a.named_resolutions, b.named_resolutions):
        return True
    if _other_resolution_of_one_session(a.listed_sessions, b.listed_sessions):
        return True
    if _other_resolution_of_one_session(a.provenance, b.provenance):
        return True
    if a.paragraph_places and b.paragraph_places and not a.paragraph_places & b.paragraph_places:
        return True
    if a.only_opening != b.only_opening or _other_acts(a.decision_acts, b.decision_acts):
        return True
    if a.determines != b.determines or a.names_sub_item != b.names_sub_item:
        return True
    subjects = (a.names_its_subject, b.names_its_subject)
    if None not in subjects and subjects[0] != subjects[1]:
        return True
    if (
        a.titles
        and b.titles
        and (_name_other_titles(a, b) or _other_frames(a, b))
        and not _same_resolution_entitled(a, b)
    ):
        return True
    if (
        a.opening != b.opening
        and a.act != b.act
        and (
            (a.acts_on_report and b.acts_on_report)
            or min(a.gist_words, b.gist_words) <= SHORT_WORDS
            or _acts_on_a_report_on_a_subject(a, b)
            or _acts_on_a_report_on_a_subject(b, a)
        )
    ):
        return True
    if _negates(a.words, b.words) or _negates(b.words, a.words):
        return True
    if any(
        _other_bodies(body, b.named_bodies[role])
        for role, body in a.named_bodies.items()
        if role in b.named_bodies
    ):
        return True
    if a.named_bodies.keys() & EVENT_ROLES and b.named_bodies.keys() & EVENT_ROLES:
        named = (a.names_events_instrument, b.names_events_instrument)
        if None not in named and named[0] != named[1]:
            return True
    if a.addressees is not None and b.addressees is not None and not a.addressees & b.addressees:
        return True
    return _other_reports(a, b)
