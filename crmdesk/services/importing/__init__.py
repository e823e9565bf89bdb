"""Bringing contacts in: vCard and CSV readers, the preview and the import itself."""
