#!/usr/bin/env python3
"""carb.py: score entente's triples against CaRB gold tuples (Open IE).

Usage:
    carb.py GOLD.tsv SENTENCES.txt PREDICTIONS.jsonl [--json] [--curve FILE]
            [--newswire-lines FILE] [--keep-markers]

Inputs
    GOLD.tsv        sentence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>arg3...]
    SENTENCES.txt   one sentence a line; line N (from 1) is sentence N
    PREDICTIONS     entente's JSON lines, one object per triple; the triple's
                    "article" is the line number of its sentence (what
                    `entente extract --lines` writes)

Conversion of a triple into a CaRB tuple (triple_to_tuple)
    relation = relation.text, or relation.lemma when the text is empty
               (an implied relation: "be" for appositions and titles, which
               the scorer matches with any form of be; "have" for
               possessives, written "has" as CaRB gold writes them; the
               pipeline may also write the lemma as the text: a relation
               "have" that is not a word of the triple's evidence is
               implied too)
    arg1     = subject.text
    arg2...  = object.text, then the texts of "args" (time, location, ...)
               in their order
    Empty or missing texts are dropped, so a triple with no object but a
    location argument becomes (rel, subject, location), which is how CaRB
    gold writes intransitive verbs with a prepositional phrase.
    A "time" arg is the date the pipeline resolved, without its
    preposition ("1981" for "In 1981"): when the word before it in the
    evidence is a preposition, it is put back (with_preposition).
    Args with role "source" (the speaker of reported speech, often a
    resolved name) and "voice" (the word "passive") are not phrases of the
    sentence and are dropped.
    Passive with an agent (an arg "voice: passive" and an object): entente
    writes the agent as subject (Israel-designate-Hamas); CaRB gold keeps
    the sentence's order, so arg1 = object.text, then the relation text,
    then the other args, and last "by " + subject.text ("Hamas | is
    designated as | a terrorist organisation | by Israel"), unless the
    subject text already starts with "by".  A passive without an object
    (no agent: the subject is already the patient) is left as it is.
    confidence = the triple's "confidence" (1.0 when absent).

Scoring: the reference CaRB scorer (Bhardwaj et al. 2019, carb.py and
matcher.py's binary_linient_tuple_match), re-implemented:
  * gold args containing "C: " are dropped; the "T: " / "L: " markers at the
    start of a gold arg are removed (they are annotations, not words of the
    sentence; --keep-markers keeps them as the reference does);
  * each tuple is binarised to (relation, arg1, rest of the args joined by
    spaces); tokens are whitespace-split and compared case-sensitively;
  * a pair matches only if the relations share a token (one-to-one token
    matching; a predicted token "be" also matches one gold form of be: is,
    are, was, were, been, being, am, 's, 're, 'm) and the arguments are
    present (see below); unmatched pairs score precision 0, recall 0;
  * pair precision = matched tokens / predicted tokens, recall = matched
    tokens / gold tokens, summed over relation, arg1 and arg2;
  * when the gold relation contains said/told/added/adds/says (as a
    substring, like the reference), the prediction is also tried with arg1
    and arg2 swapped and the better (precision, recall) pair is kept;
  * sentence recall numerator: each gold tuple takes its best recall over
    the predictions; precision numerator: predictions and gold tuples are
    paired one-to-one greedily, always taking the pair of highest precision
    (ties: first gold tuple, then first prediction), min(#gold, #pred) pairs;
  * the numerators and the denominators (#predictions, #gold tuples) are
    summed over the gold sentences, for every threshold among the distinct
    prediction confidences (a prediction counts at threshold t when its
    confidence >= t); precision with no predictions is 1, recall 0;
  * best F1 over the thresholds (first best) with its P, R and threshold;
    AUC = trapezoid area under the P-R points plus the point (R=0, P=1).

"Present" (our choice, stated because the reference is loose about it):
  * a predicted argument is present when it has at least one token; a
    prediction with an empty subject never matches, and one with only a
    subject matches only gold tuples with a single argument;
  * a gold tuple's arg2 is required only when it has at least one token: a
    gold tuple with one argument (or an empty arg2, one case in CaRB dev)
    needs only arg1, and the prediction's arg2 then counts neither for nor
    against it (the reference loops over the gold args only).

Sentences: predictions for sentences without gold tuples are ignored.
Gold sentences are located in SENTENCES.txt by their text with outer
whitespace stripped (20 gold sentences in CaRB dev carry a trailing space),
falling back to the text with spaces and punctuation removed.

Newswire subset: CaRB dev is the QA-SRL dev set (WSJ newswire + Wikipedia)
but the files carry no marker of the domain.  We use a documented heuristic
(newswire_score below): PTB-style split hyphens ("fume - filled") and WSJ
vocabulary (Mr., Corp., million, shares, analysts, yesterday, ...) count for
newswire; unsplit lower-case hyphens ("open-air", the Wikipedia
tokenisation; other unsplit hyphens, as in names, count less),
encyclopaedic words and years outside 1985-1990 count against.  Sentences
scoring >= 2 are newswire.  --newswire-lines FILE (line numbers, one a
line) replaces the heuristic.
"""

