"""References: UN resolutions and document symbols cited in the text, normalized, deduplicated."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .bodies import BODY_CODE_RES, BODY_NAME_RE, body_code, body_of_symbol, body_opening
from .types import ParsedReference

# Series of UN document symbols; other organizations' symbols (AG/RES, ICC-ASP) are not listed.
# "CBD/COP/15/17": the Convention on Biological Diversity's, issued by UNEP (once "UNEP/CBD/...").
SYMBOL_SERIES = (
    "A|E|S|ST|CTOC|CAC|CEB|UNODC|TD|CCPR|CRC|CEDAW|CAT|CERD|CMW|CRPD|CED|HRI|DP|UNEP|CBD|FCCC|ICCD"
    "|JIU|UNW|UNICEF|ECE|ESCAP|ECA|ECLAC|ESCWA|TRANS|ACC|SG|CD|DPI|UNCITRAL|UNHCR|EC|OPCW|IDB|PBC|UNDP|ISBA|BWC|NPT"
    # the Commission on the Limits of the Continental Shelf's, the Law of the Sea's States Parties'
    "|CLCS|SPLOS"
)
# Security Council resolutions carry their year: "S/RES/2482 (2019)".
SYMBOL_CORE = (
    rf"(?:{SYMBOL_SERIES})(?:/(?:[A-Z][A-Za-z]{{0,9}}"
    # "CONF.IX", "P.V.84", "COP(13)", "C.3(II)", "OzL.Pro.28" (a dotted word before a number)
    r"(?:\.(?:\d{1,4}|[IVX]{1,5}|[A-Z][a-z]{1,3}(?=\.\d)|[A-Z]))*"
    r"(?:\((?:[A-Z]+|\d{1,3})\))?"
    r"|E?S-\d{1,2}"  # special sessions: "A/S-12/2", "A/ES-10/190"
    r"|\d{1,4}(?:\([A-Z]{1,4}\))?"
    r"|(?<=\bS/)\d{5}))+"  # the Council's documents of the 1990s: "S/26560"
)
# The World Health Organization's documents, named by their own series: the Health Assembly's
# records "WHA58/2005/REC/1", the Executive Board's "EB136/8" (its resolutions, "WHA72.6", are not).
WHO_SYMBOL = r"(?:WHA\d{1,2}/\d{4}/REC/\d{1,2}|EB\d{2,3}/\d{1,3})"
SYMBOL_RE = re.compile(
    r"(?<![\w/.-])S/RES/\d{1,4}(?:[ ]?\(\d{4}\))?(?![\w/-])|"
    rf"(?<![\w/.-]){WHO_SYMBOL}(?![\w/-])|"
    rf"(?<![\w/.-]){SYMBOL_CORE}(?:-{SYMBOL_CORE})?"  # joint symbols: "A/65/517-S/2010/534"
    # never the first part of a symbol it could not read whole ("A/48" of "A/48/...", "A/80/7/Add"
    # of a symbol still to be issued, "A/80/7/Add.__")
    r"(?![\w/-]|\._)"
)
# A resolution's part: "A" to "Z", then "AA", "BB" ... ("53/77 AA").
PART_LETTERS = "|".join(f"{letter}{letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "|[A-Z]"
# "66/128", "72/266 A", special sessions "S-30/1", "ES-10/19", "1898 (XVIII)", "2242 (2015)",
# and before 1976 a special session's roman numeral: "1874 (S-IV)", "ES-" for an emergency one.
NUMBER_PART = (
    rf"(?:(?:E?S-)?\d{{1,4}}/\d{{1,3}}(?: ?(?:{PART_LETTERS})(?![\w/]))?"
    r"|\d{1,4}(?: [A-Z])? ?\((?:(?:E?S-)?[IVXLC]{1,7}|\d{4})\))"
)
PARTS_NUMBER_RE = re.compile(r"(\S+)[ ]([A-Z](?:(?:,[ ][A-Z])*[ ]and[ ][A-Z]|-[A-Z]))")
NUMBER_RE = re.compile(rf"(?<![\w/.-]){NUMBER_PART}(?![\w/])")
# A part's further parts, printed as letters alone after it: "75/290 A and B", "79/558 A, B and
# C", "75/254 A to C", "73/408 A-C"; or set off by commas alone before the next number or the
# sentence's end ("decisions 2021/201 A, B, F and 2022/206").
FURTHER_PARTS_RE = re.compile(
    r"(?P<listed>(?:,[ ][A-Z](?![\w/-]))*)[ ](?P<joint>and|to)[ ](?P<last>[A-Z])(?![\w/-])"
    r"|[-\u2013](?P<range_last>[A-Z])(?![\w/-])"
    r"|(?P<commas>(?:,[ ][A-Z](?![\w/-]))+)(?=[ ]and[ ]\d|[ ]?[;:.)])"
)
CITATION_RE = re.compile(r"\b(resolutions?|decisions?)\b[ ]*", re.IGNORECASE)
# In the Council's own text a number with its year is one of its resolutions even without the
# word before it ("the values set forth in 2367 (2017)", "recalls that per 2304 (2016)"), but
# a numbered item of another kind ("general recommendation No. 38 (2020)", "article 25 (1945)").
BARE_COUNCIL_NUMBER_RE = re.compile(r"(?<![\w/.-])(\d{1,4})[ ]\(((?:19[4-9]|20\d)\d)\)(?![\w/])")
NOT_COUNCIL_NUMBER_BEFORE_RE = re.compile(
    r"\b(?:articles?|paragraphs?|paras?\.?|vol\.|Nos?\.?|rule|annex|chapter|section|page)[ ]*$",
    re.IGNORECASE,
)
# A body's decision (or resolution) and then "and resolutions": the same body's.
PAIRED_CITATION_RE = re.compile(
    rf"({BODY_NAME_RE.pattern})[ ]+(?:decisions?|resolutions?)[ ]+{NUMBER_PART}"
    rf"(?:[ ]of[ ]\d{{1,2}}[ ][A-Z][a-z]+[ ]\d{{4}})?[ ,]*and[ ]+$"
)
CITED_BODY_RE = re.compile(
    r"""
    (?:
      (?P<its>\b(?:its|this|that|the[ ]present|our|their)(?:[ ]own)?)
    | (?P<short>\b(?:Council|Assembly|Commission|Conference|Congress))
    # Another organization's assembly: "Habitat Assembly", "Environment Assembly".
    | (?P<other>\b(?:(?!General\b)[A-Z][a-z]+[ ]Assembly
        |Health|Union|European|Executive|Governing|OAS|WHO|ILO|UNESCO|IMO|ICAO
        |IAEA|Interpol|OSCE|Europe|Ministers|Board|AU|ASEAN|Parliament|Organization|Meeting
        |Committee|Forum|Summit|Agency))
    )
    [ ]*(?:[\w.]+[ ]+){0,1}$
    """,
    re.VERBOSE,
)
# "in its resolution 59/209, the General Assembly decided": "its" names the subject that follows
# the clause, not the citing body; the subject is no further citation ("..., General Assembly
# resolution 65/280").
SUBJECT_AFTER_RE = re.compile(r"[ ]*(?:of[ ]\d{1,2}[ ][A-Z][a-z]+[ ]\d{4}[ ]*)?,[ ]*(?:the[ ])?")
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|by|through|under)[ ]+$")
CITATION_NEXT_RE = re.compile(r"[ ]*(?:resolutions?|decisions?)\b")
SHORT_SUBJECT_RE = re.compile(r"(?:Assembly|Council|Commission|Conference|Congress)\b")
# The body named after the number, its date between or not: "resolution 6/14 of 1 March 2024 of
# the United Nations Environment Assembly".
OF_BODY_RE = re.compile(
    r"^[ ]*(?:\([^)]{0,40}\)[ ]*)?(?:of[ ]\d{1,2}[ ][A-Z][a-z]+[ ]\d{4}[ ]+)?"
    r"(?:of|by|adopted by) the "
)
# The meeting that adopted it, named after the number: "decision 15/4 at the fifteenth meeting of
# the Conference of the Parties to the Convention on Biological Diversity".
AT_MEETING_OF_RE = re.compile(
    r"^[ ]*(?:adopted[ ])?at the (?:[\w-]+[ ]){1,3}(?:meeting|session) of the "
)
# A treaty's own body: a UN one only when named in full among the bodies.
TREATY_CONFERENCES = frozenset({"COP-UNTOC", "COSP-UNCAC"})
TREATY_BODY_RE = re.compile(r"(?:Conference|Meeting|Assembly) of (?:the )?(?:States )?Parties\b")
# A body named in full that the archive does not know, right before the citation or as the one
# "its" names: "Commission on the Status of Women resolutions 49/7 ...", "the Commission for
# Social Development, in its resolution 42/1", "Statistical Commission decision 53/113", "Indian
# Ocean Tuna Commission, resolutions 12/07", "the Open-ended Working Group on Ageing in its
# decision 14/1": another body's resolutions, no UN reference. A name opening with a verb or a
# determiner ("Recalls Commission resolution", "The Commission") is none.
OTHER_BODY_NAME = (
    r"\b(?:(?:Commission|Committee|Working[ ]Group)[ ](?:on|for|of)"
    r"(?:[ ](?:[A-Z][\w-]*|the|and|of|for|on|against)){0,9}[ ][A-Z][\w-]*"
    r"|(?!(?:The|This|That|These|Its|Our|Their)\b)[A-Z][a-z]+(?<!ing)(?<!ed)(?<!s)"
    r"(?:[ ][A-Z][a-z]+){0,3}[ ]Commission)"
)
OTHER_BODY_RE = re.compile(OTHER_BODY_NAME)
OTHER_BODY_BEFORE_RE = re.compile(rf"{OTHER_BODY_NAME},?[ ]*$")
OTHER_SUBJECT_BEFORE_RE = re.compile(rf"{OTHER_BODY_NAME},?[ ]+(?:in|by|through|under)[ ]+$")
# A resolution's section or paragraphs: "sect. III", "para. 12", "paras. 61-76" (or an en dash).
PLACE = (
    r"(?:sect(?:ion)?s?\.?[ ](?:[IVX]+|[A-Z])|para(?:graph)?s?\.?[ ]\d{1,3}(?:[\u2013-]\d{1,3})?)"
)
# Between two numbers of a list: their dates (also written with "of" between its parts, "77/203 of
# 15 of December of 2022 and 78/189 ..."), parts, paragraphs, annexes.
GAP_RE = re.compile(
    r"^(?:[ ]*(?:,|and|or|as well as|of \d{1,2} (?:of )?[A-Z][a-z]+ (?:of )?\d{4}"
    r"|of [A-Z][a-z]+ \d{1,2}, \d{4}|\(\d{4}\)|"
    rf"[A-Z]|(?:in particular )?{PLACE}(?: thereof)?|annex(?: [IVX]+)?"
    r"|\d{1,2}))*[ ]*(?:,|and|or|,[ ]*and)[ ]*$"
    # items each with its place, set off by semicolons: "52/214, sect. C, para. 3; 55/222, ..."
    rf"|^,[ ]*{PLACE}(?:,[ ]*{PLACE})*[ ]*;[ ]*(?:and[ ]*)?$"
)
# Resolutions named by their subject before the numbers singled out: "its previous resolutions
# concerning Sudan, in particular 1591 (2005), 1651 (2005) ...".
SINGLED_OUT_RE = re.compile(
    r"[ ]*(?:(?:on|concerning|regarding|relating[ ]to)[ ][^;:\d()]{1,80}?)?,?[ ]*"
    r"(?:in[ ]particular|including|notably|especially)[ ]+(?=\d)"
)
# Each number of an enumeration with its date and subject: "77/325 of 25 August 2023 on tackling
# ... wildlife and 76/185 of ...", "77/158 of 14 December 2022, by which it declared ..., 77/326",
# "52/5 of 3 April 2023, which extended the mandate ..., as well as 55/15",
# or its subject alone: "1889 (2009) on women, peace and security, 1674 (2006) and ...".
ENTITLED_GAP_RE = re.compile(
    r"^[ ]*(?:of \d{1,2} [A-Z][a-z]+ \d{4},? )?(?:entitled|on|containing|by which|in which|which) "
    r"[^;]{1,300}?(?:[,\u201d\"\u2019]{1,3}[ ]*(?:(?:and|as well as)[ ]*)?|[ ]and[ ])$"
)
GAP_MAX = 320
# Between another organization's resolution and "and resolution N" in the same sentence.
SAME_BODY_AGAIN_RE = re.compile(r"[^.;]{0,160}?,?[ ]and[ ]")
# A body named in full (not "the Council") as the one adopting, outside the schema if unknown:
# "the adoption, by the Economic and Social Commission for Asia and the Pacific at its
# seventy-second session, of resolution 72/7".
ADOPTED_BY_RE = re.compile(
    r"\bby[ ]the[ ]((?:[A-Z][\w-]*)(?:[ ](?:[A-Z][\w-]*|and|the|of|for|on)){0,12})"
    r"(?:[ ]at[ ]its[ ][\w-]+[ ](?:session|meeting))?,?[ ]of[ ]$"
)
ADOPTING_NAME_WORDS = 3
# One of a body's resolutions singled out: "the resolutions of the Conference ..., in particular".
NAMED_SET_RE = re.compile(
    r"\bresolutions[ ](?:adopted[ ])?(?:of|by)[ ]the[ ]([^;:()]{3,250}?),[ ]*"
    r"(?:in[ ]particular|including|notably|especially)[ ]*$"
)
# "CTOC/COP/2020/10, chap. I, resolution 10/1", "CBD/COP/15/17, decision 15/4": a resolution
# printed in a report, cited by the report's symbol and its place there, if any; it is the
# resolution of the body whose report it is.
REPORT_PLACE_RE = re.compile(
    r"(?:,[ ]*(?:chap(?:ter|\.)?|sect(?:ion|\.)?|annex|part|para(?:graph|\.)?)"
    r"(?:[ ]+[IVXL\d]{1,5}(?:\.[A-Z\d]{1,3})*)?)*,[ ]*$"
)
SECOND_ADVERBIAL_RE = re.compile(r"(?:resolution|decision)s?\b", re.IGNORECASE)
# Words after a symbol that name more documents: "and Add.1", "and Corr.1", a range of them
# ("and Corr.1-3", each from the first to the last; a PDF may print "Corr.1 -3"); a range of
# meeting records, "A/72/PV.49 to 53", or a second record, "A/72/PV.74 and 75".
ADDENDUM_AFTER_RE = re.compile(
    r"[ ]and[ ]((?:Add|Corr|Rev)\.)(\d{1,2})(?:[ ]?[-\u2013](\d{1,2}))?(?![\w/]|\.\w)"
)
# A corrigendum or addendum written after a part or volume of a symbol: "NPT/CONF.1995/32 (Part
# I)/Corr.2", "A/78/5 (Vol. II)/Add.1", "NPT/CONF.2000/28 (Parts I and II)/Corr.1"; in square
# brackets in a Word file's note written out ("NPT/CONF.1995/32 [Part I]/Corr.2").
PART_ADDENDUM_AFTER_RE = re.compile(
    r"[ ]?(?:\((?:Parts?|Vol\.)[ ][IVX]+(?:[ ]and[ ][IVX]+)?\)|\(Sect\.[ ]?\d{1,2}\)"
    r"|\[(?:Parts?|Vol\.)[ ][IVX]+(?:[ ]and[ ][IVX]+)?\])/((?:Add|Corr|Rev)\.\d{1,2})(?![\w/]|\.\w)"
)
# Other organizations' symbols printed with a space after their series, named as a document:
# "Food and Agriculture Organization of the United Nations, document CL 144/9 (C 2013/20)",
# "document CFS 2017/44/INF/16", "document MSC 84/24/Add.1", "document EB 136/8".
SPACED_SYMBOL = r"[A-Z]{1,5}[ ]\d{1,4}/[A-Za-z\d.]+(?:/[A-Za-z\d.]+)*"
SPACED_SERIES_RE = re.compile(
    rf"\bdocuments?[ ]({SPACED_SYMBOL})(?:[ ]\(({SPACED_SYMBOL})\))?(?![\w/(])"
)
# Other organizations' symbols of their own series, named as a document: the International
# Maritime Organization's "document LEG/CONF.15/21", "documents SOLAS/CONF.5/32",
# "document MEPC.1/Circ.833", the Environment Programme's "document UNEP(DEPI)/GPA/IGR.3/6", the
# Food and Agriculture Organization's one-letter series "document C/2017/REP".
OTHER_SERIES_RE = re.compile(
    r"\bdocuments?[ ]((?!(?:" + SYMBOL_SERIES + r")/)[A-Z]{1,6}(?:\.\d{1,2}|\([A-Z]{2,6}\))?"
    # never the first part of a symbol with a space inside ("STCMLC/Part I/2021/2")
    r"(?:/[A-Za-z\d]+(?:\.[A-Za-z\d]+)*)+)(?![\w/(-]|[ ][IVX]{1,4}/)"
)
RECORD_RE = re.compile(r"/(PV|SR)\.(\d{1,4})$")
RANGE_AFTER_RE = re.compile(r"[ ](to|and)[ ](\d{1,4})(?![\w/.])")
RANGE_MAX = 20
RES_SYMBOL_RE = re.compile(r"^(A/HRC|A|E|S)/RES/(.+)$")
SC_NUMBER_RE = re.compile(r"^(\d{3,4}) ?\((\d{4})\)$")
ECOSOC_NUMBER_RE = re.compile(r"^(?:19[4-9]\d|20\d\d)/\d{1,3}")
SPACE_RE = re.compile(r"\s+")
# A Council symbol with two numbers puts the year first ("S/2024/200"); "S/2338/2024" is another
# organization's document (the OPCW's "S/" series).
NOT_COUNCIL_SYMBOL_RE = re.compile(r"^S/(?!(?:19[4-9]\d|20\d\d)/)\d+/\d+$")
LINK_WORDS_RE = re.compile(r"[ ,]*(?:in|at|by|through|with|under|of)?[ ]*")
# "adopted by the Assembly in its resolution S-30/1": a short name just before "its".
SHORT_NAME_BEFORE_RE = re.compile(
    r"\b(Assembly|Council|Commission|Conference|Congress)"
    r"[ ,]*(?:in|at|by|through|with|under|of)?[ ]*$"
)
OWN_BODY_WORDS: dict[str, tuple[str, ...]] = {
    "GA": ("Assembly",),
    "ECOSOC": ("Council",),
    "HRC": ("Council",),
    "SC": ("Council",),
    "CCPCJ": ("Commission",),
    "CND": ("Commission",),
    "COP-UNTOC": ("Conference",),
    "COSP-UNCAC": ("Conference",),
    "CONGRESS": ("Congress",),
    "OTHER": ("Council", "Assembly", "Commission", "Conference", "Congress"),
}
# A capitalized word right before "Council" or "Commission": the word ends a body's name.
NAME_WORD_BEFORE_RE = re.compile(r"\b[A-Z][\w-]*[ ]+$")
SHORT_BODY_NAMES = {"Assembly": "GA", "Congress": "CONGRESS"}


def find_references(
    chunks: Iterable[tuple[str, int | None]],
    *,
    own_body: str,
    own_symbol: str | None,
    own_number: str | None,
    joint_symbols: Iterable[str] = (),
    citing_bodies: dict[int, str] | None = None,
) -> tuple[ParsedReference, ...]:
    """Every UN resolution and document cited in the chunks (text, paragraph index), once each.

    `joint_symbols` are further symbols of the document itself; `citing_bodies` gives the body
    citing in a paragraph when it is not the document's (a draft embedded in a report).
    """
    found: dict[str, ParsedReference] = {}
    own_keys = {
        own_symbol or "",
        *(f"{own_body} {number}" for number in own_numbers(own_number)),
        *joint_symbols,
    }
    for text, index in chunks:
        citing = (citing_bodies or {}).get(index, own_body) if index is not None else own_body
        for reference in cited_resolutions(text, own_body=citing):
            add_reference(found, reference, index=index, own_keys=own_keys)
        if citing == "SC":
            for reference in bare_council_numbers(text):
                add_reference(found, reference, index=index, own_keys=own_keys)
        for reference in cited_documents(text):
            add_reference(found, reference, index=index, own_keys=own_keys)
    return tuple(found.values())


def add_reference(
    found: dict[str, ParsedReference],
    reference: ParsedReference,
    *,
    index: int | None,
    own_keys: set[str],
) -> None:
    """Keep each key's first citation, linked to its paragraph, skipping the document itself."""
    if reference.key in own_keys or reference.key in found:
        return
    found[reference.key] = ParsedReference(
        type=reference.type,
        body=reference.body,
        number=reference.number,
        symbol=reference.symbol,
        cited_text=reference.cited_text,
        paragraph_index=index,
    )


