"""Which file is it, may we read it, and its cleaned lines.

The size is checked before anything is read: no plan is anywhere near
:data:`MAX_BYTES`, and a file that big is refused at once. A PDF is recognised by its
first bytes (``%PDF-``), whatever its name; anything else must be UTF-8 (or Windows-1252)
text without NUL bytes.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import LoadError
from .errors import BrokenPdfError, EmptyPlanError, PlanTooLargeError, UnsupportedPlanFileError
from .pdftext import pdf_lines
from .text import Line, clean, text_lines

__all__ = ["MAX_BYTES", "read_lines"]

#: the largest file the importer reads (a plan's PDF is a few MB)
MAX_BYTES = 50 * 1024 * 1024


def _size(path: Path) -> int:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file; check the path") from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror}") from None
    if not path.is_file():
        raise LoadError(f"{path}: not a file; give the plan's PDF or text file")
    return stat.st_size


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(1024)
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror}") from None


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise UnsupportedPlanFileError(
            f"{path}: neither a PDF nor a text file (binary content); give the plan as PDF or UTF-8 text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_lines(path: Path) -> tuple[list[Line], str]:
    """The cleaned lines of the plan at ``path`` and its kind (``"pdf"`` or ``"text"``).

    Raises a :class:`~theory.errors.LoadError` subclass for a missing, empty, oversized,
    encrypted, image-only, damaged or binary file.
    """
    path = Path(path)
    size = _size(path)
    if size > MAX_BYTES:
        raise PlanTooLargeError(
            f"{path}: {size / 1024 / 1024:.0f} MB is larger than any plan (limit "
            f"{MAX_BYTES // 1024 // 1024} MB); give the plan's own PDF or text"
        )
    if size == 0:
        raise EmptyPlanError(f"{path}: the file is empty; give the plan's PDF or text")
    head = _head(path)
    if head.lstrip()[:5] == b"%PDF-":
        return clean(pdf_lines(path)), "pdf"
    if path.suffix.lower() == ".pdf":
        raise BrokenPdfError(f"{path}: named .pdf but not a PDF (no %PDF- header); export it again from the original")
    if path.suffix.lower() in {".docx", ".doc", ".xlsx", ".xls", ".odt", ".zip", ".png", ".jpg", ".jpeg"}:
        raise UnsupportedPlanFileError(
            f"{path}: {path.suffix} files are not read; save the plan as PDF or plain text and import that"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror}") from None
    lines = text_lines(_decode(path, data))
    if not lines:
        raise EmptyPlanError(f"{path}: the file holds no text; give the plan's PDF or text")
    return clean(lines), "text"
