/*
 * test_parser.c: the arc-hybrid transitions and their dynamic oracle, the
 * feature templates, the shipped model on a news sentence, and damaged
 * model files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest/model-int.h"
#include "ingest/parser.h"
#include "tests/unit/testhelp.h"

extern const unsigned char parser_model_blob[];
extern const unsigned char parser_model_blob_end[];

/* "Turkey expelled Israel 's ambassador in May 2018 ." gold heads, 1-based,
 * with gh[0] unused */
static const int gold9[10] = { -1, 2, 0, 5, 3, 2, 7, 2, 7, 2 };

/* Follow the cheapest legal action; returns the total cost paid. */
static int run_oracle(struct pstate *st, const int *gh, int n, int *steps)
{
	int total = 0;
	*steps = 0;
	pstate_reset(st, n);
	while (!pstate_final(st)) {
		int a, best = -1, bc = 1 << 30;
		for (a = 0; a < ACT_COUNT; a++) {
			int c;
			if (!pstate_legal(st, a))
				continue;
			c = pstate_cost(st, a, gh);
			if (c < bc) {
				bc = c;
				best = a;
			}
		}
		if (best < 0)
			return -1;
		total += bc;
		pstate_apply(st, best, 0);
		(*steps)++;
	}
	return total;
}

static int is_tree(const int *head, int n)	/* heads 1-based, [0..n-1] */
{
	int i, roots = 0;
	for (i = 0; i < n; i++) {
		int h = head[i], k = 0;
		if (h < 0 || h > n)
			return 0;
		roots += h == 0;
		while (h != 0 && k <= n) {	/* walk up; a cycle never reaches 0 */
			h = head[h - 1];
			k++;
		}
		if (k > n)
			return 0;
	}
	return roots == 1;
}

static void test_transitions(void)
{
	struct pstate st;
	int i, steps, ok = 1;
	/* a gold sequence by hand: Turkey expelled ... */
	static const int seq[] = {
		ACT_SHIFT, ACT_LEFT,		/* Turkey <- expelled */
		ACT_SHIFT,			/* expelled */
		ACT_SHIFT, ACT_SHIFT, ACT_RIGHT,	/* Israel -> 's */
		ACT_LEFT,			/* Israel <- ambassador */
		ACT_SHIFT, ACT_RIGHT,		/* expelled -> ambassador */
		ACT_SHIFT, ACT_LEFT,		/* in <- May */
		ACT_SHIFT, ACT_SHIFT, ACT_RIGHT,	/* May -> 2018 */
		ACT_RIGHT,			/* expelled -> May */
		ACT_SHIFT, ACT_RIGHT,		/* expelled -> . */
		ACT_RIGHT			/* root -> expelled */
	};

	pstate_alloc(&st, 9);
	pstate_reset(&st, 9);
	test_cond("initial state is not final", !pstate_final(&st));
	test_cond("LEFT is illegal on the root", !pstate_legal(&st, ACT_LEFT));
	test_cond("RIGHT is illegal on the root", !pstate_legal(&st, ACT_RIGHT));
	for (i = 0; i < (int)(sizeof(seq) / sizeof(seq[0])); i++) {
		if (!pstate_legal(&st, seq[i]) || pstate_cost(&st, seq[i], gold9) != 0)
			ok = 0;
		pstate_apply(&st, seq[i], 1);
	}
	test_cond("hand-made gold sequence is legal and costs nothing", ok);
	test_cond("gold sequence ends in the final state", pstate_final(&st));
	for (i = 1; i <= 9; i++)
		if (st.head[i] != gold9[i])
			ok = 0;
	test_cond("gold sequence builds the gold tree", ok);
	test_cond("children are tracked", st.lc1[5] == 3 && st.rc1[2] == 9 &&
		  st.rc2[2] == 7 && st.nl[2] == 1 && st.nr[2] == 3);

	/* the oracle alone finds it too, in 2n steps */
	test_cond("zero-cost oracle path", run_oracle(&st, gold9, 9, &steps) == 0);
	test_cond("2n transitions", steps == 18);
	ok = 1;
	for (i = 1; i <= 9; i++)
		if (st.head[i] != gold9[i])
			ok = 0;
	test_cond("oracle path builds the gold tree", ok);

	/* costs of wrong moves: after SHIFT Turkey, RIGHT attaches it to the
	 * root, losing its gold head 'expelled' */
	pstate_reset(&st, 9);
	pstate_apply(&st, ACT_SHIFT, -1);
	test_cond("RIGHT on the root before the end is illegal",
		  !pstate_legal(&st, ACT_RIGHT));
	/* SHIFT 'expelled' over its dependent: loses Turkey's head and its
	 * own (the root below 'Turkey' can no longer take it) */
	test_cond("SHIFT of 'expelled' over its dependent costs 2",
		  pstate_cost(&st, ACT_SHIFT, gold9) == 2);
	test_cond("LEFT Turkey <- expelled costs 0",
		  pstate_cost(&st, ACT_LEFT, gold9) == 0);
	/* after the wrong SHIFT the oracle still reaches a tree, losing
	 * exactly the two arcs the SHIFT cost */
	pstate_apply(&st, ACT_SHIFT, -1);
	{
		int total = 0;
		while (!pstate_final(&st)) {
			int a, best = -1, bc = 1 << 30;
			for (a = 0; a < ACT_COUNT; a++)
				if (pstate_legal(&st, a) && pstate_cost(&st, a, gold9) < bc) {
					bc = pstate_cost(&st, a, gold9);
					best = a;
				}
			total += bc;
			pstate_apply(&st, best, 0);
		}
		int heads[9], wrong = 0;
		for (i = 1; i <= 9; i++) {
			heads[i - 1] = st.head[i];
			wrong += st.head[i] != gold9[i];
		}
		test_cond("after an error the oracle loses exactly its cost",
			  total == 0 && wrong == 2);
		test_cond("and still builds a tree", is_tree(heads, 9));
	}
	/* non-projective gold: oracle still yields a tree */
	{
		static const int np[6] = { -1, 3, 4, 0, 3, 2 };	/* 2->5 crosses 3->4... */
		int heads[5];
		run_oracle(&st, np, 5, &steps);
		for (i = 1; i <= 5; i++)
			heads[i - 1] = st.head[i];
		test_cond("non-projective gold: still a tree", is_tree(heads, 5));
	}
	pstate_free(&st);
}

