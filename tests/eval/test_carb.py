#!/usr/bin/env python3
"""Hand-worked cases for carb.py.  Every expected figure is computed in the
comments; token counts are whitespace tokens of relation + arg1 + arg2."""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import carb  # noqa: E402
from carb import Tuple  # noqa: E402


def T(rel, *args, conf=1.0):
    return Tuple(rel, list(args), conf)


class PairMatch(unittest.TestCase):
    def test_exact(self):
        # 3 gold tokens, 3 predicted, 3 matched: P = R = 1
        g = T("met", "Akar", "Gantz")
        self.assertEqual(carb.match(g, T("met", "Akar", "Gantz")), (1.0, 1.0))

    def test_partial_overlap(self):
        # gold: expelled | Turkey | Israel 's ambassador  -> 5 tokens
        # pred: expelled | Turkey | the ambassador in Ankara -> 6 tokens
        # matched: expelled, Turkey, ambassador = 3
        # P = 3/6 = 0.5, R = 3/5 = 0.6
        g = T("expelled", "Turkey", "Israel 's ambassador")
        p, r = carb.match(g, T("expelled", "Turkey",
                               "the ambassador in Ankara"))
        self.assertAlmostEqual(p, 0.5)
        self.assertAlmostEqual(r, 0.6)

    def test_case_sensitive(self):
        # "turkey" does not match "Turkey": matched 2 of 3 both ways
        p, r = carb.match(T("expelled", "Turkey", "envoy"),
                          T("expelled", "turkey", "envoy"))
        self.assertAlmostEqual(p, 2 / 3)
        self.assertAlmostEqual(r, 2 / 3)

    def test_no_relation_overlap(self):
        # relations share no token: no match even though the args agree
        g = T("met", "Akar", "Gantz")
        self.assertEqual(carb.match(g, T("visited", "Akar", "Gantz")),
                         (0.0, 0.0))

    def test_relation_token_used_once(self):
        # gold "was was" (2 tokens) vs predicted "was" (1): matched 1
        # P = (1+1+1)/(1+1+1) = 1, R = 3/4
        p, r = carb.match(T("was was", "a", "b"), T("was", "a", "b"))
        self.assertAlmostEqual(p, 1.0)
        self.assertAlmostEqual(r, 0.75)

    def test_be_matches_forms_of_be(self):
        # predicted "be" stands for gold "is": 3/3 both ways
        g = T("is", "Ankara", "the capital")
        self.assertEqual(carb.match(g, T("be", "Ankara", "the capital")),
                         (1.0, 1.0))
        # "be" also matches "was" inside a longer gold relation:
        # gold "was named" (2) vs pred "be named" (2): 2 matched
        self.assertEqual(carb.match(T("was named", "He", "envoy"),
                                    T("be named", "He", "envoy")),
                         (1.0, 1.0))
        # but "was" predicted does not match gold "is" (only "be" is lenient)
        self.assertEqual(carb.match(g, T("was", "Ankara", "the capital")),
                         (0.0, 0.0))

    def test_said_arguments_swapped(self):
        # gold: said | Akar | ties will grow (5 tokens)
        # pred: said | ties will grow | Akar: straight: rel 1, arg1 0, arg2 0
        # -> P = R = 1/5; swapped: all 5 match -> (1, 1) is kept
        g = T("said", "Akar", "ties will grow")
        self.assertEqual(carb.match(g, T("said", "ties will grow", "Akar")),
                         (1.0, 1.0))
        # without a said-verb no swap: met | Gantz | Akar against
        # met | Akar | Gantz matches only the relation: P = R = 1/3
        p, r = carb.match(T("met", "Akar", "Gantz"), T("met", "Gantz", "Akar"))
        self.assertAlmostEqual(p, 1 / 3)
        self.assertAlmostEqual(r, 1 / 3)

    def test_binarisation(self):
        # gold: met | Akar | Gantz | in Ankara -> arg2 "Gantz in Ankara"
        # pred: met | Akar | Gantz in Ankara (one object): 5/5 both ways
        g = T("met", "Akar", "Gantz", "in Ankara")
        self.assertEqual(carb.match(g, T("met", "Akar", "Gantz in Ankara")),
                         (1.0, 1.0))

    def test_missing_arg2(self):
        # gold has two args, prediction only a subject: no match
        self.assertEqual(carb.match(T("met", "Akar", "Gantz"),
                                    T("met", "Akar")), (0.0, 0.0))
        # gold with one arg: only rel + arg1 count; the predicted arg2 is
        # neither credited nor charged: rel "is heating up" (3) vs
        # predicted "is heating" (2): 2 matched; arg1 1/1
        # P = 3/3 = 1, R = 3/4
        p, r = carb.match(T("is heating up", "Competition"),
                          T("is heating", "Competition", "in sales"))
        self.assertAlmostEqual(p, 1.0)
        self.assertAlmostEqual(r, 0.75)
        # an empty gold arg2 is not required either
        self.assertEqual(carb.match(T("rose", "prices", ""),
                                    T("rose", "prices")), (1.0, 1.0))
        # an empty predicted subject never matches
        self.assertEqual(carb.match(T("rose", "prices"), T("rose", "")),
                         (0.0, 0.0))