def bare_council_numbers(text: str) -> list[ParsedReference]:
    """The Council's resolutions its own text names by number and year alone."""
    return [
        ParsedReference(
            type="resolution",
            body="SC",
            number=f"{match.group(1)} ({match.group(2)})",
            cited_text=match.group(0),
        )
        for match in BARE_COUNCIL_NUMBER_RE.finditer(text)
        if not NOT_COUNCIL_NUMBER_BEFORE_RE.search(text[max(0, match.start() - 20) : match.start()])
    ]


def cited_documents(text: str) -> list[ParsedReference]:
    """Document symbols in `text`; resolution symbols (A/RES/...) become resolution references."""
    references: list[ParsedReference] = []
    for match in (*SPACED_SERIES_RE.finditer(text), *OTHER_SERIES_RE.finditer(text)):
        printed = [symbol.rstrip(".") for symbol in match.groups() if symbol]
        # "document C 2009/REP and Corr.1-3": the corrigenda of the symbol printed last.
        printed += related_symbols(printed[-1], text[match.end() : match.end() + 40])
        references.extend(
            ParsedReference(type="document", symbol=symbol, cited_text=symbol) for symbol in printed
        )
    for match in SYMBOL_RE.finditer(text):
        symbol = match.group(0).rstrip(".")
        if (
            "/" not in symbol
            or not any(ch.isdigit() for ch in symbol)
            or NOT_COUNCIL_SYMBOL_RE.match(symbol)
        ):
            continue
        for related in related_symbols(symbol, text[match.end() : match.end() + 40]):
            references.append(ParsedReference(type="document", symbol=related, cited_text=related))
        resolution = RES_SYMBOL_RE.match(symbol)
        if resolution:
            body = {"A/HRC": "HRC", "A": "GA", "E": "ECOSOC", "S": "SC"}[resolution.group(1)]
            references.append(
                ParsedReference(
                    type="resolution",
                    body=body,
                    number=normalize_number(resolution.group(2)),
                    cited_text=symbol,
                )
            )
        else:
            references.append(ParsedReference(type="document", symbol=symbol, cited_text=symbol))
    return references


