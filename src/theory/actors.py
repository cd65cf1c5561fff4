"""Actor-load audit: who carries one plan's activities and money in a year.

Per actor, in the year's actor–activity network (:mod:`theory.network`), counting the roles
the plan states as agreed:

``lead``
    activities it leads (role lead or co-lead);
``partner``
    activities it takes part in with any other role (partner, operator, trainer, funder,
    venue) and does not lead;
``prospective``
    activities where the plan only intends, hopes for, applies for or has made contact
    about its role (not counted above, and not in the flags);
``budget_lead``, ``budget_share``
    the overview-table budget of the activities it leads, and that over the year's budget;
``focus_areas``
    the focus areas its activities (any agreed role) support;
``centrality``
    networkx degree centrality in the bipartite actor–activity graph of agreed roles,
    normalised by the number of the year's activities: the share of the year's activities
    the actor takes part in;
``flags``
    ``overloaded`` when its led budget is above ``max_budget_share`` of the year's budget, or
    it takes part in more than ``max_activity_share`` of the year's activities;
    ``sole-actor`` when an activity hangs on it alone. Each flag says why: its measure, the
    value and the limit.

With ``rollup=True`` each organisation also carries the load of its sub-organisations
(``org:subOrganizationOf``, transitively): activities are counted once even when several
units of one parent take part.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .i18n import NC_
from .network import actor_activity_graph, agreed, shared_activities

__all__ = ["Flag", "actor_load", "single_actor_activities", "actor_pairs", "actors_text", "actors_years_text", "flags_text"]


@dataclass(frozen=True)
class Flag:
    """Why an actor is flagged: ``measure`` (``budget_share``, ``activity_share`` or
    ``activities_alone``) has ``value``, above ``limit``."""

    flag: str
    measure: str
    value: float
    limit: float
    activities: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"flag": self.flag, "measure": self.measure, "value": self.value, "limit": self.limit}

    def as_text(self, t) -> str:
        return flags_text([self], t)


def flags_text(flags, t) -> str:
    """``overloaded (budget 42,5 % > 25 %; activities 43,8 % > 25 %)`` in the language of ``t``
    (:class:`theory.i18n.Texts`): the reasons of one actor's flags, together."""
    reasons = []
    for flag in flags:
        if flag.measure == "budget_share":
            reasons.append(t("budget {value} > {limit}", value=t.percent(flag.value), limit=t.percent(flag.limit)))
        elif flag.measure == "activity_share":
            reasons.append(t("activities {value} > {limit}", value=t.percent(flag.value), limit=t.percent(flag.limit)))
    parts = [t("overloaded ({reasons})", reasons="; ".join(reasons))] if reasons else []
    parts += [t.plural("sole actor ({n} activity: {names})", "sole actor ({n} activities: {names})",
                       len(flag.activities), names=", ".join(flag.activities))
              for flag in flags if flag.flag == "sole-actor"]
    return ", ".join(parts)


def _share(part, whole) -> float:
    return round(float(part) / float(whole), 4) if whole else 0.0


def _number(value):
    value = float(value)
    return int(value) if value.is_integer() else value


def _descendants(net) -> dict[str, set[str]]:
    """actor -> itself and every organisation below it (org:subOrganizationOf, org:unitOf)."""
    children: dict[str, set[str]] = defaultdict(set)
    for node, data in net.nodes(data=True):
        if data.get("kind") == "actor" and data.get("parent"):
            children[data["parent"]].add(node)
    closure: dict[str, set[str]] = {}

    def below(actor: str, seen: frozenset = frozenset()) -> set[str]:
        if actor not in closure:
            found = {actor}
            for child in children.get(actor, ()):
                if child not in seen:
                    found |= below(child, seen | {actor})
            closure[actor] = found
        return closure[actor]

    return {actor: below(actor) for actor in set(children) | {c for cs in children.values() for c in cs}}


def single_actor_activities(ws, plan, year: int) -> list[dict[str, Any]]:
    """Activities of the year that hang on one actor: activity, activity_iri, actor, actor_iri."""
    rows = ws.select("single-actor-activities", plan, {"year": year})
    return [{"activity": r["activity"], "activity_iri": r["activity_iri"], "actor": r["actor"],
             "actor_iri": r["actor_iri"]} for r in rows]