class Conversion(unittest.TestCase):
    def test_triple_to_tuple(self):
        obj = {"article": "3", "sentence": 0,
               "subject": {"text": "Gantz"},
               "relation": {"text": "", "lemma": "travel"},
               "object": None,
               "args": [{"role": "location", "text": "to Turkey"},
                        {"role": "source", "text": "Akar"},
                        {"role": "time", "text": "on Thursday"}],
               "confidence": 0.7}
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.rel, "travel")          # empty text -> lemma
        # source is a marker, not a phrase: left out (voice: see below)
        self.assertEqual(t.args, ["Gantz", "to Turkey", "on Thursday"])
        self.assertEqual(t.conf, 0.7)
        obj["object"] = {"text": "Ankara"}
        obj["relation"]["text"] = "travelled to"
        del obj["confidence"]
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.rel, "travelled to")
        self.assertEqual(t.args, ["Gantz", "Ankara", "to Turkey",
                                  "on Thursday"])
        self.assertEqual(t.conf, 1.0)

    def test_passive_and_meta_args(self):
        # an implied possession: empty text, lemma "have" -> "has"
        t = carb.triple_to_tuple({"subject": {"text": "the station"},
                                  "relation": {"text": "", "lemma": "have"},
                                  "object": {"text": "website"}})
        self.assertEqual((t.rel, t.args), ("has", ["the station", "website"]))
        # the lemma written as the text: implied unless the sentence says it
        t = carb.triple_to_tuple({"subject": {"text": "the station"},
                                  "relation": {"text": "have", "lemma": "have"},
                                  "object": {"text": "website"},
                                  "evidence": "the station 's website"})
        self.assertEqual(t.rel, "has")
        t = carb.triple_to_tuple({"subject": {"text": "they"},
                                  "relation": {"text": "have", "lemma": "have"},
                                  "object": {"text": "a plan"},
                                  "evidence": "they have a plan"})
        self.assertEqual(t.rel, "have")
        # a time arg gets back the preposition the sentence gives it
        t = carb.triple_to_tuple({"subject": {"text": "Akar"},
                                  "relation": {"text": "met"},
                                  "object": {"text": "Gantz"},
                                  "args": [{"role": "time", "text": "May 2018"}],
                                  "evidence": "In May 2018 , Akar met Gantz ."})
        self.assertEqual(t.args, ["Akar", "Gantz", "In May 2018"])
        t = carb.triple_to_tuple({"subject": {"text": "Akar"},
                                  "relation": {"text": "met"},
                                  "object": {"text": "Gantz"},
                                  "args": [{"role": "time", "text": "Monday"}],
                                  "evidence": "Akar met Gantz Monday ."})
        self.assertEqual(t.args, ["Akar", "Gantz", "Monday"])
        # passive with an agent: back to the sentence's order, "by" last
        obj = {"article": "1",
               "subject": {"text": "Israel"},
               "relation": {"text": "is designated as", "lemma": "designate"},
               "object": {"text": "Hamas"},
               "args": [{"role": "as", "text": "a terrorist organisation"},
                        {"role": "voice", "text": "passive"},
                        {"role": "source", "text": "Benny Gantz"}],
               "confidence": 0.5}
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.rel, "is designated as")
        self.assertEqual(t.args, ["Hamas", "a terrorist organisation",
                                  "by Israel"])
        # no object: the subject is the patient, order kept; voice dropped
        obj["object"] = None
        obj["subject"] = {"text": "Hamas"}
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.args, ["Hamas", "a terrorist organisation"])
        # an active triple keeps its order; source is dropped
        obj["args"] = [{"role": "source", "text": "Gantz"}]
        obj["object"] = {"text": "Akar"}
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.args, ["Hamas", "Akar"])
        # an agent already written with its "by" is not given a second
        obj["args"] = [{"role": "voice", "text": "passive"}]
        obj["subject"] = {"text": "by Israel"}
        t = carb.triple_to_tuple(obj)
        self.assertEqual(t.args, ["Akar", "by Israel"])

    def test_gold_markers(self):
        sents = ["Gantz met Akar in Ankara ."]
        with tempfile.NamedTemporaryFile("w", suffix=".tsv",
                                         delete=False) as f:
            f.write("Gantz met Akar in Ankara . \tmet\tGantz\tAkar\t"
                    "L: in Ankara\tC: he said\n")
        try:
            gold, unplaced = carb.read_gold(f.name, sents)
            self.assertEqual(unplaced, [])
            # trailing space ignored, "C: " arg dropped, "L: " removed
            self.assertEqual(gold[1][0].args, ["Gantz", "Akar", "in Ankara"])
            gold, _ = carb.read_gold(f.name, sents, keep_markers=True)
            self.assertEqual(gold[1][0].args[2], "L: in Ankara")
        finally:
            os.unlink(f.name)


