"""What changed between two plans: one row per changed fact, in the plan's own terms.

Two versions of one year's plan share their IRIs; two years' plans mostly do too (IRIs are
minted from names and numbers), but an activity may be renamed or renumbered. Activities
are therefore matched by IRI, then by former names ("tidligere …": the new plan's former
name is the old plan's name), then by name, then by number (within one plan year only). Everything that hangs on an
activity (amounts, roles, focus-area supports, deliverables, target groups, statuses) is
matched through its activity and its own key (year, table, budget line; actor and role;
focus area; wording), not through its IRI.

Only facts the plans state are compared; figures derived from them (coverage, shares) are
not listed. Each row: ``kind``, ``subject``, ``year``, ``old``, ``new``, ``old_source``,
``new_source``, and for pictures ``iri_old``, ``iri_new`` (the changed node on each side),
``activity_iri`` (its activity, in NEW where it is there) and ``link_iri`` (the other end
of a link: the focus area of a support, the actor of a role, the focus area of a result).

:func:`diff_marks` turns the rows into what a picture of NEW marks (nodes and links added,
removed or changed).

Rows speak one language (``lang``): names and the ontology's terms (roles, tables, budget
lines, periods) by their labels in that language, Danish where the plan has none, and
numbers as the language writes them; the kinds and column titles people read come from
the message catalogue (:func:`diff_text`). ``kind`` stays a key for programs.

>>> rows = diff_plans(old_plan_graph, new_plan_graph)      # rdflib graphs, one plan each
>>> [(row["kind"], row["subject"], row["old"], row["new"]) for row in rows]
[('budget-changed', '1. Fælleshaven – Lønmidler (aktivitetens økonomitabel)', 160000, 170000)]
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from .errors import UsageError
from .i18n import N_, NC_, texts
from .mint import REGISTRY, ROLE_SLUGS
from .namespaces import SCHEMA, SKOS, TH

__all__ = ["diff_plans", "diff_marks", "diff_text", "COLUMNS", "KINDS"]

#: the columns of a row, in order
COLUMNS = ("kind", "subject", "year", "old", "new", "old_source", "new_source",
           "iri_old", "iri_new", "activity_iri", "link_iri")
#: every kind of row, in the order rows are listed
KINDS = (
    N_("activity-added"), N_("activity-ended"), N_("activity-renamed"), N_("activity-renumbered"),
    N_("status-changed"),
    N_("focus-area-added"), N_("focus-area-removed"), N_("focus-area-renamed"),
    N_("result-added"), N_("result-removed"), N_("result-renamed"),
    N_("support-added"), N_("support-removed"),
    N_("lead-added"), N_("lead-removed"), N_("colead-added"), N_("colead-removed"),
    N_("partner-added"), N_("partner-removed"), N_("operator-added"), N_("operator-removed"),
    N_("trainer-added"), N_("trainer-removed"), N_("funder-added"), N_("funder-removed"),
    N_("venue-added"), N_("venue-removed"),
    N_("role-status-changed"),
    N_("target-added"), N_("target-removed"), N_("target-changed"),
    N_("target-group-added"), N_("target-group-removed"), N_("target-group-changed"),
    N_("budget-added"), N_("budget-removed"), N_("budget-changed"),
    N_("earmark-added"), N_("earmark-removed"), N_("earmark-changed"),
    N_("cofinancing-added"), N_("cofinancing-removed"), N_("cofinancing-changed"),
    N_("stated-sum-added"), N_("stated-sum-removed"), N_("stated-sum-changed"),
)
assert {k.split("-")[0] for k in KINDS} >= set(ROLE_SLUGS.values())  # every role has its rows
_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def _ontology(ontology: Graph | None) -> Graph:
    if ontology is not None:
        return ontology
    from .workbook.vocab import shipped_ontology

    return shipped_ontology()


def _number(literal) -> int | float | None:
    try:
        value = Decimal(str(literal))
    except (InvalidOperation, TypeError):
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class _Plan:
    """One side of the diff: its plan's nodes and how to name them."""

    def __init__(self, graph: Graph, side: str, lang: str, ontology: Graph):
        self.graph, self.side, self.lang, self.ontology = graph, side, lang, ontology
        plans = sorted(set(graph.subjects(RDF.type, TH.SafetyPlan)), key=str)
        if len(plans) > 1:
            raise UsageError(f"{side.upper()} holds {len(plans)} plans; give one plan to compare (choose it with --plan)")
        self.plan = plans[0] if plans else None
        self.base = str(self.plan).rsplit("/", 1)[0] + "/" if self.plan is not None else ""
        self.year = _number(graph.value(self.plan, TH.planYear)) if self.plan is not None else None
        self.activities = sorted({a for a in graph.subjects(RDF.type, TH.Activity) if isinstance(a, URIRef)}, key=str)

    def local(self, node) -> str:
        text = str(node)
        if self.base and text.startswith(self.base):
            return text[len(self.base):]
        return text

    def label(self, node, lang: str | None = None) -> str:
        if node is None:
            return ""
        labels = {l.language: str(l) for l in self.graph.objects(node, RDFS.label) if isinstance(l, Literal)}
        if not labels:
            labels = {l.language: str(l) for l in self.ontology.objects(node, RDFS.label) if isinstance(l, Literal)}
        lang = lang or self.lang
        return labels.get(lang) or labels.get("da") or labels.get(None) or self.local(node)

    def names(self, node) -> set[str]:
        """Every name of ``node``: labels and aliases, case-folded."""
        return {str(v).casefold() for p in (RDFS.label, SKOS.altLabel) for v in self.graph.objects(node, p)}

    def number(self, activity) -> int | None:
        value = self.graph.value(activity, TH.activityNumber)
        return _number(value) if value is not None else None

    def activity_name(self, activity) -> str:
        number = self.number(activity)
        return f"{number}. {self.label(activity)}" if number is not None else self.label(activity)

    def year_of(self, node) -> int | None:
        value = self.graph.value(node, TH.year)
        return _number(value) if value is not None else None

    def value(self, node) -> int | float | None:
        value = self.graph.value(node, SCHEMA.value)
        return _number(value) if value is not None else None

    def source(self, node) -> str | None:
        sections = sorted(self.local(s).removeprefix("section-") for s in self.graph.objects(node, TH.source))
        quotes = sorted(str(q) for q in self.graph.objects(node, TH.quote))
        parts = [f"{s}: {q}" for s, q in zip(sections, quotes)] + sections[len(quotes):] + quotes[len(sections):]
        return " | ".join(parts) or None

    def typed(self, cls) -> list[URIRef]:
        return sorted({n for n in self.graph.subjects(RDF.type, cls) if isinstance(n, URIRef)}, key=str)

    def one(self, node, prop):
        return self.graph.value(node, prop)


