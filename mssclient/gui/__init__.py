"""The Qt user interface: the only package of mssclient that imports PySide6."""
