"""The brand's own history: what was published, how it did, and what it says over time.

store.py keeps it (SQLite), importers/ read what the networks export, report/ measures it.
Drafts never reach this package: only posts the user published, or imported.
"""
