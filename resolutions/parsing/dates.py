"""Month names, shared by the stages that read dates ('12 December 2013', 'December 12, 2013')."""

from __future__ import annotations

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# As printed, for regular expressions: "January|February|...|December".
MONTH_PATTERN = "|".join(month.capitalize() for month in MONTHS)
