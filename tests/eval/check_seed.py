#!/usr/bin/env python3
"""check_seed.py: the facts the project's seed article must yield.

Usage:
    check_seed.py [--entente ./entente] [--seed PATH] [--date 2022-10-27]
                  [--predictions FILE]

Runs `entente extract --date 2022-10-27 SEED` (or reads --predictions, the
JSON lines of an earlier run) and checks the list from the project's first
issue.  Matching is case-insensitive containment in a mention's entity or
text, as in check_samples.py; "args" are the triple's extra arguments.

  akar-meet-gantz      Akar meet Gantz (either direction), date 2022-10-27
  expel-ambassador     Turkey expel ambassador, date 2018-05
  recall-envoy         Turkey recall envoy, date 2018-05
  gantz-visit-turkey   Gantz travel/visit, Turkey as object or in args
  gantz-thank-erdogan  Gantz thank, Erdogan as object or in args
  israel-designate     Israel designate Hamas
  gantz-instruct-team  Gantz instruct team
  restore-relations    governments/Turkey/Israel restore (or "decided to
                       restore") relations, date 2022-08
  name-ambassadors     governments/Turkey/Israel (also "they" resolved to
                       them) name ambassadors, date 2022-10
  he-said              every say/add triple whose subject text is "he" is
                       resolved (entity) to Akar or Gantz, and there is one
  he-said-akar         the "he said" after Akar's quote on the background
                       of defence cooperation is Akar
  he-said-gantz        the "he said" closing Gantz's quote on ties with
                       Turkey (open dialogue) is Gantz
  he-added-gantz       the "he added" after Gantz's quote on relations
                       facing tests is Gantz
The last three find their triple by a two-word anchor in its evidence (the
triple's sentence; not a copy of the article, which stays out of the
repository).

Exit status: 0 when every item is found, 1 otherwise, 2 when the seed or
the binary is missing or extract fails.
"""

import argparse
import os
import subprocess
import sys

from triples import field, mention_has, parse_lines

SEED = "../shared/seeds/000_ce1fc8bd62071faf.txt"
STATES = ("government", "turkey", "israel", "ankara", "tel aviv", "tel-aviv")


def has(part, *wants):
    return mention_has(part, wants)


def lemma(t):
    return field(t.get("relation") or {}, "lemma").lower()


def in_object_or_args(t, want):
    if has(t.get("object"), want):
        return True
    return any(want in (a.get("text") or "").lower()
               for a in t.get("args") or [] if isinstance(a, dict))


def resolved_state(part):
    """Subject is the governments, Turkey or Israel (pronoun resolved)."""
    return mention_has(part, STATES)


def he_triples(triples):
    return [t for t in triples if lemma(t) in ("say", "add")
            and field(t.get("subject"), "text").strip().lower() == "he"]


def anchored(triples, anchor, who, lemmas=("say",)):
    """The he-triple whose evidence holds anchor is resolved to who."""
    for t in he_triples(triples):
        if lemma(t) in lemmas and anchor in (t.get("evidence") or "").lower():
            return who in field(t.get("subject"), "entity").lower()
    return False


def he_said(triples):
    hs = he_triples(triples)
    return bool(hs) and all(
        any(n in field(t.get("subject"), "entity").lower()
            for n in ("akar", "gantz")) for t in hs)


ITEMS = [
    ("akar-meet-gantz", lambda ts: any(
        lemma(t) == "meet" and t.get("date") == "2022-10-27" and (
            (has(t.get("subject"), "akar") and
             in_object_or_args(t, "gantz")) or
            (has(t.get("subject"), "gantz") and
             in_object_or_args(t, "akar"))) for t in ts)),
    ("expel-ambassador", lambda ts: any(
        lemma(t) == "expel" and has(t.get("subject"), "turkey") and
        has(t.get("object"), "ambassador") and t.get("date") == "2018-05"
        for t in ts)),
    ("recall-envoy", lambda ts: any(
        lemma(t) == "recall" and has(t.get("subject"), "turkey") and
        has(t.get("object"), "envoy") and t.get("date") == "2018-05"
        for t in ts)),
    ("gantz-visit-turkey", lambda ts: any(
        lemma(t) in ("travel", "visit") and has(t.get("subject"), "gantz")
        and in_object_or_args(t, "turkey") for t in ts)),
    ("gantz-thank-erdogan", lambda ts: any(
        lemma(t) == "thank" and has(t.get("subject"), "gantz") and
        in_object_or_args(t, "erdogan") for t in ts)),
    ("israel-designate", lambda ts: any(
        lemma(t) == "designate" and has(t.get("subject"), "israel") and
        has(t.get("object"), "hamas") for t in ts)),
    ("gantz-instruct-team", lambda ts: any(
        lemma(t) == "instruct" and has(t.get("subject"), "gantz") and
        has(t.get("object"), "team") for t in ts)),
    ("restore-relations", lambda ts: any(
        (lemma(t) == "restore" or
         "restor" in field(t.get("relation") or {}, "text").lower()) and
        resolved_state(t.get("subject")) and
        has(t.get("object"), "relations") and t.get("date") == "2022-08"
        for t in ts)),
    ("name-ambassadors", lambda ts: any(
        lemma(t) == "name" and resolved_state(t.get("subject")) and
        has(t.get("object"), "ambassador") and t.get("date") == "2022-10"
        for t in ts)),
    ("he-said", he_said),
    ("he-said-akar", lambda ts: anchored(ts, "significant background",
                                         "akar")),
    ("he-said-gantz", lambda ts: anchored(ts, "open dialogue", "gantz")),
    ("he-added-gantz", lambda ts: anchored(ts, "looks promising", "gantz",
                                           ("add",))),
]


def main(argv=None):
    ap = argparse.ArgumentParser(description="check the seed article")
    ap.add_argument("--entente", default="./entente")
    ap.add_argument("--seed", default=SEED)
    ap.add_argument("--date", default="2022-10-27")
    ap.add_argument("--predictions", metavar="FILE",
                    help="read triples from FILE instead of running entente")
    a = ap.parse_args(argv)
    if a.predictions:
        with open(a.predictions, encoding="utf-8") as f:
            out = f.read()
    else:
        if not os.path.exists(a.seed):
            print("check_seed: %s not found" % a.seed, file=sys.stderr)
            return 2
        try:
            p = subprocess.run([a.entente, "extract", "--date", a.date,
                                a.seed], capture_output=True, text=True,
                               timeout=120)
        except (OSError, subprocess.TimeoutExpired) as err:
            print("check_seed: %s" % err, file=sys.stderr)
            return 2
        if p.returncode != 0:
            print("check_seed: extract exited %d: %s" %
                  (p.returncode, p.stderr.strip()[:300]), file=sys.stderr)
            return 2
        out = p.stdout
    # negated triples state the opposite of every item: leave them out
    try:
        triples = [t for t in parse_lines(out, "extract output")
                   if t.get("negated") is not True]
    except ValueError as err:
        print("check_seed: %s" % err, file=sys.stderr)
        return 2
    found = 0
    for name, test in ITEMS:
        ok = bool(test(triples))
        found += ok
        print("  %-8s %s" % ("found" if ok else "MISSING", name))
    print("seed: %d of %d items found (%d triples)" %
          (found, len(ITEMS), len(triples)))
    return 0 if found == len(ITEMS) else 1


if __name__ == "__main__":
    sys.exit(main())
