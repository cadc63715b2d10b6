#!/usr/bin/env python3
"""Hand-made records and predictions for plover.py."""

import io
import json
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plover  # noqa: E402


def triple(article, event, subj_code=None, obj_code=None, subj_country=None,
           obj_country=None):
    return {"article": article, "sentence": 0,
            "subject": {"text": "s", "code": subj_code,
                        "country": subj_country},
            "relation": {"text": "r", "lemma": "r", "event": event},
            "object": {"text": "o", "code": obj_code, "country": obj_country},
            "args": []}


RECORDS = [
    # 1: full match with a government code (USAGOV -> USA)
    {"id": "R1", "date": "2000-01-01", "event": "AGREE",
     "source": [{"actorText": "United States", "code": "USA"}],
     "target": [{"actorText": "Jordan", "code": "JOR"}],
     "text": "The United States agreed with Jordan on trade."},
    # 2: DEMAND (0.5b1) = REQUEST (2021); no targets: source suffices
    {"id": "R2", "date": "2000-01-01", "event": "DEMAND",
     "source": [{"actorText": "Greece", "code": "GRC"}], "target": None,
     "text": "Greece demanded talks."},
    # 3: right event, wrong target -> event match only
    {"id": "R3", "date": "2000-01-01", "event": "FIGHT",
     "source": [{"actorText": "Serbia", "code": "SRB"}],
     "target": [{"actorText": "Croatia", "code": "HRV"}],
     "text": "Serbian forces fought Croat forces."},
    # 4: wrong event
    {"id": "R4", "date": "2000-01-01", "event": "SANCTION",
     "source": [{"actorText": "Italy", "code": "ITL"}],
     "target": [{"actorText": "Serbia", "code": "SRB"}],
     "text": "Italy suspended air links with Serbia."},
    # 5: IGO source: prefix match on the full gold code
    {"id": "R5", "date": "2000-01-01", "event": "DISAPPROVE",
     "source": [{"actorText": "United Nations", "code": "IGO"}],
     "target": "", "text": "The United Nations criticised Iraq."},
    # 6: nothing extracted
    {"id": "R6", "date": "2000-01-01", "event": "THREATEN",
     "source": [{"actorText": "Iraq", "code": "IRQ"}], "target": [],
     "text": "Iraq threatened to leave."},
]

PREDS = [
    triple("R1", "CONSULT", "USAGOV", "JOR"),       # other event first
    triple("R1", "AGREE", "USAGOV", "JORGOV"),      # full
    triple("R2", "REQUEST", None, None, "GRC"),     # full via country
    triple("R3", "ASSAULT", "SRBMIL", "BIH"),       # event only
    triple("R4", "REJECT", "ITA", "SRB"),           # wrong event, ITL=ITA
    triple("R5", "ACCUSE", "IGOUNO", "IRQ"),        # full (IGO prefix)
    triple("R5", "ACCUSE", "USA", "IRQ"),
    triple("R9", "AGREE", "USA", "JOR"),            # no such record
]


class Judge(unittest.TestCase):
    def setUp(self):
        d = tempfile.mkdtemp()
        self.pred = os.path.join(d, "p.jsonl")
        with open(self.pred, "w") as f:
            for t in PREDS:
                f.write(json.dumps(t) + "\n")
        self.gold = os.path.join(d, "g.json")
        with open(self.gold, "w") as f:
            json.dump(RECORDS, f)

    def test_per_record(self):
        preds = plover.read_predictions(self.pred, RECORDS)
        self.assertEqual([len(p) for p in preds], [2, 1, 1, 1, 2, 0])
        j = [plover.judge(r, p) for r, p in zip(RECORDS, preds)]
        self.assertEqual([x["full"] for x in j],
                         [True, True, False, False, True, False])
        self.assertEqual([x["event"] for x in j],
                         [True, True, True, False, True, False])
        self.assertEqual([x["wrong_event"] for x in j],
                         [False, False, False, True, False, False])
        self.assertEqual([x["no_event"] for x in j],
                         [False, False, False, False, False, True])
        # R3: SRBMIL subject with the right event, wrong target
        self.assertEqual([x["event_source"] for x in j],
                         [True, True, True, False, True, False])
        # R4's subject ITA matches gold ITL (alias), although its event
        # is wrong
        self.assertTrue(j[3]["source"])

    def test_totals(self):
        # full 3/6 = 0.5, event 4/6, wrong event 1/6, no event 1/6
        res = plover.score(RECORDS,
                           plover.read_predictions(self.pred, RECORDS))
        self.assertAlmostEqual(res["share"]["full"], 0.5)
        self.assertAlmostEqual(res["share"]["event"], 4 / 6)
        self.assertAlmostEqual(res["share"]["wrong_event"], 1 / 6)
        self.assertAlmostEqual(res["share"]["no_event"], 1 / 6)
        self.assertEqual(res["per_event"]["ASSAULT"],
                         {"records": 1, "full": 0, "event": 1})
        self.assertEqual(res["totals"]["no_triples"], 1)

    def test_codes(self):
        m = {"code": "IGOUNO", "country": None}
        self.assertTrue(plover.mention_matches(m, "IGO"))
        self.assertFalse(plover.mention_matches(m, "NGO"))
        # an organisation gold code is not satisfied by the country field
        self.assertFalse(plover.mention_matches(
            {"code": "USAGOV", "country": "USA"}, "IGO"))
        # a country gold code is satisfied by the country field
        self.assertTrue(plover.mention_matches(
            {"code": None, "country": "TUR"}, "TUR"))
        self.assertFalse(plover.mention_matches(
            {"code": "ISRGOV", "country": "ISR"}, "TUR"))
        self.assertFalse(plover.mention_matches(None, "TUR"))

    def test_line_numbers(self):
        # --lines output: article "2" is the second record
        d = tempfile.mkdtemp()
        p = os.path.join(d, "p.jsonl")
        with open(p, "w") as f:
            f.write(json.dumps(triple("2", "REQUEST", "GRC")) + "\n")
        preds = plover.read_predictions(p, RECORDS)
        self.assertEqual(len(preds[1]), 1)
        self.assertTrue(plover.judge(RECORDS[1], preds[1])["full"])

    def test_prepare_and_cli(self):
        out = io.StringIO()
        with redirect_stdout(out):
            plover.main(["prepare", self.gold])
        lines = [json.loads(x) for x in out.getvalue().splitlines()]
        self.assertEqual(len(lines), len(RECORDS))
        self.assertEqual(sorted(lines[0]),
                         ["date", "id", "source", "text", "title", "url"])
        self.assertEqual(lines[3]["id"], "R4")
        out = io.StringIO()
        with redirect_stdout(out):
            plover.main(["score", self.gold, self.pred])
        self.assertIn("full match     3  0.500", out.getvalue())


if __name__ == "__main__":
    unittest.main()
