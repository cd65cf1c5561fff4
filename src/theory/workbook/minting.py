"""Which IRI a new row gets: minted from its names and numbers by the curation rules.

A row without an ID gets the IRI :class:`theory.mint.Minter` makes from what the row says
(an activity from its name, an amount from its activity, year, table and budget line, a
role from its activity, actor and role …), so that importing the same workbook twice gives
the same IRIs. Where a second line of the same kind is allowed (a budget line, a stated
sum), the first free ``-2``, ``-3`` … is taken; elsewhere two rows that would get one IRI
are a problem for :mod:`.build` to report.
"""

from __future__ import annotations

from rdflib import URIRef

from ..i18n import N_
from ..mint import LINE_SLUGS, REGISTRY, ROLE_SLUGS, TABLE_SLUGS, registry_actor, slug
from ..namespaces import TH

__all__ = ["ITEM_KINDS", "RowIris", "slug_of"]

#: sheet key -> the kind word of its item IRIs (``objective-<activity>-<n>``)
ITEM_KINDS = {"objectives": "objective", "deliverables": "deliverable", "target_groups": "targetgroup",
              "timeline": "timeline"}
#: how a problem names an item that another row of its sheet already is (``{n}``: its number)
_ITEM_WHAT = {"objectives": N_("objective (activity and number {n})"),
              "deliverables": N_("deliverable (activity and number {n})"),
              "target_groups": N_("target group (activity and number {n})"),
              "timeline": N_("timeline entry (activity and number {n})")}


