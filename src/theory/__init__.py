"""theory: a knowledge-graph and change-theory modeler for municipal safety partnerships.

The public API: load a plan, then validate, query, audit and render it.
"""

from .errors import DataError, LoadError, OutputError, QueryError, ReasonerError, TheoryError, UsageError
from .load import default_data_paths, expand_paths, load_graph, ontology_path, shapes_path
from .namespaces import TH

__version__ = "0.1.0"

__all__ = [
    "TH",
    "TheoryError",
    "UsageError",
    "LoadError",
    "DataError",
    "QueryError",
    "ReasonerError",
    "OutputError",
    "load_graph",
    "expand_paths",
    "default_data_paths",
    "ontology_path",
    "shapes_path",
    "__version__",
]
