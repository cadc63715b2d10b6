#!/usr/bin/env python3
"""check_samples.py: do entente's triples contain the key facts of samples/?

Usage:
    check_samples.py [--entente ./entente] [--samples samples] [--only SLUG]
                     [--quiet] [--min-found N] [--lint]

For every samples/NN-slug.txt the extractor is run as
    entente extract --date DATE samples/NN-slug.txt
with DATE from samples/dates.tsv, and once on samples/articles.jsonl, whose
articles are told apart by their "article" id (= the JSONL id).  The triples
are compared with samples/<slug>.expected.jsonl, one expectation a line:
    {"subject": "Britain", "lemma": "expel", "object": "diplomats",
     "date": "2018-03-14", "code": "GBR", "event": "SANCTION"}
A triple satisfies an expectation when
  * subject / object: the expected string, lower-cased, is contained in the
    triple's subject.entity or subject.text (object.entity / object.text),
    lower-cased (a list gives alternatives);
  * lemma: equals relation.lemma (a list gives alternatives), ignoring case;
  * date (optional): equals the triple's "date" exactly (YYYY[-MM[-DD]]);
  * code (optional): equals subject.code, ignoring case;
  * event (optional): equals relation.event, ignoring case;
  * the triple is not negated (the expectations are all positive facts).
The report lists each expectation as ok or MISSING (with the closest
triples, to help see what went wrong); the exit status is 1 when any
expectation is missing (with --min-found N: when fewer than N are found, a
ratchet that keeps a test green while the extractor improves), 2 on usage
or setup errors (no binary, a sample without a date, a malformed
expectation).

--lint checks the sample files alone, without running entente: every .txt
has a date, every article 3-6 well-formed expectations, and every expected
subject/object string occurs in the article's text.
"""

import argparse
import json
import os
import re
import subprocess
import sys

from triples import field, mention_has, parse_lines

