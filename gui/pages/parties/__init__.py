"""Parties: the page (``page``), its list (``table``), a party's standing (``standing``) and
its editor (``editor``)."""
