"""Screening (rules.md section 9): the page (``page``), a match side by side (``compare``)
with its matched words marked (``marks``), importing a list and re-screening (``lists``), a
party's history (``history``) and the settings (``settings``)."""
