"""Persistence: Peewee models on one SQLite file per book."""
