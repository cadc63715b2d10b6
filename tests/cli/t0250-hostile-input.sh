#!/bin/sh
# t0250: hostile input never crashes the CLI.  Generated here: random
# bytes (as text, JSON lines and stdin), a 1 MB word, a 6,000-clause line,
# 30,000 unbalanced parentheses, JSON nested 100,000 deep (arrays and
# objects), NUL bytes raw and escaped, wrong JSON types, an empty id, bad
# dates, a directory with symlink loops and a dangling link, a store that
# is not a database.  Every run must end by itself with status 0, 1 or 3
# (never a signal, never 2: the options are right), extract's output must
# stay JSON lines, and good records beside bad ones must survive.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
H=$TMP/h
mkdir -p "$H"
head -c 65536 /dev/urandom >"$H/random.txt"
head -c 65536 /dev/urandom >"$H/random.jsonl"
"$PY" - "$H" <<'PY'
import json, sys
h = sys.argv[1]
def w(name, data):
    open(f"{h}/{name}", "wb").write(data.encode() if isinstance(data, str) else data)
w("huge-word.txt", "Turkey " + "a" * 1_000_000 + " met Israel.\n")
w("long-line.txt", " and ".join("Minister %d met envoy %d" % (i, i) for i in range(6000)) + "\n")
w("parens.txt", "(" * 30_000 + "Gantz met Akar." + ")" * 30_000 + "\n" + "\u201c" * 20_000 + "\n")
w("nested.jsonl", '{"id":"n1","text":"Gantz met Akar.","x":' + "[" * 100_000 + "]" * 100_000 + "}\n"
  '{"id":"n2","x":' + '{"a":' * 100_000 + "1" + "}" * 100_000 + ',"text":"Iran met Iraq."}\n'
  '{"id":"good1","text":"Turkey met Israel."}\n' + "[" * 100_000 + "\n")
w("nul.txt", b"Turkey expelled\x00 the ambassador.\x00\x00 Gantz met Akar.\n")
w("nul.jsonl", b'{"id":"z1","text":"Gantz\\u0000 met Akar."}\n{"id":"z2","te\x00xt":"a"}\n\x00\x00\n'
  b'{"id":"good2","text":"Turkey met Israel."}\n')
rows = [{"id": 5, "text": 7}, {"id": "d1", "date": "2022-13-45", "text": "Japan met China on Monday."},
        {"id": "d2", "date": "99999-01-01", "text": "Japan met China."}, {"text": "Japan met China.", "date": None},
        [], "str", {"id": "good3", "date": "2022-10-27", "text": "Turkey expelled the ambassador on Monday."}]
w("weird.jsonl", "\n".join(json.dumps(x) for x in rows) + "\n1e999\n{}\n")
w("emptyid.jsonl", '{"id":"good4","text":"Gantz met Akar."}\n{"id":"","text":"Iran met Iraq."}\n')
PY
mkdir -p "$H/loop/sub"
printf 'Gantz met Akar in Ankara.\n' >"$H/loop/sub/a.txt"
ln -s .. "$H/loop/sub/up"
ln -s . "$H/loop/self"
ln -s nowhere "$H/loop/dangling"
cp "$H/random.txt" "$H/random.db"

# run <timeout> <cmd...>: status must be 0, 1 or 3 and the run must end
run() {
	t=$1; shift
	timeout -s KILL "$t" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
	case $rc in
	0|1|3) ;;
	137) fail "'$*' did not end within $t s" ;;
	*) fail "'$*' exited $rc: $(tail -c 300 "$TMP/err")" ;;
	esac
	return 0
}
json_lines() {
	"$PY" -c 'import json, sys
for n, l in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    json.loads(l)' "$TMP/out" 2>"$TMP/pyerr" || fail "$1: output is not JSON lines: $(tail -1 "$TMP/pyerr")"
}

for f in random.txt random.jsonl huge-word.txt long-line.txt parens.txt nested.jsonl nul.txt nul.jsonl weird.jsonl; do
	run 15 $E extract --date 2022-10-27 "$H/$f"
	json_lines "extract $f"
