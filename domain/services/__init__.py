"""Use cases, written against the ports in ``domain.ports``. One use case = one transaction."""
