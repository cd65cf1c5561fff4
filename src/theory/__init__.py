"""theory: a knowledge-graph and change-theory modeler for municipal safety partnerships.

The public API: open a workspace of plans, then validate, query, audit and render them.

>>> from theory import Workspace
>>> ws = Workspace.open()          # the shipped Tingbjerg-Husum plan, embedded Oxigraph

Names are imported when first used (PEP 562), so importing one module of the package does
not load rdflib, pyoxigraph or Babel for all of it.
"""

from importlib import import_module

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "TH": "namespaces",
    "Workspace": "workspace",
    "Plan": "workspace",
    "TheoryError": "errors",
    "UsageError": "errors",
    "LoadError": "errors",
    "DataError": "errors",
    "QueryError": "errors",
    "ReasonerError": "errors",
    "OutputError": "errors",
    "RemoteError": "errors",
    "StoreError": "errors",
    "find_sources": "sources",
    "ontology_path": "sources",
    "shapes_path": "sources",
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'theory' has no attribute {name!r}")
