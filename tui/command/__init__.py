"""The command line's parts outside :mod:`tui.cli`: the parser, inputs, output, docs.

:mod:`~tui.command.parser` builds the one parser (global options anywhere, the
browser as the implied ``open`` subcommand); :mod:`~tui.command.inputs` turns its
paths into loaded corpora; :mod:`~tui.command.output` prints tables and JSON that
survive any terminal encoding; :mod:`~tui.command.docs` writes the man page and
the shell completions from the parser.
"""
