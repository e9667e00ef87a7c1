"""Documents: the registry page (``page``) with its table and texts, and a module per dialog
that generates (``aia_statement``, ``lpp_certification``, ``order_document``, on
``generate_dialog``), batches, verifies or records a signed copy's return."""