static void test_features(void)
{
	struct pstate st;
	uint64_t ws[11], k1[PARSER_NFEAT], k2[PARSER_NFEAT], lk[LABEL_NFEAT];
	uint32_t cs[11];
	int ts[11], i, n1, n2, same = 0, dup = 0, j;

	for (i = 0; i < 11; i++) {
		ws[i] = 1000 + (uint64_t)i;
		ts[i] = i % 4 + 1;
		cs[i] = (uint32_t)(i % 3 + 1) << 16 | (uint32_t)(i % 2 + 1);
	}
	pstate_alloc(&st, 9);
	pstate_reset(&st, 9);
	pstate_apply(&st, ACT_SHIFT, -1);
	n1 = parser_features(&st, ws, ts, cs, k1);
	n2 = parser_features(&st, ws, ts, cs, k2);
	test_cond("feature count within bounds", n1 > 40 && n1 <= PARSER_NFEAT);
	test_cond("features are deterministic", n1 == n2 && !memcmp(k1, k2, sizeof(uint64_t) * n1));
	for (i = 0; i < n1; i++)
		for (j = i + 1; j < n1; j++)
			dup += k1[i] == k1[j];
	test_cond("templates give distinct keys", dup == 0);
	pstate_apply(&st, ACT_LEFT, 3);
	n2 = parser_features(&st, ws, ts, cs, k2);
	for (i = 0; i < n1; i++)
		same += k1[i] == k2[i];
	test_cond("a transition changes most features", same < n1 / 2);
	test_cond("label features within bounds",
		  label_features(&st, ws, ts, cs, 0, lk) <= LABEL_NFEAT);
	pstate_apply(&st, ACT_SHIFT, -1);
	pstate_apply(&st, ACT_SHIFT, -1);
	{
		uint64_t l0[LABEL_NFEAT], l1[LABEL_NFEAT];
		int m0 = label_features(&st, ws, ts, cs, 0, l0);
		int m1 = label_features(&st, ws, ts, cs, 1, l1);
		test_cond("label features depend on the direction",
			  m0 == m1 && l0[1] != l1[1]);
	}
	pstate_free(&st);
}

