"""HTML page templates."""