def _local(iri: URIRef, base: str) -> str:
    text = str(iri)
    for prefix in (base, REGISTRY):
        if text.startswith(prefix):
            return text[len(prefix):]
    return slug(text.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def slug_of(iri: URIRef, base: str, prefix: str) -> str:
    """The slug an IRI carries after ``prefix`` (``activity-faelleshaven`` -> ``faelleshaven``)."""
    local = _local(iri, base)
    return local[len(prefix):] if local.startswith(prefix) else local


class RowIris:
    """The ``mint_*`` methods of the builder, one per sheet: ``(IRI, what it is)`` or ``None``.

    ``what`` names the thing in the language of the problems (``self.t``; short words in the
    context ``thing``), for a problem that another row is the same thing. ``None`` means the
    row lacks what its IRI is made from; the problem is reported where it is found (an empty
    required cell, an unknown reference).
    """

    base: str

    def mint_plan(self, sheet, row):
        values, kind, t = row.values, row.values.get("kind"), self.t
        name = values.get("name") or ""
        if kind == TH.Partnership:
            return self.minter.partnership(), t.context("thing", "partnership")
        if kind == TH.PartnershipAgreement and values.get("period_start") and values.get("period_end"):
            return self.minter.agreement(values["period_start"], values["period_end"]), t.context("thing", "agreement")
        if kind == TH.SafetyPlan and values.get("plan_year"):
            return self.minter.plan(values["plan_year"]), t.context("thing", "plan")
        if kind == TH.ChangeTheory:
            return self.minter.change_theory(), t.context("thing", "change theory")
        if kind == TH.Impact and name:
            return self.minter.impact(name), t.context("thing", "impact")
        if kind == TH.PartnershipBody and name:
            return self.minter.iri(slug(name)), t.context("thing", "body")
        if kind is not None:
            need = {TH.PartnershipAgreement: "period_start", TH.SafetyPlan: "plan_year"}.get(kind, "name")
            self.problem(sheet, row, t("empty; this row needs it to get its identity (or give the row an ID)"),
                         column=need)
        return None

    def mint_named(self, make, what: str):
        """``what``: the kind of thing, marked for the catalogue (``NC_("thing", "activity")``)."""
        def mint(sheet, row):
            name = row.values.get("name")
            return (make(name), self.t.context("thing", what)) if name else None
        return mint

    def mint_actor(self, sheet, row):
        name = row.values.get("name")
        if not name:
            return None
        what = self.t("actor '{name}'", name=name)
        if row.values.get("shared"):
            return registry_actor(name), what
        return self.minter.actor(name), what

    def mint_place(self, sheet, row):
        name, kind = row.values.get("name"), row.values.get("place_kind")
        if not name or kind is None:
            return None
        make = self.minter.channel if kind == TH.CommunicationChannel else self.minter.place
        return make(name), self.t("place or channel '{name}'", name=name)

    def activity_slug(self, sheet, row, column_key="activity") -> str | None:
        activity = self.one(sheet, row, column_key)
        return slug_of(activity, self.base, "activity-") if activity is not None else None

    def next_number(self, key: str, sheet, row, prefix: str) -> int:
        """The row's number, or one more than the highest number its siblings' IRIs carry."""
        if row.values.get("no"):
            return int(row.values["no"])
        taken = [int(str(iri).rsplit("-", 1)[1]) for iri in self.origins
                 if str(iri).startswith(prefix) and str(iri).rsplit("-", 1)[1].isdigit()]
        return max(taken, default=0) + 1

    def mint_result(self, sheet, row):
        fa = self.one(sheet, row, "focus_area")
        if fa is None:
            return None
        fa_slug = slug_of(fa, self.base, "fa-")
        n = self.next_number("results", sheet, row, self.minter.iri(f"result-{fa_slug}-"))
        return self.minter.result(fa_slug, n), self.t("result (focus area and number {n})", n=n)

    def mint_status(self, sheet, row):
        activity, year = self.activity_slug(sheet, row), row.values.get("year")
        if not activity or not year:
            return None
        return self.minter.status(activity, year), self.t("status (activity and year {year})", year=year)

    def mint_support(self, sheet, row):
        activity, fa = self.activity_slug(sheet, row), self.one(sheet, row, "focus_area")
        if not activity or fa is None:
            return None
        iri = self.minter.support(activity, slug_of(fa, self.base, "fa-"))
        return iri, self.t("support (activity and focus area)")

    def mint_item(self, key):
        def mint(sheet, row):
            activity = self.activity_slug(sheet, row)
            if not activity:
                return None
            kind = ITEM_KINDS[key]
            n = self.next_number(key, sheet, row, self.minter.iri(f"{kind}-{activity}-"))
            return self.minter.item(kind, activity, n), self.t(_ITEM_WHAT[key], n=n)
        return mint

    def mint_role(self, sheet, row):
        activity, actor, role = self.activity_slug(sheet, row), self.one(sheet, row, "actor"), row.values.get("role")
        if not activity or actor is None or role is None:
            return None
        role_slug = ROLE_SLUGS.get(str(role).rsplit("#", 1)[-1], "role")
        return (self.minter.responsibility(activity, slug_of(actor, self.base, "actor-"), role_slug),
                self.t("role (activity, actor and role)"))

    def free(self, make) -> str:
        """The first of ``make(1)``, ``make(2)`` … that no row has yet."""
        k = 1
        while URIRef(make(k)) in self.origins:
            k += 1
        return make(k)

    def mint_amount(self, sheet, row):
        v = row.values
        activity = self.activity_slug(sheet, row)
        if not activity or not v.get("year") or v.get("table") is None or v.get("line") is None:
            return None
        table = TABLE_SLUGS.get(str(v["table"]).rsplit("#", 1)[-1], "table")
        line = LINE_SLUGS.get(str(v["line"]).rsplit("#", 1)[-1], "line")
        iri = self.free(lambda k: self.minter.amount(activity, v["year"], table, line, k))
        return iri, self.t.context("thing", "amount")

    def mint_sum(self, sheet, row):
        year = row.values.get("year")
        if not year:
            return None
        iri = self.free(lambda k: self.minter.stated_sum(year) + (f"-{k}" if k > 1 else ""))
        return iri, self.t.context("thing", "stated sum")

    def mint_money(self, sheet, row):
        v = row.values
        activity, year = self.activity_slug(sheet, row, "for_activity"), v.get("year")
        if not activity or not year:
            return None
        if v.get("money_kind") == TH.Earmark:
            source = self.activity_slug(sheet, row, "from_activity")
            if source:
                return self.minter.earmark(source, activity, year), self.t("earmark (activities and year)")
        elif v.get("money_kind") == TH.CoFinancing:
            funder = self.one(sheet, row, "funder")
            if funder is not None:
                return (self.minter.cofinancing(activity, slug_of(funder, self.base, "actor-"), year),
                        self.t("co-financing (activity, funder and year)"))
        self.problem(sheet, row, self.t("empty; an earmark needs the activity it comes from, a co-financing its "
                                        "funder (or give the row an ID)"),
                     column="from_activity" if v.get("money_kind") == TH.Earmark else "funder")
        return None
