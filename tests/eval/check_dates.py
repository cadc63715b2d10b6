#!/usr/bin/env python3
"""check_dates.py: dates end to end.  Runs `entente extract` on the dated
sentences of tests/golden/dates/dated-sentences.jsonl (each line: id,
publication date, text, tense, expect {subject, lemma, object, date,
date_end}, or for an article a list of such expectations, each with its
tense) and reports the share of expected triples found with the right
date at the right precision.

A triple is the expected one when it belongs to the sentence's article,
its relation.lemma equals expect.lemma (a list gives alternatives) or has
it as its verb ("give up", "hold talk" are give and hold), the expected
subject (and object, unless null) head word is contained, ignoring case,
in the subject's (object's) text or entity; an object the relation took
into its lemma ("hold talk": talks) counts as the object.  It has the right date
when its "date" and "date_end" equal the expected strings (YYYY, YYYY-MM or
YYYY-MM-DD: equal strings are equal precision).

Misses are printed with what was found instead: the matching triples with
their dates, or, when none matches, every triple of the sentence.

usage: check_dates.py [--entente ./entente] [--golden FILE]
                      [--predictions FILE] [--min-share X] [--quiet]
--predictions reads triples already extracted instead of running entente.
--min-share: exit 1 when the share is below X (a ratchet; the output says
when X can be raised).  Standard library only."""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from triples import field, mention_has, parse_lines, read  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "golden", "dates", "dated-sentences.jsonl")


def load_golden(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            g = json.loads(line)
            for k in ("id", "date", "text", "expect"):
                if k not in g:
                    raise ValueError("%s:%d: no %r" % (path, n, k))
            out.append(g)
    return out


def extract(entente, golden):
    """Run entente extract on the sentences as JSON lines on stdin."""
    inp = "".join(json.dumps({"id": g["id"], "date": g["date"],
                              "text": g["text"]}) + "\n" for g in golden)
    p = subprocess.run([entente, "extract", "--jsonl", "-"], input=inp,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise RuntimeError("entente extract exited %d" % p.returncode)
    return parse_lines(p.stdout, "entente extract")


def alternatives(v):
    return v if isinstance(v, list) else [v]


def matches(t, e):
    rel = t.get("relation") or {}
    lemma = field(rel, "lemma") or ""
    words = lemma.split()
    want = alternatives(e["lemma"])
    if lemma not in want and (not words or words[0] not in want):
        return False
    if not mention_has(t.get("subject"), alternatives(e["subject"])):
        return False
    if e.get("object") is not None and \
            not mention_has(t.get("object"), alternatives(e["object"])) and \
            not any(o.lower().startswith(w) for w in words[1:]
                    for o in alternatives(e["object"])):
        return False
    return True


def right_date(t, e):
    return t.get("date") == e.get("date") and \
        t.get("date_end") == e.get("date_end")


def show(t):
    s, o = t.get("subject") or {}, t.get("object") or {}
    d = t.get("date")
    if t.get("date_end"):
        d = "%s..%s" % (d, t["date_end"])
    return "%s -%s- %s @ %s (%s)" % (
        field(s, "text"), field(t.get("relation"), "lemma"), field(o, "text"),
        d, t.get("date_source"))


def expectations(g):
    """The expected triples of a golden line: "expect" is one object (a
    sentence) or a list of them (an article; each may give its "tense")."""
    return g["expect"] if isinstance(g["expect"], list) else [g["expect"]]


def score(golden, triples):
    """(hits, total, misses): misses are (golden line, expectation, kind,
    [triples])."""
    by_article = {}
    for t in triples:
        by_article.setdefault(str(t.get("article")), []).append(t)
    hits, total, misses = 0, 0, []
    for g in golden:
        ts = by_article.get(g["id"], [])
        for e in expectations(g):
            total += 1
            cand = [t for t in ts if matches(t, e)]
            if any(right_date(t, e) for t in cand):
                hits += 1
            elif cand:
                misses.append((g, e, "wrong date", cand))
            else:
                misses.append((g, e, "triple not found", ts))
    return hits, total, misses


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entente", default="./entente")
    ap.add_argument("--golden", default=GOLDEN)
    ap.add_argument("--predictions")
    ap.add_argument("--min-share", type=float)
    ap.add_argument("--quiet", action="store_true", help="no list of misses")
    a = ap.parse_args(argv)
    golden = load_golden(a.golden)
    if not golden:
        print("no dated sentences in %s" % a.golden)
        return 1
    triples = read(a.predictions) if a.predictions else extract(a.entente, golden)
    hits, total, misses = score(golden, triples)
    share = hits / total if total else 0.0
    if not a.quiet:
        for g, e, kind, ts in misses:
            want = e["date"] + (".." + e["date_end"] if e.get("date_end") else "")
            print("MISS %s (%s, published %s, %s): want %s -%s- %s @ %s" % (
                g["id"], kind, g["date"], e.get("tense", g.get("tense", "?")), e["subject"],
                e["lemma"], e.get("object"), want))
            print("     text: %s" % g["text"])
            for t in ts[:6]:
                print("     got:  %s" % show(t))
            if not ts:
                print("     got:  no triple")
    wrong = sum(1 for m in misses if m[2] == "wrong date")
    print("dates: %d of %d expected triples with the right date (share %.3f, target 0.95);"
          " %d found with a wrong date, %d not found"
          % (hits, total, share, wrong, len(misses) - wrong))
    if a.min_share is not None:
        if share + 1e-9 < a.min_share:
            print("FAIL: share %.3f below the ratchet %.2f" % (share, a.min_share))
            return 1
        floor = int(share * 100 + 1e-9) / 100
        if floor > a.min_share + 1e-9:
            print("note: the ratchet %.2f can be raised to %.2f" % (a.min_share, floor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
