"""The office hub: PostgreSQL schema, migrations, checks and the sync link."""
