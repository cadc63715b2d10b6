#!/bin/sh
# Within an article, pronouns and short names resolve to the actor named
# before them: a surname after the full name, "he" after the speaker, "him"
# as someone other than the subject, "the Greek minister" after "his Greek
# counterpart", "the two countries" and "they" after them, "its"; never
# a name that comes later in the pronoun's own sentence.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
expect_status 0 $E extract --date 2021-05-31 tests/golden/coref/athens.txt
"$PY" - "$TMP/out" <<'PYEOF' || fail "coreference"
import json, sys, unicodedata
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s or "")
                   if not unicodedata.combining(c)).lower()
ts = [json.loads(l) for l in open(sys.argv[1])]
bad = 0
def want(desc, pred):
    global bad
    if not any(pred(t) for t in ts):
        print("missing:", desc)
        bad += 1
def ent(m):
    return fold(m.get("entity"))
want("Cavusoglu (surname) is Mevlut Cavusoglu of Turkey",
     lambda t: t["sentence"] == 1 and t["subject"]["text"] == "Cavusoglu" and
     ent(t["subject"]) == "mevlut cavusoglu" and t["subject"]["country"] == "TUR")
want("he (in Cavusoglu's reported speech) is Cavusoglu",
     lambda t: t["sentence"] == 1 and t["subject"]["text"] == "he" and
     ent(t["subject"]) == "mevlut cavusoglu")
want("Dendias thanked him: him is Cavusoglu, Dendias is Nikos Dendias",
     lambda t: t["relation"]["lemma"] == "thank" and ent(t["subject"]) == "nikos dendias" and
     t["object"]["text"] == "him" and ent(t["object"]) == "mevlut cavusoglu")
want("the two countries restored flights: Turkey and Greece",
     lambda t: t["relation"]["lemma"] == "restore" and ent(t["subject"]) == "turkey")
want("the two countries restored flights: Greece too",
     lambda t: t["relation"]["lemma"] == "restore" and ent(t["subject"]) == "greece")
want("they reopened consulates: the two countries",
     lambda t: t["relation"]["lemma"] == "reopen" and t["subject"]["text"] == "they" and
     ent(t["subject"]) in ("turkey", "greece"))
want("the Greek minister is Nikos Dendias",
     lambda t: t["subject"]["text"] == "The Greek minister" and ent(t["subject"]) == "nikos dendias")
want("its ambassador is Turkey's",
     lambda t: t["relation"]["lemma"] == "recall" and t["object"]["entity"] == "ambassador" and
     t["object"]["country"] == "TUR")
want("he is someone named before, not a name later in his own sentence",
     lambda t: t["sentence"] == 6 and t["subject"]["text"] == "he" and
     ent(t["subject"]) in ("nikos dendias", "mevlut cavusoglu"))
want("a surname opening a sentence is the person (the tagger is told)",
     lambda t: t["sentence"] == 7 and t["relation"]["lemma"] == "thank" and
     ent(t["subject"]) == "mevlut cavusoglu" and ent(t["object"]) == "nikos dendias")
sys.exit(1 if bad else 0)
PYEOF
finish
