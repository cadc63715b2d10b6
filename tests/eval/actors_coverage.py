#!/usr/bin/env python3
"""actors_coverage.py: how well a store's actors are coded and merged.

Usage:
    actors_coverage.py STORE.db [--min-mentions 20] [--top 100] [--show N]

Reads an entente store (schemas/store.sql) and prints:
  * of the actors with at least --min-mentions mentions, how many have an
    actor code (actors.code or any row of actor_codes), and the most
    mentioned ones without;
  * among the --top most mentioned actors, the pairs that may be one
    real-world actor: the same person named twice (one name's tokens
    contained in the other's, "Putin" / "Vladimir Putin"), or two actors
    of any type with the same canonical name or the same code where the
    code names one actor (a country's bare code: "TUR" twice).
Roles are generic nodes kept apart by country ("official" and the US
"official"): two of them pair only when their countries are equal.
The pairs are candidates for a reader to judge, not proof; the count of
them is what the issue's target ("no two of the 100 most frequent actors
are the same real-world actor") asks to bring to zero.
It also prints the organisations and places among the --top whose
mentions name more than --max-names distinct entities: one node made of
many actors (every firm merged under its code BUS, say), the opposite
fault.
Standard library only (sqlite3)."""

import argparse
import sqlite3
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("--min-mentions", type=int, default=20)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--max-names", type=int, default=5)
    a = ap.parse_args(argv)
    try:
        con = sqlite3.connect("file:%s?mode=ro" % a.db, uri=True)
        rows = con.execute(
            "SELECT a.id, a.name, a.type, a.code, a.country,"
            " (SELECT count(*) FROM mentions m WHERE m.actor = a.id) AS n,"
            " (SELECT count(*) FROM actor_codes c WHERE c.actor = a.id) AS nc"
            " FROM actors a ORDER BY n DESC").fetchall()
    except sqlite3.Error as e:
        print("actors_coverage: %s: %s" % (a.db, e), file=sys.stderr)
        return 2
    # things are not actors: "relations", "talks" are objects, not nodes
    # anyone codes; count the actor types only
    kinds = ("person", "country", "organization", "role")
    actors = [r for r in rows if r[2] in kinds]
    big = [r for r in actors if r[5] >= a.min_mentions]
    coded = [r for r in big if r[3] or r[6]]
    share = len(coded) / len(big) if big else 0.0
    print("actors with >= %d mentions: %d; with a code: %d (%.3f)"
          % (a.min_mentions, len(big), len(coded), share))
    by_type = {}
    for r in big:
        t = by_type.setdefault(r[2], [0, 0])
        t[0] += 1
        t[1] += bool(r[3] or r[6])
    print("  by type: " + ", ".join("%s %d/%d" % (k, v[1], v[0])
                                    for k, v in sorted(by_type.items())))
    uncoded = [r for r in big if not (r[3] or r[6])]
    if uncoded and a.show:
        print("  most mentioned without a code: " +
              "; ".join("%s (%s, %d)" % (r[1], r[2], r[5]) for r in uncoded[:a.show]))
    top = actors[:a.top]
    pairs = []
    for i, x in enumerate(top):
        for y in top[i + 1:]:
            fx, fy = fold(x[1]).split(), fold(y[1]).split()
            same = False
            if fold(x[1]) == fold(y[1]):
                same = not (x[2] == y[2] == "role" and x[4] != y[4])
            elif x[2] == "person" and y[2] == "person" and fx and fy and \
                    (set(fx) <= set(fy) or set(fy) <= set(fx)):
                same = True
            elif x[2] == y[2] == "country" and x[4] and x[4] == y[4]:
                same = True
            if same:
                pairs.append((x, y))
    print("top %d actors (by mentions): %d possible duplicate pairs"
          % (len(top), len(pairs)))
    for x, y in pairs[:a.show]:
        print("  %s (%s %s, %d) ~ %s (%s %s, %d)" % (x[1], x[2], x[3], x[5],
                                                    y[1], y[2], y[3], y[5]))
    mixed = []
    for r in top:
        if r[2] not in ("organization", "place"):
            continue
        names = {fold(e) for (e,) in con.execute(
            "SELECT DISTINCT entity FROM mentions WHERE actor = ? AND entity IS NOT NULL",
            (r[0],))}
        if len(names) > a.max_names:
            mixed.append((r, sorted(names)))
    print("top %d actors: %d organisations or places named by more than %d entities"
          % (len(top), len(mixed), a.max_names))
    for r, names in mixed[:a.show]:
        print("  %s (%s %s, %d): %s" % (r[1], r[2], r[3], r[5], "; ".join(names[:8])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
