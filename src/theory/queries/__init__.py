"""Named SPARQL queries (*.rq), loaded by name."""
