"""What a session leaves behind: its record, the solo progress history, handouts and exports.

Pure Python (no pygame): the tools and the tests use it without a display.
"""
