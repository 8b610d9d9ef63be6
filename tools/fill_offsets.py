#!/usr/bin/env python3
"""Fill each claim's `offset` in a briefing file with the byte offset of its quote.

Usage: tools/fill_offsets.py BRIEFING.json [--check]

The article file is `article.file`, relative to the briefing. Offsets are UTF-8 byte offsets
(the article has curly quotes and dashes, which are several bytes each). A quote must occur
exactly once in the file, and wholly before the line `article.teasers_from_line` (the scraped
teasers of other articles). Anything else is an error and nothing is written.

The file is rewritten in the canonical form (2-space pretty JSON, UTF-8 unescaped, trailing
newline), which is what serde_json's pretty printer writes for the same document, so saving
from the app later does not churn it. With --check, nothing is written; the exit status says
whether the file is already filled and canonical.
"""

import json
import sys
from pathlib import Path


def canonical(doc):
    """The briefing text as briefmap writes it."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def body_end(text: bytes, teasers_from_line):
    """Byte offset where the article proper ends (start of the first teaser line)."""
    if teasers_from_line is None:
        return len(text)
    at = 0
    for _ in range(teasers_from_line - 1):
        nl = text.find(b"\n", at)
        if nl < 0:
            raise SystemExit(f"error: the article has fewer than {teasers_from_line} lines")
        at = nl + 1
    return at


def line_col(text: bytes, offset: int):
    """1-based line and character column of a byte offset."""
    before = text[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8")) + 1


def fill(doc, text: bytes, end: int):
    """Sets every claim's offset; returns the list of problems (empty when all are found)."""
    problems = []
    for i, claim in enumerate(doc.get("claims", [])):
        cid = claim.get("id", f"claims[{i}]")
        quote = claim.get("quote", "").encode("utf-8")
        if not quote:
            problems.append(f"{cid}: the quote is empty")
            continue
        hits = []
        at = text.find(quote)
        while at >= 0:
            hits.append(at)
            at = text.find(quote, at + 1)
        if not hits:
            problems.append(f"{cid}: quote not found in the article: «{claim['quote']}»")
            continue
        if len(hits) > 1:
            where = ", ".join("line {}:{}".format(*line_col(text, h)) for h in hits)
            problems.append(f"{cid}: quote is ambiguous, found {len(hits)} times ({where}); quote more")
            continue
        start = hits[0]
        if start + len(quote) > end:
            line, _ = line_col(text, start)
            problems.append(f"{cid}: quote is on line {line}, in the teasers of other articles")
            continue
        claim["offset"] = start
    return problems


def main(argv):
    args = [a for a in argv[1:] if a != "--check"]
    check_only = "--check" in argv[1:]
    if len(args) != 1:
        raise SystemExit(__doc__)
    path = Path(args[0])
    original = path.read_text(encoding="utf-8")
    doc = json.loads(original)
    article = doc["article"]
    text = (path.parent / article["file"]).read_bytes()
    end = body_end(text, article.get("teasers_from_line"))
    problems = fill(doc, text, end)
    if problems:
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        raise SystemExit(f"{len(problems)} problem(s); {path} left unchanged")
    out = canonical(doc)
    n = len(doc.get("claims", []))
    if check_only:
        if out != original:
            raise SystemExit(f"{path}: offsets or formatting are not up to date; run without --check")
        print(f"{path}: {n} quotes found, offsets and formatting up to date")
        return
    if out != original:
        path.write_text(out, encoding="utf-8")
    print(f"{path}: {n} quotes found, offsets filled")


if __name__ == "__main__":
    main(sys.argv)