def _match_activities(old: _Plan, new: _Plan) -> dict[URIRef, URIRef]:
    """Old activity -> new activity: by IRI, former names, name, then (same plan year only) number.

    Between two years' plans a number is not an identity (numbers change; a new activity
    may take an ended one's number), so there the number only matches within one year.
    """
    pairs: dict[URIRef, URIRef] = {}
    taken: set[URIRef] = set()

    def pair(test) -> None:
        for a in old.activities:
            if a in pairs:
                continue
            candidates = [b for b in new.activities if b not in taken and test(a, b)]
            if len(candidates) == 1:
                pairs[a] = candidates[0]
                taken.add(candidates[0])

    pair(lambda a, b: old.local(a) == new.local(b))
    pair(lambda a, b: bool({str(f).casefold() for f in new.graph.objects(b, TH.formerName)} & old.names(a)))
    pair(lambda a, b: bool({str(f).casefold() for f in old.graph.objects(a, TH.formerName)} & new.names(b)))
    pair(lambda a, b: old.label(a, "da").casefold() == new.label(b, "da").casefold())
    if old.year == new.year:  # two versions of one year's plan: the number is the activity
        pair(lambda a, b: old.number(a) is not None and old.number(a) == new.number(b))
    return pairs


class _Differ:
    def __init__(self, old: _Plan, new: _Plan, lang: str):
        self.old, self.new, self.lang = old, new, lang
        self.pairs = _match_activities(old, new)
        self.rows: list[dict] = []

    # keys that are the same on both sides
    def act_key(self, side: _Plan, activity) -> str | None:
        if activity is None:
            return None
        if side is self.old:
            return str(self.pairs.get(activity, f"old:{activity}"))
        return str(activity)

    def activity_of(self, side: _Plan, key: str | None):
        """The activity a key stands for, on the NEW side where it is there."""
        if key is None:
            return None
        if key.startswith("old:"):
            return URIRef(key[4:])
        return URIRef(key)

    def subject_of_key(self, key: str | None) -> str:
        if key is None:
            return ""
        if key.startswith("old:"):
            return self.old.activity_name(URIRef(key[4:]))
        return self.new.activity_name(URIRef(key))

    def term(self, side: _Plan, node) -> str:
        return side.label(node) if node is not None else ""

    def add(self, kind, subject, old=None, new=None, *, year=None, old_node=None, new_node=None,
            activity=None, link=None) -> None:
        self.rows.append({
            "kind": kind, "subject": subject, "year": year, "old": old, "new": new,
            "old_source": self.old.source(old_node) if old_node is not None else None,
            "new_source": self.new.source(new_node) if new_node is not None else None,
            "iri_old": str(old_node) if old_node is not None else None,
            "iri_new": str(new_node) if new_node is not None else None,
            "activity_iri": str(activity) if activity is not None else None,
            "link_iri": str(link) if link is not None else None,
        })

    def compare(self, prefix: str, olds: dict, news: dict, describe, subject, *, year=None, activity=None,
                link=None, changed_kind=None) -> None:
        """Rows for keyed nodes: ``-added``, ``-removed``, and ``changed_kind`` where ``describe`` differs."""
        for key in sorted(set(olds) | set(news), key=str):
            a, b = olds.get(key), news.get(key)
            args = dict(year=year(key) if year else None, old_node=a, new_node=b,
                        activity=activity(key) if activity else None, link=link(key, a, b) if link else None)
            if a is None:
                self.add(f"{prefix}-added", subject(key, a, b), None, describe(self.new, b), **args)
            elif b is None:
                self.add(f"{prefix}-removed", subject(key, a, b), describe(self.old, a), None, **args)
            elif changed_kind and describe(self.old, a) != describe(self.new, b):
                self.add(changed_kind, subject(key, a, b), describe(self.old, a), describe(self.new, b), **args)

    # activities and their statuses
    def activities(self) -> None:
        old, new = self.old, self.new
        matched = set(self.pairs.values())
        for a in old.activities:
            if a not in self.pairs:
                self.add("activity-ended", old.activity_name(a), old.label(a), None, old_node=a, activity=a)
        for b in new.activities:
            if b not in matched:
                self.add("activity-added", new.activity_name(b), None, new.label(b), new_node=b, activity=b)
        for a, b in sorted(self.pairs.items(), key=lambda p: str(p[1])):
            if old.label(a, "da") != new.label(b, "da"):
                self.add("activity-renamed", new.activity_name(b), old.label(a), new.label(b), old_node=a,
                         new_node=b, activity=b)
            if old.number(a) != new.number(b):
                self.add("activity-renumbered", new.activity_name(b), old.number(a), new.number(b), old_node=a,
                         new_node=b, activity=b)
            olds = {old.year_of(s): s for s in old.graph.objects(a, TH.yearStatus)}
            news = {new.year_of(s): s for s in new.graph.objects(b, TH.yearStatus)}
            for year in sorted(y for y in set(olds) | set(news) if y is not None):
                s, t = olds.get(year), news.get(year)
                was = old.one(s, TH.status) if s is not None else None
                now = new.one(t, TH.status) if t is not None else None
                if s is not None and t is not None and was != now:
                    self.add("status-changed", new.activity_name(b), self.term(old, was), self.term(new, now),
                             year=year, old_node=s, new_node=t, activity=b)
                elif s is None and now == TH.Ended:
                    self.add("activity-ended", new.activity_name(b), None, self.term(new, now), year=year,
                             new_node=t, activity=b)

    # the change theory
    def focus_areas(self) -> dict[URIRef, URIRef]:
        old, new = self.old, self.new
        olds = {a: a for a in old.typed(TH.FocusArea)}
        news = {b: b for b in new.typed(TH.FocusArea)}
        pairs = {a: b for a in olds for b in news if old.local(a) == new.local(b)}
        for a in olds:
            if a not in pairs:
                same = [b for b in news if b not in pairs.values() and old.label(a, "da") == new.label(b, "da")]
                if len(same) == 1:
                    pairs[a] = same[0]
        for a in olds:
            if a not in pairs:
                self.add("focus-area-removed", old.label(a), old.label(a), None, old_node=a, link=a)
        for b in news:
            if b not in pairs.values():
                self.add("focus-area-added", new.label(b), None, new.label(b), new_node=b, link=b)
        for a, b in pairs.items():
            if old.label(a, "da") != new.label(b, "da"):
                self.add("focus-area-renamed", new.label(b), old.label(a), new.label(b), old_node=a, new_node=b, link=b)
        self.fa_pairs = pairs
        olds_r = {old.local(r): r for r in old.typed(TH.Result)}
        news_r = {new.local(r): r for r in new.typed(TH.Result)}

        def fa_of(side, result):
            return side.one(result, TH.resultOf)

        def subject(key, a, b):
            side, node = (self.new, b) if b is not None else (self.old, a)
            fa = fa_of(side, node)
            return f"{side.label(fa)}: {side.label(node)}" if fa is not None else side.label(node)

        self.compare("result", olds_r, news_r, lambda side, r: side.label(r), subject,
                     link=lambda key, a, b: fa_of(self.new, b) if b is not None else fa_of(self.old, a),
                     changed_kind="result-renamed")
        return pairs

    def fa_key(self, side: _Plan, fa) -> str:
        if side is self.old:
            return str(self.fa_pairs.get(fa, f"old:{fa}"))
        return str(fa)

    def supports(self) -> None:
        def table(side: _Plan) -> dict:
            out = {}
            for activity, fa in side.graph.subject_objects(TH.supports):
                node = next((s for s in side.graph.subjects(TH.supportingActivity, activity)
                             if (s, TH.supportedFocusArea, fa) in side.graph), None)
                out[(self.act_key(side, activity), self.fa_key(side, fa))] = (node, activity, fa)
            return out

        olds, news = table(self.old), table(self.new)
        for key in sorted(set(olds) | set(news)):
            a, b = olds.get(key), news.get(key)
            side, (node, activity, fa) = (self.new, b) if b is not None else (self.old, a)
            kind = "support-added" if a is None else "support-removed" if b is None else None
            if kind:
                self.add(kind, f"{self.subject_of_key(key[0])} → {side.label(fa)}",
                         None if a is None else side.label(fa), None if b is None else side.label(fa),
                         old_node=a[0] if a else None, new_node=b[0] if b else None,
                         activity=self.activity_of(side, key[0]), link=fa)

    # roles
    def actor_key(self, side: _Plan, actor) -> str:
        text = str(actor)
        return text if text.startswith(REGISTRY) else side.local(actor)

    def roles(self) -> None:
        def table(side: _Plan) -> dict:
            out = {}
            for activity, resp in side.graph.subject_objects(TH.responsibility):
                actor, role = side.one(resp, TH.actor), side.one(resp, TH.role)
                out[(self.act_key(side, activity), self.actor_key(side, actor), str(role))] = (resp, actor, role)
            return out

        olds, news = table(self.old), table(self.new)
        for key in sorted(set(olds) | set(news)):
            a, b = olds.get(key), news.get(key)
            side, (resp, actor, role) = (self.new, b) if b is not None else (self.old, a)
            role_slug = ROLE_SLUGS.get(str(role).rsplit("#", 1)[-1], "role")
            subject = f"{self.subject_of_key(key[0])} – {side.label(actor)}"
            common = dict(old_node=a[0] if a else None, new_node=b[0] if b else None,
                          activity=self.activity_of(side, key[0]), link=actor)
            if a is None:
                self.add(f"{role_slug}-added", subject, None, side.label(role), **common)
            elif b is None:
                self.add(f"{role_slug}-removed", subject, side.label(role), None, **common)
            else:
                was, now = self.old.one(a[0], TH.roleStatus), self.new.one(b[0], TH.roleStatus)
                if was != now:
                    self.add("role-status-changed", f"{subject} ({side.label(role)})", self.term(self.old, was),
                             self.term(self.new, now), **common)

    # deliverables and target groups: matched within their activity by wording, then by number
    def items(self, prop, prefix: str, describe) -> None:
        def per_activity(side: _Plan) -> dict:
            out: dict = {}
            for activity, node in side.graph.subject_objects(prop):
                out.setdefault(self.act_key(side, activity), []).append(node)
            return out

        olds, news = per_activity(self.old), per_activity(self.new)
        for key in sorted(set(olds) | set(news)):
            a_nodes = sorted(olds.get(key, []), key=str)
            b_nodes = sorted(news.get(key, []), key=str)
            pairs = []
            for test in (lambda a, b: self.old.label(a).casefold() == self.new.label(b).casefold(),
                         lambda a, b: str(a).rsplit("-", 1)[-1] == str(b).rsplit("-", 1)[-1]):
                for a in [x for x in a_nodes if x not in {p[0] for p in pairs}]:
                    free = [b for b in b_nodes if b not in {p[1] for p in pairs} and test(a, b)]
                    if free:
                        pairs.append((a, free[0]))
            activity = self.activity_of(self.new, key)
            who = self.subject_of_key(key)
            for a in a_nodes:
                if a not in {p[0] for p in pairs}:
                    self.add(f"{prefix}-removed", f"{who} – {self.old.label(a)}", describe(self.old, a), None,
                             old_node=a, activity=activity)
            for b in b_nodes:
                if b not in {p[1] for p in pairs}:
                    self.add(f"{prefix}-added", f"{who} – {self.new.label(b)}", None, describe(self.new, b),
                             new_node=b, activity=activity)
            for a, b in pairs:
                was, now = describe(self.old, a), describe(self.new, b)
                if self.old.label(a) != self.new.label(b):
                    was, now = f"{self.old.label(a)}: {was}", f"{self.new.label(b)}: {now}"
                if was != now:
                    self.add(f"{prefix}-changed", f"{who} – {self.new.label(b)}", was, now, old_node=a, new_node=b,
                             activity=activity)

    @staticmethod
    def target(side: _Plan, node) -> str:
        """``100-130 børn pr. år``: the figures as the language writes numbers (``2,5`` / ``2.5``)."""
        low, high = _number(side.one(node, TH.targetMin)), _number(side.one(node, TH.targetMax))
        unit, period = side.one(node, TH.unit), side.one(node, TH.period)
        number = texts(side.lang).number
        if low is not None and high is not None:
            text = number(low) if low == high else f"{number(low)}-{number(high)}"
        elif low is not None:
            text = f"≥ {number(low)}"
        elif high is not None:
            text = f"≤ {number(high)}"
        else:
            text = "–"
        parts = [text, str(unit) if unit is not None else "", side.label(period) if period is not None else ""]
        return " ".join(p for p in parts if p)

    @staticmethod
    def group(side: _Plan, node) -> str:
        low, high = _number(side.one(node, TH.minAge)), _number(side.one(node, TH.maxAge))
        priority = side.one(node, TH.priority)
        ages = f"{low}-{high}" if low is not None and high is not None else f"{low or high}" if low or high else ""
        parts = [ages, side.label(priority) if priority is not None else ""]
        return ", ".join(p for p in parts if p) or "–"

    # money
    def budget(self) -> None:
        def table(side: _Plan) -> dict:
            out = {}
            for node in side.typed(TH.BudgetAmount):
                activity = side.one(node, TH.forActivity)
                key = (self.act_key(side, activity), side.year_of(node) or 0, str(side.one(node, TH.table)),
                       str(side.one(node, TH.budgetLine)), str(side.one(node, TH.lineLabel) or ""))
                k = 1
                while (*key, k) in out:
                    k += 1
                out[(*key, k)] = node
            return out

        def subject(key, a, b):
            side, node = (self.new, b) if b is not None else (self.old, a)
            line = side.one(node, TH.lineLabel) or side.label(side.one(node, TH.budgetLine))
            table = side.label(side.one(node, TH.table))
            return f"{self.subject_of_key(key[0])} – {line} ({table})"

        self.compare("budget", table(self.old), table(self.new), lambda side, n: side.value(n), subject,
                     year=lambda key: key[1], activity=lambda key: self.activity_of(self.new, key[0]),
                     changed_kind="budget-changed")

    def money(self) -> None:
        def table(side: _Plan, cls, other) -> dict:
            out = {}
            for node in side.typed(cls):
                to = side.one(node, TH.forActivity)
                via = side.one(node, other)
                via_key = self.act_key(side, via) if other == TH.fromActivity else self.actor_key(side, via)
                out[(self.act_key(side, to), via_key, side.year_of(node) or 0)] = node
            return out

        for cls, other, prefix in ((TH.Earmark, TH.fromActivity, "earmark"), (TH.CoFinancing, TH.funder, "cofinancing")):
            def subject(key, a, b, other=other):
                side, node = (self.new, b) if b is not None else (self.old, a)
                via = side.one(node, other)
                via_name = self.subject_of_key(key[1]) if other == TH.fromActivity else side.label(via)
                return f"{self.subject_of_key(key[0])} ← {via_name}"

            self.compare(prefix, table(self.old, cls, other), table(self.new, cls, other),
                         lambda side, n: side.value(n), subject, year=lambda key: key[2],
                         activity=lambda key: self.activity_of(self.new, key[0]), changed_kind=f"{prefix}-changed")

    def sums(self) -> None:
        olds = {self.old.local(n): n for n in self.old.typed(TH.StatedSum)}
        news = {self.new.local(n): n for n in self.new.typed(TH.StatedSum)}

        def subject(key, a, b):
            side, node = (self.new, b) if b is not None else (self.old, a)
            return side.label(node)

        def year(key):
            node = news.get(key) or olds.get(key)
            side = self.new if key in news else self.old
            return side.year_of(node)

        self.compare("stated-sum", olds, news, lambda side, n: side.value(n), subject, year=year,
                     changed_kind="stated-sum-changed")


