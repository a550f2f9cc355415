"""README's command lists match the parser (issue 20): every command and subcommand `parkdesk --help` offers is
in both the Chinese and the English list, and every `parkdesk …` line of the README names a real command and
options that command has."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from parkdesk.cli.main import build_parser

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
CHINESE, ENGLISH = README.split("\n## English", 1)


def commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every command path (("excel", "import") …) and its parser."""
    found = {}

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found[(*path, name)] = sub
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


def leaves() -> list[tuple[str, ...]]:
    every = commands()
    return [path for path in every if not any(other[:len(path)] == path and other != path for other in every)]


def readme_lines(text: str) -> list[str]:
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", text, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("parkdesk ")]


@pytest.mark.parametrize("half", ["zh", "en"])
def test_every_command_is_in_the_readme(half):
    lines = readme_lines(CHINESE if half == "zh" else ENGLISH)
    missing = [" ".join(path) for path in leaves()
               if not any(re.match(rf"parkdesk {re.escape(' '.join(path))}(\s|$)", line) for line in lines)]
    assert missing == []


def test_every_readme_command_line_names_a_real_command_and_its_options():
    every = commands()
    problems = []
    for line in readme_lines(README):
        words = line.split("#")[0].split()[1:]
        path: tuple[str, ...] = ()
        while words and (*path, words[0]) in every:
            path, words = (*path, words[0]), words[1:]
        if not path:  # the window's own lines (parkdesk [WORKSPACE], a file, --new-workspace) name no command
            if words and re.fullmatch(r"[a-z][a-z-]*", words[0]):
                problems.append(line)
            continue
        known = {option for action in every[path]._actions for option in action.option_strings}
        used = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", " ".join(words)))
        problems += [f"{line}: {option}" for option in sorted(used - known)]
    assert problems == []
