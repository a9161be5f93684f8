"""What a search facet needs from the catalogue: vote outcome and UNBIS subject (with narrower).

The search's facet registry lives elsewhere (resolutions/search.py, filters.py); these are the
lookups and choices it declares, relative to a Paragraph or a Document queryset. See
docs/catalogue.md, "For the facet registry".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from .models import Concept, VoteOutcome
from .thesaurus import narrower_ids

# From a paragraph: paragraph -> document -> catalogue record.
OUTCOME_FROM_PARAGRAPH = "document__catalogue_record__vote_outcome"
OUTCOME_FROM_DOCUMENT = "catalogue_record__vote_outcome"
# The values a researcher can pick; "" (not recorded) is not offered.
OUTCOME_CHOICES: list[tuple[str, str]] = [
    (value, label) for value, label in VoteOutcome.choices if value
]
SUBJECT_FROM_PARAGRAPH = "document__catalogue_record__subjects__concept_id__in"
SUBJECT_FROM_DOCUMENT = "catalogue_record__subjects__concept_id__in"


def outcome_q(values: Iterable[str], *, prefix: str = OUTCOME_FROM_PARAGRAPH) -> Q:
    """Documents (or their paragraphs) adopted in one of these ways; unknown values match none."""
    wanted = [v for v in values if v in VoteOutcome.values and v]
    return Q(**{f"{prefix}__in": wanted})


def subject_q(identifiers: Iterable[str], *, lookup: str = SUBJECT_FROM_PARAGRAPH) -> Q:
    """Documents (or paragraphs) catalogued under these UNBIS concepts or any narrower one."""
    roots = Concept.objects.filter(identifier__in=list(identifiers)).values_list("pk", flat=True)
    return Q(**{lookup: sorted(narrower_ids(roots))})
