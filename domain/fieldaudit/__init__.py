"""Field audits (rules.md section 10): what an auditor reconciles on site."""
