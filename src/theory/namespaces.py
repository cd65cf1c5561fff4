"""Namespaces of :mod:`theory`.

``TH`` is the theory ontology (``ontology/theory.ttl``). It is a closed
:class:`~rdflib.namespace.DefinedNamespace`: ``TH.Activty`` raises ``AttributeError`` instead
of minting a new IRI. A test keeps the list in step with the ontology.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["TH", "CIDS", "ORG", "PROV", "SCHEMA", "SKOS", "TIME", "BIND_PREFIXES"]


class TH(DefinedNamespace):
    """The theory ontology."""

    _fail = True
    _NS = Namespace("https://w3id.org/theory/ontology#")

    Activity: URIRef
    ActivityFunds: URIRef
    ActivityTable: URIRef
    ActivityYearStatus: URIRef
    Actor: URIRef
    Agreed: URIRef
    Association: URIRef
    BudgetAmount: URIRef
    BudgetLine: URIRef
    BudgetTable: URIRef
    ChangeTheory: URIRef
    CoFinancing: URIRef
    CoLead: URIRef
    CommunicationChannel: URIRef
    Company: URIRef
    Continuing: URIRef
    CrossCuttingEffort: URIRef
    Deliverable: URIRef
    Earmark: URIRef
    Ended: URIRef
    FocusArea: URIRef
    FocusAreaSupport: URIRef
    Funder: URIRef
    HousingAssociation: URIRef
    HousingSocialMasterPlan: URIRef
    Impact: URIRef
    Lead: URIRef
    MunicipalAdministration: URIRef
    MunicipalUnit: URIRef
    NGO: URIRef
    Network: URIRef
    New: URIRef
    Objective: URIRef
    Ongoing: URIRef
    Operator: URIRef
    OtherCosts: URIRef
    OverviewTable: URIRef
    Partner: URIRef
    Partnership: URIRef
    PartnershipAgreement: URIRef
    PartnershipBody: URIRef
    PerEvent: URIRef
    PerMonth: URIRef
    PerWeek: URIRef
    PerYear: URIRef
    Period: URIRef
    Place: URIRef
    PlanSection: URIRef
    PlanText: URIRef
    Police: URIRef
    Primary: URIRef
    Prospective: URIRef
    PublicInstitution: URIRef
    Rent: URIRef
    ResidentGroup: URIRef
    Responsibility: URIRef
    Result: URIRef
    Role: URIRef
    RoleStatus: URIRef
    SafetyPlan: URIRef
    SalaryFunds: URIRef
    School: URIRef
    Secondary: URIRef
    StatedSum: URIRef
    Status: URIRef
    TargetGroup: URIRef
    TargetPriority: URIRef
    Tertiary: URIRef
    TimelineEntry: URIRef
    Total: URIRef
    Trainer: URIRef
    Venue: URIRef
    activityNumber: URIRef
    actor: URIRef
    agreementOf: URIRef
    budgetLine: URIRef
    changeTheory: URIRef
    channel: URIRef
    crossCuts: URIRef
    deliverable: URIRef
    description: URIRef
    endMonth: URIRef
    forActivity: URIRef
    formerName: URIRef
    fromActivity: URIRef
    funder: URIRef
    hasResult: URIRef
    implements: URIRef
    inPlan: URIRef
    intendedImpact: URIRef
    involvedIn: URIRef
    leads: URIRef
    leadsTo: URIRef
    lineLabel: URIRef
    maxAge: URIRef
    minAge: URIRef
    note: URIRef
    objective: URIRef
    party: URIRef
    period: URIRef
    periodEnd: URIRef
    periodStart: URIRef
    place: URIRef
    planOf: URIRef
    planYear: URIRef
    printedAs: URIRef
    priority: URIRef
    quote: URIRef
    responsibility: URIRef
    resultOf: URIRef
    role: URIRef
    roleStatus: URIRef
    sectionOf: URIRef
    source: URIRef
    startMonth: URIRef
    status: URIRef
    supportedBy: URIRef
    supportedFocusArea: URIRef
    supportingActivity: URIRef
    supports: URIRef
    table: URIRef
    targetGroup: URIRef
    targetMax: URIRef
    targetMin: URIRef
    timelineEntry: URIRef
    unit: URIRef
    when: URIRef
    worksToward: URIRef
    year: URIRef
    yearStatus: URIRef


CIDS = Namespace("https://ontology.commonapproach.org/cids#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("http://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
TIME = Namespace("http://www.w3.org/2006/time#")

#: prefixes bound on every graph :func:`theory.load.load_graph` returns
BIND_PREFIXES = {
    "th": str(TH._NS),
    "actor": "https://w3id.org/theory/data/actors/",
    "cids": str(CIDS),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "time": str(TIME),
}