import argparse
import json
import re
import string
import sys

import triples

SAID_VERBS = ("said", "told", "added", "adds", "says")
SKIP_ROLES = frozenset(("voice", "source"))
BE_FORMS = frozenset(("is", "are", "was", "were", "been", "being", "am",
                      "be", "'s", "'re", "'m"))


class Tuple:
    """A CaRB tuple: relation string, argument strings, confidence."""

    __slots__ = ("rel", "args", "conf")

    def __init__(self, rel, args, conf=1.0):
        self.rel = rel
        self.args = list(args)
        self.conf = conf

    def __repr__(self):
        return "Tuple(%r, %r, %r)" % (self.rel, self.args, self.conf)


# ---------------------------------------------------------------- reading

def norm_key(text):
    """Sentence key without spaces and punctuation (fallback lookup)."""
    return "".join(c for c in text if not c.isspace()
                   and c not in string.punctuation)


def read_sentences(path):
    """Return the list of sentences; index 0 is line 1."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def sentence_index(sentences):
    """Map stripped text and normalised key to the 1-based line number."""
    exact, loose = {}, {}
    for i, s in enumerate(sentences, 1):
        exact.setdefault(s.strip(), i)
        loose.setdefault(norm_key(s), i)
    return exact, loose


def strip_marker(arg, keep_markers):
    if not keep_markers and arg[:3] in ("T: ", "L: "):
        return arg[3:]
    return arg


def read_gold(path, sentences, keep_markers=False):
    """Return {line number: [Tuple]} and the list of unplaced sentences."""
    exact, loose = sentence_index(sentences)
    gold, unplaced = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            data = line.strip().split("\t")
            if len(data) < 2:
                continue
            text, rel = data[0].strip(), data[1].strip()
            args = [strip_marker(a.strip(), keep_markers)
                    for a in data[2:] if "C: " not in a]
            n = exact.get(text) or loose.get(norm_key(text))
            if n is None:
                unplaced.append(text)
                continue
            gold.setdefault(n, []).append(Tuple(rel, args, 1.0))
    return gold, unplaced


def text_of(obj, key):
    """obj[key]["text"] stripped, '' when absent or null."""
    return triples.field(obj.get(key), "text").strip()


TIME_PREPS = frozenset("""in on at since during from until till by before
after for between around about within through throughout""".split())


def with_preposition(text, evidence):
    """A time arg as the sentence has it: the pipeline writes the date
    alone ("1981"); when the word before it in the evidence is a
    preposition ("In 1981"), it is put back, as CaRB gold keeps it."""
    words = evidence.split()
    n = len(text.split())
    first = text.split()[0] if n else ""
    for i in range(1, len(words)):
        if words[i] == first and " ".join(words[i:i + n]) == text:
            if words[i - 1].lower() in TIME_PREPS:
                return words[i - 1] + " " + text
            break
    return text


PREPS = {"as", "by", "to", "of", "in", "on", "at", "for", "with", "from",
         "into", "onto", "over", "under", "against", "about", "through"}


def triple_to_tuple(obj):
    """Convert one of entente's triples (a dict) into a CaRB Tuple.

    Rules (see the module docstring): relation text, else its lemma,
    "n't" split off as the tokenised sentence has it ("did n't");
    arg1 = subject, arg2 = object, then the other args in order, empty
    texts dropped; "source" and "voice" args dropped; a passive triple
    with an object is put back in the sentence's order, the way CaRB
    writes it: "was captured by | object | subject | other args", or, when
    the relation already ends in a preposition, object first and
    "by " + subject last."""
    rel = text_of(obj, "relation")
    if not rel:
        r = obj.get("relation") or {}
        rel = (r.get("lemma") or "").strip() if isinstance(r, dict) else ""
    if "n't" in (obj.get("evidence") or "").split():
        # the pipeline writes "didn't"; the tokenised sentence has "did n't"
        rel = " ".join(w[:-3] + " n't" if w.endswith("n't") and len(w) > 3
                       else w for w in rel.split())
    if rel == "have" and "have" not in (obj.get("evidence") or "").split():
        rel = "has"     # an implied possession: CaRB gold writes "has"
    subj = text_of(obj, "subject")
    obj_text = text_of(obj, "object")
    passive = False
    extra = []
    for a in obj.get("args") or []:
        if not isinstance(a, dict) or not isinstance(a.get("text"), str):
            continue
        role = a.get("role")
        text = a["text"].strip()
        if role == "voice":
            passive = passive or text == "passive"
            continue
        if role == "source" or not text:
            continue
        if role == "time":
            # "October 14, 2012": the tokenised sentence has "14 ,"
            ev = set((obj.get("evidence") or "").split())
            text = " ".join(w[:-1] + " ," if w.endswith(",") and w not in ev
                            and len(w) > 1 else w for w in text.split())
            text = with_preposition(text, obj.get("evidence") or "")
        extra.append(text)
    if passive and obj_text and subj and rel.split()[-1].lower() not in PREPS:
        # CaRB gold puts "by" in the relation: "was captured by | X | Y"
        agent = subj[3:] if subj.split()[0].lower() == "by" else subj
        args = [obj_text, agent] + extra
        rel += " by"
    elif passive and obj_text and subj:
        # "is designated as | Hamas | a terrorist group | by Israel"
        agent = subj if subj.split()[0].lower() == "by" else "by " + subj
        args = [obj_text] + extra + [agent]
    else:
        args = [subj]
        if obj_text:
            args.append(obj_text)
        args.extend(extra)
    conf = obj.get("confidence")
    try:
        conf = float(conf) if conf is not None else 1.0
    except (TypeError, ValueError):
        conf = 1.0
    return Tuple(rel, args, conf)


def read_predictions(path):
    """Return {line number: [Tuple]} and the number of triples read."""
    preds, n = {}, 0
    try:
        objs = triples.read(path)
    except ValueError as e:
        raise SystemExit(str(e))
    for obj in objs:
        try:
            sent = int(str(obj.get("article")))
        except ValueError:
            continue
        preds.setdefault(sent, []).append(triple_to_tuple(obj))
        n += 1
    return preds, n


# ---------------------------------------------------------------- matching

def binarise(args):
    if len(args) >= 2:
        return [args[0], " ".join(args[1:])]
    return list(args)


def count_matches(gold_words, pred_words, be_rule=False):
    """Tokens of gold_words found in pred_words, each used once."""
    pred_words = list(pred_words)
    n = 0
    for w in gold_words:
        if w in pred_words:
            pred_words.remove(w)
            n += 1
        elif be_rule and w in BE_FORMS and "be" in pred_words:
            pred_words.remove("be")
            n += 1
    return n


def tuple_match(gold_rel, gold_args, pred_rel, pred_args):
    """(precision, recall) of a binarised prediction against a gold tuple."""
    pw = pred_rel.split()
    gw = gold_rel.split()
    m = count_matches(gw, pw, be_rule=True)
    if m == 0:
        return (0.0, 0.0)
    p_num, p_den = m, len(pw)
    r_num, r_den = m, len(gw)
    for i, garg in enumerate(gold_args):
        gw = garg.split()
        if not gw:
            continue            # an empty gold arg is not required
        pw = pred_args[i].split() if i < len(pred_args) else []
        if not pw:
            return (0.0, 0.0)   # a required argument is missing
        m = count_matches(gw, pw)
        p_num += m
        p_den += len(pw)
        r_num += m
        r_den += len(gw)
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def match(gold, pred):
    """CaRB's binary lenient match with the said-verb swap."""
    gargs = binarise(gold.args)
    pargs = binarise(pred.args)
    if not pargs or not pargs[0].split():
        return (0.0, 0.0)       # no subject: never a match
    best = tuple_match(gold.rel, gargs, pred.rel, pargs)
    if any(v in gold.rel for v in SAID_VERBS) and len(pargs) >= 2:
        best = max(best, tuple_match(gold.rel, gargs, pred.rel,
                                     [pargs[1], pargs[0]]))
    return best