done
run 15 $E extract "$H/nested.jsonl"
grep -q '"article":"good1"' "$TMP/out" || fail "a good record after deep nesting was lost"
grep -q 'line 1 of' "$TMP/err" || fail "deep nesting not reported by line"
run 15 $E extract "$H/nul.jsonl"
grep -q '"article":"good2"' "$TMP/out" || fail "a good record after NUL bytes was lost"
run 15 $E extract "$H/weird.jsonl"
grep -q '"article":"good3".*"date":"2022-10-24"' "$TMP/out" || fail "good3 lost or misdated among wrongly typed records"

# stdin
run 15 $E extract --jsonl - <"$H/random.jsonl"
head -c 65536 /dev/urandom | timeout -s KILL 15 $E extract --lines - >"$TMP/out" 2>"$TMP/err"
case $? in 0|1) ;; *) fail "extract --lines of random stdin exited $?" ;; esac

# ingest the lot into one store, then export and query it
db=$TMP/h.db
for f in random.txt nested.jsonl nul.jsonl weird.jsonl parens.txt huge-word.txt; do
	run 15 $E ingest --db "$db" --date 2022-10-27 "$H/$f"
done
run 15 $E ingest --db "$db" --triples "$H/random.jsonl"
run 15 $E ingest --db "$db" --triples "$H/nested.jsonl"
for f in graphml gexf json; do
	run 15 $E export --db "$db" --format $f -o "$TMP/h.$f"
done
run 15 $E query met "$(head -c 100000 /dev/zero | tr '\0' x)" --db "$db"
run 15 $E query actor "$(printf '\342\200\256%%s%%n')" --db "$db"
ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>/dev/null) && [ "$ic" != ok ] && fail "store damaged: $ic"

# a store that is not a database, a directory as a store
run 15 $E export --db "$H/random.db" --format json
grep -q "random.db" "$TMP/err" || fail "a non-database store is not named"
run 15 $E query met Gantz --db "$H/random.db"
run 15 $E export --db "$H" --format json

# An empty "id" is no id: the article gets file:line as its id (regression:
# it used to abort ingest with exit 3 and lose the batch, good4 included).
timeout -s KILL 15 $E ingest --db "$TMP/e.db" "$H/emptyid.jsonl" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc = 3 ] && [ "$(sqlite3 "$TMP/e.db" "SELECT count(*) FROM articles WHERE id = 'good4'" 2>/dev/null)" = 0 ]; then
	fail "an article with \"id\":\"\" aborts ingest (exit 3) and loses the batch: $(tr '\n' ' ' <"$TMP/err")"
else
	[ $rc -le 1 ] || fail "ingest of an empty id exited $rc"
	[ "$(sqlite3 "$TMP/e.db" "SELECT count(*) FROM articles WHERE id = 'good4'")" = 1 ] || fail "good4 lost beside an empty id"
fi

# One article repeating one clause 30,000 times (regression: duplicate
# triples were removed by pairwise comparison, 9 s here; now by hashing).
# A 5 s budget.
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Turkey met Israel "; print "" }' >"$H/repeat.txt"
timeout -s KILL 5 $E extract "$H/repeat.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc = 137 ]; then
	fail "30,000 repeated clauses in one article take over 5 s (quadratic duplicate removal)"
else
	[ $rc = 0 ] || fail "extract of a repeated clause exited $rc"
	grep -q '"lemma":"meet"' "$TMP/out" || fail "the repeated clause gave no meet triple"
fi

# Directory loops (regression: read_dir followed symlinked directories
# forever; now a directory reached twice is read once).  A 2 s budget; the
# article must be read, once, and the run must end by itself.
timeout -s KILL 2 $E extract "$H/loop" >"$TMP/out" 2>"$TMP/err"
rc=$?
grep -q '"lemma":"meet"' "$TMP/out" || fail "the article inside the looped directory was not read"
if [ $rc = 137 ]; then
	fail "extract on a directory with a symlink loop never ends ($(wc -l <"$TMP/out") triples in 2 s)"
else
	[ $rc -le 1 ] || fail "extract on a looped directory exited $rc"
	[ "$(grep -c '"lemma":"meet"' "$TMP/out")" -le 3 ] || fail "a looped directory is read more than once"
fi
finish
