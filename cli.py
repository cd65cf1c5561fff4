"""The ``theory`` command: options in, one call into :mod:`theory`, rows out.

Kept thin and fast: nothing heavy is imported at module level (``theory --help`` must
not pay for rdflib, pyshacl or pyvis); each command imports what it needs. Library
errors (:class:`theory.errors.TheoryError`) become one line on stderr and their exit
code in :class:`TheoryGroup`, the only place that translates them.

Exit codes: 0 ok; 1 findings (a SHACL violation, an inconsistent ontology, --strict
audit findings); 2 usage error (bad option, unknown format, missing output folder);
3 input could not be loaded (missing file, malformed RDF, undeclared reference);
4 the reasoner could not run (no Java).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 findings (violations, --strict), 2 usage error, "
    "3 input could not be loaded, 4 reasoner could not run."
)


class TheoryGroup(click.Group):
    """Translates library errors into one stderr line and an exit code, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as err:
            if "theory.errors" in sys.modules:
                from theory.errors import TheoryError

                if isinstance(err, TheoryError):
                    click.echo(f"Error: {err.message}", err=True)
                    ctx.exit(err.exit_code)
            raise


def data_option(func):
    """``--data PATH`` (repeatable): files or folders that replace the shipped plan."""
    return click.option(
        "--data",
        "data",
        multiple=True,
        type=click.Path(path_type=Path),
        help="RDF file or folder to load instead of the shipped plan (repeatable). "
        "The ontology is always loaded too.",
    )(func)


def format_option(*choices: str, default: str = "table"):
    """``--format`` with the given choices (rows: table, csv, json, md)."""
    choices = choices or ("table", "csv", "json", "md")

    def decorate(func):
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


def lang_option(func):
    """``--lang da|en``: which labels to show."""
    return click.option(
        "--lang",
        type=click.Choice(["da", "en"]),
        default="da",
        show_default=True,
        help="Label language (English where the graph has it, else Danish).",
    )(func)


@click.group(cls=TheoryGroup, epilog=EXIT_CODES_HELP)
@click.version_option("0.1.0", prog_name="theory")
def main():
    """Model, query, audit and render a safety partnership's change theory.

    Loads the shipped Tingbjerg-Husum 2024 plan unless --data points elsewhere.
    """


# --- model: validate, build, info ---------------------------------------------------


# --- questions: query, coverage, actors, audit ----------------------------------------


# --- pictures: render, report ---------------------------------------------------------


if __name__ == "__main__":  # pragma: no cover
    main()
