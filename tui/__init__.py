"""seedtui: a keyboard-first terminal browser for a folder of text documents."""

__version__ = "0.1.0"
