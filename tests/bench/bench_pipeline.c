/*
 * bench_pipeline.c: what extraction costs on top of parsing. Reads the
 * articles of a JSONL (or text) input once into memory, then times
 *   A: tokenising, sentence splitting, tagging and parsing every sentence;
 *   B: the whole pipeline (A plus clauses, actors, dates, events, JSON).
 * Prints sentences/s for both and B's overhead over A, naming the input.
 * Times are wall clock and CPU time of the process (clock()): on a busy
 * machine the CPU ratio is the one to trust.
 * usage: bench_pipeline <input> [<max-articles>]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/parser.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "ingest/sentence.h"
#include "ingest/token.h"
#include "util.h"

struct corpus {
	struct article *v;
	size_t n, alloc, max;
};

static int keep(struct article *a, void *ctx)
{
	struct corpus *c = ctx;
	struct article *k;
	if (c->n >= c->max)
		return -1;
	ALLOC_GROW(c->v, c->n + 1, c->alloc);
	k = &c->v[c->n++];
	*k = *a;
	memset(a, 0, sizeof(*a));	/* ownership moves to the corpus */
	return 0;
}

int main(int argc, char **argv)
{
	struct corpus c = { NULL, 0, 0, (size_t)-1 };
	struct reader_opts ro;
	struct pipeline_opts po;
	struct pipeline *p;
	struct parser *parser;
	struct token_list tl = TOKEN_LIST_INIT;
	struct sentence_list sl = SENTENCE_LIST_INIT;
	struct parse ps;
	struct triple_list out = TRIPLE_LIST_INIT;
	struct strbuf js = STRBUF_INIT;
	const char **forms = NULL;
	size_t falloc = 0, i, j, k, sents = 0, toks = 0, triples = 0;
	double t0, ta, tb;
	clock_t c0;
	double ca, cb;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_pipeline <input> [<max-articles>]\n");
		return 2;
	}
	if (argc > 2)
		c.max = (size_t)atol(argv[2]);
	memset(&ro, 0, sizeof(ro));
	reader_run(argv + 1, 1, &ro, keep, &c, NULL);
	memset(&po, 0, sizeof(po));
	if (!(parser = parser_default()) || !(p = pipeline_new(&po, NULL)))
		return 3;
	parse_init(&ps);

	t0 = now_seconds();
	c0 = clock();
	for (i = 0; i < c.n; i++) {
		tokenize(c.v[i].text, c.v[i].text_len, &tl);
		sentence_split(c.v[i].text, &tl, &sl);
		for (j = 0; j < sl.n; j++) {
			int n = (int)sl.v[j].n;
			if (n < 2 || n > PARSER_MAX_TOKENS)
				continue;
			ALLOC_GROW(forms, sl.v[j].n, falloc);
			for (k = 0; k < sl.v[j].n; k++)
				forms[k] = tl.v[sl.v[j].first + k].form;
			parser_parse(parser, forms, n, &ps);
			sents++;
			toks += (size_t)n;
		}
	}
	ta = now_seconds() - t0;
	ca = (double)(clock() - c0) / CLOCKS_PER_SEC;

	t0 = now_seconds();
	c0 = clock();
	for (i = 0; i < c.n; i++) {
		out.n = 0;
		pipeline_run(p, &c.v[i], &out);
		for (k = 0; k < out.n; k++) {
			sb_reset(&js);
			triple_to_json(&out.v[k], &js);
			triple_release(&out.v[k]);
		}
		triples += out.n;
		out.n = 0;
	}
	tb = now_seconds() - t0;
	cb = (double)(clock() - c0) / CLOCKS_PER_SEC;

	if (ta <= 0 || ca <= 0 || sents == 0) {
		fprintf(stderr, "bench_pipeline: nothing to time in '%s'\n", argv[1]);
		return 1;
	}
	printf("input: %s (%zu articles, %zu sentences, %zu tokens)\n", argv[1], c.n, sents, toks);
	printf("A tokenise+split+tag+parse: %.2f s wall, %.2f s CPU, %.0f sentences/s, %.0f tokens/s (CPU)\n",
	       ta, ca, sents / ca, toks / ca);
	printf("B whole pipeline + JSON:    %.2f s wall, %.2f s CPU, %.0f sentences/s (CPU), %zu triples\n",
	       tb, cb, sents / cb, triples);
	printf("extraction overhead: B/A = %.2f CPU (%+.0f%% over parsing; target <= +30%%), %.2f wall\n",
	       cb / ca, 100.0 * (cb - ca) / ca, tb / ta);
	for (i = 0; i < c.n; i++)
		article_release(&c.v[i]);
	free(c.v);
	free(forms);
	token_list_release(&tl);
	sentence_list_release(&sl);
	parse_release(&ps);
	triple_list_release(&out);
	sb_release(&js);
	pipeline_free(p);
	return 0;
}
