"""Persistence: SQLAlchemy rows, Alembic migrations, and the repositories and unit of work that
implement the domain's ports. ORM objects never leave this package."""
