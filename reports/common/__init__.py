"""Plumbing both apps use, below everything else: text cleaning, ordering rows, the autosave protocol,
file downloads, the year in addresses. It imports nothing from the project but Django itself."""
