"""The named SPARQL queries (data only): ``questions/``, ``views/`` and ``rules/``; see :mod:`theory.catalogue`."""
