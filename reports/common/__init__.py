"""Plumbing both apps use, below everything else: text cleaning, ordering rows, the autosave protocol,
file downloads, the year in addresses, the types of users. It imports nothing from the project but
Django itself."""
