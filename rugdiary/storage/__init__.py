"""Persistence: the only package that imports TinyDB."""
