"""The shipped curated plan graphs (data files; installed as theory.graph)."""