def related_symbols(symbol: str, following: str) -> list[str]:
    """The further documents a symbol's own words name: its addendum or corrigendum ("S/1997/558
    and Add.1", "NPT/CONF.1995/32 (Part I)/Corr.2"), the later meetings of a range of records
    ("A/72/PV.44 to 45"), a second record ("A/72/PV.74 and 75")."""
    addendum = ADDENDUM_AFTER_RE.match(following)
    if addendum:
        first = int(addendum.group(2))
        last = int(addendum.group(3) or first)
        numbers = range(first, last + 1) if 0 <= last - first <= RANGE_MAX else (first,)
        # "A/79/533/Add.1 and Add.2": the second addendum of the report, not of the first.
        same_kind = re.search(rf"/{re.escape(addendum.group(1))}\d{{1,2}}$", symbol)
        document = symbol[: same_kind.start()] if same_kind else symbol
        return [f"{document}/{addendum.group(1)}{n}" for n in numbers]
    addendum = PART_ADDENDUM_AFTER_RE.match(following)
    if addendum:
        return [f"{symbol}/{addendum.group(1)}"]
    record = RECORD_RE.search(symbol)
    last = RANGE_AFTER_RE.match(following)
    if record and last and 0 < int(last.group(2)) - int(record.group(2)) <= RANGE_MAX:
        first = int(last.group(2)) if last.group(1) == "and" else int(record.group(2)) + 1
        return [f"{symbol[: record.start(2)]}{n}" for n in range(first, int(last.group(2)) + 1)]
    return []


