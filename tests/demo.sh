#!/bin/sh
# tests/demo.sh: `make demo`: ingest samples/ into demo-out/samples.db and
# write the graph beside it in the three export formats.
set -eu
cd "$(dirname "$0")/.."
out=demo-out
db=$out/samples.db
mkdir -p "$out"
rm -f "$db"
# Text articles carry their publication date in samples/dates.tsv.
while IFS="$(printf '\t')" read -r file date; do
	case "$file" in ''|'#'*) continue ;; esac
	./entente ingest --db "$db" --date "$date" "samples/$file" 2>>"$out/ingest.log"
done <samples/dates.tsv
./entente ingest --db "$db" samples/articles.jsonl 2>>"$out/ingest.log"
for fmt in graphml gexf json; do
	./entente export --db "$db" --format "$fmt" -o "$out/samples.$fmt"
done
echo "entente demo:"
echo "  database  $db ($(ls samples/*.txt | wc -l) text articles and samples/articles.jsonl)"
echo "  GraphML   $out/samples.graphml   (Gephi, networkx, igraph)"
echo "  GEXF      $out/samples.gexf      (Gephi, with a timeline)"
echo "  JSON      $out/samples.json      (networkx node-link, web pages)"
echo "Try:  ./entente query met Putin --db $db"
