#!/bin/sh
# tests/eval/run.sh SHARED: the measurements of `make eval`.
#   1. CaRB dev: extract --lines over the sentences, score with carb.py
#   2. PLOVER dev: records as JSONL articles, extract, score with plover.py
#   3. the seed article's checklist (check_seed.py)
#   4. the samples' expected triples (check_samples.py)
#   5. the dated sentence sets (check_dates.py)
#   6. the actors of the news corpus: coded share, duplicates
#      (actors_coverage.py; EVAL_NEWS=0 skips it)
# Outputs go to eval-out/.  Steps needing SHARED are skipped, with a
# message, when it is missing.  Missed expectations do not fail the run;
# a failing extract run does (exit 1).  ENTENTE=path evaluates another
# binary instead of ./entente.
cd "$(dirname "$0")/../.." || exit 2
SHARED=${1:-../shared}
BIN=${ENTENTE:-./entente}	# ENTENTE=path evaluates another build
OUT=eval-out
status=0
mkdir -p "$OUT"

# Run a command and report its elapsed seconds (whole seconds, POSIX sh)
# on fd 3, the terminal's stdout, past the caller's redirections.
exec 3>&1
timed() {
	t0=$(date +%s)
	"$@"
	rc=$?
	t1=$(date +%s)
	echo "extract: $(($t1 - $t0)) s, exit $rc" >&3
	return $rc
}

if [ ! -d "$SHARED" ]; then
	echo "eval: $SHARED not found; skipping CaRB, PLOVER and the seed" \
	     "(set SHARED=...)"
else
	E="$SHARED/eval"
	if [ -f "$E/carb-dev.txt" ] && [ -f "$E/carb-dev-gold.tsv" ]; then
		echo "== CaRB dev"
		# the whole P-R curve: keep low-confidence triples when we can
		minconf=
		"$BIN" extract --help 2>/dev/null | grep -q -- --min-confidence &&
			minconf="--min-confidence 0"
		if timed "$BIN" extract --lines $minconf "$E/carb-dev.txt" \
		    >"$OUT/carb-dev.jsonl" 2>"$OUT/carb-dev.err"; then
			python3 tests/eval/carb.py "$E/carb-dev-gold.tsv" \
			    "$E/carb-dev.txt" "$OUT/carb-dev.jsonl" \
			    --curve "$OUT/carb-dev-curve.tsv" --show 60 \
			    >"$OUT/carb-dev-score.txt" || status=1
			sed -n '1,3p' "$OUT/carb-dev-score.txt"
			echo "(P-R curve in $OUT/carb-dev-curve.tsv, worst sentences in $OUT/carb-dev-score.txt)"
		else
			echo "eval: extract failed on CaRB dev:"; tail -5 "$OUT/carb-dev.err"
			status=1
		fi
	else
		echo "eval: no CaRB files in $E; skipped"
	fi
	if [ -f "$E/plover-dev.json" ]; then
		echo "== PLOVER dev"
		python3 tests/eval/plover.py prepare "$E/plover-dev.json" \
		    >"$OUT/plover-dev-in.jsonl" || status=1
		if timed "$BIN" extract "$OUT/plover-dev-in.jsonl" \
		    >"$OUT/plover-dev.jsonl" 2>"$OUT/plover-dev.err"; then
			python3 tests/eval/plover.py score "$E/plover-dev.json" \
			    "$OUT/plover-dev.jsonl" --show 200 \
			    >"$OUT/plover-dev-score.txt" || status=1
			sed '/^  miss /d' "$OUT/plover-dev-score.txt"
			echo "(records without a full match in $OUT/plover-dev-score.txt)"
		else
			echo "eval: extract failed on PLOVER dev:"; tail -5 "$OUT/plover-dev.err"
			status=1
		fi
		# the same with the field's dictionaries, as TABARI is measured
		D="$SHARED/dictionaries"
		if [ -f "$D/Phoenix.Countries.actors.txt" ]; then
			echo "== PLOVER dev with the Phoenix actor and agent dictionaries"
			# the dictionaries have a few bad lines (reported): exit 1 is fine
			"$BIN" extract --actors "$D/Phoenix.Countries.actors.txt" \
			    --actors "$D/Phoenix.International.actors.txt" \
			    --actors "$D/Phoenix.MilNonState.actors.txt" \
			    --agents "$D/Phoenix.agents.txt" "$OUT/plover-dev-in.jsonl" \
			    >"$OUT/plover-dev-dict.jsonl" 2>"$OUT/plover-dev-dict.err"
			[ $? -le 1 ] || status=1
			python3 tests/eval/plover.py score "$E/plover-dev.json" \
			    "$OUT/plover-dev-dict.jsonl" | sed '/^  miss /d; /per gold event/,$d'
		fi
	else
		echo "eval: no $E/plover-dev.json; skipped"
	fi
	SEED="$SHARED/seeds/000_ce1fc8bd62071faf.txt"
	if [ -f "$SEED" ]; then
		echo "== seed article"
		python3 tests/eval/check_seed.py --entente "$BIN" --seed "$SEED"
		[ $? -le 1 ] || status=1
	else
		echo "eval: no seed article in $SHARED/seeds; skipped"
	fi
fi
echo "== samples"
python3 tests/eval/check_samples.py --entente "$BIN" --samples samples --quiet
[ $? -le 1 ] || status=1
echo "== dates"
for g in tests/golden/dates/*.jsonl; do
	printf '%s: ' "$(basename "$g" .jsonl)"
	python3 tests/eval/check_dates.py --entente "$BIN" --golden "$g" --quiet | tail -1
done
# 6. the news corpus's actors (about 2 minutes; EVAL_NEWS=0 skips it)
NEWS="$SHARED/corpus/news.jsonl"
if [ "${EVAL_NEWS:-1}" = 0 ]; then
	echo "eval: EVAL_NEWS=0; news actors skipped"
elif [ -f "$NEWS" ]; then
	echo "== actors of $NEWS (ingest into $OUT/news.db)"
	rm -f "$OUT/news.db"
	if "$BIN" ingest --no-progress --db "$OUT/news.db" "$NEWS" 2>"$OUT/news.err"; then
		python3 tests/eval/actors_coverage.py "$OUT/news.db" --show 20 || status=1
	else
		echo "eval: ingest failed on $NEWS:"; tail -5 "$OUT/news.err"
		status=1
	fi
else
	echo "eval: no $NEWS; news actors skipped"
fi
exit $status
