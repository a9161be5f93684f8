"""The addressee vocabulary: whom an operative paragraph can address, by key, with its label.

Read by the lineage's classifier (lineage/addressees.py), the search's `addressee` facet, the
API's schema and the commitments page; it sits below them all.
"""

from __future__ import annotations

ADDRESSEES = {
    "member_states": "all Member States",
    "group_of_states": "a group of States",
    "secretary_general": "the Secretary-General",
    "unodc": "UNODC",
    "un_entity": "another United Nations entity",
    "civil_society": "civil society",
    "private_sector": "the private sector",
    "regional_organizations": "regional organizations",
    "body_itself": "the body itself",
}