# ---------------------------------------------------------------- scoring

def greedy_precision(scores, cols, order=None):
    """Sum of precisions of the greedy one-to-one gold/prediction pairing.

    The reference repeatedly takes the unused (gold i, prediction j) pair of
    highest precision, the first in (i, j) order on ties, min(#gold, #cols)
    times.  Walking the pairs sorted by (-precision, i, j) and keeping each
    whose row and column are still free picks the same pairs.  `order` is
    that sorted list for all columns (computed when not given)."""
    if order is None:
        order = sorted_pairs(scores)
    allowed = set(cols)
    need = min(len(scores), len(allowed))
    rows_used, cols_used = set(), set()
    total = 0.0
    for prec, i, j in order:
        if len(rows_used) == need:
            break
        if j not in allowed or i in rows_used or j in cols_used:
            continue
        rows_used.add(i)
        cols_used.add(j)
        total += prec
    return total


def sorted_pairs(scores):
    """All (precision, gold, prediction) triples, best first, then by
    gold index and prediction index."""
    return sorted(((row[j][0], i, j) for i, row in enumerate(scores)
                   for j in range(len(row))),
                  key=lambda x: (-x[0], x[1], x[2]))


def score(gold, preds, only=None):
    """Score preds against gold over the sentences of gold (or of `only`).

    Returns a dict with the P-R curve and the summary figures."""
    sents = sorted(n for n in gold if only is None or n in only)
    thresholds = sorted({t.conf for n in sents for t in preds.get(n, ())})
    k = len(thresholds)
    pos = {c: i for i, c in enumerate(thresholds)}
    p, pl, r, rl = [0.0] * k, [0] * k, [0.0] * k, [0] * k
    n_pred = 0
    empty = 0
    for n in sents:
        golds = gold[n]
        ps = preds.get(n, [])
        n_pred += len(ps)
        if not ps:
            empty += 1
        scores = [[match(g, e) for e in ps] for g in golds]
        order = sorted_pairs(scores)
        prev = 0
        for conf in sorted({e.conf for e in ps}):
            c = pos[conf]
            cols = [j for j, e in enumerate(ps) if e.conf >= conf]
            rec = sum(max((row[j][1] for j in cols), default=0.0)
                      for row in scores)
            prec = greedy_precision(scores, cols, order)
            for t in range(prev, c + 1):
                p[t] += prec
                pl[t] += len(cols)
                r[t] += rec
                rl[t] += len(scores)
            prev = c + 1
        for t in range(prev, k):
            rl[t] += len(scores)
    precs = [a / b if b else 1.0 for a, b in zip(p, pl)]
    recs = [a / b if b else 0.0 for a, b in zip(r, rl)]
    f1s = [2 * a * b / (a + b) if a + b else 0.0 for a, b in zip(precs, recs)]
    res = {
        "sentences": len(sents),
        "gold_tuples": sum(len(gold[n]) for n in sents),
        "predictions": n_pred,
        "sentences_without_predictions": empty,
        "f1": 0.0, "precision": 0.0, "recall": 0.0, "threshold": None,
        "auc": auc(recs, precs),
        "curve": [{"threshold": t, "precision": a, "recall": b}
                  for t, a, b in zip(thresholds, precs, recs)],
    }
    if k:
        best = max(range(k), key=lambda i: (f1s[i], -i))
        res.update(f1=f1s[best], precision=precs[best], recall=recs[best],
                   threshold=thresholds[best])
    return res