def diff_plans(old: Graph, new: Graph, lang: str = "da", *, ontology: Graph | None = None) -> list[dict]:
    """One row per fact that differs between the plan in ``old`` and the plan in ``new``.

    ``old``/``new``: one plan each (with the registry and the ontology, or without);
    ``ontology`` gives the labels of roles, budget lines and statuses (default: the shipped
    one); ``lang``: ``da`` or ``en`` for those labels and the names used in ``subject``.
    Identical plans give no rows.
    """
    if lang not in ("da", "en"):
        raise UsageError(f"unknown language {lang!r}; use da or en")
    onto = _ontology(ontology)
    differ = _Differ(_Plan(old, "old", lang, onto), _Plan(new, "new", lang, onto), lang)
    differ.activities()
    differ.focus_areas()
    differ.supports()
    differ.roles()
    differ.items(TH.deliverable, "target", _Differ.target)
    differ.items(TH.targetGroup, "target-group", _Differ.group)
    differ.budget()
    differ.money()
    differ.sums()
    return sorted(differ.rows, key=lambda r: (_ORDER.get(r["kind"], 99), str(r["subject"]).casefold(),
                                              r["year"] or 0, str(r["iri_old"]), str(r["iri_new"])))


def diff_marks(rows: list[dict]) -> dict[str, dict]:
    """What a picture of NEW's change theory marks, from :func:`diff_plans`'s rows.

    ``nodes``: IRI -> ``added``, ``removed`` (in OLD only) or ``changed`` for activities, focus
    areas and results; an activity is ``changed`` when anything that hangs on it changed
    (its name, number, status, roles, targets, target groups, budget, earmarks or
    co-financing). ``links``: (activity IRI, focus area IRI) -> ``added`` or ``removed`` for
    the focus-area supports.
    """
    nodes: dict[str, str] = {}
    links: dict[tuple[str, str], str] = {}
    for row in rows:
        kind, change = row["kind"], row["kind"].rsplit("-", 1)[-1]
        if kind.startswith("support-"):
            links[(row["activity_iri"], row["link_iri"])] = change
            continue
        if kind in ("activity-added", "activity-ended") and row["year"] is None:
            nodes[row["activity_iri"]] = "added" if kind == "activity-added" else "removed"
            continue
        if kind.startswith(("focus-area-", "result-")):
            node = row["iri_new"] or row["iri_old"]
            nodes[node] = change if change in ("added", "removed") else "changed"
            continue
        if row["activity_iri"]:
            nodes.setdefault(row["activity_iri"], "changed")
    return {"nodes": nodes, "links": links}


#: the columns people read
_SHOWN = [NC_("column", "kind"), NC_("column", "subject"), NC_("column", "year"), NC_("column", "old"),
          NC_("column", "new")]


def diff_text(rows: list[dict], fmt: str = "table", *, lang: str = "da") -> str:
    """The rows as text: for people the kind (in ``lang``), subject, year, old and new; for
    programs (csv, json) every column, sources and IRIs included. No rows: a line saying so."""
    from .output import format_rows

    if fmt in ("csv", "json"):
        return format_rows(rows, fmt, columns=list(COLUMNS), lang=lang)
    t = texts(lang)
    if not rows and fmt == "table":
        return t("The two plans say the same: no changes.") + "\n"
    money = ("budget-", "earmark-", "cofinancing-", "stated-sum-")
    shown = [{**row, **{side: t.money(row[side]) for side in ("old", "new")
                        if row["kind"].startswith(money) and isinstance(row[side], (int, float))}}
             for row in rows]
    return format_rows(shown, fmt, columns=_SHOWN, kinds={"kind": "word"}, lang=lang)
