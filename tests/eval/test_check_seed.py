#!/usr/bin/env python3
"""check_seed.py on hand-made triples (no seed or extractor needed)."""

import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_seed  # noqa: E402


def T(subj, lemma, obj, date=None, args=(), ent=None, evidence=""):
    return {"article": "seed", "sentence": 0,
            "subject": {"text": subj, "entity": ent or subj},
            "relation": {"text": lemma, "lemma": lemma},
            "object": {"text": obj, "entity": obj},
            "args": [{"role": "location", "text": a} for a in args],
            "date": date, "evidence": evidence}


GOOD = [
    T("Gantz", "meet", "", "2022-10-27", ["with Hulusi Akar"]),
    T("Turkey", "expel", "Israel's ambassador", "2018-05"),
    T("Turkey", "recall", "its own envoy", "2018-05"),
    T("Gantz", "travel", "", None, ["to Turkey"]),
    T("Gantz", "thank", "", None, ["to President Erdogan"]),
    T("Israel", "designate", "Hamas"),
    T("Gantz", "instruct", "his team"),
    T("the two governments", "restore", "full diplomatic relations",
      "2022-08"),
    T("they", "name", "new ambassadors", "2022-10",
      ent="Turkish and Israeli governments"),
    T("he", "say", "", None, ent="Hulusi Akar",
      evidence="There was a significant background of work, he said."),
    T("he", "say", "", None, ent="Benny Gantz",
      evidence="Keep an open dialogue, he said."),
    T("he", "add", "", None, ent="Benny Gantz",
      evidence="It all looks promising, he added."),
]


def run(triples):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl",
                                     delete=False) as f:
        for t in triples:
            f.write(json.dumps(t) + "\n")
    out = io.StringIO()
    with redirect_stdout(out):
        rc = check_seed.main(["--predictions", f.name])
    os.unlink(f.name)
    return rc, out.getvalue()


class Seed(unittest.TestCase):
    def test_all_found(self):
        rc, out = run(GOOD)
        self.assertEqual(rc, 0, out)
        self.assertIn("seed: 13 of 13 items found", out)

    def test_each_item_can_fail(self):
        # wrong date on the meeting, an unresolved "he", the wrong person
        bad = json.loads(json.dumps(GOOD))
        bad[0]["date"] = "2022-10"
        bad[9]["subject"]["entity"] = "he"
        bad[10]["subject"]["entity"] = "Hulusi Akar"
        bad[11]["relation"]["lemma"] = "say"   # anchored to "he added"
        bad[8]["subject"]["entity"] = "they"
        bad[8]["subject"]["text"] = "they"
        rc, out = run(bad)
        self.assertEqual(rc, 1)
        for name in ("akar-meet-gantz", "he-said", "he-said-akar",
                     "he-said-gantz", "he-added-gantz", "name-ambassadors"):
            self.assertIn("MISSING  " + name + "\n", out)
        self.assertIn("seed: 7 of 13", out)

    def test_missing_seed(self):
        self.assertEqual(check_seed.main(["--seed", "/nonexistent"]), 2)


if __name__ == "__main__":
    unittest.main()
