#!/usr/bin/env python3
"""check_dates.py on hand-made golden lines and triples (no extractor)."""

import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_dates  # noqa: E402


def G(id_, subj, lemma, obj, date, date_end=None, pub="2022-10-06"):
    return {"id": id_, "date": pub, "text": "%s %s %s." % (subj, lemma, obj),
            "tense": "past",
            "expect": {"subject": subj, "lemma": lemma, "object": obj,
                       "date": date, "date_end": date_end}}


def T(article, subj, lemma, obj, date, date_end=None, ent=None):
    return {"article": article, "sentence": 0,
            "subject": {"text": subj, "entity": ent or subj},
            "relation": {"text": lemma, "lemma": lemma},
            "object": {"text": obj, "entity": obj},
            "date": date, "date_end": date_end, "date_source": "text"}


GOLD = [
    G("a", "Turkey", "expel", "ambassador", "2022-10-03"),
    G("b", "Iran", "seize", "tanker", "2022-10"),
    G("c", "Washington", "impose", "sanctions", "2018-05", "2022-10-06"),
    G("d", "Finland", "apply", None, "2022"),
]


def run(gold, triples, *extra):
    paths = []
    for rows in (gold, triples):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
            paths.append(f.name)
    out = io.StringIO()
    with redirect_stdout(out):
        rc = check_dates.main(["--golden", paths[0], "--predictions", paths[1]]
                              + list(extra))
    for p in paths:
        os.unlink(p)
    return rc, out.getvalue()


class Dates(unittest.TestCase):
    def test_article_of_several(self):
        # an article's list of expectations: each scored on its own
        g = {"id": "art", "date": "2022-10-06", "text": "Two clauses.",
             "expect": [
                 {"subject": "Turkey", "lemma": "expel", "object": "ambassador",
                  "date": "2022-10-03", "date_end": None, "tense": "past"},
                 {"subject": "Israel", "lemma": "recall", "object": "envoy",
                  "date": "2022-10-06", "date_end": None, "tense": "past"}]}
        ts = [T("art", "Turkey", "expel", "the ambassador", "2022-10-03"),
              T("art", "Israel", "recall", "its envoy", "2022-10-05")]
        rc, out = run([g], ts)
        self.assertEqual(rc, 0)
        self.assertIn("1 of 2 expected triples", out)
        self.assertIn("MISS art (wrong date, published 2022-10-06, past): "
                      "want Israel -recall- envoy", out)

    def test_all_right(self):
        ts = [T("a", "Turkey", "expel", "the Dutch ambassador", "2022-10-03"),
              T("b", "Tehran", "seize", "a British tanker", "2022-10", ent="Iran"),
              T("c", "Washington", "impose", "sanctions on Tehran", "2018-05",
                "2022-10-06"),
              T("d", "Finland", "apply", "", "2022")]
        rc, out = run(GOLD, ts, "--min-share", "1")
        self.assertEqual(rc, 0, out)
        self.assertIn("4 of 4", out)
        self.assertNotIn("MISS", out)

    def test_precision_matters(self):
        # the right day is not the right month: 2022-10-03 != 2022-10
        ts = [T("a", "Turkey", "expel", "ambassador", "2022-10"),
              T("b", "Iran", "seize", "tanker", "2022-10-03")]
        rc, out = run(GOLD[:2], ts)
        self.assertIn("0 of 2", out)
        self.assertIn("2 found with a wrong date, 0 not found", out)
        self.assertIn("MISS a (wrong date", out)
        self.assertIn("got:  Turkey -expel- ambassador @ 2022-10", out)

    def test_interval_end_matters(self):
        ts = [T("c", "Washington", "impose", "sanctions", "2018-05")]
        rc, out = run(GOLD[2:3], ts)
        self.assertIn("0 of 1", out)

    def test_wrong_lemma_subject_object_article(self):
        ts = [T("a", "Turkey", "summone", "ambassador", "2022-10-03"),
              T("b", "Iraq", "seize", "tanker", "2022-10"),
              T("c", "Washington", "impose", "tariffs", "2018-05", "2022-10-06"),
              T("x", "Finland", "apply", "", "2022")]
        rc, out = run(GOLD, ts)
        self.assertIn("0 of 4", out)
        self.assertEqual(out.count("triple not found"), 4, out)
        self.assertIn("got:  no triple", out)   # d: nothing for article d

    def test_ratchet(self):
        ts = [T("a", "Turkey", "expel", "ambassador", "2022-10-03")]
        rc, out = run(GOLD, ts, "--min-share", "0.30")
        self.assertEqual(rc, 1, out)
        self.assertIn("below the ratchet", out)
        rc, out = run(GOLD, ts, "--min-share", "0.25")
        self.assertEqual(rc, 0, out)
        rc, out = run(GOLD, ts, "--min-share", "0.10")
        self.assertEqual(rc, 0, out)
        self.assertIn("can be raised to 0.25", out)

    def test_lemma_alternatives(self):
        g = G("a", "emir", ["telephone", "call"], "Tamim", "2017-06-05")
        rc, out = run([g], [T("a", "The emir", "call", "Sheikh Tamim", "2017-06-05")])
        self.assertIn("1 of 1", out)

    def test_verb_of_lemma(self):
        # "give up" is give; "hold talk" is hold, with talks as its object
        g = [G("a", "Ukraine", "give", "arsenal", "1994"),
             G("b", "ministers", "hold", "talks", "2023-06-03"),
             G("c", "ministers", "hold", "talks", "2023-06-03")]
        ts = [T("a", "Ukraine", "give up", "its arsenal", "1994"),
              T("b", "The ministers", "hold talk", "", "2023-06-03"),
              T("c", "The ministers", "hold summit", "", "2023-06-03")]
        rc, out = run(g, ts)
        self.assertIn("2 of 3", out)
        self.assertIn("MISS c (triple not found", out)


if __name__ == "__main__":
    unittest.main()
