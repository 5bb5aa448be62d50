"""Reading time of a guide, computed from the words its blocks actually show."""

import math

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200


def reading_minutes(stream_value):
    """Minutes a volunteer needs to read this StreamField value, at least one."""
    texts = stream_value.stream_block.get_searchable_content(stream_value)
    words = sum(len(strip_tags(text).split()) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
