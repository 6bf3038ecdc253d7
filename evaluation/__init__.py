"""Accuracy of the tools on real data that the project reads but never contains.

``python -m evaluation`` (``make eval``) reads the corpora under ``../shared/data`` (or
``EVAL_DATA``), runs each tool over them and prints the tables; it writes the figures to
``docs/eval.json`` and the README's marked blocks, so no published figure is typed by hand.
Nothing from the corpora is written anywhere: only counts and rates.
"""