def cited_resolutions(text: str, *, own_body: str) -> list[ParsedReference]:
    """Resolutions and decisions cited by number after "resolution(s)"/"decision(s)"."""
    references = []
    other_end: int | None = None  # where the last citation of another organization's ended
    for keyword in CITATION_RE.finditer(text):
        numbers = list_numbers(text, start=keyword.end())
        if not numbers:
            continue
        body, cited_start = cited_body(
            text, keyword_start=keyword.start(), after=numbers[-1][1], own_body=own_body
        )
        if (
            body == ""
            and other_end is not None
            and SAME_BODY_AGAIN_RE.fullmatch(text[other_end : keyword.start()])
        ):
            body = None  # "Environment Assembly resolution 2/21 ..., and resolution 4/10"
        if body is None:
            other_end = numbers[-1][1]
            continue
        other_end = None
        for number, end in numbers:
            cited = text[cited_start:end] if number == numbers[0][0] else number
            references.append(
                ParsedReference(
                    type="resolution",
                    body=body or infer_body(number, own_body=own_body),
                    number=number,
                    cited_text=SPACE_RE.sub(" ", cited).strip(),
                )
            )
    return references


def list_numbers(text: str, *, start: int) -> list[tuple[str, int]]:
    """The numbers enumerated right after a citation keyword, with their end offsets."""
    numbers: list[tuple[str, int]] = []
    singled_out = SINGLED_OUT_RE.match(text, start)
    match = NUMBER_RE.match(text, singled_out.end() if singled_out else start)
    while match:
        number, end = with_further_parts(normalize_number(match.group(0)), text, match.end())
        numbers.append((number, end))
        following = NUMBER_RE.search(text, end, end + GAP_MAX)
        if not following:
            break
        gap = text[end : following.start()]
        # A comma left out between two numbers ("2578 (2021) 2635 (2022)") still enumerates.
        listed = GAP_RE.match(gap) or ENTITLED_GAP_RE.match(gap) or not gap.strip()
        if SECOND_ADVERBIAL_RE.search(gap) or not listed:
            break
        match = following
    return numbers


