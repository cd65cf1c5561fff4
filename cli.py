"""The ``theory`` command: options in, one workspace, one call into :mod:`theory`, text out.

Kept thin and fast: nothing heavy is imported at module level (``theory --help`` must
not pay for rdflib, pyoxigraph or pyshacl); each command imports what it needs. Library
errors (:class:`theory.errors.TheoryError`) become ``Error: …`` lines on stderr and their
exit code in :class:`TheoryGroup`, the only place that translates them.

Exit codes: 0 ok; 1 findings (a SHACL violation, an inconsistent ontology, --strict
findings); 2 usage error (bad option, unknown name or plan, a year outside the plan,
missing output folder); 3 input could not be loaded (missing file, malformed RDF,
undeclared reference, a store in use, a server that cannot be reached); 4 the reasoner
could not run (no Java).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 findings (violations, --strict), 2 usage error, "
    "3 input could not be loaded (file, store, server), 4 reasoner could not run."
)
#: problems of one input printed at most (a workbook's cells)
MAX_PROBLEMS = 50


class TheoryGroup(click.Group):
    """Translates library errors into ``Error:`` lines on stderr and an exit code, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as err:
            if "theory.errors" in sys.modules:
                from theory.errors import TheoryError

                if isinstance(err, TheoryError):
                    for line in (err.problems[:MAX_PROBLEMS] or [err.message]):
                        click.echo(f"Error: {line}", err=True)
                    if len(err.problems) > 1:
                        click.echo(f"Error: {err.message}", err=True)
                    ctx.exit(err.exit_code)
            raise


# --- options shared by the commands ------------------------------------------------------


def workspace_options(func):
    """``--data``/``--store``/``--endpoint`` (where the plans are), ``--plan`` and ``--lang``."""
    options = [
        click.option("--data", "data", multiple=True, type=click.Path(path_type=Path),
                     help="A plan's folder, a portfolio folder, RDF files or a TriG/N-Quads file "
                          "(repeatable; default: the shipped plan)."),
        click.option("--store", "store", type=click.Path(path_type=Path), metavar="DIR",
                     help="A persistent Oxigraph store filled by `theory load` (no parsing)."),
        click.option("--endpoint", "endpoint", metavar="URL",
                     help="A SPARQL 1.1 endpoint holding the plans (credentials from THEORY_USER/"
                          "THEORY_PASSWORD or ~/.netrc)."),
        click.option("--plan", "plan", metavar="NAME|IRI",
                     help="Only this plan (name, part of it, or IRI); default: every loaded plan."),
        click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True,
                     help="Language of the output (plan text falls back to Danish)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def format_option(*choices: str, default: str = "table"):
    """``--format`` with the given choices (rows: table, csv, json, md)."""
    choices = choices or ("table", "csv", "json", "md")
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format (csv and json: raw numbers, for other programs).")


def year_option(help_text: str = "Year (default: the plan's own year)."):
    return click.option("--year", type=int, help=help_text)


def open_workspace(params: dict):
    """The one workspace of a command, from its ``--data/--store/--endpoint/--lang`` options."""
    from theory.workspace import Workspace

    return Workspace.open(list(params.get("data") or []) or None, store=params.get("store"),
                          endpoint=params.get("endpoint"), lang=params.get("lang") or "da")


def open_in_browser(path: Path) -> None:
    """Open ``path`` in a browser; where there is none, one line on stderr (no launcher noise)."""
    from theory.render.browser import open_file

    message = open_file(path)
    if message:
        click.echo(message, err=True)


@click.group(cls=TheoryGroup, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="theory", prog_name="theory")
def main():
    """Model, query, audit and render safety partnerships' plans and their change theory.

    Loads the shipped Tingbjerg-Husum 2024 plan unless --data, --store or --endpoint
    points elsewhere. Commands that answer per plan answer for every loaded plan (with a
    plan column) unless --plan picks one.
    """


# --- model: validate, build, info, plans ------------------------------------------------


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--reason", is_flag=True, help="Also check OWL consistency with HermiT (needs Java).")
@format_option("table", "json")
@workspace_options
def validate(reason, fmt, **where):
    """Check each plan against the SHACL shapes (and, with --reason, OWL consistency).

    Prints severity, focus node, path and message of every result. Warnings (gaps the
    plan itself leaves) are shown but do not fail; owl:imports are never followed, and
    named. Exit 0 conforms, 1 violation or inconsistency, 3 could not load, 4 no Java.
    """
    from theory.validate import check_plans

    ws = open_workspace(where)
    text, failed = check_plans(ws, ws.scope(where["plan"]), reason=reason, fmt=fmt)
    click.echo(text, nl=False)
    if failed:
        sys.exit(1)


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "jsonld"]), default="ttl", show_default=True,
              help="RDF format of the output.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write.")
