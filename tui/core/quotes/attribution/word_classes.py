"""Closed word classes the engine reads text with: auxiliaries, pronouns, words that
break a noun phrase, determiners, time words, openers of an appositive."""

from __future__ import annotations

_AUX = (
    "has have had also would will could might may should did does do later then once again "
    "previously recently repeatedly often never always long even still already just further "
    "simply only quickly is was were are be been had've 's not n't reportedly publicly "
    "privately famously frequently once first last bluntly"
).split()


AUX_SET = {w.lower() for w in _AUX}


PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "who"}


MALE = {"he", "him", "his"}


FEMALE = {"she", "her", "hers"}


BREAK_WORDS = {
    "that",
    "and",
    "but",
    "because",
    "when",
    "as",
    "if",
    "while",
    "which",
    "where",
    "in",
    "on",
    "at",
    "to",
    "with",
    "after",
    "before",
    "for",
    "by",
    "from",
    "than",
    "so",
    "or",
    "what",
    "how",
    "why",
    "whom",
    "whose",
    "about",
    "into",
    "over",
    "during",
    "since",
    "until",
    "though",
    "although",
    "whether",
    "of",
    "like",
    "not",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "there",
    "this",
    "these",
    "those",
    "then",
    "also",
    "once",
    "again",
    "even",
    "said",
    "says",
    "told",
    "tells",
}


DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "one",
    "another",
    "some",
    "many",
    "several",
    "two",
    "three",
    "most",
    "other",
    "both",
    "this",
    "these",
    "those",
}


TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
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
    "earlier",
    "later",
    "last",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "recently",
    "now",
    "then",
    "here",
    "there",
    "late",
    "early",
}


APPOSITIVE_OPENERS = {
    "who",
    "whose",
    "whom",
    "which",
    "a",
    "an",
    "the",
    "himself",
    "herself",
    "now",
    "also",
    "once",
    "formerly",
    "its",
    "his",
    "her",
    "their",
    "during",
    "speaking",
    "in",
    "at",
}
