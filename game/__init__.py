"""Freeze Frame: forum theatre for NHS managers, as a desktop game."""

#: The game's version, in one place: the package's metadata takes it from here
#: (pyproject.toml), and every session record names it. Read from here rather than from the
#: installed metadata, whose module takes 20 ms to import as a run starts, and which the
#: one-file app does not carry.
__version__ = "0.1.0"