@workspace_options
def build(fmt, output, **where):
    """Write one plan with the ontology, the registry and the inferred links (same input, same bytes).

    Adds th:supportedBy/th:resultOf (inverses), th:worksToward (activity -> result via its
    focus areas), th:leads/th:involvedIn (from responsibilities) and
    org:transitiveSubOrganizationOf.
    """
    from theory.build import FORMATS, build_plan, serialize
    from theory.output import write_file

    if fmt not in FORMATS:
        raise click.BadParameter(fmt, param_hint="--format")
    ws = open_workspace(where)
    graph = build_plan(ws, ws.only_plan(where["plan"], "build"))
    write_file(output, serialize(graph, fmt))
    click.echo(f"{output}: {len(graph)} triples ({fmt})")


@main.command(epilog=EXIT_CODES_HELP)
@format_option()
@workspace_options
def info(fmt, **where):
    """What is loaded: plans, years, activities, focus areas, actors, amounts, triples."""
    from theory.info import INFO_COLUMNS, info_rows
    from theory.output import format_rows

    ws = open_workspace(where)
    click.echo(format_rows(info_rows(ws, ws.scope(where["plan"])), fmt, columns=INFO_COLUMNS, lang=ws.lang), nl=False)


@main.command("plans", epilog=EXIT_CODES_HELP)
@format_option()
@workspace_options
def plans_command(fmt, **where):
    """The loaded plans: partnership, plan year, years covered, activities and budget of the
    plan year, graph IRI."""
    from theory.info import PLANS_COLUMNS, plans_rows
    from theory.output import format_rows

    ws = open_workspace(where)
    columns = PLANS_COLUMNS + (["plan_iri"] if fmt in ("csv", "json") else [])
    click.echo(format_rows(plans_rows(ws), fmt, columns=columns, kinds={"budget": "money"}, lang=ws.lang), nl=False)


# --- questions: query, coverage, actors, audit, portfolio --------------------------------


def _params(pairs):
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
              help="A query parameter, bound as a typed RDF term (repeatable). Names of actors, "
                   "activities and focus areas match as people type them.")
@click.option("--sparql", "sparql", metavar="TEXT", help="Run this SPARQL text instead of a named query.")
@click.option("--list", "list_only", is_flag=True, help="List the named questions: name, summary, parameters.")
@click.option("--allow-network", is_flag=True,
              help="Permit SERVICE and FROM, which may fetch from the network (refused by default).")
@format_option()
@workspace_options
def query_command(name, params, sparql, list_only, allow_network, fmt, **where):
    """Run a named question, a .rq file or --sparql text on each plan.

    SELECT and ASK print rows in --format; CONSTRUCT and DESCRIBE print Turtle. SPARQL
    Update is refused; SERVICE and FROM are refused unless --allow-network.
    Example: theory query activities-for-age --param age=15
    """
    from theory.output import format_rows

    if list_only:
        from theory.catalogue import CATALOGUE_COLUMNS, catalogue_rows

        click.echo(format_rows(catalogue_rows(where["lang"]), fmt, columns=CATALOGUE_COLUMNS, lang=where["lang"]),
                   nl=False)
        return
    if bool(name) == bool(sparql):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (one of them); --list shows the names")
    parsed = _params(params)
    from theory.answers import answer

    ws = open_workspace(where)
    click.echo(answer(ws, name or sparql, parsed, plans=ws.scope(where["plan"]), fmt=fmt,
                      allow_network=allow_network), nl=False)


def years_option(func):
    return click.option("--years", metavar="YEARS",
                        help="Several years side by side, one column group per year: a range (2021-2024) "
                             "or a list (2021,2023). Not with --year.")(func)


