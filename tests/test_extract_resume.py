"""`--resume`: an interrupted run, resumed, yields exactly the output of an uninterrupted one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import QuotesError
from quotes.extraction import extract_paths, written_ids
from quotes.registry import get_extractor


def write_input(path: Path, n: int, ids=None) -> Path:
    ids = ids or [f"d{i}" for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for i, doc_id in enumerate(ids):
            text = f"Meldung {i}: " + (f"Er sagte: „Das ist Nummer {i}.“" if i % 2 else "Nichts gesagt.")
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return path


class Interrupted:
    """quote-marks, but Ctrl-C strikes while extracting document number ``after``."""

    name = "quote-marks"

    def __init__(self, after: int):
        self.inner, self.after, self.seen = get_extractor("quote-marks"), after, 0

    def extract(self, doc):
        self.seen += 1
        if self.seen > self.after:
            raise KeyboardInterrupt
        return self.inner.extract(doc)

    def pipe(self, docs, batch_size=32):
        for doc in docs:
            yield self.extract(doc)


def snapshot(out: Path, fmt: str):
    if fmt == "jsonl":
        return out.read_bytes()
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("fmt, n_process, cut_line", [
    ("jsonl", 1, False),
    ("jsonl", 1, True),
    pytest.param("jsonl", 2, True, marks=pytest.mark.slow),
    ("wikinews", 1, False),
])
def test_resume_after_an_interruption_yields_the_uninterrupted_output(tmp_path, fmt, n_process, cut_line):
    src = write_input(tmp_path / "in.jsonl", 60)
    full, part = (tmp_path / "full", tmp_path / "part") if fmt == "wikinews" else (tmp_path / "full.jsonl", tmp_path / "part.jsonl")
    extract_paths([src], full, extractor="quote-marks", fmt=fmt, progress=False, batch_size=8)

    with pytest.raises(KeyboardInterrupt):
        extract_paths([src], part, extractor=Interrupted(after=27), fmt=fmt, progress=False, batch_size=8)
    if cut_line:  # killed in the middle of writing a line
        with open(part, "a", encoding="utf-8") as f:
            f.write('{"id": "d24", "text": "Meldung 24: Nich')
    written = len(written_ids(part)) if fmt == "jsonl" else len(list(part.iterdir()))
    assert 0 < written < 60

    report = extract_paths([src], part, extractor="quote-marks", fmt=fmt, progress=False, batch_size=8,
                           resume=True, n_process=n_process)
    assert report.skipped == written and report.documents == 60 - written
    assert snapshot(part, fmt) == snapshot(full, fmt)


def test_resume_keeps_each_of_several_documents_with_one_id(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 6, ids=["a", "b", "a", "c", "a", "d"])
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    extract_paths([src], full, extractor="quote-marks", progress=False)
    with pytest.raises(KeyboardInterrupt):
        extract_paths([src], part, extractor=Interrupted(after=3), progress=False, batch_size=1)
    extract_paths([src], part, extractor="quote-marks", progress=False, resume=True)
    assert part.read_bytes() == full.read_bytes()


def test_resume_refuses_an_output_it_did_not_write(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    out.write_text("id,text\nd0,Hallo\n")
    result = CliRunner().invoke(app, ["extract", str(src), "-x", "quote-marks", "-o", str(out), "--resume", "--quiet"])
    assert result.exit_code == 2
    assert "line 1" in result.output and "cannot resume" in result.output
    assert out.read_text() == "id,text\nd0,Hallo\n"
    with pytest.raises(QuotesError, match="needs an output file"):
        extract_paths([src], "-", extractor="quote-marks", resume=True, progress=False)


@pytest.mark.slow
def test_resume_after_the_process_is_killed_yields_the_uninterrupted_output(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 10_000)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    cmd = [sys.executable, "-m", "quotes", "extract", str(src), "-x", "quote-marks", "--quiet"]
    proc = subprocess.Popen(cmd + ["-o", str(part)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while (not part.exists() or part.stat().st_size < 50_000) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < len(written_ids(part)) < 10_000, "the run was not interrupted in time"

    assert subprocess.run(cmd + ["-o", str(part), "--resume"], stderr=subprocess.DEVNULL).returncode == 0
    extract_paths([src], full, extractor="quote-marks", progress=False)
    assert part.read_bytes() == full.read_bytes()
