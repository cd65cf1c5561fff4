"""theory: a knowledge-graph and change-theory modeler for municipal safety partnerships.

The public API: open a workspace of plans, then validate, query, audit and render them.

>>> from theory import Workspace
>>> ws = Workspace.open()          # the shipped Tingbjerg-Husum plan, embedded Oxigraph
"""

from .errors import (
    DataError,
    LoadError,
    OutputError,
    QueryError,
    ReasonerError,
    RemoteError,
    StoreError,
    TheoryError,
    UsageError,
)
from .namespaces import TH
from .sources import find_sources, ontology_path, shapes_path
from .workspace import Plan, Workspace

__version__ = "0.1.0"

__all__ = [
    "TH",
    "Workspace",
    "Plan",
    "TheoryError",
    "UsageError",
    "LoadError",
    "DataError",
    "QueryError",
    "ReasonerError",
    "OutputError",
    "RemoteError",
    "StoreError",
    "find_sources",
    "ontology_path",
    "shapes_path",
    "__version__",
]