def auc(recs, precs):
    """Trapezoid area under the curve plus the point (R=0, P=1)."""
    xs = list(recs) + [0.0]
    ys = list(precs) + [1.0]
    if len(xs) < 2:
        return 0.0
    area = 0.0
    for i in range(len(xs) - 1):
        area += (xs[i] - xs[i + 1]) * (ys[i] + ys[i + 1]) / 2
    return area


# ---------------------------------------------------------------- newswire

NEWS_STRONG = frozenset("""Mr. Mrs. Ms. Corp. Inc. Co. Ltd. Cos. Bros. Dow
Nasdaq yesterday says analysts -- concerns""".split())
NEWS_WORDS = frozenset("""million billion analyst shares share
quarter fiscal stock stocks investors investor traders trading say said
added authorities
market markets company companies firm bonds bond prices price profit profits
earnings revenue sales Treasury Fed Congress Bush Soviet spokesman
spokeswoman chairman executive officials Exchange Securities Monday Tuesday
Wednesday Thursday Friday yen dollar dollars cents rate rates index futures
contract contracts takeover bid lawmakers administration deficit tax taxes
budget federal debt loan loans banks bank insurance economists economy
Democrats Republicans industry""".split())
WIKI_WORDS = frozenset("""born album song songs film films season episode
village species century novel band league river town parish district
championship club church station railway county king queen""".split())
YEAR_RE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
SPLIT_HYPHEN_RE = re.compile(r"\w - \w")
JOINED_HYPHEN_RE = re.compile(r"[a-z]-[a-z]")
NAME_HYPHEN_RE = re.compile(r"[A-Za-z0-9]-[A-Za-z0-9]")


