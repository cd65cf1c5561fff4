"""One palette for every view: a kind of thing has the same colour wherever it is drawn.

Colours are keyed by class IRI, never by a label or by the order kinds happen to turn up
in, so the police are the same colour in the actor page, the report, a filtered view and
the English version. The palette is Okabe and Ito's eight colours for colour-blind
readers (with grey in place of black, which is kept for marks and text); no view needs
more, because rare actor kinds share a colour with their neighbours:

==========================  ======================================================
colour                      actor kinds
==========================  ======================================================
sky blue                    municipal administrations and units
vermillion                  the police
yellow                      schools and public institutions
bluish green                housing associations and housing-social master plans
orange                      associations, NGOs and resident groups
reddish purple              partnerships, partnership bodies and networks
grey                        companies and every other kind
==========================  ======================================================

Blue is the activity's, in the change theory and in the actor network alike. The change
theory's own kinds (focus area, cross-cutting effort, result, impact) reuse the palette;
they never share a picture with actor kinds.

Marks that are not kinds do not use hue, so they read in grey print and for every
reader: an overloaded actor has a thick black ring, an activity that hangs on one actor a
thick dashed black border; lines differ by style (solid, dashed, dotted) as well as width.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..namespaces import TH

__all__ = [
    "PALETTE",
    "KindGroup",
    "KIND_GROUPS",
    "OTHER",
    "THEORY_COLOURS",
    "kind_group",
    "kind_colour",
    "text_colour",
    "LINES",
    "MARK",
    "DOTTED",
    "DASHED",
]

#: Okabe–Ito, grey for black
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky-blue": "#56B4E9",
    "bluish-green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "reddish-purple": "#CC79A7",
    "grey": "#999999",
}


@dataclass(frozen=True)
class KindGroup:
    """Actor kinds drawn in one colour (``key`` names the group; the legend lists its kinds)."""

    key: str
    colour: str
    kinds: tuple[str, ...]


KIND_GROUPS = (
    KindGroup("municipality", PALETTE["sky-blue"], (str(TH.MunicipalAdministration), str(TH.MunicipalUnit))),
    KindGroup("police", PALETTE["vermillion"], (str(TH.Police),)),
    KindGroup("institution", PALETTE["yellow"], (str(TH.School), str(TH.PublicInstitution))),
    KindGroup("housing", PALETTE["bluish-green"], (str(TH.HousingAssociation), str(TH.HousingSocialMasterPlan))),
    KindGroup("civil-society", PALETTE["orange"], (str(TH.Association), str(TH.NGO), str(TH.ResidentGroup))),
    KindGroup("partnership", PALETTE["reddish-purple"],
              (str(TH.Partnership), str(TH.PartnershipBody), str(TH.Network))),
)
#: companies, kinds the palette does not know, and actors without a kind
OTHER = KindGroup("other", PALETTE["grey"], (str(TH.Company),))
_GROUP_OF = {kind: group for group in (*KIND_GROUPS, OTHER) for kind in group.kinds}

#: the change theory's kinds, by class IRI
THEORY_COLOURS = {
    str(TH.Activity): PALETTE["blue"],
    str(TH.FocusArea): PALETTE["orange"],
    str(TH.CrossCuttingEffort): PALETTE["yellow"],
    str(TH.Result): PALETTE["bluish-green"],
    str(TH.Impact): PALETTE["vermillion"],
}

#: black marks and lines: flags, lead links
MARK = "#000000"
#: vis-network dash patterns (the static images use the same)
DASHED = [8, 5]
DOTTED = [2, 4]

#: line styles by what a line means: colour, width, dashes
LINES = {
    "lead": {"color": "#333333", "width": 3, "dashes": False},
    "partner": {"color": "#8c8c8c", "width": 1.5, "dashes": False},
    "prospective": {"color": "#8c8c8c", "width": 1.5, "dashes": DOTTED},
    "sub-organisation": {"color": "#555555", "width": 1.5, "dashes": DASHED},
    "supports": {"color": PALETTE["blue"], "width": 1, "dashes": False},
    "has-result": {"color": "#8c8c8c", "width": 1.5, "dashes": False},
    "leads-to": {"color": "#8c8c8c", "width": 1.5, "dashes": False},
    "works-toward": {"color": PALETTE["blue"], "width": 1.5, "dashes": DASHED},
    "cross-cuts": {"color": "#8c8c8c", "width": 1.5, "dashes": DASHED},
}


def kind_group(kind_iri: str | None) -> KindGroup:
    """The colour group of an actor kind (class IRI); :data:`OTHER` for unknown kinds."""
    return _GROUP_OF.get(str(kind_iri), OTHER) if kind_iri else OTHER


def kind_colour(kind_iri: str | None) -> str:
    """The colour of an actor kind (class IRI), the same in every view."""
    return kind_group(kind_iri).colour


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast)."""
    channels = [int(background.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
