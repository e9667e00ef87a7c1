"""PDF reports: reportlab renderers that take a domain view-model and return PDF bytes."""
