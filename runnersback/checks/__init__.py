"""Checks of the built site, after the build."""
