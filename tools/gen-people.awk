# tools/gen-people.awk: the nouns whose most frequent sense in WordNet is a
# person (lexicographer file 18, noun.person), one a line, for the people
# table of ingest/people-data.inc.
# usage: awk -f tools/gen-people.awk data.noun index.noun | sort
# data.noun lines: <offset> <lex_filenum> ...; index.noun lines: <lemma>
# <pos> <synset_cnt> <p_cnt> <ptr>*p_cnt <sense_cnt> <tagsense_cnt>
# <offset>*synset_cnt, the offsets most frequent sense first. Only single
# words of letters (no "_", digits or dots) are kept.
FNR == NR {
	if ($0 !~ /^ /)
		lex[$1] = $2
	next
}
/^ / { next }
{
	first = $(7 + $4)
	if (lex[first] == "18" && $1 ~ /^[a-z]+$/)
		print $1
}