def _years(ws, plans, years_text: str, year):
    """(plan, [years]) for --years: every plan in scope must cover every year."""
    from theory.coverage import parse_years

    if year is not None:
        raise click.UsageError("give --year or --years, not both")
    years = parse_years(years_text)
    return [(plan, [ws.year(plan, y) for y in years]) for plan in plans]


@main.command("coverage", epilog=EXIT_CODES_HELP)
@year_option()
@years_option
@click.option("--counting", type=click.Choice(["full", "split"]), default="full", show_default=True,
              help="Which budget the share uses: full (an activity counts fully in each of its focus "
              "areas) or split (divided equally among them).")
@click.option("--gaps", "gaps_only", is_flag=True, help="Print only the gaps (focus areas, results and money no activity covers).")
@format_option()
@workspace_options
def coverage_command(year, years, counting, gaps_only, fmt, **where):
    """Activities and budget per focus area of each plan, and the gaps.

    An activity's budget for the year is its row in the plan's overview table; share =
    budget (full or split) / the sum of the year's overview rows. The cross-cutting effort
    is a row of its own and takes no part in the split.
    """
    from theory.coverage import coverage_text, focus_area_coverage, years_text

    ws = open_workspace(where)
    if years:
        per_plan = [[focus_area_coverage(ws, plan, y, counting) for y in plan_years]
                    for plan, plan_years in _years(ws, ws.scope(where["plan"]), years, year)]
        click.echo(years_text(per_plan, fmt, lang=ws.lang), nl=False)
        return
    reports = [focus_area_coverage(ws, plan, plan_year, counting)
               for plan, plan_year in ws.plans_for_year(ws.scope(where["plan"]), year)]
    click.echo(coverage_text(reports, fmt, gaps_only=gaps_only, lang=ws.lang), nl=False)


@main.command("actors", epilog=EXIT_CODES_HELP)
@year_option()
@years_option
@click.option("--rollup", is_flag=True,
              help="Add each sub-organisation's load to its parents (org:subOrganizationOf, transitively).")
