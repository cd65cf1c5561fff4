"""Why a file cannot be imported as a plan: one class per kind of bad input.

All are :class:`theory.errors.LoadError` (exit 3): the input could not be loaded. Each
message is one line naming the file, what is wrong and what to do instead. Nothing is
written when one is raised (the importer writes nothing itself; its caller writes only a
finished draft).
"""

from __future__ import annotations

from ..errors import LoadError

__all__ = [
    "PlanFileError",
    "PlanTooLargeError",
    "EmptyPlanError",
    "UnsupportedPlanFileError",
    "EncryptedPdfError",
    "ImageOnlyPdfError",
    "BrokenPdfError",
    "NotAPlanError",
]


class PlanFileError(LoadError):
    """A plan file that cannot be imported."""


class PlanTooLargeError(PlanFileError):
    """Larger than any plan; refused before a byte of it is read."""


class EmptyPlanError(PlanFileError):
    """An empty file, or one with no text at all."""


class UnsupportedPlanFileError(PlanFileError):
    """Neither a PDF nor a plain-text file."""


class EncryptedPdfError(PlanFileError):
    """A PDF that needs a password to open."""


class ImageOnlyPdfError(PlanFileError):
    """A PDF with pages but no text layer (a scan)."""


class BrokenPdfError(PlanFileError):
    """A file that claims to be a PDF but cannot be parsed as one."""


class NotAPlanError(PlanFileError):
    """Readable text that does not follow the safety-plan template."""
