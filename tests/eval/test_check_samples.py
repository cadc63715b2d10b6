#!/usr/bin/env python3
"""check_samples.py against a fake entente that prints canned triples."""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "check_samples.py")

# The fake binary: `entente extract [--date D] PATH` prints the triples
# stored in PATH + ".canned" (a JSON list), putting D into every triple
# whose date is "ARTICLE".
FAKE = textwrap.dedent("""\
    #!%s
    import json, sys
    args = sys.argv[1:]
    assert args[0] == "extract", args
    date = None
    if args[1] == "--date":
        date = args[2]
        args = args[2:]
    path = args[1]
    for t in json.load(open(path + ".canned")):
        if t.get("date") == "ARTICLE":
            t["date"] = date
        print(json.dumps(t))
    """) % sys.executable


def triple(subj, lemma, obj, date=None, article="x", code=None, event=None):
    return {"article": article, "sentence": 0,
            "subject": {"text": subj, "entity": subj.split()[-1],
                        "code": code},
            "relation": {"text": lemma + "ed", "lemma": lemma,
                         "event": event},
            "object": {"text": obj, "entity": obj.split()[-1]},
            "args": [], "date": date}


class CheckSamples(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        s = self.samples = os.path.join(self.dir, "samples")
        os.mkdir(s)
        self.fake = os.path.join(self.dir, "entente")
        with open(self.fake, "w") as f:
            f.write(FAKE)
        os.chmod(self.fake, 0o755)

        def write(name, text):
            with open(os.path.join(s, name), "w") as f:
                f.write(text)
        write("01-a.txt", "Britain expelled 23 Russian diplomats.\n")
        write("dates.tsv", "01-a.txt\t2018-03-14\n")
        write("01-a.expected.jsonl", "\n".join(json.dumps(e) for e in [
            {"subject": "britain", "lemma": "expel", "object": "diplomats",
             "date": "2018-03-14", "code": "GBR", "event": "SANCTION"},
            {"subject": ["Moscow", "Russia"], "lemma": ["respond", "reply"],
             "object": "expulsion"}]) + "\n")
        self.canned_a = [
            triple("Britain", "expel", "23 Russian diplomats", "ARTICLE",
                   code="GBR", event="SANCTION"),
            triple("Russia", "reply", "the expulsion")]
        write("01-a.txt.canned", json.dumps(self.canned_a))
        write("articles.jsonl", json.dumps(
            {"id": "02-b", "date": "2021-06-16", "title": "",
             "text": "Biden met Putin."}) + "\n")
        write("02-b.expected.jsonl", json.dumps(
            {"subject": "Biden", "lemma": "meet", "object": "Putin"}) + "\n")
        write("articles.jsonl.canned", json.dumps(
            [triple("Biden", "meet", "Putin", article="02-b"),
             triple("Putin", "meet", "Biden", article="other")]))

    def run_check(self, *extra):
        return subprocess.run([sys.executable, CHECK, "--entente", self.fake,
                               "--samples", self.samples] + list(extra),
                              capture_output=True, text=True)

    def test_all_found(self):
        p = self.run_check()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("samples: 3 of 3 expectations found", p.stdout)
        self.assertIn("01-a: 2/2", p.stdout)

    def test_missing_and_near_misses(self):
        # wrong date on the expel triple, wrong lemma on Russia's
        bad = json.loads(json.dumps(self.canned_a))
        bad[0]["date"] = "2018-03"
        bad[1]["relation"]["lemma"] = "say"
        with open(os.path.join(self.samples, "01-a.txt.canned"), "w") as f:
            json.dump(bad, f)
        p = self.run_check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("01-a: 0/2", p.stdout)
        self.assertIn("MISSING britain -expel-> diplomats", p.stdout)
        self.assertIn("got: Britain | expeled (expel) | diplomats | "
                      "date 2018-03", p.stdout)
        self.assertIn("samples: 1 of 3 expectations found; 1 of 2 articles",
                      p.stdout)
        # the ratchet: 1 found passes --min-found 1, fails --min-found 2
        self.assertEqual(self.run_check("--min-found", "1").returncode, 0)
        self.assertEqual(self.run_check("--min-found", "2").returncode, 1)
        p = self.run_check("--min-found", "0")
        self.assertEqual(p.returncode, 0)
        self.assertIn("more than --min-found 0: raise it", p.stdout)

    def test_code_and_event(self):
        bad = json.loads(json.dumps(self.canned_a))
        bad[0]["subject"]["code"] = "RUS"
        with open(os.path.join(self.samples, "01-a.txt.canned"), "w") as f:
            json.dump(bad, f)
        self.assertEqual(self.run_check("--only", "01-a").returncode, 1)
        bad[0]["subject"]["code"] = "gbr"
        bad[0]["relation"]["event"] = "ACCUSE"
        with open(os.path.join(self.samples, "01-a.txt.canned"), "w") as f:
            json.dump(bad, f)
        self.assertEqual(self.run_check("--only", "01-a").returncode, 1)
        # a negated triple does not count
        bad[0]["relation"]["event"] = "SANCTION"
        with open(os.path.join(self.samples, "01-a.txt.canned"), "w") as f:
            json.dump(bad, f)
        self.assertEqual(self.run_check("--only", "01-a").returncode, 0)
        bad[0]["negated"] = True
        with open(os.path.join(self.samples, "01-a.txt.canned"), "w") as f:
            json.dump(bad, f)
        self.assertEqual(self.run_check("--only", "01-a").returncode, 1)

    def test_setup_errors(self):
        p = subprocess.run([sys.executable, CHECK, "--entente",
                            os.path.join(self.dir, "none"), "--samples",
                            self.samples], capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        os.unlink(os.path.join(self.samples, "dates.tsv"))
        self.assertEqual(self.run_check().returncode, 2)

    def test_lint(self):
        p = self.run_check("--lint")
        # 01-a: 2 expectations (want 3-6), "expulsion" and "Moscow" not in
        # its text ("Russia" is, in "Russian");
        # 02-b: 1 expectation
        self.assertEqual(p.returncode, 1)
        self.assertIn("01-a: 2 expectations, want 3-6", p.stdout)
        self.assertIn("object 'expulsion' not in the text", p.stdout)
        self.assertIn("subject 'Moscow' not in the text", p.stdout)
        self.assertIn("2 articles, 4 problems", p.stdout)

    def test_repository_samples_lint(self):
        # the real samples/ are consistent: dates, 3-6 expectations each,
        # expected names present in the texts
        root = os.path.dirname(os.path.dirname(HERE))
        p = subprocess.run([sys.executable, CHECK, "--lint", "--samples",
                            os.path.join(root, "samples")],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout)


if __name__ == "__main__":
    unittest.main()
