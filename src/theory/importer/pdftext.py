"""A PDF's text layer as :class:`~.text.Line` objects, through pdfplumber.

pdfplumber gives every word with its position and font size. Words are grouped into lines
by their vertical position; each line keeps its words' horizontal extent, so a table's
figures can later be put under the year they stand under. Two things are dropped here
because only the PDF shows them: footnote markers set as small raised digits, and footnote
text set in a smaller font at the foot of the page. Running headers, footers and page
numbers go in :func:`.text.clean`, which needs all pages at once.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from .errors import BrokenPdfError, EncryptedPdfError, ImageOnlyPdfError
from .text import Line, Word

__all__ = ["pdf_lines"]

_SMALL = 0.82  # a word or line set below this share of the body size is a footnote's
_MARKER = re.compile(r"^(?:\d{1,2}|\[\d{1,2}\]|\*{1,3})$")


_ENCRYPTED = (
    "the PDF is encrypted and needs a password; save an unprotected copy (or export the text) and import that"
)


def _open(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # noqa: B018 - parses the page tree, where encryption and damage show
    except Exception as err:  # pdfplumber wraps pdfminer's errors in its own type
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise EncryptedPdfError(f"{path}: {_ENCRYPTED}") from None
        first = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
        raise BrokenPdfError(f"{path}: not a readable PDF ({first}); export it again from the original") from None
    return pdf


def _group(words: list[dict]) -> list[list[dict]]:
    """Words into lines: a word belongs to the line whose top it shares (within a third of
    its height); lines in reading order, words left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        height = max(word["bottom"] - word["top"], 1.0)
        for line in lines:
            ref = line[0]
            if abs(ref["top"] - word["top"]) <= height / 3 or abs(ref["bottom"] - word["bottom"]) <= height / 3:
                line.append(word)
                break
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    lines.sort(key=lambda ln: min(w["top"] for w in ln))
    return lines


def _page_lines(page, number: int) -> list[Line]:
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
    if not words:
        return []
    sizes = [w["size"] for w in words for _ in w["text"]]
    body = statistics.median(sizes)
    out: list[Line] = []
    for k, line in enumerate(_group(words), start=1):
        size = statistics.median(w["size"] for w in line)
        lower = min(w["top"] for w in line) > page.height * 0.5
        if size < body * _SMALL and lower:
            continue  # footnote text at the foot of the page
        kept = [w for w in line if not (w["size"] < size * _SMALL and _MARKER.match(w["text"]))]
        glued: list[dict] = []
        for w in kept:  # a raised marker split a word from its punctuation: "effekt" "1" "."
            if glued and w["x0"] - glued[-1]["x1"] < 0.5 and not w["text"][:1].isalnum():
                prev = glued[-1]
                glued[-1] = dict(prev, text=prev["text"] + w["text"], x1=w["x1"])
            else:
                glued.append(w)
        if not glued:
            continue
        text = " ".join(w["text"] for w in glued)
        out.append(Line(text, number, k, text, tuple(Word(w["text"], w["x0"], w["x1"]) for w in glued)))
    return out


def pdf_lines(path: Path) -> list[Line]:
    """Every text line of the PDF at ``path``, page by page.

    Raises :class:`EncryptedPdfError`, :class:`BrokenPdfError`, or
    :class:`ImageOnlyPdfError` when no page has a text layer.
    """
    pdf = _open(path)
    try:
        lines: list[Line] = []
        images = 0
        for number, page in enumerate(pdf.pages, start=1):
            try:
                lines.extend(_page_lines(page, number))
                images += len(page.images)
            except Exception as err:  # a damaged content stream
                first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
                raise BrokenPdfError(f"{path}, page {number}: cannot read the page ({first})") from None
        if not lines:
            what = f"{len(pdf.pages)} page(s) of images" if images else f"{len(pdf.pages)} page(s)"
            raise ImageOnlyPdfError(
                f"{path}: no text layer ({what}, no text); run OCR first (e.g. ocrmypdf) "
                "or import the plan's text instead"
            )
        return lines
    finally:
        pdf.close()
