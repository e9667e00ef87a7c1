"""The rules of the AI Diffusion Framework, each in one home (rules.md sections 1 to 5).

Public modules, which the services, views and documents use:
- ``codes``: the stable finding codes;
- ``geography``: tiers as the rules test them (Tier 3 nexus, AIA geography, notes);
- ``classification``: a product's ECCN and the part of an order it falls in;
- ``certifications``: which AIA or LPP certification speaks for a day;
- ``positions``: LPP, AIA, VEU and country-allocation positions (used, left, due);
- ``engine``: ``evaluate(order, context, ruleset) -> Decision``.

``facts``, ``findings``, ``paths`` (one module per authorization) and ``parts`` (one per part
of an order) are the engine's own; an import-linter contract keeps other packages out.
"""
