"""Which authored option the room's own words are closest to: a suggestion, offline.

The facilitator confirms or changes it; this only saves them reading every card against
what the room said. Words are compared, not meanings: the share of content words the two
texts have in common (Jaccard, after dropping a few very common words and the ends of
words, so "supporting" meets "support"), with the character-level likeness `difflib`
measures to break ties and to help short texts. No model, no download, no network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

#: Words too common to say what a line is about.
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "for",
        "from",
        "have",
        "i",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "this",
        "to",
        "up",
        "we",
        "what",
        "with",
        "you",
        "your",
    ]
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _stem(word: str) -> str:
    """A crude English stem: enough that "asked", "asking" and "asks" meet."""
    for end in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(end) + 2 and word.endswith(end):
            return word[: -len(end)]
    return word


def words_of(text: str) -> frozenset[str]:
    """The content words of `text`, lower-cased and stemmed."""
    found = (w.casefold() for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in found if w not in STOP)


def likeness(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1: shared content words, then shared characters."""
    wa, wb = words_of(a), words_of(b)
    shared = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    chars = SequenceMatcher(None, a.casefold(), b.casefold()).ratio()
    return 0.8 * shared + 0.2 * chars


def closest(words: str, options: Sequence[str], allowed: Sequence[bool] = ()) -> int:
    """The index of the option most like `words` (the first on a tie), among those
    `allowed` (all when not given); -1 when none is allowed."""
    best, best_score = -1, -1.0
    for index, says in enumerate(options):
        if allowed and not allowed[index]:
            continue
        score = likeness(words, says)
        if score > best_score:
            best, best_score = index, score
    return best
