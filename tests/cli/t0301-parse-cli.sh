#!/bin/sh
# entente parse: usage, text input, malformed CoNLL-U (message naming file
# and line, sentence skipped, exit 1), damaged model files.
d=tests/out/t0301
rm -rf "$d" && mkdir -p "$d"
fail() { echo "FAIL: $*"; exit 1; }

./entente parse --help >"$d/help" || fail "--help exit status"
grep -q '^usage: entente parse' "$d/help" || fail "--help text"
./entente parse --no-such-option </dev/null >/dev/null 2>"$d/err"
[ $? -eq 2 ] || fail "unknown option must exit 2"
grep -q 'usage:' "$d/err" || fail "usage on stderr"

# text input: one sentence per line
printf 'Turkey expelled Israel '\''s ambassador .\n\nGantz met Akar in Ankara .\n' |
	./entente parse >"$d/text.out" || fail "text input exit status"
[ "$(grep -c '^[0-9]' "$d/text.out")" -eq 12 ] || fail "12 token lines"
[ "$(grep -c '^$' "$d/text.out")" -eq 2 ] || fail "2 sentences"
awk -F'\t' '/^[0-9]/ && NF != 10 { bad = 1 } END { exit bad }' "$d/text.out" ||
	fail "10 columns"
grep -q '^2	expelled	expel	VERB	VBD	_	0	root	_	_$' "$d/text.out" ||
	fail "expelled is the root"
grep -q '^2	met	meet	VERB	VBD	_	0	root' "$d/text.out" || fail "met is the root"

# CoNLL-U input with a malformed sentence in the middle
cat >"$d/bad.conllu" <<'X'
# sent_id = one
1	Peace	peace	NOUN	NN	_	2	nsubj	_	_
2	holds	hold	VERB	VBZ	_	0	root	_	_

# sent_id = two
1	Broken	_	_
2	line	_	_

# sent_id = three
1-2	Don't	_	_	_	_	_	_	_	_
1	Do	do	AUX	VBP	_	3	aux	_	_
2	n't	not	PART	RB	_	3	advmod	_	_
3	go	go	VERB	VB	_	0	root	_	_
X
./entente parse --input conllu "$d/bad.conllu" >"$d/bad.out" 2>"$d/bad.err"
[ $? -eq 1 ] || fail "malformed input must exit 1"
grep -q "line 6 of '$d/bad.conllu'" "$d/bad.err" || fail "message names file and line"
grep -q '^# sent_id = one$' "$d/bad.out" || fail "first sentence kept"
grep -q '^# sent_id = three$' "$d/bad.out" || fail "third sentence kept"
grep -q 'two' "$d/bad.out" && fail "bad sentence must be skipped"
[ "$(grep -c '^[0-9]' "$d/bad.out")" -eq 5 ] || fail "multiword range line skipped"

# damaged models
head -c 1000 models/en_ewt.model >"$d/short.model"
echo x | ./entente parse --model "$d/short.model" >/dev/null 2>"$d/m.err" &&
	fail "truncated model must fail"
grep -q "short.model" "$d/m.err" || fail "message names the model file"
echo x | ./entente parse --model "$d/none.model" >/dev/null 2>"$d/m.err" &&
	fail "missing model must fail"
grep -q "none.model" "$d/m.err" || fail "message names the missing file"
exit 0
