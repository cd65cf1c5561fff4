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


@main.command()
@data_option
@click.option("--reason", is_flag=True, help="Also check OWL consistency with HermiT (needs Java).")
@format_option("table", "json")
def validate(data, reason, fmt):
    """Check the plan against the SHACL shapes (and, with --reason, OWL consistency).

    Prints severity, focus node, path and message of every result. Warnings (gaps the
    plan itself leaves) are shown but do not fail. Exit 0 conforms, 1 violation or
    inconsistency, 2 usage error, 3 could not load, 4 no Java for --reason.
    """
    from theory.validate import check_paths

    text, failed = check_paths(list(data), reason=reason, fmt=fmt)
    click.echo(text, nl=False)
    if failed:
        raise SystemExit(1)


@main.command()
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld"]),
    default="ttl",
    show_default=True,
    help="RDF format of the output.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write.")
def build(data, fmt, output):
    """Write ontology + data + inferred links as one graph (same input, same bytes).

    Adds th:supportedBy/th:resultOf (inverses), th:worksToward (activity -> result via its
    focus areas), th:leads/th:involvedIn (from responsibilities) and
    org:transitiveSubOrganizationOf.
    """
    from theory.build import build_to_file

    triples = build_to_file(list(data), fmt, output)
    click.echo(f"{output}: {triples} triples ({fmt})")


@main.command()
@data_option
@format_option()
def info(data, fmt):
    """What is loaded: plans, years, activities, focus areas, actors, amounts, triples."""
    from theory.info import info_rows
    from theory.output import format_rows

    click.echo(format_rows(info_rows(list(data)), fmt), nl=False)


# --- questions: query, coverage, actors, audit ----------------------------------------


def _questions_graph(data):
    from theory.load import load_graph

    return load_graph(list(data) or None)


def _questions_params(pairs):
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE (e.g. --param age=15)", param_hint="--param")
        params[key.strip()] = value
    return params


@main.command("query", epilog=EXIT_CODES_HELP)
@click.argument("name", required=False, metavar="[NAME|FILE.rq]")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter, bound as a typed RDF term (repeatable).")
@click.option("--sparql", "sparql", metavar="TEXT", help="Run this SPARQL text instead of a named query.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries: name, summary, parameters.")
@click.option("--allow-network", is_flag=True,
              help="Permit SERVICE and FROM, which fetch from the network (refused by default).")
@format_option("table", "csv", "json", "md")
@lang_option
@data_option
def query_command(name, params, sparql, list_only, allow_network, fmt, lang, data):
    """Run a named query, a .rq file or --sparql text on the plan.

    SELECT and ASK print rows in --format; CONSTRUCT and DESCRIBE print Turtle.
    SPARQL Update is refused; SERVICE and FROM are refused unless --allow-network.
    Example: theory query activities-for-age --param age=15
    """
    from theory import queries
    from theory.output import format_rows

    if list_only:
        click.echo(format_rows(queries.catalogue_rows(), fmt), nl=False)
        return
    if bool(name) == bool(sparql):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (one of them); --list shows the names")
    parsed = _questions_params(params)
    graph = _questions_graph(data)
    click.echo(queries.answer(graph, name or sparql, parsed, fmt=fmt, lang=lang, allow_network=allow_network), nl=False)


@main.command("coverage", epilog=EXIT_CODES_HELP)
@click.option("--year", type=int, help="Year to cover (default: the plan's own year).")
@click.option("--counting", type=click.Choice(["full", "split"]), default="full", show_default=True,
              help="Which budget the share uses: full (an activity counts fully in each of its focus "
              "areas) or split (divided equally among them).")
@click.option("--gaps", "gaps_only", is_flag=True, help="Print only the gaps (focus areas, results and money no activity covers).")
@format_option("table", "csv", "json", "md")
@lang_option
@data_option
def coverage_command(year, counting, gaps_only, fmt, lang, data):
    """Activities and budget per focus area, and the gaps.

    An activity's budget for the year is its row in the plan's overview table
    (th:OverviewTable, th:Total); share = budget (full or split) / the sum of the
    year's overview rows. Table and md print the focus areas, then the gaps; csv and
    json print the focus areas, or with --gaps only the gaps.
    """
    from theory.coverage import coverage_text, focus_area_coverage

    report = focus_area_coverage(_questions_graph(data), year, counting=counting, lang=lang)
    click.echo(coverage_text(report, fmt, gaps_only=gaps_only), nl=False)


@main.command("actors", epilog=EXIT_CODES_HELP)
@click.option("--year", type=int, help="Year to audit (default: the plan's own year).")
@click.option("--rollup", is_flag=True,
              help="Add each sub-organisation's load to its parents (org:subOrganizationOf, transitively).")
