#!/bin/sh
# t0230: an ingest killed with SIGKILL mid-way leaves a consistent store
# (PRAGMA integrity_check, foreign keys, every stored article with all of
# its relations, none half-stored) and a rerun completes it: the result is
# the store an uninterrupted run builds, without duplicates.
# Input: 2500 generated articles (distinct texts), ingested once
# uninterrupted as the reference; then killed after its first commit,
# killed again by `timeout -s KILL` during the rerun, and rerun to the end.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 CLI (apt-get install sqlite3)"; exit 0; }
N=2500
awk -v n=$N 'BEGIN {
	split("Turkey Israel France Germany Japan China India Brazil Egypt Kenya", c, " ")
	split("met expelled criticised praised thanked", v, " ")
	for (i = 0; i < n; i++) {
		a = c[i % 10 + 1]; b = c[(i * 7 + 3) % 10 + 1]; if (a == b) b = "Canada"
		printf "{\"id\":\"gen-%d\",\"date\":\"2022-10-27\",\"text\":\"%s %s the ambassador of %s on Monday. Officials in %s said talks number %d went well. %s summoned envoy %d of %s in March 2021.\"}\n", i, a, v[i % 5 + 1], b, a, i, b, i, a
	}
}' >"$TMP/big.jsonl"
[ "$(wc -l <"$TMP/big.jsonl")" = $N ] || fail "generator wrote $(wc -l <"$TMP/big.jsonl") articles"

q() { sqlite3 -cmd ".timeout 5000" "$1" "$2"; }
# one line per relation, independent of row ids
dump() {
	q "$1" "SELECT r.article, r.sentence, s.name, r.lemma, o.name, r.date, r.date_end, r.text
		FROM relations r JOIN actors s ON s.id = r.subject JOIN actors o ON o.id = r.object
		ORDER BY 1, 2, 3, 4, 5, 6, 8"
}
check_consistent() {	# <db> <what>
	ic=$(q "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
	[ "$ic" = ok ] || fail "$2: integrity_check/foreign_key_check: $ic"
	orphans=$(q "$1" "SELECT count(*) FROM relations WHERE article NOT IN (SELECT id FROM articles)")
	[ "$orphans" = 0 ] || fail "$2: $orphans relations of articles not stored"
	# every stored article has exactly the relations the reference has
	q "$1" "ATTACH '$TMP/ref.db' AS ref;
		WITH h AS (SELECT article, count(*) n FROM relations GROUP BY article),
		     r AS (SELECT article, count(*) n FROM ref.relations GROUP BY article)
		SELECT a.id, coalesce(h.n, 0), coalesce(r.n, 0) FROM articles a
		LEFT JOIN h ON h.article = a.id LEFT JOIN r ON r.article = a.id" |
		awk -F'|' '$2 != $3' >"$TMP/half"
	[ -s "$TMP/half" ] && fail "$2: articles stored with missing relations: $(head -3 "$TMP/half")"
}

$E ingest --db "$TMP/ref.db" "$TMP/big.jsonl" 2>"$TMP/err" || fail "reference ingest exited $?: $(cat "$TMP/err")"
ref_articles=$(q "$TMP/ref.db" "SELECT count(*) FROM articles")
[ "$ref_articles" = $N ] || fail "reference stored $ref_articles of $N articles"
dump "$TMP/ref.db" >"$TMP/ref.dump"

# 1. killed as soon as the first batch is committed
$E ingest --db "$TMP/db" "$TMP/big.jsonl" 2>/dev/null &
pid=$!
n=0
i=0
while [ $i -lt 400 ]; do
	n=$(q "$TMP/db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 0 ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.05
	i=$((i + 1))
done
if kill -KILL $pid 2>/dev/null; then
	wait $pid 2>/dev/null
	got=$(q "$TMP/db" "SELECT count(*) FROM articles")
	echo "killed after $got of $N articles"
	[ "$got" -lt $N ] || fail "the kill came too late to test anything ($got articles)"
	check_consistent "$TMP/db" "after SIGKILL"
else
	wait $pid
	fail "ingest finished before it could be killed (input too small for this machine?)"
fi

# 2. the rerun, itself killed by timeout after a moment
timeout -s KILL 1 $E ingest --db "$TMP/db" "$TMP/big.jsonl" 2>/dev/null
got=$(q "$TMP/db" "SELECT count(*) FROM articles")
echo "after a rerun killed at 1 s: $got of $N articles"
check_consistent "$TMP/db" "after the second SIGKILL"

# 3. the rerun that completes it
$E ingest --db "$TMP/db" "$TMP/big.jsonl" 2>"$TMP/err" || fail "final rerun exited $?: $(cat "$TMP/err")"
grep -q "already present" "$TMP/err" || fail "final rerun does not report articles already present: $(cat "$TMP/err")"
got=$(q "$TMP/db" "SELECT count(*) FROM articles")
[ "$got" = $N ] || fail "after the rerun $got of $N articles"
check_consistent "$TMP/db" "after the rerun"
dump "$TMP/db" >"$TMP/db.dump"
cmp -s "$TMP/ref.dump" "$TMP/db.dump" ||
	fail "interrupted+rerun store differs from the uninterrupted one: $(diff "$TMP/ref.dump" "$TMP/db.dump" | head -5)"
for t in actors aliases mentions; do
	a=$(q "$TMP/ref.db" "SELECT count(*) FROM $t"); b=$(q "$TMP/db" "SELECT count(*) FROM $t")
	[ "$a" = "$b" ] || fail "$t: $b rows after interruptions, $a without"
done
finish
