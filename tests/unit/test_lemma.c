/*
 * test_lemma.c: lemmas from the shipped lexicon (treebank + WordNet
 * exceptions) and from the suffix rules for words it has never seen.
 */
#include <string.h>

#include "ingest/lemma.h"
#include "ingest/parser.h"
#include "tests/unit/testhelp.h"

static void check(const struct parser *p, const char *form, const char *xpos,
		  const char *want)
{
	char out[64], descr[96];
	lemma_guess(p, form, xpos, out, sizeof(out));
	snprintf(descr, sizeof(descr), "lemma of %s/%s", form, xpos);
	test_streq(descr, out, want);
}

int main(void)
{
	struct parser *p = parser_default();

	test_cond("shipped model loads", p != NULL);
	if (!p)
		return test_report();
	/* irregular forms: treebank or WordNet exception lists */
	check(p, "met", "VBD", "meet");
	check(p, "expelled", "VBD", "expel");
	check(p, "was", "VBD", "be");
	check(p, "children", "NNS", "child");
	check(p, "better", "JJR", "good");
	check(p, "n't", "RB", "not");
	check(p, "Ambassadors", "NNS", "ambassador");
	/* rules for unseen words */
	check(p, "blorfed", "VBD", "blorf");
	check(p, "frobnicated", "VBN", "frobnicate");
	check(p, "zorping", "VBG", "zorp");
	check(p, "suing", "VBG", "sue");	/* a short stem WordNet knows with 'e' */
	check(p, "zuing", "VBG", "zuing");	/* and one it does not */
	check(p, "quibbits", "NNS", "quibbit");
	check(p, "glaxies", "NNS", "glaxy");
	check(p, "boxes", "NNS", "box");
	check(p, "flubbed", "VBD", "flub");
	/* proper nouns keep their case */
	check(p, "Gantz", "NNP", "Gantz");
	check(p, "Ankara", "NNP", "Ankara");
	/* bounded output */
	{
		char small[4];
		size_t n = lemma_guess(p, "ambassadors", "NNS", small, sizeof(small));
		test_cond("output is cut to the buffer", n == 3 && strlen(small) == 3);
	}
	return test_report();
}
