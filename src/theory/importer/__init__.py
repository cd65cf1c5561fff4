"""A plan's PDF or text -> a draft plan graph and a review list.

>>> draft = read_plan("tryghedsplan-2024.pdf")     # doctest: +SKIP
>>> draft.graph        # the plan's triples, in the curated style of docs/curation.md
>>> draft.review_csv() # what a person should check: section, line, read, why, suggestion

The City of Copenhagen's safety partnerships write their yearly plans on one template;
this package reads that template by fixed rules (no language model, no network). What it
cannot read with certainty goes on the review list instead of into the graph as a guess.
"""

from .draft import REVIEW_COLUMNS, Draft, ReviewRow
from .errors import (BrokenPdfError, EmptyPlanError, EncryptedPdfError, ImageOnlyPdfError, NotAPlanError,
                     PlanFileError, PlanTooLargeError, UnsupportedPlanFileError)
from .reader import known_actors, read_plan
from .source import MAX_BYTES

__all__ = [
    "read_plan",
    "known_actors",
    "Draft",
    "ReviewRow",
    "REVIEW_COLUMNS",
    "MAX_BYTES",
    "PlanFileError",
    "PlanTooLargeError",
    "EmptyPlanError",
    "UnsupportedPlanFileError",
    "EncryptedPdfError",
    "ImageOnlyPdfError",
    "BrokenPdfError",
    "NotAPlanError",
]
