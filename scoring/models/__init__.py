"""Typed models of the files in content/, one module per content domain.

Every model forbids unknown keys and is frozen. ``base.load_file`` reads one YAML file
into a model and turns the first validation error into a ``ContentError`` naming the
file and the dotted field, so a typo stops start-up instead of silently dropping data.
"""
