"""Thin views: each module one page or a family of pages; they scope with ``restrict`` and call actions."""
