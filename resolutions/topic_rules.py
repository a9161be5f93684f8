"""Topic suggestions: phrases that point to a topic of the vocabulary (see docs/topics.md).

Pure Python. A topic is suggested for a document when one of its phrases appears in the title,
or when its phrases appear at least `MIN_MENTIONS` times in the paragraphs. Phrases are
regular expressions matched case-insensitively on word boundaries. Suggestions are only
suggestions: a librarian confirms or rejects them, and a later ingest keeps that decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Mentions in the paragraphs needed to suggest a topic that the title does not name.
MIN_MENTIONS = 3

# Topic slug (as created by migration 0003) -> phrases (regular expressions).
TOPIC_PHRASES: dict[str, tuple[str, ...]] = {
    "crime-prevention": (
        # Not the names "Commission on / Congress on Crime Prevention and Criminal Justice".
        r"crime prevention(?! and criminal justice)",
        r"prevent(?:ing|ion of)? crime",
        r"guidelines for the prevention of (?:urban )?crime",
    ),
    "criminal-justice-reform": (
        r"criminal justice (?:system|reform)s?",
        r"standards and norms in crime prevention",
        r"rule of law",
    ),
    "access-to-justice-and-legal-aid": (
        r"legal aid",
        r"access to justice",
    ),
    "transnational-organized-crime": (
        r"transnational organized crime",
        r"organized criminal groups?",
        r"Organized Crime Convention",
    ),
    "trafficking-in-persons": (
        r"trafficking in persons",
        r"human trafficking",
        r"trafficked persons",
        r"victims of (?:such )?trafficking",
    ),
    "smuggling-of-migrants": (
        r"smuggling of migrants",
        r"migrant smuggling",
        r"smuggled migrants",
    ),
    "corruption": (
        r"corruption",
        r"bribery",
        r"asset recovery",
        r"embezzlement",
    ),
    "terrorism": (
        r"terrorism",
        r"terrorists?",
        r"terrorist acts",
    ),
    "drugs": (
        r"narcotic drugs",
        r"psychotropic substances",
        r"world drug problem",
        r"drug (?:control|trafficking|abuse|use|demand)",
        r"illicit drugs?",
    ),
    "firearms": (
        r"firearms",
        r"small arms and light weapons",
        r"ammunition",
    ),
    "cybercrime": (
        r"cybercrime",
        r"cyber-?crime",
        r"information and communications technologies for criminal purposes",
        r"electronic evidence",
    ),
    "money-laundering": (
        r"money[- ]laundering",
        r"laundering of (?:the )?proceeds of crime",
        r"proceeds of crime",
        r"financial intelligence",
    ),
    "victims-and-witnesses": (
        r"victims of crime",
        r"protection of (?:victims|witnesses)",
        r"witness protection",
        r"victims and witnesses",
        r"assistance to victims",
    ),
    "children": (
        # Not bare "children": "especially women and children" is in most trafficking texts.
        r"juvenile justice",
        r"child victims",
        r"children in contact with the (?:justice|law)",
        r"violence against children",
        r"rights of the child",
        r"child (?:sexual|pornography|abuse|exploitation)",
        r"minors",
    ),
    "violence-against-women": (
        r"violence against women",
        r"gender-related killing",
        r"femicide",
        r"gender-based violence",
    ),
    "prisons-and-the-treatment-of-offenders": (
        r"prisons?",
        r"prisoners",
        r"treatment of (?:prisoners|offenders)",
        r"Nelson Mandela Rules",
        r"non-custodial measures",
        r"alternatives to imprisonment",
    ),
    "international-cooperation-in-criminal-matters": (
        r"international cooperation in criminal matters",
        r"mutual legal assistance",
        r"extradition",
        r"judicial cooperation",
        r"law enforcement cooperation",
    ),
    "technical-assistance-and-capacity-building": (
        r"technical assistance",
        r"capacity-building",
        r"capacity building",
    ),
    "crimes-that-affect-the-environment": (
        r"crimes that affect the environment",
        r"wild fauna and flora",
        r"wildlife",
        r"forest products",
        r"environmental crime",
    ),
    "trafficking-in-cultural-property": (
        r"cultural property",
        r"cultural heritage",
    ),
    "maritime-crime-and-piracy": (
        r"piracy",
        r"armed robbery at sea",
        r"maritime crime",
    ),
    "crime-statistics-and-research": (
        r"crime statistics",
        r"statistics on crime",
        r"crime trends",
        r"data collection",
        r"victimization surveys?",
    ),
}

# One pattern with a named group per topic: a single scan of the text counts every topic.
# Phrases and text are lowercased (faster than re.IGNORECASE), so phrases use no \S, \W or \D.
# Every phrase starts with a letter a-z (a test checks): the lookahead skips, before trying
# each phrase, the positions where none can start (word ends, spaces, digits), half the time.
TOPIC_GROUPS: dict[str, str] = {f"t{i}": slug for i, slug in enumerate(TOPIC_PHRASES)}
TOPICS_RE = re.compile(
    r"(?=[a-z])\b(?:"
    + "|".join(
        f"(?P<{group}>{'|'.join(TOPIC_PHRASES[slug]).lower()})"
        for group, slug in TOPIC_GROUPS.items()
    )
    + r")\b"
)


def count_mentions(text: str) -> Counter[str]:
    """How often each topic's phrases occur in a text, by topic slug."""
    return Counter(TOPIC_GROUPS[match.lastgroup] for match in TOPICS_RE.finditer(text.lower()))


def suggest_topics(title: str, paragraphs: Iterable[str]) -> list[str]:
    """The slugs of the topics a document's title names or its paragraphs mention repeatedly."""
    in_title = count_mentions(title)
    in_text = count_mentions("\n".join(paragraphs))
    return [slug for slug in TOPIC_PHRASES if in_title[slug] or in_text[slug] >= MIN_MENTIONS]
