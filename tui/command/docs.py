"""The man page and the shell completions, written from the parser itself.

``python -m tui.command.docs share`` rewrites the files under ``share/`` that the
wheel installs (``share/man/man1/seedtui.1`` and the bash, zsh and fish
completions); a test fails when they differ from what the parser gives now.
``seedtui --completion SHELL`` prints the same completion script.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from tui import __version__
from tui.command.parser import DESCRIPTION, EXIT_HELP, INPUTS_HELP, build_parser
from tui.core.search import SYNTAX_HELP

SHELLS = ("bash", "zsh", "fish")
SHARE_FILES = {
    "man": "man/man1/seedtui.1",
    "bash": "bash-completion/completions/seedtui",
    "zsh": "zsh/site-functions/_seedtui",
    "fish": "fish/vendor_completions.d/seedtui.fish",
}
_PATH_METAVARS = ("FILE", "DIR", "PATH")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse offers no public walk of its subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        if action.option_strings and action.help != argparse.SUPPRESS:
            yield action


def _help_of(parser: argparse.ArgumentParser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return choice.help or ""
    return ""


# --- man page -------------------------------------------------------------------------


def _roff(text: str) -> str:
    """``text`` safe in roff: backslashes, dashes and line-leading dots escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def _option_lines(action: argparse.Action) -> list[str]:
    names = ", ".join(f"\\fB{_roff(name)}\\fR" for name in action.option_strings)
    if action.nargs != 0:
        names += f" \\fI{_roff(str(action.metavar or action.dest.upper()))}\\fR"
    return [".TP", names, _roff(action.help or "")]


def man_page(parser: argparse.ArgumentParser | None = None) -> str:
    """The ``seedtui(1)`` man page in roff."""
    parser = parser or build_parser()
    subs = _subparsers(parser)
    out = [
        f'.TH SEEDTUI 1 "" "seedtui {__version__}" "User Commands"',
        ".SH NAME",
        "seedtui \\- " + _roff(DESCRIPTION.split(":")[0].lower()),
        ".SH SYNOPSIS",
        ".B seedtui",
        "[\\fIoptions\\fR] [\\fIPATH\\fR ...]",
        ".br",
        ".B seedtui",
        "\\fBlist\\fR|\\fBsearch\\fR|\\fBquotes\\fR [\\fIoptions\\fR] ...",
        ".SH DESCRIPTION",
        _roff(DESCRIPTION),
        ".PP",
        _roff(INPUTS_HELP),
        ".SH OPTIONS",
    ]
    for action in _options(parser):
        out += _option_lines(action)
    out.append(".SH SUBCOMMANDS")
    for name, sub in subs.items():
        usage = " ".join(sub.format_usage().removeprefix("usage: ").split())
        out += [f".SS {name}", _roff(_help_of(parser, name)) + ".", ".PP", _roff(usage)]
        for action in _options(sub):
            if action.dest.startswith("_sub_") or action.dest == "help":
                continue  # the global options, listed once above
            out += _option_lines(action)
    out += [".SH SEARCH SYNTAX", ".nf", _roff(SYNTAX_HELP), ".fi"]
    out += [
        ".SH FILES",
        ".TP",
        "\\fI~/.config/seedtui/config.toml\\fR",
        "The configuration file (the user's config folder on other systems): corpus, theme,"
        " reader_width, animations and a [keys] table of binding id = keys.",
        " \\fBseedtui \\-\\-print\\-config\\fR shows the effective one.",
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBSEEDTUI_CONFIG\\fR",
        "The configuration file to read instead.",
        ".TP",
        "\\fBSEEDTUI_CACHE_DIR\\fR, \\fBSEEDTUI_STATE_DIR\\fR",
        "Where the corpus caches and the remembered state (and errors.log) live.",
        ".SH EXIT STATUS",
        _roff(EXIT_HELP.removeprefix("exit status: ")),
    ]
    return "\n".join(out) + "\n"


# --- completions ----------------------------------------------------------------------


def _words(parser: argparse.ArgumentParser) -> tuple[list[str], list[str]]:
    """The option strings of ``parser``: all of them, and those followed by a path."""
    options: list[str] = []
    paths: list[str] = []
    for action in _options(parser):
        options.extend(action.option_strings)
        if action.nargs != 0 and str(action.metavar) in _PATH_METAVARS:
            paths.extend(action.option_strings)
    return options, paths