@click.option("--top", type=click.IntRange(min=1), help="Show only the N heaviest actors (per plan).")
@click.option("--max-activity-share", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Flag 'overloaded' above this share of the year's activities.")
@click.option("--max-budget-share", type=click.FloatRange(0, 1), default=0.25, show_default=True,
              help="Flag 'overloaded' above this share of the year's budget led.")
@click.option("--actor", "actor", metavar="NAME", help="Only this actor (name or alias as people type it).")
@click.option("--pairs", is_flag=True, help="Print pairs of actors that share activities instead.")
@format_option()
@workspace_options
def actors_command(year, years, rollup, top, max_activity_share, max_budget_share, actor, pairs, fmt, **where):
    """Actor-load audit per plan: agreed lead and partner roles, prospective ones apart,
    led budget, focus areas, centrality, and flags that say why.

    lead = activities led (lead or co-lead); partner = activities with any other agreed
    role; prospective = activities where the plan only intends, hopes for, applies for or
    has made contact about the actor's role. Flags use agreed roles only.
    """
    from theory.actors import actors_text, actors_years_text

    ws = open_workspace(where)
    if years:
        click.echo(actors_years_text(ws, _years(ws, ws.scope(where["plan"]), years, year), fmt=fmt, rollup=rollup,
                                     actor=actor, top=top), nl=False)
        return
    click.echo(actors_text(ws, ws.plans_for_year(ws.scope(where["plan"]), year), fmt=fmt, rollup=rollup, top=top,
                           actor=actor, pairs=pairs, max_activity_share=max_activity_share,
                           max_budget_share=max_budget_share), nl=False)


@main.group("audit", cls=TheoryGroup, epilog=EXIT_CODES_HELP)
def audit_group():
    """Audits of the plans' own figures."""


@audit_group.command("budget", epilog=EXIT_CODES_HELP)
@year_option("Only this year (default: every year the plan's tables cover).")
@click.option("--strict", is_flag=True, help="Exit 1 when anything does not add up (information rows aside).")
@format_option()
@workspace_options
def audit_budget_command(year, strict, fmt, **where):
    """Reconcile each plan's arithmetic: overview vs activity tables, lines vs "I alt",
    rows vs "Sum (kr.)", earmarks, and money from other funders (information rows).
    One row per mismatch (difference = computed - stated); a misprint two checks find
    is one disagreement.
    """
    from theory.budget import audit_budget, audit_text

    ws = open_workspace(where)
    plans = ws.scope(where["plan"])
    audits = [audit_budget(ws, plan, plan_year if year is not None else None)
              for plan, plan_year in ws.plans_for_year(plans, year)]
    click.echo(audit_text(audits, fmt, lang=ws.lang), nl=False)
    if strict and any(a.mismatches for a in audits):
        sys.exit(1)


@main.command("portfolio", epilog=EXIT_CODES_HELP)
@year_option("Year (default: each plan's own year).")
@click.option("--organisations", is_flag=True, help="csv/json: list the organisations shared by partnerships "
              "instead of the coverage.")
@format_option()
@workspace_options
def portfolio_command(year, organisations, fmt, **where):
    """Plans side by side: focus-area coverage (plans × focus areas) and the organisations
    that carry activities in several partnerships."""
    from theory.portfolio import portfolio_text

    ws = open_workspace(where)
    click.echo(portfolio_text(ws, ws.scope(where["plan"]), year, fmt, organisations=organisations), nl=False)


# --- pictures: render, report ------------------------------------------------------------


@main.command("render", epilog=EXIT_CODES_HELP)
@click.argument("view", type=click.Choice(["changetheory", "actors", "coverage", "diff"]))
@click.argument("plans", nargs=-1, type=click.Path(path_type=Path), metavar="[OLD NEW]")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write; its suffix picks the kind: .html (interactive), .svg or .png.")
@year_option("Year to draw (default: the plan's own year).")
@click.option("--focus-area", metavar="NAME", help="Draw only this focus area (name as people type it, or IRI).")
@click.option("--actor", metavar="NAME", help="Draw only this actor's activities (name, alias or IRI).")
@click.option("--sub-organisations", is_flag=True, help="actors view: also draw sub-organisation links.")
@click.option("--open", "open_", is_flag=True, help="Open the file in the browser afterwards.")
@workspace_options
def render_command(view, plans, output, year, focus_area, actor, sub_organisations, open_, **where):
    """Draw VIEW of one plan: changetheory (layered, left to right), actors (network),
    coverage (heat map), or diff OLD NEW (NEW's change theory with what changed since OLD
    marked; OLD and NEW in any form --data takes, or workbooks).

    An .html file is one self-contained page (vis-network inlined, no remote asset);
    .svg and .png are static images laid out the same way. Same input, same bytes.
    """
    from theory.render import picture_kind, render

    picture_kind(output)
    if view == "diff":
        if len(plans) != 2:
            raise click.UsageError("render diff takes two plans: theory render diff OLD NEW -o diff.html")
        from theory.exchange import render_diff

        path = render_diff(plans[0], plans[1], output, lang=where["lang"], plan=where["plan"])
    else:
        if plans:
            raise click.UsageError(f"render {view} takes no paths; give the plan with --data PATH")
        ws = open_workspace(where)
        plan = ws.only_plan(where["plan"], "render")
        path = render(ws, plan, view, output, ws.year(plan, year), focus_area=focus_area, actor=actor,
                      sub_organisations=sub_organisations)
    click.echo(f"{path}: {view}")
    if open_:
        open_in_browser(path)


@main.command("report", epilog=EXIT_CODES_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@year_option("Year to report on (default: the plan's own year).")
@click.option("--open", "open_", is_flag=True, help="Open the report in the browser afterwards.")
@workspace_options
def report_command(output, year, open_, **where):
    """One self-contained HTML report on one plan for the steering group (prints well to PDF).

    The plan at a glance, focus-area coverage and gaps, actor load with flags, budget
    reconciliation findings, and the change-theory and actor views.
    """
    from theory.render.report import write_report

    ws = open_workspace(where)
    plan = ws.only_plan(where["plan"], "report")
    write_report(ws, plan, ws.year(plan, year), output)
    click.echo(f"{output}: report")
    if open_:
        open_in_browser(output)


# --- plans in and out: export, new, import, diff -----------------------------------------


@main.group("export", cls=TheoryGroup, epilog=EXIT_CODES_HELP)
def export_group():
    """Write a plan in another form."""


@export_group.command("workbook", epilog=EXIT_CODES_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .xlsx file to write.")
@workspace_options
def export_workbook_command(output, **where):
    """Write one plan as an Excel workbook an analyst edits without help: one sheet per kind
    of thing, headers in --lang, drop-downs for every closed list, sources on every row."""
    from theory.exchange import export_plan_workbook

    ws = open_workspace(where)
    path = export_plan_workbook(ws, ws.only_plan(where["plan"], "export workbook"), output)
    click.echo(f"{path}: workbook")


@main.command("new", epilog=EXIT_CODES_HELP)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .xlsx file to write.")
@click.option("--year", type=int, help="The new plan's year.")
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help="Language of the workbook.")
def new_command(output, year, lang):
    """Write the empty workbook of a new plan, to fill in and import."""
    from theory.exchange import new_plan_workbook

    click.echo(f"{new_plan_workbook(output, year, lang)}: workbook")


@main.command("import", epilog=EXIT_CODES_HELP)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A folder for the plan's Turtle files (the layout of graph/), or, for a PDF or text, an .xlsx "
                   "workbook to correct and import again.")
@click.option("--actors", "actors", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Actors to match names against besides the shared registry (e.g. last year's actors.ttl; "
                   "repeatable).")
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True,
              help="Language of the messages and of a workbook written.")
def import_command(source, output, actors, lang):
    """Bring a plan in: an edited workbook (.xlsx), or a plan's PDF or text (.pdf, .txt).

    A workbook's problems are listed all at once, by sheet, row and column (exit 3), and the
    shapes run on the result, told by sheet and row (a violation: exit 1); nothing is written
    then. A PDF or text becomes a draft and a review list of every uncertain reading
    (review.csv, or a review sheet). Deterministic rules: the same file, the same draft.
    """
    from theory.exchange import import_plan

    result = import_plan(source, output, actors=actors, lang=lang)
    for finding in result.findings:
        click.echo(finding.line(), err=True)
    click.echo(result.summary(lang), err=bool(result.violations))
    if result.violations:
        sys.exit(1)


@main.command("diff", epilog=EXIT_CODES_HELP)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--plan", "plan", metavar="NAME|IRI", help="The plan to compare where a path holds several.")
@click.option("--strict", is_flag=True, help="Exit 1 when anything changed.")
@click.option("--lang", type=click.Choice(["da", "en"]), default="da", show_default=True, help="Language of the output.")
@format_option()
def diff_command(old, new, plan, strict, lang, fmt):
    """What changed from the plan at OLD to the plan at NEW (folders, files, TriG, workbooks):
    one row per changed fact, with the sources of both sides."""
    from theory.diff import diff_text
    from theory.exchange import diff_paths

    rows = diff_paths(old, new, lang=lang, plan=plan)
    click.echo(diff_text(rows, fmt, lang=lang), nl=False)
    if strict and rows:
        sys.exit(1)


# --- keeping plans: load, push, tidy ------------------------------------------------------


@main.command("load", epilog=EXIT_CODES_HELP)
@click.option("--store", "store", type=click.Path(path_type=Path), required=True, metavar="DIR",
              help="The persistent store to fill (created if missing).")
@click.option("--data", "data", multiple=True, type=click.Path(path_type=Path), required=True,
              help="Plans to load (folders, files, TriG/N-Quads; repeatable). Loading a plan again replaces it.")
@format_option()
def load_command(store, data, fmt):
    """Fill a persistent Oxigraph store; every command then answers from it with --store DIR
    without parsing anything."""
    from theory.output import format_rows
    from theory.publish import load_into_store

    click.echo(format_rows(load_into_store(store, data), fmt), nl=False)


@main.command("push", epilog=EXIT_CODES_HELP)
@click.option("--graph-store", "graph_store", required=True, metavar="URL",
              help="The SPARQL 1.1 Graph Store endpoint (Oxigraph: …/store, Virtuoso: …/sparql-graph-crud).")
@click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True, help="Seconds per request.")
@format_option()
@workspace_options
def push_command(graph_store, timeout, fmt, **where):
    """Publish plans to a shared server: one PUT per plan graph (and the ontology and the
    registry), so pushing again replaces them. Credentials from THEORY_USER/THEORY_PASSWORD
    or ~/.netrc, never on the command line."""
    from theory.output import format_rows
    from theory.publish import push_plans

    ws = open_workspace(where)
    click.echo(format_rows(push_plans(ws, ws.scope(where["plan"]), graph_store, timeout=timeout), fmt,
                           lang=ws.lang), nl=False)


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