@click.option("--top", type=click.IntRange(min=1), help="Show only the N heaviest actors.")
@click.option("--max-activity-share", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Flag 'overloaded' above this share of the year's activities.")
@click.option("--max-budget-share", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Flag 'overloaded' above this share of the year's budget (activities it takes part in).")
@click.option("--pairs", is_flag=True, help="Print pairs of actors that share activities instead.")
@format_option("table", "csv", "json", "md")
@lang_option
@data_option
def actors_command(year, rollup, top, max_activity_share, max_budget_share, pairs, fmt, lang, data):
    """Actor-load audit: lead and partner roles, led budget, focus areas, centrality.

    lead = activities led (lead or co-lead); partner = activities with any other role.
    budget_lead = the overview-table budget of the activities it leads. centrality =
    networkx degree centrality on the bipartite actor-activity graph, normalised by the
    number of the year's activities. Flags: overloaded (above --max-activity-share of the
    activities or --max-budget-share of the budget), sole-actor (an activity hangs on it
    alone). Actors with no role in the year are listed too.
    """
    from theory.actors import actors_text

    text = actors_text(_questions_graph(data), year, rollup=rollup, top=top, fmt=fmt, lang=lang,
                       max_activity_share=max_activity_share, max_budget_share=max_budget_share, pairs=pairs)
    click.echo(text, nl=False)


@main.group("audit", cls=TheoryGroup, epilog=EXIT_CODES_HELP)
def audit_group():
    """Audits of the plan's own figures."""


@audit_group.command("budget", epilog=EXIT_CODES_HELP)
@click.option("--year", type=int, help="Only this year (default: every year the plan's tables cover).")
@click.option("--strict", is_flag=True, help="Exit 1 when anything does not add up.")
@format_option("table", "csv", "json", "md")
@lang_option
@data_option
def audit_budget_command(year, strict, fmt, lang, data):
    """Reconcile the plan's arithmetic: overview vs activity tables, lines vs "I alt",
    rows vs "Sum (kr.)", earmarks and co-financing. One row per mismatch
    (difference = computed - stated); no rows when the plan adds up.
    """
    from theory.budget import audit_budget, audit_text

    findings = audit_budget(_questions_graph(data), year, lang=lang)
    click.echo(audit_text(findings, fmt), nl=False)
    if strict and findings:
        from theory.errors import EXIT_FINDINGS

        click.get_current_context().exit(EXIT_FINDINGS)


# --- pictures: render, report ---------------------------------------------------------


@main.command("render", epilog=EXIT_CODES_HELP)
@click.argument("view", type=click.Choice(["changetheory", "actors", "coverage"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write; its suffix picks the kind: .html (interactive), .svg or .png.")
@click.option("--year", type=int, help="Year to draw (default: the plan's own year).")
@click.option("--focus-area", metavar="NAME", help="Draw only this focus area (name in any language, or IRI).")
@click.option("--actor", metavar="NAME", help="Draw only this actor's activities (name, alias or IRI).")
@click.option("--sub-organisations", is_flag=True, help="actors view: also draw sub-organisation links.")
@click.option("--open", "open_", is_flag=True, help="Open the file in the browser afterwards.")
@lang_option
@data_option
def render_command(view, output, year, focus_area, actor, sub_organisations, open_, lang, data):
    """Draw VIEW: changetheory (layered, left to right), actors (network) or coverage (heat map).

    An .html file is one self-contained page (vis-network inlined, no remote asset);
    .svg and .png are static images laid out the same way. Same input, same bytes.
    """
    from theory.render import render_file

    path = render_file(list(data), view, output, year=year, focus_area=focus_area, actor=actor,
                       lang=lang, sub_organisations=sub_organisations)
    click.echo(f"{path}: {view}")
    if open_:
        click.launch(str(path))


@main.command("report", epilog=EXIT_CODES_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--year", type=int, help="Year to report on (default: the plan's own year).")
@click.option("--open", "open_", is_flag=True, help="Open the report in the browser afterwards.")
@lang_option
@data_option
def report_command(output, year, open_, lang, data):
    """One self-contained HTML report for the steering group (prints well to PDF).

    The plan at a glance, focus-area coverage and gaps, actor load with flags, budget
    reconciliation findings, and the interactive change-theory and actor views.
    """
    from theory.report import report_file

    report_file(list(data), output, year, lang)
    click.echo(f"{output}: report")
    if open_:
        click.launch(str(output))


# --- curation: tidy -------------------------------------------------------------------


@main.command("tidy", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Only report files not in canonical form (exit 1); write nothing.")
def tidy_command(paths, check):
    """Rewrite curated Turtle files (or folders of them) in canonical longturtle form.

    The same triples always give the same bytes, so git diffs of graph/ stay readable.
    Comments in the files are not kept.
    """
    from theory.tidy import tidy_files

    results = tidy_files(paths, check=check)
    untidy = [r for r in results if not r.canonical]
    for r in untidy:
        click.echo(f"{'not canonical' if check else 'rewrote'}: {r.path} ({r.triples} triples)")
    click.echo(f"{len(results)} files, {len(untidy)} {'not canonical' if check else 'rewritten'}", err=True)
    if check and untidy:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