def with_further_parts(number: str, text: str, end: int) -> tuple[str, int]:
    """A resolution's part with the further parts printed as letters alone after it, kept as
    printed as a decision's number in parts is ("75/290 A and B", "75/254 A to C"), and where
    the letters end; letters listed with "and" run on in the alphabet, or none is a part
    ("53/243 A and I")."""
    base, _, first = number.rpartition(" ")
    match = FURTHER_PARTS_RE.match(text, end)
    if not match or "/" not in base or not re.fullmatch(r"[A-Z]", first):
        return number, end
    if match.group("commas"):
        letters = re.findall(r"[A-Z]", match.group("commas"))
        if any(b <= a for a, b in zip([first, *letters[:-1]], letters, strict=True)):
            return number, end
    elif match.group("joint") == "and":
        letters = [*re.findall(r"[A-Z]", match.group("listed")), match.group("last")]
        if any(ord(b) - ord(a) != 1 for a, b in zip([first, *letters[:-1]], letters, strict=True)):
            return number, end
    elif (match.group("range_last") or match.group("last")) <= first:
        return number, end
    return number + SPACE_RE.sub(" ", match.group(0)), match.end()


def cited_body(
    text: str, *, keyword_start: int, after: int, own_body: str
) -> tuple[str | None, int]:
    """The cited body and where the citation starts.

    The body is named before the keyword, "its" or "of the X"; "" means infer it from the number,
    None means a body outside the UN.
    """
    offset = max(0, keyword_start - 110)
    before = text[offset:keyword_start]
    paired = PAIRED_CITATION_RE.search(before)
    if paired and (code := body_code(paired.group(1))):
        # "Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14, ...".
        return code, offset + paired.start()
    for pattern, code in BODY_CODE_RES:
        named = list(pattern.finditer(before))
        if named and before[named[-1].end() :].strip(" \u2019's") in ("", "of"):
            # "the adoption by the Commission on ... of resolution 28/1" is the Commission's.
            return code, offset + named[-1].start()
    other = OTHER_BODY_BEFORE_RE.search(before)
    if other:
        return None, offset + other.start()
    adopted_by = ADOPTED_BY_RE.search(before)
    if adopted_by and len(adopted_by.group(1).split()) >= ADOPTING_NAME_WORDS:
        # Named in full it is found above; any other body adopting it is not one of the UN's.
        return body_opening(adopted_by.group(1)), offset + adopted_by.start()
    place = REPORT_PLACE_RE.search(before)
    if place:
        report = list(SYMBOL_RE.finditer(before[: place.start()]))
        # "... Supplement No. 25 (A/71/25), annex, resolution 2/10": the bracket closed first.
        if report and before[report[-1].end() : place.start()] in ("", ")"):
            symbol = report[-1].group(0)
            # "E/2018/30" (a commission's report as a supplement of the Council's records) and
            # "A/73/..." name the body that receives the report, not the one that adopted it.
            code = body_of_symbol(symbol)
            if code is None:
                # A series no UN body issues ("CBD/COP/15/17, decision 15/4"): a treaty body's.
                return None, offset + report[-1].start()
            if not re.match(r"(?:E|A)/\d", symbol):
                return code, offset + report[-1].start()
            if re.match(r"(?:A|S)/\d", symbol) and "annex" in place.group(0):
                # In the annex of a letter to the Assembly or the Council ("A/56/1026-S/2002/932,
                # annex II, resolution 14/221"): a text another body adopted, not one of theirs.
                return None, offset + report[-1].start()
    named_set = NAMED_SET_RE.search(text, max(0, keyword_start - 300), keyword_start)
    if named_set:
        # "the resolutions of the Conference of the Parties ..., in particular resolution 10/1"
        code = last_body_named(named_set.group(1))
        if code:
            return code, keyword_start
    short = CITED_BODY_RE.search(before)
    if short:
        if short.group("other"):
            return None, offset + short.start()
        if short.group("its"):
            if subject := subject_after(
                text, before[: short.start()], after=after, own_body=own_body
            ):
                return subject, offset + short.start()
            named = body_named_before(before[: short.start()])
            other = OTHER_SUBJECT_BEFORE_RE.search(before[: short.start()])
            if not named and other:
                return None, offset + other.start()
            short_name = SHORT_NAME_BEFORE_RE.search(before[: short.start()])
            if not named and short_name:
                named = short_body(short_name.group(1), own_body=own_body) or None
            if (
                not named
                and own_body == "ECOSOC"
                and not ECOSOC_NUMBER_RE.match(
                    text[keyword_start:after].split()[-1]
                    if text[keyword_start:after].split()
                    else ""
                )
            ):
                # The Council's numbers are "2019/19": "its resolution 27/3" after "the
                # Commission on Crime Prevention and Criminal Justice" is the Commission's.
                named = last_body_named(text[max(0, offset - 200) : offset + short.start()])
            if not named and short_name and own_body != "ECOSOC":
                # A word that does not name the citing body: the body of that word named last
                # before it ("the Human Rights Council to renew the mandate ..., set forth by the
                # Council in its resolution 18/6"); if none, which body, the number's form tells
                # ("the Council in its resolution 1515 (2003)" in the Assembly's text).
                window = text[max(0, offset - 400) : offset + short.start()]
                return last_body_called(short_name.group(1), window), offset + short.start()
            return (named or own_body), offset + short.start()
        word = short.group("short")
        body = short_body(word, own_body=own_body)
        if (
            not body
            and word in ("Commission", "Council")
            and not NAME_WORD_BEFORE_RE.search(before[: short.start()])
        ):
            # "those of the Commission on Human Rights ..., in particular Commission resolution
            # 1998/72", "resolutions of the Human Rights Council, including Council resolutions
            # 52/5": the body of that word named last before it, the archive's or another; if
            # none, the number's form tells. Not the last word of a name ("the Economic and
            # Social Council and resolution 75/290 B").
            body = last_body_called(word, text[max(0, offset - 400) : offset + short.start()])
        return body, offset + short.start()
    tail = text[after : after + 140]
    of_body = OF_BODY_RE.match(tail)
    if of_body:
        return body_opening(tail[of_body.end() :]), keyword_start
    at_meeting = AT_MEETING_OF_RE.match(tail)
    if at_meeting:
        rest = tail[at_meeting.end() :]
        if code := body_opening(rest):
            return code, keyword_start
        if TREATY_BODY_RE.match(rest) and own_body not in TREATY_CONFERENCES:
            return None, keyword_start  # a treaty conference's own text names itself so
    return "", keyword_start


