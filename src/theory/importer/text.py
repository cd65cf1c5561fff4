"""The plan's text as lines that remember where they came from.

Both readers (:mod:`.pdftext` for PDFs, :func:`text_lines` for plain text) give a list of
:class:`Line`: its text, page and line number (for the review list), and for PDFs the
position of every word (so table figures can be put in their year column). Before parsing,
:func:`clean` removes what belongs to the page and not to the plan: page numbers, footnote
markers and footnote text, and hyphenation at line ends ("ind-" + "satsområder").

Sentences and list items are cut from runs of lines by :func:`sentences` and :func:`items`;
both keep the line they start on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

__all__ = ["Word", "Line", "Passage", "text_lines", "clean", "sentences", "items", "BULLET"]


@dataclass(frozen=True)
class Word:
    """One word of a PDF line and its horizontal extent (points from the page's left edge)."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True)
class Line:
    """One line of the plan: ``text`` single-spaced; ``raw`` with the extractor's spacing
    (plain text only: runs of spaces there stand for empty table cells)."""

    text: str
    page: int | None
    number: int
    raw: str = ""
    words: tuple[Word, ...] | None = None


@dataclass(frozen=True)
class Passage:
    """A sentence or list item: its text and the line it starts on."""

    text: str
    line: Line
    lines: tuple[Line, ...] = field(default=(), compare=False)
    bullet: bool = field(default=False, compare=False)


_SPACES = re.compile(r"\s+")


def _single(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00ad", "").replace("\u00a0", " ")).strip()


def text_lines(content: str) -> list[Line]:
    """Lines of a plain-text plan. A form feed starts a new page (``pdftotext`` output);
    without one, every line is on "page" None and numbered in the file."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    paged = "\f" in content
    lines: list[Line] = []
    page, on_page = 1, 0
    for number, raw in enumerate(content.split("\n"), start=1):
        chunks = raw.split("\f")
        for k, chunk in enumerate(chunks):
            if k:
                page, on_page = page + 1, 0
            on_page += 1
            text = _single(chunk)
            if text:
                lines.append(Line(text, page if paged else None, on_page if paged else number, chunk.rstrip("\n")))
    return lines


# --- cleaning -------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$", re.I)
_FOOTNOTE_LINE = re.compile(r"^(?:\[(\d{1,2})\]|(\d{1,2}))\s+(?=\S)")
# a footnote marker glued to a word: "effekt1." "Steno6" "skolen.5" "fællesskaber[1]"
_GLUED_MARKER = re.compile(r"(?<=[a-zæøåé\)”\"’.])(\d{1,2})(?=[\s.,;:)]|$)")
_BRACKET_MARKER = re.compile(r"\[(\d{1,2})\]")
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])-$")
_SUSPENDED = {"og", "eller", "samt", "til", "&", "el."}


def _running(lines: list[Line]) -> set[int]:
    """Indexes of running headers and footers: a line near the top or bottom of a page
    whose text (digits ignored) recurs on at least three pages and half of them."""
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.page is not None:
            pages.setdefault(line.page, []).append(i)
    if len(pages) < 3:
        return set()
    edge: dict[str, set[int]] = {}
    for page, idx in pages.items():
        for i in idx[:2] + idx[-2:]:
            key = re.sub(r"\d+", "#", lines[i].text.lower())
            edge.setdefault(key, set()).add(page)
    repeated = {k for k, on in edge.items() if len(on) >= max(3, len(pages) // 2)}
    out = set()
    for idx in pages.values():
        for i in set(idx[:2] + idx[-2:]):
            if re.sub(r"\d+", "#", lines[i].text.lower()) in repeated:
                out.add(i)
    return out


def _footnotes(lines: list[Line]) -> tuple[set[int], set[str]]:
    """Footnote text lines of a plain-text plan and the marker numbers they define.

    A footnote is a line "N text" or "[N] text" after a marker N glued to a word earlier
    in the text; it runs on to the next line that starts a page (the extractor's leading
    space), another footnote, or a page number, at most three lines.
    """
    seen: set[str] = set()
    drop: set[int] = set()
    defined: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FOOTNOTE_LINE.match(line.text)
        number = m and (f"[{m.group(1)}]" if m.group(1) else m.group(2))
        if number and number in seen and number not in defined and not re.match(r"^\d{1,2}\s+[a-zæøå]", line.text):
            defined.add(number)
            drop.add(i)
            k = i + 1
            while k < len(lines) and k <= i + 3:
                nxt = lines[k]
                if _FOOTNOTE_LINE.match(nxt.text) or _PAGE_NUMBER.match(nxt.text) or nxt.raw.startswith(" "):
                    break
                drop.add(k)
                k += 1
            i = k
            continue
        seen.update(_GLUED_MARKER.findall(line.text))
        seen.update(f"[{n}]" for n in _BRACKET_MARKER.findall(line.text))
        i += 1
    return drop, defined


def _strip_markers(line: Line, defined: set[str]) -> Line:
    def glued(m: re.Match) -> str:
        return "" if m.group(1) in defined else m.group(0)

    def bracket(m: re.Match) -> str:
        return "" if f"[{m.group(1)}]" in defined else m.group(0)

    text = _GLUED_MARKER.sub(glued, _BRACKET_MARKER.sub(bracket, line.text))
    if text == line.text:
        return line
    raw = _BRACKET_MARKER.sub(bracket, line.raw)
    raw = _GLUED_MARKER.sub(glued, raw)
    return replace(line, text=_single(text), raw=raw)


def _first_token(line: Line) -> str:
    return line.text.split(" ", 1)[0]


def _drop_first(line: Line) -> Line:
    rest = line.text.split(" ", 1)[1] if " " in line.text else ""
    raw = re.sub(r"^\s*\S+ ?", "", line.raw, count=1)
    words = line.words[1:] if line.words else line.words
    return replace(line, text=rest, raw=raw, words=words)


def _pull_first(out: list, i: int, token: str, keep_hyphen: bool) -> None:
    """Join the first word of line ``i + 1`` to the end of line ``i`` (a word or a year range
    broken at the line's end), dropping line ``i + 1`` when nothing is left of it."""
    line, nxt = out[i], out[i + 1]
    out[i] = _append(line, token, keep_hyphen, nxt.words[0] if nxt.words else None)
    rest = _drop_first(nxt)
    if rest.text:
        out[i + 1] = rest
    else:
        del out[i + 1]


def _append(line: Line, token: str, keep_hyphen: bool, moved: Word | None) -> Line:
    head = line.text if keep_hyphen else line.text[:-1]
    raw = line.raw.rstrip()
    raw = (raw if keep_hyphen else raw[:-1]) + token + " "
    words = line.words
    if words and moved is not None:
        last = words[-1]
        text = (last.text if keep_hyphen else last.text[:-1]) + token
        words = words[:-1] + (Word(text, last.x0, last.x1),)
    return replace(line, text=head + token, raw=raw, words=words)


def dehyphenate(lines: list[Line]) -> list[Line]:
    """Join words broken at line ends: "fritids-" + "job" -> "fritidsjob" (the first word
    of the next line moves up). "Kultur-" + "og" stays (a suspended compound: "Kultur- og
    Fritid"); after a capital or digit the hyphen stays ("SSP-" + "sekretariatet")."""
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        line, nxt = out[i], out[i + 1]
        token = _first_token(nxt)
        if re.search(r"(?<![\w.])(?:19|20)\d{2}-$", line.text) and re.match(r"(?:19|20)\d{2}\b", token):
            _pull_first(out, i, token, True)  # "2021-" + "2024"
            continue
        if _HYPHEN_END.search(line.text) and token and token[0].isalpha() and token.lower() not in _SUSPENDED:
            before = line.text[-2]
            _pull_first(out, i, token, before.isupper() or before.isdigit() or token[0].isupper())
            continue
        i += 1
    return out


def clean(lines: list[Line]) -> list[Line]:
    """Remove running headers and footers, page numbers, footnotes and their markers, and
    hyphenation at line ends. Empty lines go; every remaining line keeps its place."""
    running = _running(lines)
    kept = [line for i, line in enumerate(lines) if i not in running]
    drop, defined = _footnotes(kept)  # page numbers still in place: they end a footnote
    kept = [_strip_markers(line, defined) for i, line in enumerate(kept)
            if i not in drop and not _PAGE_NUMBER.match(line.text)]
    return [line for line in dehyphenate([line for line in kept if line.text]) if line.text]


# --- sentences and list items ------------------------------------------------------------

#: list bullets at the start of a line ("o" and "-" need a space after them)
BULLET = re.compile(r"^(?:[•●○◦▪■►➢✓]\s*|[-–o]\s+)")
_ABBREVIATIONS = {
    "bl.a", "b.la", "fx", "f.eks", "ca", "mfl", "m.fl", "mv", "m.v", "m.m", "jvf", "jf", "ift", "ifm", "pt",
    "hhv", "kr", "nr", "dvs", "evt", "inkl", "ekskl", "ibid", "lign", "o.lign", "mhp", "vedr", "tlf", "st",
    "kl", "bl", "ml", "osv", "etc", "el", "mht", "iht", "ang", "jan", "feb", "aug", "sept", "sep", "okt", "nov",
    "dec", "mio", "mia", "o", "a", "s",
}


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    text, starts = "", []
    for line in lines:
        if text:
            text += " "
        starts.append(len(text))
        text += line.text
    return text, starts


def _line_at(lines: list[Line], starts: list[int], pos: int) -> Line:
    k = 0
    for i, start in enumerate(starts):
        if start <= pos:
            k = i
    return lines[k]


def _cuts(text: str) -> list[int]:
    cuts = []
    for m in re.finditer(r"[.!?](?:[”\"’)]*)\s+(?=[A-ZÆØÅÉ0-9”\"‘’•●(])", text):
        end = m.start()
        word = re.search(r"(\S+)$", text[:end + 1])
        token = word.group(1).rstrip(".").lower() if word else ""
        if text[end] == "." and (token in _ABBREVIATIONS or re.fullmatch(r"\d{1,2}", token)):
            continue
        cuts.append(m.end())
    return cuts


def sentences(lines: list[Line]) -> list[Passage]:
    """The sentences of a run of lines (joined first, so a sentence may span lines); list
    items that do not end with a full stop end at the next bullet."""
    out: list[Passage] = []
    for block in items(lines, keep_bullets=False):
        text, starts = _joined(list(block.lines))
        pos = 0
        for cut in _cuts(text) + [len(text)]:
            piece = text[pos:cut].strip()
            if piece:
                first = _line_at(list(block.lines), starts, pos + (len(text[pos:cut]) - len(text[pos:cut].lstrip())))
                covered = tuple(ln for ln, s in zip(block.lines, starts) if pos <= s + len(ln.text) and s < cut)
                out.append(Passage(piece, first, covered))
            pos = cut
    return out


def items(lines: list[Line], *, keep_bullets: bool = False) -> list[Passage]:
    """List items and paragraphs: a bullet starts an item; a line after one that ended
    with a full stop, colon or question mark and that starts with a capital starts a new
    paragraph; anything else continues the item before it."""
    groups: list[list[Line]] = []
    bullets: list[bool] = []
    for line in lines:
        is_bullet = bool(BULLET.match(line.text)) or bool(re.match(r"^\d{1,2}\.\s+\S", line.text))
        if groups and not is_bullet:
            prev = groups[-1][-1].text
            ends = prev.rstrip().endswith((".", ":", "?", "!"))
            starts_upper = line.text[:1].isupper() or line.text[:1] in "”\"("
            heading = len(groups[-1]) == 1 and len(prev.split()) <= 6 and not prev.rstrip().endswith((",", "-"))
            if not ((ends or heading) and starts_upper):
                groups[-1].append(line)
                continue
        groups.append([line])
        bullets.append(is_bullet)
    out = []
    for group, bullet in zip(groups, bullets):
        text = " ".join(ln.text for ln in group)
        if bullet and not keep_bullets:
            text = BULLET.sub("", text, count=1)
            group = [replace(group[0], text=BULLET.sub("", group[0].text, count=1))] + group[1:]
        out.append(Passage(text.strip(), group[0], tuple(group), bullet))
    return out
