"""qawl: who is quoted, saying what, about whom, in Arabic news."""

__version__ = "0.1.0"
