"""Certifications & Licences: the page (``page``), the lists it shows (``columns``) and a
module per form (``aia``, ``lpp``, ``licence``, ``footprint``, ``country``), each built on
``record_dialog``."""