class Scoring(unittest.TestCase):
    def test_greedy_pairing_numbers(self):
        # rows = gold, columns = predictions, entries (precision, recall)
        # greedy takes (g0,e0)=1.0 first, then the only pair left (g1,e1)=0
        # -> 1.0, although g0-e1 + g1-e0 = 0.8 + 0.7 = 1.5 would be larger
        scores = [[(1.0, 0), (0.8, 0)], [(0.7, 0), (0.0, 0)]]
        self.assertAlmostEqual(carb.greedy_precision(scores, [0, 1]), 1.0)
        # only min(#gold, #pred) pairs: one prediction, best row taken
        self.assertAlmostEqual(carb.greedy_precision(scores, [1]), 0.8)

    def test_one_prediction_two_gold(self):
        # g1 met|Akar|Gantz, g2 met|Akar|Gantz in Ankara; e met|Akar|Gantz
        # recall: g1 1.0, g2 3/5 -> R = 1.6/2 = 0.8
        # precision: one pair (best: e-g1, 1.0) over 1 prediction -> P = 1
        # F1 = 2*1*0.8/1.8 = 0.8889
        gold = {1: [T("met", "Akar", "Gantz"),
                    T("met", "Akar", "Gantz", "in Ankara")]}
        res = carb.score(gold, {1: [T("met", "Akar", "Gantz", conf=0.5)]})
        self.assertAlmostEqual(res["recall"], 0.8)
        self.assertAlmostEqual(res["precision"], 1.0)
        self.assertAlmostEqual(res["f1"], 16 / 18)

    def test_duplicate_predictions(self):
        # gold g met|Akar|Gantz; e1 = g (P 1), e2 met|Akar|Ankara:
        # rel 1 + arg1 1 of 3 -> P = R = 2/3
        # recall = max(1, 2/3) = 1; precision: one pair, e1 (1.0), over 2
        # predictions -> P = 0.5; F1 = 2*0.5*1/1.5 = 0.6667
        gold = {1: [T("met", "Akar", "Gantz")]}
        res = carb.score(gold, {1: [T("met", "Akar", "Gantz"),
                                    T("met", "Akar", "Ankara")]})
        self.assertAlmostEqual(res["precision"], 0.5)
        self.assertAlmostEqual(res["recall"], 1.0)
        self.assertAlmostEqual(res["f1"], 2 / 3)

    def test_threshold_sweep(self):
        # sentence 1: gold met|Akar|Gantz; preds exact (0.9) and a
        #             non-matching visited|Gantz|Turkey (0.3)
        # sentence 2: gold expelled|Turkey|ambassador; exact pred (0.5)
        # sentence 3: gold recalled|Turkey|envoy; no prediction
        # sentence 9: no gold; its prediction (0.1) is ignored
        #
        # t=0.3: P num 1+1, P den 2+1 -> P 2/3; R (1+1+0)/3 = 2/3; F1 2/3
        # t=0.5: P 2/2 = 1;                     R 2/3;          F1 0.8
        # t=0.9: P 1/1 = 1;                     R 1/3;          F1 0.5
        # best: t=0.5, F1 0.8, P 1, R 2/3
        # AUC over (R,P) = (2/3,2/3) (2/3,1) (1/3,1) (0,1):
        #   0 + (1/3)(1+1)/2 + (1/3)(1+1)/2 = 2/3
        gold = {1: [T("met", "Akar", "Gantz")],
                2: [T("expelled", "Turkey", "ambassador")],
                3: [T("recalled", "Turkey", "envoy")]}
        preds = {1: [T("met", "Akar", "Gantz", conf=0.9),
                     T("visited", "Gantz", "Turkey", conf=0.3)],
                 2: [T("expelled", "Turkey", "ambassador", conf=0.5)],
                 9: [T("met", "x", "y", conf=0.1)]}
        res = carb.score(gold, preds)
        curve = [(c["threshold"], round(c["precision"], 4),
                  round(c["recall"], 4)) for c in res["curve"]]
        self.assertEqual(curve, [(0.3, 0.6667, 0.6667), (0.5, 1.0, 0.6667),
                                 (0.9, 1.0, 0.3333)])
        self.assertEqual(res["threshold"], 0.5)
        self.assertAlmostEqual(res["f1"], 0.8)
        self.assertAlmostEqual(res["precision"], 1.0)
        self.assertAlmostEqual(res["recall"], 2 / 3)
        self.assertAlmostEqual(res["auc"], 2 / 3)
        self.assertEqual(res["predictions"], 3)
        self.assertEqual(res["sentences_without_predictions"], 1)
        # the subset of sentences 2 and 3 only: one threshold, 0.5
        # P 1/1, R 1/2, F1 2/3; AUC (0.5,1)->(0,1): 0.5
        sub = carb.score(gold, preds, only={2, 3})
        self.assertAlmostEqual(sub["f1"], 2 / 3)
        self.assertAlmostEqual(sub["auc"], 0.5)

    def test_no_predictions(self):
        res = carb.score({1: [T("met", "Akar", "Gantz")]}, {})
        self.assertEqual((res["f1"], res["auc"], res["threshold"]),
                         (0.0, 0.0, None))


