"""Diffusion Desk domain: the rules, the models and the use cases.

Pure Python over pydantic values. Nothing here touches a database, a window or a file other
than the ruleset data shipped inside this package.
"""