def actor_load(ws, plan, year: int, *, rollup: bool = False, max_activity_share: float = 0.25,
               max_budget_share: float = 0.25) -> list[dict[str, Any]]:
    """One row per actor (zero-load actors too), heaviest first. See the module docstring."""
    key = ("actor-load", plan.iri, year, ws.lang, rollup, max_activity_share, max_budget_share)
    return ws.memo(key, lambda: _actor_load(ws, plan, year, rollup, max_activity_share, max_budget_share))


def _actor_load(ws, plan, year, rollup, max_activity_share, max_budget_share):
    from networkx.algorithms import bipartite

    net = actor_activity_graph(ws, plan, year)
    firm = agreed(net)
    activities = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "activity")
    actors = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "actor")
    total_budget = sum(float(net.nodes[a]["budget"]) for a in activities)
    centrality = bipartite.degree_centrality(firm, actors) if activities else {}

    fa_of: dict[str, set[str]] = defaultdict(set)
    for row in ws.select("activity-focus-areas", plan):
        if row.get("activity_iri"):
            fa_of[row["activity_iri"]].add(row["focus_area"])
    alone: dict[str, list[str]] = defaultdict(list)
    for row in single_actor_activities(ws, plan, year):
        alone[row["actor_iri"]].append(row["activity"])
    members = _descendants(net) if rollup else {}

    rows = []
    for actor in actors:
        group = members.get(actor, {actor}) if rollup else {actor}
        led, took_part, hoped = set(), set(), set()
        for member in group:
            for activity in net[member]:
                edge = net.edges[member, activity]
                if edge["status"] != "agreed":
                    hoped.add(activity)
                    continue
                took_part.add(activity)
                if edge["role"] == "lead":
                    led.add(activity)
        hoped -= took_part
        budget_lead = sum(float(net.nodes[a]["budget"]) for a in led)
        flags = []
        budget_share = _share(budget_lead, total_budget)
        activity_share = _share(len(took_part), len(activities))
        if activities and budget_share > max_budget_share:
            flags.append(Flag("overloaded", "budget_share", budget_share, max_budget_share))
        if activities and activity_share > max_activity_share:
            flags.append(Flag("overloaded", "activity_share", activity_share, max_activity_share))
        sole = sorted({name for member in group for name in alone.get(member, ())})
        if sole:
            flags.append(Flag("sole-actor", "activities_alone", len(sole), 0, tuple(sole)))
        degree = len(took_part) / len(activities) if rollup and activities else centrality.get(actor, 0.0)
        rows.append({
            "actor": net.nodes[actor]["label"],
            "kind": net.nodes[actor].get("actor_kind"),
            "lead": len(led),
            "partner": len(took_part - led),
            "prospective": len(hoped),
            "budget_lead": _number(budget_lead),
            "budget_share": budget_share,
            "focus_areas": sorted({fa for a in took_part for fa in fa_of.get(a, ())}, key=str.casefold),
            "centrality": round(degree, 4),
            "flags": flags,
            "actor_iri": actor,
            "kind_iri": net.nodes[actor].get("actor_kind_iri"),
        })
    rows.sort(key=lambda r: (-r["lead"], -r["partner"], -r["budget_lead"], -r["prospective"],
                             r["actor"].casefold(), r["actor_iri"]))
    return rows


def actor_pairs(ws, plan, year: int) -> list[dict[str, Any]]:
    """Pairs of actors that share activities of the year (agreed roles)."""
    return shared_activities(actor_activity_graph(ws, plan, year))


_COLUMNS = [NC_("column", "actor"), NC_("column", "kind"), NC_("column", "lead"), NC_("column", "partner"),
            NC_("column", "prospective"), NC_("column", "budget_lead"), NC_("column", "budget_share"),
            NC_("column", "centrality"), NC_("column", "focus_areas"), NC_("column", "flags")]
_PAIR_COLUMNS = [NC_("column", "actor_a"), NC_("column", "actor_b"), NC_("column", "shared"), NC_("column", "activities")]
KINDS = {"budget_lead": "money", "budget_share": "percent"}


