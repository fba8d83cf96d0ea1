"""The README's promises: its first commands, CI's test command, and its Python example."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_block() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block, "the README opens with a bash block"
    return block.group(1).strip().splitlines()


def test_readme_opens_with_setup_and_test_commands():
    setup, tests = _first_block()
    assert setup.startswith("python3 -m venv .venv") and "quotes extract --example" in setup
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _first_block()[1] in ci


def test_readme_python_example_runs_as_shown():
    text = "\n".join(block for block in re.findall(r"```python\n(.*?)```", README, re.S))
    test = doctest.DocTestParser().get_doctest(text, {}, "README.md", "README.md", 0)
    assert test.examples, "the README shows a Python example"
    result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
    assert result.failed == 0
