#!/bin/sh
# t0200: every triple `entente extract` prints for the samples and for a
# hostile-looking article (BOM, curly quotes, dateline, control characters,
# a 120-clause sentence, Cyrillic and Chinese script) is valid against
# schemas/triple.schema.json and keeps the format's invariants:
# confidence in [0,1]; date, date_precision and date_source agree;
# date_end not before date; a date from the article is its publication
# date; subject.text non-empty and, like a non-empty
# object.text, a substring of evidence; evidence a sentence of the article;
# article ids are the .txt path without extension or the JSONL "id";
# sentence indices never go backwards within an article.
. "$(dirname "$0")/lib.sh"

PY=$(python_with jsonschema)
if [ -z "$PY" ]; then
	echo "skip: no python3 with jsonschema (apt-get install python3-jsonschema)"
	exit 0
fi

# The tricky article, written here (octal escapes keep the bytes visible).
long=$("$PY" -c "print(' and '.join('Minister %s met officials in %s on Monday' % p for p in [('Akar','Ankara'),('Lavrov','Moscow'),('Blinken','Paris')] * 40))")
printf '\357\273\277Turkey \342\200\234expels\342\200\235 envoy\n\nANKARA (Reuters) - Turkey expelled Israel\342\200\231s ambassador on Tuesday, officials said.\n\nThe ministry said \342\200\234the decision is final\342\200\235.\001\002 Japan\007 summoned the Chinese envoy\013 on Monday.\n\n%s.\n\n\320\234\320\276\321\201\320\272\320\262\320\260 \320\267\320\260\321\217\320\262\320\270\320\273\320\260. Russia condemned \345\214\227\344\272\254 and China on Friday.\n' "$long" >"$TMP/tricky.txt"

# expected.tsv: <jsonl output> <article id> <source file> <publication date>
: >"$TMP/expected.tsv"
n=0
while IFS='	' read -r f d; do
	[ -f "samples/$f" ] || { fail "samples/dates.tsv names missing samples/$f"; continue; }
	n=$((n + 1))
	$E extract --date "$d" "samples/$f" >"$TMP/s$n.jsonl" 2>"$TMP/s$n.err" ||
		fail "extract samples/$f exited $?: $(head -c 300 "$TMP/s$n.err")"
	printf '%s\t%s\t%s\t%s\n' "$TMP/s$n.jsonl" "samples/${f%.txt}" "samples/$f" "$d" >>"$TMP/expected.tsv"
done <samples/dates.tsv
[ "$n" -ge 10 ] || fail "only $n samples listed in samples/dates.tsv"

$E extract samples/articles.jsonl >"$TMP/j.jsonl" 2>"$TMP/j.err" || fail "extract samples/articles.jsonl exited $?"
printf '%s\t%s\t%s\t%s\n' "$TMP/j.jsonl" "*jsonl" samples/articles.jsonl "*" >>"$TMP/expected.tsv"

case $E in /*) EA=$E ;; *) EA=$PWD/$E ;; esac
(cd "$TMP" && "$EA" extract --date 2022-10-27 tricky.txt) >"$TMP/t.jsonl" 2>"$TMP/t.err" ||
	fail "extract tricky.txt exited $?: $(head -c 300 "$TMP/t.err")"
printf '%s\t%s\t%s\t%s\n' "$TMP/t.jsonl" tricky "$TMP/tricky.txt" 2022-10-27 >>"$TMP/expected.tsv"

"$PY" - "$TMP/expected.tsv" schemas/triple.schema.json <<'PY' || fail "schema or invariant violations (above)"
import json, re, sys
import jsonschema

tsv, schema_path = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema)
bad = 0
total = 0
PREC = {4: "year", 7: "month", 10: "day"}

def problem(where, msg):
    global bad
    bad += 1
    if bad <= 40:
        print(f"{where}: {msg}")

def squash(s):
    # the sentence splitter may drop control characters and fold spaces
    return re.sub(r"[\s\x00-\x1f\x7f\ufeff]+", " ", s).strip()

for row in open(tsv, encoding="utf-8"):
    out, want_id, src, pub = row.rstrip("\n").split("\t")
    if want_id == "*jsonl":
        recs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
        ids = [r["id"] for r in recs]
        texts = {r["id"]: r["text"] for r in recs}
        pubs = {r["id"]: r.get("date") for r in recs}
    else:
        ids = [want_id]
        texts = {want_id: open(src, encoding="utf-8").read()}
        pubs = {want_id: pub}
    seen = set()
    last_sent = {}
    lines = open(out, encoding="utf-8").read().splitlines()
    if not lines:
        problem(src, "no triples at all")
    for ln, line in enumerate(lines, 1):
        where = f"{src} triple {ln}"
        total += 1
        try:
            t = json.loads(line)
        except ValueError as e:
            problem(where, f"not JSON: {e}")
            continue
        errs = sorted(validator.iter_errors(t), key=lambda e: list(e.path))
        for e in errs[:3]:
            problem(where, f"schema: {'/'.join(map(str, e.path))}: {e.message}")
        if errs:
            continue
        if t["article"] not in ids:
            problem(where, f"article id {t['article']!r}, want one of {ids[:5]}")
            continue
        seen.add(t["article"])
        if t["sentence"] < last_sent.get(t["article"], 0):
            problem(where, f"sentence {t['sentence']} after {last_sent[t['article']]}")
        last_sent[t["article"]] = t["sentence"]
        if not 0 <= t["confidence"] <= 1:
            problem(where, f"confidence {t['confidence']}")
        d, de, p, s = t["date"], t["date_end"], t["date_precision"], t["date_source"]
        if d is None:
            if p is not None or s is not None or de is not None:
                problem(where, f"no date but precision {p!r}, source {s!r}, date_end {de!r}")
        else:
            if PREC.get(len(d)) != p:
                problem(where, f"date {d} with precision {p!r}")
            if s not in ("text", "article"):
                problem(where, f"date {d} with source {s!r}")
            if de is not None and de[:len(d)] < d[:len(de)]:
                problem(where, f"date_end {de} before date {d}")
            if s == "article" and pubs[t["article"]] and d != pubs[t["article"]]:
                problem(where, f"date {d} from the article, published {pubs[t['article']]}")
        ev = t["evidence"]
        if not ev.strip():
            problem(where, "empty evidence")
        elif squash(ev) not in squash(texts[t["article"]]):
            problem(where, f"evidence not in the article: {ev[:80]!r}")
        if not t["subject"]["text"].strip():
            problem(where, "empty subject.text")
        for side in ("subject", "object"):
            txt = t[side]["text"]
            if txt and squash(txt) not in squash(ev):
                problem(where, f"{side}.text {txt!r} not in evidence {ev[:80]!r}")
        if not t["relation"]["lemma"].strip():
            problem(where, "empty lemma")
    if want_id == "*jsonl" and seen != set(ids):
        problem(src, f"articles without any triple: {sorted(set(ids) - seen)}")
print(f"{total} triples checked, {bad} problem(s)")
sys.exit(1 if bad or total == 0 else 0)
PY

# The tricky article: the facts a reader would take from it survive the noise.
grep -q '"lemma":"expel".*"date":"2022-10-25"' "$TMP/t.jsonl" || fail "tricky: Turkey expelled ... on Tuesday (2022-10-25) missing"
grep '"lemma":"meet"' "$TMP/t.jsonl" | grep -q 'Minister Akar' || fail "tricky: Akar met officials (first clause of the long sentence) missing"
grep -q '"subject":{"text":"Russia"' "$TMP/t.jsonl" || fail "tricky: Russia condemned ... after Cyrillic text missing"
finish