class Newswire(unittest.TestCase):
    def test_heuristic(self):
        self.assertGreaterEqual(carb.newswire_score(
            "Mr. Baker said the company 's shares rose 5 % yesterday ."), 2)
        self.assertGreaterEqual(carb.newswire_score(
            "The 30 - year bonds fell , analysts said ."), 2)
        self.assertLess(carb.newswire_score(
            "The open-air village church was built in 1732 ."), 2)


class CommandLine(unittest.TestCase):
    def test_end_to_end(self):
        d = tempfile.mkdtemp()
        sents = os.path.join(d, "s.txt")
        gold = os.path.join(d, "g.tsv")
        pred = os.path.join(d, "p.jsonl")
        with open(sents, "w") as f:
            f.write("Akar met Gantz in Ankara .\n"
                    "Turkey expelled the ambassador .\n")
        with open(gold, "w") as f:
            f.write("Akar met Gantz in Ankara .\tmet\tAkar\tGantz\t"
                    "L: in Ankara\n"
                    "Turkey expelled the ambassador .\texpelled\tTurkey\t"
                    "the ambassador\n")
        with open(pred, "w") as f:
            # sentence 1: met|Akar|Gantz|in Ankara exact (5/5)
            # sentence 2: expelled|Turkey|ambassador: P 3/3, R 3/4
            # P = (1+1)/2 = 1, R = (1 + 0.75)/2 = 0.875
            # F1 = 2*0.875/1.875 = 0.9333
            for obj in (
                {"article": "1", "subject": {"text": "Akar"},
                 "relation": {"text": "met", "lemma": "meet"},
                 "object": {"text": "Gantz"},
                 "args": [{"role": "location", "text": "in Ankara"}],
                 "confidence": 0.8},
                {"article": "2", "subject": {"text": "Turkey"},
                 "relation": {"text": "expelled", "lemma": "expel"},
                 "object": {"text": "ambassador"}, "args": [],
                 "confidence": 0.8}):
                f.write(json.dumps(obj) + "\n")
        out = io.StringIO()
        with redirect_stdout(out):
            carb.main([gold, sents, pred, "--json"])
        res = json.loads(out.getvalue())["overall"]
        self.assertAlmostEqual(res["precision"], 1.0)
        self.assertAlmostEqual(res["recall"], 0.875)
        self.assertAlmostEqual(res["f1"], 1.75 / 1.875)
        # the text form runs as a program too
        txt = subprocess.run([sys.executable, carb.__file__, gold, sents,
                              pred], capture_output=True, text=True,
                             check=True).stdout
        self.assertIn("overall   F1 0.933  P 1.000  R 0.875", txt)
        # --show 1 lists the sentence of lowest recall (sentence 2, 0.75)
        txt = subprocess.run([sys.executable, carb.__file__, gold, sents,
                              pred, "--show", "1"], capture_output=True,
                             text=True, check=True).stdout
        self.assertIn("#2 recall 0.75: Turkey expelled", txt)
        self.assertIn("  gold: expelled | Turkey | the ambassador", txt)
        self.assertIn("  pred: expelled | Turkey | ambassador  (0.80)", txt)
        self.assertNotIn("#1 recall", txt)


if __name__ == "__main__":
    unittest.main()
