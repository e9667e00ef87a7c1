"""The field-audit screen: a kit opened on site, with nothing else (rules.md section 10)."""