def actors_text(ws, plans_years, *, fmt: str = "table", rollup: bool = False, top: int | None = None,
                actor: str | None = None, pairs: bool = False, max_activity_share: float = 0.25,
                max_budget_share: float = 0.25) -> str:
    """The actor-load audit (or, with ``pairs``, the actors sharing activities) of each
    (plan, year) as text; ``actor`` keeps one actor, named as people type it."""
    from .output import format_rows

    several = len(plans_years) > 1
    lead = ["plan"] if several else []
    rows: list[dict[str, Any]] = []
    for plan, year in plans_years:
        if pairs:
            found = [{"plan": plan.name, **r} for r in actor_pairs(ws, plan, year)]
        else:
            found = [{"plan": plan.name, "plan_iri": plan.iri, **r}
                     for r in actor_load(ws, plan, year, rollup=rollup, max_activity_share=max_activity_share,
                                         max_budget_share=max_budget_share)]
            if actor:
                who = ws.resolve(plan, "actor", actor, "--actor")
                found = [r for r in found if r["actor_iri"] == who]
        rows.extend(found[:top] if top else found)
    if pairs:
        return format_rows(rows, fmt, columns=lead + _PAIR_COLUMNS, lang=ws.lang)
    machine = fmt in ("csv", "json")
    if not machine:
        from .i18n import texts

        t = texts(ws.lang)
        rows = [{**row, "flags": flags_text(row["flags"], t)} for row in rows]
    columns = lead + _COLUMNS + (["actor_iri", "kind_iri", "plan_iri"] if machine else [])
    return format_rows(rows, fmt, columns=columns, kinds=KINDS, lang=ws.lang)


#: what ``theory actors --years`` shows for each year
YEAR_MEASURES = ("lead", "partner", "budget_lead", "budget_share")


def actors_years_text(ws, plans_years: list[tuple[Any, list[int]]], *, fmt: str = "table", rollup: bool = False,
                      actor: str | None = None, top: int | None = None) -> str:
    """Actors' loads year by year, per plan: one column group per year (``lead_2021``, …);
    actors with no role in any of the years are left out; heaviest in the last year first."""
    from .i18n import texts
    from .output import format_rows

    t = texts(ws.lang)
    several = len(plans_years) > 1
    parts, everything = [], []
    kinds = {}
    for plan, years in plans_years:
        rows: dict[str, dict[str, Any]] = {}
        who = ws.resolve(plan, "actor", actor, "--actor") if actor else None
        for year in years:
            for row in actor_load(ws, plan, year, rollup=rollup):
                if who and row["actor_iri"] != who:
                    continue
                line = rows.setdefault(row["actor_iri"], {"plan": plan.name, "actor": row["actor"], "kind": row["kind"],
                                                          "actor_iri": row["actor_iri"], "plan_iri": plan.iri})
                for measure in YEAR_MEASURES:
                    line[f"{measure}_{year}"] = row[measure]
        last = years[-1]
        found = [r for r in rows.values() if any(r.get(f"lead_{y}") or r.get(f"partner_{y}") for y in years)]
        found.sort(key=lambda r: (-r.get(f"lead_{last}", 0), -r.get(f"partner_{last}", 0),
                                  -r.get(f"budget_lead_{last}", 0), r["actor"].casefold(), r["actor_iri"]))
        found = found[:top] if top else found
        columns = ([NC_("column", "plan")] if several else []) + [NC_("column", "actor"), NC_("column", "kind")]
        columns += [f"{m}_{y}" for y in years for m in YEAR_MEASURES]
        kinds.update({f"budget_lead_{y}": "money" for y in years} | {f"budget_share_{y}": "percent" for y in years})
        if fmt in ("csv", "json"):
            everything.append((found, columns + ["actor_iri", "plan_iri"]))
            continue
        titles = {f"{m}_{y}": f"{y} {t.context('column', m)}" for y in years for m in YEAR_MEASURES}
        head = (f"{plan.name} – " if several else "") + t("Actors {years}", years=f"{years[0]}–{years[-1]}")
        parts.append(head + "\n\n" + format_rows(found, fmt, columns=columns, kinds=kinds, lang=ws.lang, titles=titles))
    if fmt in ("csv", "json"):
        columns = list(dict.fromkeys(c for _, cols in everything for c in cols))
        return format_rows([r for rows, _ in everything for r in rows], fmt, columns=columns, lang=ws.lang)
    return "\n".join(parts)