KEYS = {"subject", "lemma", "object", "date", "code", "event"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SetupError(Exception):
    pass


def read_dates(samples):
    path = os.path.join(samples, "dates.tsv")
    dates = {}
    if not os.path.exists(path):
        return dates
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not re.match(r"^\d{4}-\d{2}-\d{2}$",
                                               parts[1]):
                raise SetupError("%s:%d: want file<TAB>YYYY-MM-DD" % (path, n))
            dates[parts[0]] = parts[1]
    return dates


def read_expected(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                e = json.loads(line)
            except ValueError as err:
                raise SetupError("%s:%d: %s" % (path, n, err))
            if set(e) - KEYS:
                raise SetupError("%s:%d: unknown keys %s" %
                                 (path, n, sorted(set(e) - KEYS)))
            for k in ("subject", "lemma", "object"):
                v = e.get(k)
                if isinstance(v, str) and v:
                    e[k] = [v]
                elif not (isinstance(v, list) and v and
                          all(isinstance(x, str) and x for x in v)):
                    raise SetupError("%s:%d: %s must be a string or a list"
                                     % (path, n, k))
            if "date" in e and not DATE_RE.match(str(e["date"])):
                raise SetupError("%s:%d: bad date" % (path, n))
            out.append(e)
    return out


def articles(samples):
    """List of (slug, kind, path, text) for every sample article."""
    out = []
    for name in sorted(os.listdir(samples)):
        if re.match(r"^\d\d-.*\.txt$", name):
            path = os.path.join(samples, name)
            with open(path, encoding="utf-8") as f:
                out.append((name[:-4], "txt", path, f.read()))
    jl = os.path.join(samples, "articles.jsonl")
    if os.path.exists(jl):
        with open(jl, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    a = json.loads(line)
                    out.append((str(a["id"]), "jsonl", jl,
                                (a.get("title") or "") + "\n" + a["text"]))
    return out


def lemma_ok(t, e):
    return field(t.get("relation"), "lemma").lower() in \
        [x.lower() for x in e["lemma"]]


def satisfies(t, e):
    if t.get("negated") is True or not lemma_ok(t, e):
        return False
    rel = t.get("relation")
    if not mention_has(t.get("subject"), e["subject"]):
        return False
    if not mention_has(t.get("object"), e["object"]):
        return False
    if "date" in e and t.get("date") != e["date"]:
        return False
    if "code" in e and field(t.get("subject"), "code").upper() != \
            e["code"].upper():
        return False
    if "event" in e and field(rel, "event").upper() != e["event"].upper():
        return False
    return True


def near_misses(triples, e):
    """Triples that share the lemma, or both the subject and the object,
    with the expectation; the closest (most parts right) first."""
    scored = []
    for i, t in enumerate(triples):
        lem = lemma_ok(t, e)
        subj = mention_has(t.get("subject"), e["subject"])
        obj = mention_has(t.get("object"), e["object"])
        if lem or (subj and obj):
            scored.append((-(lem + subj + obj), i, t))
    return [t for _, _, t in sorted(scored, key=lambda x: x[:2])]


def describe(e):
    s = "%s -%s-> %s" % ("/".join(e["subject"]), "/".join(e["lemma"]),
                         "/".join(e["object"]))
    for k in ("date", "code", "event"):
        if k in e:
            s += " [%s %s]" % (k, e[k])
    return s


def brief(t):
    rel = t.get("relation")
    return "%s | %s (%s) | %s | date %s" % (
        field(t.get("subject"), "entity") or field(t.get("subject"), "text"),
        field(rel, "text"), field(rel, "lemma"),
        field(t.get("object"), "entity") or field(t.get("object"), "text"),
        t.get("date"))


def run_extract(entente, args):
    """Run entente extract; return (triples, error message or None)."""
    try:
        p = subprocess.run([entente, "extract"] + args, capture_output=True,
                           text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as err:
        return [], str(err)
    try:
        triples = parse_lines(p.stdout, "extract output")
    except ValueError as err:
        return [], str(err)
    if p.returncode != 0:
        return triples, "exit %d: %s" % (p.returncode, p.stderr.strip()[:300])
    return triples, None


def lint(samples):
    dates = read_dates(samples)
    problems = []
    arts = articles(samples)
    for slug, kind, path, text in arts:
        if kind == "txt" and os.path.basename(path) not in dates:
            problems.append("%s: no date in dates.tsv" % slug)
        ep = os.path.join(samples, slug + ".expected.jsonl")
        if not os.path.exists(ep):
            problems.append("%s: no %s" % (slug, os.path.basename(ep)))
            continue
        try:
            exp = read_expected(ep)
        except SetupError as err:
            problems.append(str(err))
            continue
        if not 3 <= len(exp) <= 6:
            problems.append("%s: %d expectations, want 3-6" %
                            (slug, len(exp)))
        low = text.lower()
        for e in exp:
            for k in ("subject", "object"):
                for w in e[k]:
                    if w.lower() not in low:
                        problems.append("%s: %s %r not in the text" %
                                        (slug, k, w))
    for p in problems:
        print(p)
    print("%d articles, %d problems" % (len(arts), len(problems)))
    return 1 if problems else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="check entente on samples/")
    ap.add_argument("--entente", default="./entente")
    ap.add_argument("--samples", default="samples")
    ap.add_argument("--only", metavar="SLUG", help="one article only")
    ap.add_argument("--quiet", action="store_true",
                    help="print only missing expectations and the total")
    ap.add_argument("--min-found", type=int, metavar="N",
                    help="succeed when at least N expectations are found")
    ap.add_argument("--lint", action="store_true",
                    help="check the sample files without running entente")
    a = ap.parse_args(argv)
    try:
        if a.lint:
            return lint(a.samples)
        if not os.access(a.entente, os.X_OK):
            raise SetupError("%s: not an executable" % a.entente)
        dates = read_dates(a.samples)
        arts = [x for x in articles(a.samples)
                if not a.only or x[0] == a.only]
        if not arts:
            raise SetupError("no sample articles in %s" % a.samples)
        jsonl_cache = {}
        total = found = 0
        failed_articles = []
        for slug, kind, path, _ in arts:
            exp = read_expected(os.path.join(a.samples,
                                             slug + ".expected.jsonl"))
            if kind == "txt":
                date = dates.get(os.path.basename(path))
                if not date:
                    raise SetupError("%s: no date in dates.tsv" % path)
                triples, err = run_extract(a.entente, ["--date", date, path])
            else:
                if path not in jsonl_cache:
                    jsonl_cache[path] = run_extract(a.entente, [path])
                alltr, err = jsonl_cache[path]
                triples = [t for t in alltr if str(t.get("article")) == slug]
            ok = 0
            lines = []
            for e in exp:
                if any(satisfies(t, e) for t in triples):
                    ok += 1
                    if not a.quiet:
                        lines.append("  ok      " + describe(e))
                    continue
                lines.append("  MISSING " + describe(e))
                for t in near_misses(triples, e)[:3]:
                    lines.append("          got: " + brief(t))
            total += len(exp)
            found += ok
            if ok < len(exp):
                failed_articles.append(slug)
            if not a.quiet or ok < len(exp) or err:
                print("%s: %d/%d (%d triples)%s" % (
                    slug, ok, len(exp), len(triples),
                    "  error: " + err if err else ""))
                for ln in lines:
                    print(ln)
        print("samples: %d of %d expectations found; %d of %d articles "
              "complete" % (found, total, len(arts) - len(failed_articles),
                            len(arts)))
        if a.min_found is not None:
            if found > a.min_found:
                print("samples: %d found, more than --min-found %d: raise it"
                      % (found, a.min_found))
            return 0 if found >= a.min_found else 1
        return 0 if found == total else 1
    except SetupError as err:
        print("check_samples: %s" % err, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
