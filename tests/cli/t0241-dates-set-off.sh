#!/bin/sh
# A time set off before the sentence ("On Tuesday, Kenya expelled") or
# between the subject and the verb ("Peru on Friday recalled") or the
# verb and its object ("approved in March the sale") is parsed
# around (pipeline.c parse_around_times): the clause keeps its subject,
# the time dates it and is no part of the subject. What is reported as
# done, without a time of its own, has the time of the saying; what will
# be done has not. A phrase set off by commas between the subject and the
# verb ("Lavrov, Russia's foreign minister, met", "soldiers, led by a
# general, crossed", "the bank, in a statement, raised", "Kenya, which
# joined the council in 2019, abstained") leaves the clause its subject
# and its date; so does a closing attribution (", a monitoring group
# said.") that the parser had borrow the clause's object as its subject,
# "Russia-backed" parsed as one word when its hyphen misled the parser, and
# a participle after the subject ("Rebels led by ... seized") as its clause.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
expect_status 0 $E extract --lines --date 2023-03-09 tests/golden/dates/set-off.txt
"$PY" - "$TMP/out" <<'PYEOF' || fail "set-off times"
import json, sys
ts = [json.loads(l) for l in open(sys.argv[1])]
want = [("1", "Kenya", "expel", "two Somali diplomats", "2023-03-07", "Tuesday"),
        ("2", "Peru", "recall", "its envoy", "2023-03-03", "Friday"),
        ("3", "Egypt", "reopen", "the Rafah crossing", "2023-03-08", "yesterday"),
        ("4", "Oman", "host", "talks between the two sides", "2023-02", "Last month"),
        ("5", "Nairobi", "expel", "two Sudanese diplomats", "2023-03-06", "Monday"),
        ("6", "Chad", "expel", "a German envoy", "2023-03-03", "last Friday"),
        ("8", "Canada", "approve", "the sale of eight helicopters to Chile", "2023-03", "March"),
        ("11", "The central bank", "raise", "interest rates", "2023-03-09", None),
        ("12", "Kenya", "abstain", "the vote", "2023-03-09", None),
        ("13", "Madrid", "recognise", "a Palestinian state", "2022", "Last year"),
        ("14", "Yemen's war", "kill", "more than 5,000 children", "2015-03", "since March 2015"),
        ("15", "Russia-backed separatists", "hold", "parts of Donbas", "2014", "since 2014"),
        ("16", "Rebels led by a former army officer", "seize", "the town of Goma", "2023-03-09", None)]
bad = 0
for art, subj, lemma, obj, date, time in want:
    got = [(t["subject"]["text"], t["relation"]["lemma"], t["object"]["text"], t["date"],
            [a["text"] for a in t["args"] if a["role"] == "time"]) for t in ts if t["article"] == art]
    times = [time] if time else []
    # the object may keep a phrase the parser hangs on it ("its envoy to Mexico")
    got = [(g[0], g[1], obj if g[2].startswith(obj) else g[2], g[3], g[4]) for g in got]
    if (subj, lemma, obj, date, times) not in got:
        print("line %s: want %r, got %r" % (art, (subj, lemma, obj, date, times), got))
        bad += 1
def sub(art, lemma):
    return [t["subject"]["text"] for t in ts if t["article"] == art and t["relation"]["lemma"] == lemma]
if "a former general" in sub("10", "cross"):
    print("line 10: the participle's agent took the clause:", sub("10", "cross"))
    bad += 1
if not any(s.startswith("Sergei Lavrov") for s in sub("9", "meet")):
    print("line 9: Lavrov, Russia's foreign minister, met nobody:", sub("9", "meet"))
    bad += 1
for t in ts:
    if t["article"] == "7" and t["relation"]["lemma"] == "travel" and t["date"] == "2023-03-06":
        print("line 7: a future clause took the time of the saying:", t)
        bad += 1
sys.exit(1 if bad else 0)
PYEOF
finish
