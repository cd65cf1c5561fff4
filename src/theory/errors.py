"""The one exception family of :mod:`theory`.

Every error the library raises on bad input is a :class:`TheoryError`; its message is one
line that says what went wrong, where (file, line, IRI) and how to fix it. The CLI turns
it into that line on stderr and the exit code in :attr:`TheoryError.exit_code`.
"""

__all__ = [
    "TheoryError",
    "UsageError",
    "LoadError",
    "DataError",
    "QueryError",
    "ReasonerError",
    "OutputError",
    "RemoteError",
    "StoreError",
    "EXIT_OK",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "EXIT_LOAD",
    "EXIT_REASONER",
]

#: the command did what was asked and found nothing wrong
EXIT_OK = 0
#: the data does not conform (SHACL violation, inconsistent ontology, --strict findings)
EXIT_FINDINGS = 1
#: bad options or arguments (an unknown format, a missing folder for the output)
EXIT_USAGE = 2
#: input could not be read (missing file, malformed Turtle, undeclared reference)
EXIT_LOAD = 3
#: the reasoner could not run (no Java)
EXIT_REASONER = 4


class TheoryError(Exception):
    """Base class: a one-line, user-facing message and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.message = message
        #: several one-line problems found at once (a workbook's cells); ``message`` sums them up
        self.problems = list(problems or [])

    def __str__(self) -> str:
        return self.message


class UsageError(TheoryError):
    """Options or arguments that cannot work (unknown format, bad parameter)."""

    exit_code = EXIT_USAGE


class OutputError(UsageError):
    """An output path that cannot be written (missing folder, not a file)."""


class LoadError(TheoryError):
    """A data file that is missing, unreadable or malformed."""

    exit_code = EXIT_LOAD


class DataError(LoadError):
    """Data that parses but cannot be used (a reference to an undeclared actor, …)."""


class QueryError(UsageError):
    """A SPARQL query that is malformed, an update, or reaches the network."""


class ReasonerError(TheoryError):
    """The OWL reasoner could not run (Java missing, owlready2 failure)."""

    exit_code = EXIT_REASONER


class RemoteError(LoadError):
    """A SPARQL endpoint or graph store that cannot be reached, refuses, or answers nonsense."""


class StoreError(LoadError):
    """A persistent store that is in use by another process, or cannot be opened or written."""
