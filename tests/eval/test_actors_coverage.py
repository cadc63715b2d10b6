#!/usr/bin/env python3
"""actors_coverage.py on a hand-made store (schemas/store.sql)."""

import io
import os
import sqlite3
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import actors_coverage  # noqa: E402

SCHEMA = os.path.join(HERE, "..", "..", "schemas", "store.sql")


def make_store(path, actors):
    """actors: (name, type, code, country, [entity of each mention])."""
    con = sqlite3.connect(path)
    con.executescript(open(SCHEMA).read())
    con.execute("INSERT INTO articles (id, hash) VALUES ('a', 'h')")
    con.execute("INSERT INTO actors (id, name, key, type) VALUES (0, 'x', 'thing:x', 'thing')")
    con.execute("INSERT INTO relations (id, subject, object, text, lemma, article,"
                " sentence, evidence) VALUES (1, 0, 0, 'r', 'r', 'a', 0, 'e')")
    for i, (name, typ, code, country, ents) in enumerate(actors, 1):
        con.execute("INSERT INTO actors (id, name, key, type, code, country)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (i, name, "%s:%d" % (typ, i), typ, code, country))
        for e in ents:
            con.execute("INSERT INTO mentions (relation, article, actor, side, text,"
                        " entity) VALUES (1, 'a', ?, 'subject', ?, ?)", (i, e, e))
    con.commit()
    con.close()


def run(path, *args):
    out = io.StringIO()
    with redirect_stdout(out):
        rc = actors_coverage.main([path, "--min-mentions", "2"] + list(args))
    return rc, out.getvalue()


class Coverage(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "s.db")

    def tearDown(self):
        self.dir.cleanup()

    def test_counts_and_pairs(self):
        make_store(self.db, [
            ("Vladimir Putin", "person", "RUSGOV", "RUS", ["Vladimir Putin"] * 3),
            ("Putin", "person", None, None, ["Putin"] * 2),
            ("official", "role", "GOV", None, ["official"] * 2),
            ("official", "role", "USAGOV", "USA", ["official"] * 2),
            ("talks", "thing", None, None, ["talks"] * 9),
        ])
        rc, out = run(self.db)
        self.assertEqual(rc, 0)
        self.assertIn("actors with >= 2 mentions: 4; with a code: 3 (0.750)", out)
        self.assertIn("most mentioned without a code: Putin (person, 2)", out)
        # the two persons pair; roles of two countries do not
        self.assertIn("1 possible duplicate pairs", out)
        self.assertIn("Vladimir Putin (person RUSGOV, 3) ~ Putin", out)

    def test_mixed_node(self):
        firms = ["Exxon Corp", "Mobil Corp", "Texaco Inc", "Chrysler Corp",
                 "Boeing Co", "GAF Corp"]
        make_store(self.db, [
            ("Exxon Corp", "organization", "BUS", None, firms),
            ("Bank of England", "organization", "GBRGOVBUS", "GBR",
             ["Bank of England", "Bank of England", "bank of England"]),
        ])
        rc, out = run(self.db)
        self.assertIn("1 organisations or places named by more than 5 entities", out)
        self.assertIn("Exxon Corp (organization BUS, 6): boeing co; chrysler corp", out)
        rc, out = run(self.db, "--max-names", "6")
        self.assertIn("0 organisations or places named by more than 6 entities", out)


if __name__ == "__main__":
    unittest.main()