static void test_shipped_model(void)
{
	static const char *const s[] = { "Turkey", "expelled", "Israel", "'s",
		"ambassador", "in", "May", "2018", "." };
	struct parser *p = parser_default();
	struct parse ps;
	int i, roots = 0, r;

	test_cond("shipped model loads", p != NULL);
	if (!p)
		return;
	parse_init(&ps);
	r = parser_parse(p, s, 9, &ps);
	test_cond("parses", r == 0 && ps.n == 9);
	if (r == 0) {
		for (i = 0; i < 9; i++)
			roots += ps.head[i] == 0;
		test_cond("one root", roots == 1);
		test_cond("a tree (no cycles)", is_tree(ps.head, 9));
		test_cond("'expelled' is the root", ps.head[1] == 0);
		test_streq("deprel of root", ps.deprel[1], "root");
		test_streq("lemma of expelled", ps.lemma[1], "expel");
		test_streq("xpos of expelled", ps.xpos[1], "VBD");
		test_cond("Turkey is the subject", ps.head[0] == 2 &&
			  !strcmp(ps.deprel[0], "nsubj"));
		test_cond("ambassador is the object", ps.head[4] == 2 &&
			  !strcmp(ps.deprel[4], "obj"));
		test_streq("upos of Turkey", upos_name(ps.upos[0]), "PROPN");
	}
	/* reuse across calls and a one-word sentence */
	{
		static const char *const one[] = { "Hello" };
		r = parser_parse(p, one, 1, &ps);
		test_cond("one token: head 0", r == 0 && ps.n == 1 && ps.head[0] == 0);
	}
	test_cond("zero tokens is an error", parser_parse(p, s, 0, &ps) < 0);
	/* a long sentence stays a tree */
	{
		const char *lng[300];
		for (i = 0; i < 300; i++)
			lng[i] = i % 7 == 6 ? "," : i % 3 ? "talks" : "the";
		r = parser_parse(p, lng, 300, &ps);
		test_cond("300 tokens: a tree", r == 0 && is_tree(ps.head, 300));
	}
	parse_release(&ps);
	parser_free(p);	/* a no-op on the default model */
	test_cond("default model survives parser_free", parser_default() == p);
}

static int write_file(const char *path, const unsigned char *d, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	if (n && fwrite(d, 1, n, f) != n) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

static void test_damaged_model(void)
{
	size_t n = (size_t)(parser_model_blob_end - parser_model_blob);
	unsigned char *copy = malloc(n);
	const char *path = "tests/out/damaged.model";
	struct parser *p = NULL;

	mkdir("tests/out", 0777);
	memcpy(copy, parser_model_blob, n);
	test_cond("intact copy loads", write_file(path, copy, n) == 0 &&
		  parser_load(&p, path) == 0 && p);
	parser_free(p);
	p = NULL;
	test_cond("truncated model is an error",
		  write_file(path, copy, n / 2) == 0 && parser_load(&p, path) < 0 && !p);
	copy[n / 2] ^= 0x40;
	test_cond("flipped byte is an error",
		  write_file(path, copy, n) == 0 && parser_load(&p, path) < 0 && !p);
	copy[n / 2] ^= 0x40;
	copy[8] = 99;	/* version */
	test_cond("other format version is an error",
		  write_file(path, copy, n) == 0 && parser_load(&p, path) < 0 && !p);
	test_cond("empty file is an error",
		  write_file(path, copy, 0) == 0 && parser_load(&p, path) < 0 && !p);
	test_cond("missing file is an error",
		  parser_load(&p, "tests/out/no-such.model") < 0 && !p);
	free(copy);
	remove(path);
}

/* Names the caller knows are tagged PROPN whatever the tagger thought. */
static void test_known_names(void)
{
	static const char *const w[] = { "Drones", "attacked", "Moscow", "last", "night", "." };
	static const unsigned char proper[] = { 0, 0, 1, 0, 0, 0 };
	struct parser *p = parser_default();
	struct parse ps;
	int i, roots = 0;

	test_cond("shipped model loads", p != NULL);
	if (!p)
		return;
	parse_init(&ps);
	test_cond("parse with names", parser_parse_names(p, w, 6, proper, &ps) == 0);
	test_cond("Moscow is PROPN", ps.upos[2] == UPOS_PROPN && !strcmp(ps.xpos[2], "NNP"));
	test_cond("Moscow is attacked's object", ps.head[2] == 2 && !strncmp(ps.deprel[2], "obj", 3));
	for (i = 0; i < 6; i++)
		roots += ps.head[i] == 0;
	test_cond("one root", roots == 1);
	parse_release(&ps);
}

/* The check that keeps repaired and reparsed trees trees: a ring of heads
 * ("Reagan last year blocked ..." once made one, and the clause walk that
 * climbs heads never ended). */
static void test_is_tree(void)
{
	static const int tree[] = { 2, 0, 2, 3 };
	static const int ring[] = { 2, 3, 1, 0 };
	static const int two_roots[] = { 0, 1, 0 };
	static const int bad_head[] = { 0, 5 };
	test_cond("a tree", parse_is_tree(tree, 4));
	test_cond("a ring is no tree", !parse_is_tree(ring, 4));
	test_cond("two roots are no tree", !parse_is_tree(two_roots, 3));
	test_cond("a head past the end is no tree", !parse_is_tree(bad_head, 2));
}

int main(void)
{
	test_is_tree();
	test_known_names();
	test_transitions();
	test_features();
	test_shipped_model();
	test_damaged_model();
	return test_report();
}
