"""The headless core: loading, passages, search and quotes. Imports no UI library."""