def bash_completion(parser: argparse.ArgumentParser | None = None) -> str:
    """A bash completion script for ``seedtui``."""
    parser = parser or build_parser()
    subs = _subparsers(parser)
    top, top_paths = _words(parser)
    lines = [
        "# bash completion for seedtui, written from its parser (seedtui --completion bash)",
        "_seedtui() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local command="" word',
        '    for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do',
        "        case $word in",
        f"            {'|'.join(subs)}) command=$word; break ;;",
        "        esac",
        "    done",
        '    local options="' + " ".join(top) + '" paths="' + " ".join(top_paths) + '"',
        "    case $command in",
    ]
    for name, sub in subs.items():
        options, paths = _words(sub)
        lines.append(f'        {name}) options="{" ".join(options)}" paths="{" ".join(paths)}" ;;')
    lines += [
        "    esac",
        '    if [[ " $paths " == *" $prev "* ]]; then',
        '        COMPREPLY=($(compgen -f -- "$cur")); return',
        "    fi",
        "    if [[ $cur == -* ]]; then",
        '        COMPREPLY=($(compgen -W "$options" -- "$cur")); return',
        "    fi",
        "    if [[ -z $command ]]; then",
        f'        COMPREPLY=($(compgen -W "{" ".join(subs)}" -- "$cur") $(compgen -f -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o filenames -o bashdefault -F _seedtui seedtui",
    ]
    return "\n".join(lines) + "\n"


def _zsh_quote(text: str) -> str:
    return text.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def _zsh_specs(parser: argparse.ArgumentParser) -> list[str]:
    specs = []
    for action in _options(parser):
        if action.dest.startswith("_sub_"):
            continue
        help_text = _zsh_quote((action.help or "").split(";")[0].split("(")[0].strip())
        value = ""
        if action.nargs != 0:
            kind = "_files" if str(action.metavar) in _PATH_METAVARS else " "
            value = f":{str(action.metavar or action.dest).lower()}:{kind}"
        multiple = "*" if isinstance(action, argparse._AppendAction) else ""
        for name in action.option_strings:
            specs.append(f"'{multiple}{name}[{help_text}]{value}'")
    return specs


def zsh_completion(parser: argparse.ArgumentParser | None = None) -> str:
    """A zsh completion function for ``seedtui``."""
    parser = parser or build_parser()
    subs = _subparsers(parser)
    globals_ = _zsh_specs(parser)
    lines = [
        "#compdef seedtui",
        "# zsh completion for seedtui, written from its parser (seedtui --completion zsh)",
        "_seedtui() {",
        "    local -a subcommands global_options",
        "    subcommands=(",
    ]
    for name in subs:
        lines.append(f"        '{name}:{_zsh_quote(_help_of(parser, name))}'")
    lines += ["    )", "    global_options=("]
    lines += [f"        {spec}" for spec in globals_]
    lines += [
        "    )",
        "    if (( CURRENT > 2 )) && (( ${subcommands[(I)${words[2]}:*]} )); then",
        "        case ${words[2]} in",
    ]
    for name, sub in subs.items():
        specs = " ".join(_zsh_specs(sub))
        lines.append(
            f"            {name}) _arguments -s $global_options {specs} '*:path:_files' ;;"
        )
    lines += [
        "        esac",
        "    else",
        "        _arguments -s $global_options '1: :{_describe subcommand subcommands; _files}'"
        " '*:path:_files'",
        "    fi",
        "}",
        '_seedtui "$@"',
    ]
    return "\n".join(lines) + "\n"


def fish_completion(parser: argparse.ArgumentParser | None = None) -> str:
    """A fish completion script for ``seedtui``."""
    parser = parser or build_parser()
    subs = _subparsers(parser)
    names = " ".join(subs)
    lines = ["# fish completion for seedtui, written from its parser (seedtui --completion fish)"]
    for name in subs:
        help_text = _help_of(parser, name).replace("'", "\\'")
        lines.append(
            f"complete -c seedtui -n 'not __fish_seen_subcommand_from {names}' -a {name}"
            f" -d '{help_text}'"
        )

    def option(action: argparse.Action, condition: str) -> str:
        parts = [f"complete -c seedtui -n '{condition}'"]
        for flag in action.option_strings:
            parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
        if action.nargs != 0:
            parts.append("-r -F" if str(action.metavar) in _PATH_METAVARS else "-r -f")
        help_text = (action.help or "").split("(")[0].strip().replace("'", "\\'")
        parts.append(f"-d '{help_text}'")
        return " ".join(parts)

    for action in _options(parser):
        lines.append(option(action, "true"))
    for name, sub in subs.items():
        for action in _options(sub):
            if not action.dest.startswith("_sub_") and action.dest != "help":
                lines.append(option(action, f"__fish_seen_subcommand_from {name}"))
    return "\n".join(lines) + "\n"


def completion(shell: str) -> str:
    """The completion script for ``shell`` (one of :data:`SHELLS`)."""
    return {"bash": bash_completion, "zsh": zsh_completion, "fish": fish_completion}[shell]()


def share_files() -> dict[str, str]:
    """Each file under ``share/`` the wheel installs, and its text."""
    texts = {"man": man_page(), **{shell: completion(shell) for shell in SHELLS}}
    return {SHARE_FILES[kind]: text for kind, text in texts.items()}


def write_share(folder: Path) -> list[Path]:
    """Write :func:`share_files` below ``folder``; the paths written."""
    written = []
    for relative, text in share_files().items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # python -m tui.command.docs share
    for written in write_share(Path(sys.argv[1] if len(sys.argv) > 1 else "share")):
        print(written)
