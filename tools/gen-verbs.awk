# tools/gen-verbs.awk: data/verbs.txt -> C initializers for ingest/events.c.
# One row per (lemma, prep, object); the Makefile sorts them by lemma.
function q(s) { return s == "" ? "NULL" : "\"" s "\"" }
/^[ \t]*#/ || /^[ \t]*$/ { next }
{
	lemma = $1; prep = ""; objs = ""; code = ""; mode = ""
	for (i = 2; i <= NF; i++) {
		if ($i ~ /^prep=/) prep = substr($i, 6)
		else if ($i ~ /^obj=/) objs = objs (objs == "" ? "" : "|") substr($i, 5)
		else if ($i ~ /^mode=/) mode = substr($i, 6)
		else if ($i == "-" || $i ~ /^[0-9][0-9][0-9][0-9]?$/) code = $i
		else { printf "data/verbs.txt:%d: bad field '%s'\n", NR, $i > "/dev/stderr"; bad = 1 }
	}
	if (code == "") { printf "data/verbs.txt:%d: no code\n", NR > "/dev/stderr"; bad = 1; next }
	if (code == "-") code = ""
	n = split(objs, o, "|")
	if (n == 0) { n = 1; o[1] = "" }
	for (k = 1; k <= n; k++)
		printf "{ %s, %s, %s, %s, %s },\n", q(lemma), q(prep), q(o[k]), q(code), q(mode)
}
END { if (bad) exit 1 }
