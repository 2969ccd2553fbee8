"""Secrets, keys and (later) certificates. Qt-free."""