def subject_after(text: str, before: str, *, after: int, own_body: str) -> str | None:
    """The body named as the subject after "in its resolution N,": the one "its" refers to, in
    full ("the General Assembly decided") or short ("the Assembly decided")."""
    subject = SUBJECT_AFTER_RE.match(text, after)
    if not subject or not PREPOSITION_BEFORE_RE.search(before):
        return None
    named = BODY_NAME_RE.match(text, subject.end()) or SHORT_SUBJECT_RE.match(text, subject.end())
    if not named or CITATION_NEXT_RE.match(text, named.end()):
        return None
    return body_code(named.group(0)) or short_body(named.group(0), own_body=own_body) or None


def body_named_before(text: str) -> str | None:
    """The body whose name ends `text` but for a linking word: "by the General Assembly in"."""
    for pattern, code in BODY_CODE_RES:
        named = list(pattern.finditer(text))
        if named and LINK_WORDS_RE.fullmatch(text[named[-1].end() :]):
            return code
    return None


def last_body_named(text: str) -> str | None:
    """The body named last in `text`, if any."""
    last: tuple[int, str] | None = None
    for pattern, code in BODY_CODE_RES:
        for named in pattern.finditer(text):
            if last is None or named.start() > last[0]:
                last = (named.start(), code)
    return last[1] if last else None


