"""Reading files, folders, globs and stdin: text, HTML, gzip, encodings, and bad input as `Failure`s."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import sys

import pytest

from newsdesk.config import Settings
from newsdesk.ingest import read_inputs
from newsdesk.schema import Document, Failure

BODY = "Kenyan police dispersed protesters in Nairobi on Tuesday, officials said.\n"


def read(paths, settings=None):
    return list(read_inputs([str(p) for p in paths], settings or Settings()))


def test_text_dump_with_date_header(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-05\n" + BODY, encoding="utf-8")
    [doc] = read([path])
    assert isinstance(doc, Document)
    assert doc.date == dt.date(2024, 3, 5) and doc.content == BODY and doc.format == "text"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент заявил о “переговорах” в Москве.", "cp1251"),
        ("Le ministre a déclaré à Genève: «c’est fini».", "cp1252"),
        ("Café déjà vu, naïve façade, señor Muñoz.", "latin-1"),
        ("He said “no” — again, in Kyiv.", "utf-8-sig"),
    ],
)
def test_encodings_are_detected(tmp_path, text, encoding):
    path = tmp_path / "enc.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read([path])
    assert doc.content == text


def test_unicode_is_nfc_normalised_and_curly_quotes_kept(tmp_path):
    path = tmp_path / "nfc.txt"
    path.write_text("Cafe\u0301 owner said “we stay”.\r\nSecond line.", encoding="utf-8")
    [doc] = read([path])
    assert doc.content == "Café owner said “we stay”.\nSecond line."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 32)) * 20, "binary data"),
        (gzip.compress(b"<html><body><p>" + b"cut " * 500)[:-30], "truncated gzip"),
    ],
)
def test_bad_files_are_failures_naming_the_input(tmp_path, data, reason):
    path = tmp_path / "bad.html.gz"
    path.write_bytes(data)
    [failure] = read([path])
    assert isinstance(failure, Failure)
    assert failure.input == str(path) and reason in failure.reason


def test_missing_file_and_oversized_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(BODY * 10, encoding="utf-8")
    missing, too_big = read([tmp_path / "nope.txt", big], Settings(max_bytes=100))
    assert "no such file" in missing.reason
    assert "byte limit" in too_big.reason


def test_gzip_bomb_is_refused_after_decompressing_only_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    [failure] = read([path], Settings(max_bytes=10_000))
    assert "limit once decompressed" in failure.reason


def test_html_file_and_gzipped_html(tmp_path):
    page = "<html><head><meta charset='iso-8859-1'><title>T</title></head><body><p>Caf\xe9</p></body></html>"
    (tmp_path / "p.html").write_bytes(page.encode("latin-1"))
    (tmp_path / "q.html.gz").write_bytes(gzip.compress(page.replace("T<", "U<").encode("utf-8")))
    first, second = read([tmp_path / "p.html", tmp_path / "q.html.gz"])
    assert first.format == second.format == "html"
    assert "Café" in first.content and "Café" in second.content


def test_folders_globs_and_duplicates(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(BODY.upper(), encoding="utf-8")
    (tmp_path / "sub" / "copy.txt").write_text("  " + BODY, encoding="utf-8")  # same normalised content
    docs = read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["a.txt"]  # all three normalise alike
    globbed = list(read_inputs([str(tmp_path / "**" / "*.txt")], Settings()))
    assert len(globbed) == 1
    [nothing] = list(read_inputs([str(tmp_path / "*.csv")], Settings()))
    assert "no file matches" in nothing.reason
    empty = tmp_path / "empty"
    empty.mkdir()
    [failure] = read([empty])
    assert "folder holds no files" in failure.reason


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("date 2024-01-02\n" + BODY).encode())))
    [doc] = list(read_inputs(["-"], Settings()))
    assert doc.source == "-" and doc.date == dt.date(2024, 1, 2)
