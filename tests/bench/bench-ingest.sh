#!/bin/sh
# tests/bench/bench-ingest.sh: ingest and export throughput (make bench).
# usage: bench-ingest.sh <news.jsonl> <max-articles>|all <outdir>
# Ingests the first <max-articles> (or all) articles of <news.jsonl> into a fresh
# database, then exports it in every format at actor and country level,
# printing times, rates, sizes and peak memory, with every input named.
# Skips, successfully, when the input is not there.
news=$1 max=$2 out=$3
E=./entente
if [ ! -r "$news" ]; then
	echo "bench-ingest: no '$news', skipped"
	exit 0
fi
mkdir -p "$out" || exit 1
if [ "$max" = all ]; then
	input=$news
else
	input=$out/news-first-$max.jsonl
	head -n "$max" "$news" >"$input"
fi
n=$(wc -l <"$input")
db=$out/bench.db
rm -f "$db" "$db-journal"
echo "== ingest: $input ($n articles of $news) into a fresh $db"
/usr/bin/time -f "%e %U %S %M" -o "$out/time" $E ingest --no-progress --db "$db" "$input" 2>"$out/ingest.err"
rc=$?
tail -n 1 "$out/ingest.err"
[ $rc -le 1 ] || { echo "bench-ingest: ingest exited $rc"; exit 1; }
read -r secs us ss kb <"$out/time"
set -- $(sqlite3 "$db" "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM relations), (SELECT count(*) FROM actors)" | tr '|' ' ')
awk -v s="$secs" -v cpu="$us $ss" -v a="$1" -v r="$2" -v c="$3" -v m="$kb" 'BEGIN {
	split(cpu, u, " "); t = u[1] + u[2]
	if (t <= 0) t = 0.01
	printf "ingest: %.1f s wall, %.1f s CPU; %d articles (%.1f/s CPU), %d relations stored (%.0f/s CPU), %d actors, peak memory %d kB\n", s, t, a, a / t, r, r / t, c, m
}'
echo "database: $(wc -c <"$db") bytes"
echo "== export of $db"
for level in actor country; do
	for f in graphml gexf json; do
		o=$out/$level.$f
		/usr/bin/time -f "%e %U %S %M" -o "$out/time" $E export --db "$db" --format $f --level $level -o "$o" 2>"$out/export.err" ||
			{ echo "export $f $level failed: $(cat "$out/export.err")"; continue; }
		read -r secs us ss kb <"$out/time"
		printf '%-7s %-7s %6.2f s wall %6.2f s CPU  %10d bytes  peak %7d kB  (%s)\n' "$level" "$f" "$secs" \
			"$(echo "$us $ss" | awk '{print $1 + $2}')" "$(wc -c <"$o")" "$kb" \
			"$(sed -n 's/^wrote \([0-9]* nodes and [0-9]* edges\).*/\1/p' "$out/export.err")"
	done
done
