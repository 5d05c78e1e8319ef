"""The benchmark behind `python3 main.py bench`: measured, never asserted in tests."""
