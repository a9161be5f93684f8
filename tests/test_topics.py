"""Topic vocabulary (migration 0003) and the rules that suggest topics."""

import pytest

from resolutions.models import Topic
from resolutions.topic_rules import MIN_MENTIONS, TOPIC_PHRASES, suggest_topics


@pytest.mark.django_db
def test_vocabulary_is_loaded_with_descriptions_and_covers_every_rule():
    topics = Topic.objects.all()
    assert 15 <= topics.count() <= 25
    assert all(topic.description for topic in topics)
    assert set(TOPIC_PHRASES) == set(topics.values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        ("Strengthening the fight against corruption", [], {"corruption"}),
        ("Firearms Protocol", [], {"firearms"}),
        (
            "Annual report",
            ["Recalls extradition."] * MIN_MENTIONS,
            {"international-cooperation-in-criminal-matters"},
        ),
        ("Annual report", ["Recalls extradition."] * (MIN_MENTIONS - 1), set()),
        ("Countering money-laundering", [], {"money-laundering"}),
        ("Combating cybercrime", [], {"cybercrime"}),
        ("Report of the Commission on Crime Prevention and Criminal Justice", [], set()),
        ("Urban crime prevention", [], {"crime-prevention"}),
        ("Trafficking in persons, especially women and children", [], {"trafficking-in-persons"}),
    ],
)
def test_suggest_topics(title, paragraphs, expected):
    assert set(suggest_topics(title, paragraphs)) == expected


def test_every_phrase_starts_with_a_letter():
    # The pattern looks ahead for a letter a-z before trying the phrases (topic_rules.TOPICS_RE).
    phrases = [phrase.lower() for phrases in TOPIC_PHRASES.values() for phrase in phrases]
    assert all("a" <= phrase[0] <= "z" for phrase in phrases)
