"""The shipped OWL ontology and SHACL shapes (data files; installed as theory.ontology)."""
