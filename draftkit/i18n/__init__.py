"""Locale-specific behaviour: typography profiles (and, later, gettext catalogs)."""
