"""Products: the page (``page``), the catalog (``table``), the product editor (``editor``) and
the live classification beside it (``classification``)."""