def newswire_score(sentence):
    """Heuristic score: >= 2 means WSJ newswire rather than Wikipedia."""
    toks = sentence.split()
    sc = 0
    if JOINED_HYPHEN_RE.search(sentence):
        sc -= 3                 # open-air: Wikipedia's tokenisation
    elif NAME_HYPHEN_RE.search(sentence):
        sc -= 1                 # Spider-Man, RU-486, but also WSJ names
    if SPLIT_HYPHEN_RE.search(sentence):
        sc += 2
    sc += sum(2 for w in toks if w in NEWS_STRONG)
    sc += sum(1 for w in toks if w in NEWS_WORDS)
    sc -= sum(1 for w in toks if w in WIKI_WORDS)
    for y in YEAR_RE.findall(sentence):
        sc += 1 if 1985 <= int(y) <= 1990 else -2
    if "$" in toks:
        sc += 1
    return sc


def newswire_lines(sentences):
    return {i for i, s in enumerate(sentences, 1) if newswire_score(s) >= 2}


def show_errors(gold, preds, sentences, threshold, n, out=sys.stdout):
    """Print the n gold sentences of lowest recall at `threshold`, with
    their gold tuples and the predictions counted there."""
    rows = []
    for k in sorted(gold):
        ps = [e for e in preds.get(k, []) if threshold is None or
              e.conf >= threshold]
        rec = sum(max((match(g, e)[1] for e in ps), default=0.0)
                  for g in gold[k]) / len(gold[k])
        rows.append((rec, k, ps))
    rows.sort(key=lambda r: (r[0], r[1]))
    for rec, k, ps in rows[:n]:
        out.write("\n#%d recall %.2f: %s\n" % (k, rec, sentences[k - 1]))
        for g in gold[k]:
            out.write("  gold: %s | %s\n" % (g.rel, " | ".join(g.args)))
        for e in ps:
            out.write("  pred: %s | %s  (%.2f)\n" % (e.rel, " | ".join(e.args),
                                                   e.conf))


def read_line_numbers(path):
    with open(path, encoding="utf-8") as f:
        return {int(x) for x in f.read().split()}


# ---------------------------------------------------------------- main

def summary(name, res):
    thr = res["threshold"]
    return ("%-9s F1 %.3f  P %.3f  R %.3f  AUC %.3f  threshold %s  "
            "(%d sentences, %d gold tuples, %d predictions, "
            "%d sentences without predictions)" % (
                name, res["f1"], res["precision"], res["recall"], res["auc"],
                "-" if thr is None else "%.3f" % thr, res["sentences"],
                res["gold_tuples"], res["predictions"],
                res["sentences_without_predictions"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description="CaRB scorer for entente")
    ap.add_argument("gold")
    ap.add_argument("sentences")
    ap.add_argument("predictions")
    ap.add_argument("--json", action="store_true",
                    help="print the results as JSON")
    ap.add_argument("--curve", metavar="FILE",
                    help="write the overall P-R curve (TSV)")
    ap.add_argument("--newswire-lines", metavar="FILE",
                    help="line numbers of the newswire sentences")
    ap.add_argument("--keep-markers", action="store_true",
                    help="keep 'T: '/'L: ' in gold args as the reference")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="list the N sentences of lowest recall at the best "
                    "threshold, with gold tuples and predictions")
    a = ap.parse_args(argv)

    sentences = read_sentences(a.sentences)
    gold, unplaced = read_gold(a.gold, sentences, a.keep_markers)
    if unplaced:
        print("warning: %d gold sentences not found in %s" %
              (len(unplaced), a.sentences), file=sys.stderr)
    preds, n_all = read_predictions(a.predictions)
    news = (read_line_numbers(a.newswire_lines) if a.newswire_lines
            else newswire_lines(sentences))
    overall = score(gold, preds)
    newswire = score(gold, preds, only=news)
    ignored = n_all - sum(len(v) for k, v in preds.items() if k in gold)
    if a.curve:
        with open(a.curve, "w", encoding="utf-8") as f:
            f.write("threshold\tprecision\trecall\n")
            for pt in overall["curve"]:
                f.write("%g\t%.6f\t%.6f\n" % (pt["threshold"],
                                              pt["precision"], pt["recall"]))
    if a.json:
        for res in (overall, newswire):
            del res["curve"]
        print(json.dumps({"overall": overall, "newswire": newswire,
                          "ignored_predictions": ignored}, indent=1))
    else:
        print(summary("overall", overall))
        print(summary("newswire", newswire))
        if ignored:
            print("ignored %d predictions for sentences without gold" %
                  ignored)
        if a.show:
            show_errors(gold, preds, sentences, overall["threshold"], a.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
