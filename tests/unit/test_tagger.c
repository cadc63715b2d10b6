/*
 * test_tagger.c: token features and the shipped tagger on sentences
 * written for the test.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/model-int.h"
#include "ingest/parser.h"
#include "ingest/tagger.h"
#include "tests/unit/testhelp.h"

static void test_tokfeat(void)
{
	struct tokfeat a, b, c, d;
	uint64_t k1[TAGGER_NFEAT], k2[TAGGER_NFEAT];
	struct tokfeat s[3];
	int n;

	tokfeat_compute(&a, "Ankara");
	tokfeat_compute(&b, "ankara");
	tokfeat_compute(&c, "1999");
	tokfeat_compute(&d, "2018");
	test_cond("lowercase form shared", a.w == b.w);
	test_cond("exact form differs", a.form != b.form);
	test_cond("shape differs with case", a.shape != b.shape);
	test_cond("capitalised flag", (a.flags & TF_UPPER) && !(b.flags & TF_UPPER));
	test_cond("digits normalised: years share the word feature", c.w == d.w);
	test_cond("digit flag", c.flags & TF_DIGIT);
	test_cond("suffix of 3", a.suf[2] == b.suf[2]);
	tokfeat_compute(&s[0], "Gantz");
	tokfeat_compute(&s[1], "met");
	tokfeat_compute(&s[2], "Akar");
	n = tagger_features(s, 3, 1, 5, 6, NULL, k1);
	test_cond("tagger feature count", n == TAGGER_NFEAT - 6);
	tagger_features(s, 3, 1, 7, 6, NULL, k2);
	{
		static const int tags1[3] = { 3, 9, 3 };
		uint64_t k3[TAGGER_NFEAT];
		int n3 = tagger_features(s, 3, 1, 5, 6, tags1, k3);
		test_cond("stacked pass adds the first-pass tag features",
			  n3 == TAGGER_NFEAT && !memcmp(k1, k3, sizeof(uint64_t) * n));
	}
	test_cond("previous tag changes the tag features",
		  k1[n - 4] != k2[n - 4] && k1[1] == k2[1]);
}

/* Two tables merged into one give the same scores, each in its range. */
static void test_merge(void)
{
	struct wtab a, b;
	struct ftab fa, fb, fm;
	void *ma, *mb, *mm;
	size_t sa, sb, sm;
	uint64_t keys[4] = { fkey(1, 11, 0, 0), fkey(1, 22, 0, 0), fkey(1, 33, 0, 0),
			     fkey(1, 44, 0, 0) };
	int32_t x[6], y[6], u[6], v[6];
	int c, same = 1;

	wtab_init(&a, 6);
	wtab_init(&b, 6);
	wtab_update(&a, keys, 2, 1, 1, 1);
	wtab_update(&a, keys + 1, 1, 3, -1, 1);
	wtab_update(&b, keys + 1, 2, 2, 1, 1);
	wtab_update(&b, keys + 2, 1, 5, 2, 1);
	wtab_freeze(&a, 2, 0, 0, &fa, &ma, &sa);
	wtab_freeze(&b, 2, 0, 0, &fb, &mb, &sb);
	ftab_merge(&fa, &fb, &fm, &mm, &sm);
	test_cond("merged table has both class ranges", fm.ncls == 12 &&
		  fm.nent == fa.nent + fb.nent);
	memset(x, 0, sizeof(x));
	memset(y, 0, sizeof(y));
	memset(u, 0, sizeof(u));
	memset(v, 0, sizeof(v));
	ftab_score(&fa, keys, 4, x);
	ftab_score(&fb, keys, 4, y);
	ftab_score_range(&fm, keys, 4, 0, 6, u);
	ftab_score_range(&fm, keys, 4, 6, 6, v);
	for (c = 0; c < 6; c++)
		same &= x[c] == u[c] && y[c] == v[c];
	test_cond("merged scores equal the separate ones", same);
	test_cond("and are not all zero", x[1] > 0 && y[2] > 0 && x[3] < 0);
	free(ma);
	free(mb);
	free(mm);
	wtab_release(&a);
	wtab_release(&b);
}

static void check_tags(struct parser *p, const char *const *w, int n,
		       const char *const *want_upos, const char *const *want_xpos)
{
	struct parse ps;
	int i, ok = 1;

	parse_init(&ps);
	if (parser_tag(p, w, n, &ps) < 0) {
		test_cond("tagging succeeds", 0);
		return;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(upos_name(ps.upos[i]), want_upos[i]) ||
		    (want_xpos[i] && strcmp(ps.xpos[i], want_xpos[i]))) {
			printf("  %s: got %s/%s, want %s/%s\n", w[i], upos_name(ps.upos[i]),
			       ps.xpos[i], want_upos[i], want_xpos[i] ? want_xpos[i] : "*");
			ok = 0;
		}
		if (ps.head[i] != 0)
			ok = 0;
	}
	test_cond(w[0], ok);
	parse_release(&ps);
}

static void test_shipped_tagger(void)
{
	struct parser *p = parser_default();

	test_cond("shipped model loads", p != NULL);
	if (!p)
		return;
	test_cond("tag set", tagger_ntags(p) > 40);
	{
		static const char *const w[] = { "The", "ambassadors", "met", "the", "minister", "." };
		static const char *const u[] = { "DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT" };
		static const char *const x[] = { "DT", "NNS", "VBD", "DT", "NN", "." };
		check_tags(p, w, 6, u, x);
	}
	{
		static const char *const w[] = { "Russia", "will", "not", "recognise", "the", "vote", "." };
		static const char *const u[] = { "PROPN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT" };
		static const char *const x[] = { "NNP", "MD", "RB", "VB", "DT", "NN", "." };
		check_tags(p, w, 7, u, x);
	}
	{
		static const char *const w[] = { "She", "has", "visited", "Paris", "twice", "." };
		static const char *const u[] = { "PRON", "AUX", "VERB", "PROPN", "ADV", "PUNCT" };
		static const char *const x[] = { "PRP", "VBZ", "VBN", "NNP", "RB", "." };
		check_tags(p, w, 6, u, x);
	}
}

int main(void)
{
	test_tokfeat();
	test_merge();
	test_shipped_tagger();
	return test_report();
}