def last_body_called(word: str, text: str) -> str | None:
    """The code of the body whose name holds `word` ("Commission", "Council") named last in
    `text`: the archive's ("CCPCJ", "HRC"), None for another body's ("the Commission on Human
    Rights"), "" when none is named."""
    last: tuple[int, str | None] | None = None
    for match in OTHER_BODY_RE.finditer(text):
        if word in match.group(0) and (last is None or match.start() > last[0]):
            last = (match.start(), body_code(match.group(0)))
    for pattern, code in BODY_CODE_RES:
        for named in pattern.finditer(text):
            if word in named.group(0) and (last is None or named.start() >= last[0]):
                last = (named.start(), code)
    return "" if last is None else last[1]


def short_body(word: str, *, own_body: str) -> str:
    """The body meant by "Council", "Assembly"...: the citing body if the word names it, else ""
    (inferred from the number) or the one body that the word can name."""
    if word in OWN_BODY_WORDS.get(own_body, ()):
        return own_body
    return SHORT_BODY_NAMES.get(word, "")


def infer_body(number: str, *, own_body: str) -> str:
    """The body a bare resolution number belongs to, judged by its form and the citing document."""
    if SC_NUMBER_RE.match(number):
        return "SC"
    if number.startswith(("S-", "ES-")):
        return "GA"
    if ECOSOC_NUMBER_RE.match(number):
        return "ECOSOC"
    session = number.split("/")[0]
    if own_body == "ECOSOC" and session.isdigit():
        # The Council numbers its own by year ("2019/19"): "and resolution 62/126, annex" after
        # "General Assembly resolution 50/81, annex," is the Assembly's.
        return "GA"
    # Commissions and conferences of the parties have held far fewer than forty sessions.
    if (
        own_body in ("OTHER", "CCPCJ", "COP-UNTOC", "COSP-UNCAC", "CONGRESS")
        and session.isdigit()
        and int(session) >= 40
    ):
        return "GA"
    return own_body if own_body != "OTHER" else "GA"


def own_numbers(number: str | None) -> list[str]:
    """A document's number and, for one in parts ("72/414 A and B", "73/408 A-C"), each part's."""
    if not number:
        return [""]
    parts = PARTS_NUMBER_RE.fullmatch(number)
    if not parts:
        return [number]
    base, letters = parts.group(1), parts.group(2)
    if "-" in letters:
        first, last = letters.split("-")
        letters = "".join(chr(code) for code in range(ord(first), ord(last) + 1))
    return [number, base, *(f"{base} {letter}" for letter in re.findall(r"[A-Z]", letters))]


def normalize_number(number: str) -> str:
    """A resolution number in its standard form: "72/266 A", "1898 (XVIII)", "2242 (2015)"."""
    number = SPACE_RE.sub(" ", number.strip())
    if "(" in number and " (" not in number:
        number = number.replace("(", " (")
    parts = number.split("/")
    if len(parts) == 2 and parts[1][-1:].isalpha() and " " not in parts[1]:
        number = f"{parts[0]}/{parts[1][:-1]} {parts[1][-1]}"
    return number
