/*
 * parser.c: the public face of the tagger and parser (parser.h), the
 * arc-hybrid transition system with its dynamic oracle, and the feature
 * templates of the parser (after Zhang & Nivre 2011: stack and buffer
 * words and tags, left/rightmost children and their labels, distance,
 * valency, label sets).
 *
 * Decisions are made in two steps: an action (SHIFT, LEFT, RIGHT) from a
 * 3-class table, then for arcs a relation from a table whose features are
 * keyed by the arc direction. This scores ~55 classes per token instead of
 * ~200 for a joint action+label classifier.
 */
#define _DEFAULT_SOURCE 1	/* madvise() flags */
#include "ingest/parser.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ingest/lemma.h"
#include "ingest/model-int.h"
#include "util.h"

static const char *const upos_names[UPOS_COUNT] = {
	"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
	"PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

const char *upos_name(int upos)
{
	return upos >= 0 && upos < UPOS_COUNT ? upos_names[upos] : "X";
}

int upos_from_name(const char *name)
{
	int i;
	for (i = 0; i < UPOS_COUNT; i++)
		if (!strcmp(upos_names[i], name))
			return i;
	return -1;
}

int parse_is_tree(const int *head, int n)
{
	int i, roots = 0;
	for (i = 0; i < n; i++) {
		int j = i, steps = 0;
		if (head[i] < 0 || head[i] > n)
			return 0;
		if (!head[i])
			roots++;
		while (head[j] && steps++ <= n)
			j = head[j] - 1;
		if (head[j])
			return 0;	/* a cycle */
	}
	return roots == 1;
}

int parse_span_head(const struct parse *ps, int lo, int hi)
{
	int i;
	for (i = lo; i < hi; i++) {
		int h = ps->head[i] - 1;
		if (h < lo || h >= hi)
			return i;
	}
	return lo;
}

/*==== Transition system ====*/

void pstate_alloc(struct pstate *st, int n)
{
	size_t m = (size_t)n + 2;
	memset(st, 0, sizeof(*st));
	st->stack = xmalloc(m * sizeof(int));
	st->head = xmalloc(m * sizeof(int));
	st->label = xmalloc(m * sizeof(int));
	st->lc1 = xmalloc(m * sizeof(int));
	st->lc2 = xmalloc(m * sizeof(int));
	st->rc1 = xmalloc(m * sizeof(int));
	st->rc2 = xmalloc(m * sizeof(int));
	st->nl = xmalloc(m * sizeof(int));
	st->nr = xmalloc(m * sizeof(int));
	st->lset = xmalloc(m * sizeof(uint64_t));
	st->rset = xmalloc(m * sizeof(uint64_t));
	st->cverb = xcalloc(m, sizeof(int));
	st->cpunct = xcalloc(m, sizeof(int));
	st->n = n;
}

void pstate_free(struct pstate *st)
{
	free(st->stack);
	free(st->head);
	free(st->label);
	free(st->lc1);
	free(st->lc2);
	free(st->rc1);
	free(st->rc2);
	free(st->nl);
	free(st->nr);
	free(st->lset);
	free(st->rset);
	free(st->cverb);
	free(st->cpunct);
	memset(st, 0, sizeof(*st));
}

/* The arrays must hold n + 2 items. */
void pstate_reset(struct pstate *st, int n)
{
	size_t m = (size_t)n + 2;
	st->n = n;
	st->stack[0] = 0;
	st->sp = 1;
	st->b = 1;
	memset(st->head, 0xff, m * sizeof(int));
	memset(st->label, 0xff, m * sizeof(int));
	memset(st->lc1, 0, m * sizeof(int));
	memset(st->lc2, 0, m * sizeof(int));
	memset(st->rc1, 0, m * sizeof(int));
	memset(st->rc2, 0, m * sizeof(int));
	memset(st->nl, 0, m * sizeof(int));
	memset(st->nr, 0, m * sizeof(int));
	memset(st->lset, 0, m * sizeof(uint64_t));
	memset(st->rset, 0, m * sizeof(uint64_t));
}

void pstate_counts(struct pstate *st, const int *upos, int n)
{
	int i;

	st->cverb[0] = st->cpunct[0] = 0;
	for (i = 1; i <= n; i++) {
		int u = upos[i - 1];
		st->cverb[i] = st->cverb[i - 1] + (u == UPOS_VERB || u == UPOS_AUX);
		st->cpunct[i] = st->cpunct[i - 1] + (u == UPOS_PUNCT);
	}
	st->cverb[n + 1] = st->cverb[n];
	st->cpunct[n + 1] = st->cpunct[n];
}

int pstate_legal(const struct pstate *st, int act)
{
	switch (act) {
	case ACT_SHIFT:
		return st->b <= st->n;
	case ACT_LEFT:
		return st->sp >= 2 && st->b <= st->n;
	case ACT_RIGHT:
		/* the root takes its one dependent last: exactly one root */
		return st->sp >= 3 || (st->sp == 2 && st->b > st->n);
	}
	return 0;
}

int pstate_final(const struct pstate *st)
{
	return st->sp == 1 && st->b > st->n;
}

static void attach(struct pstate *st, int h, int d, int label)
{
	uint64_t bit = label >= 0 ? 1ULL << (label & 63) : 0;

	st->head[d] = h;
	st->label[d] = label;
	if (d < h) {
		st->nl[h]++;
		st->lset[h] |= bit;
		if (!st->lc1[h] || d < st->lc1[h]) {
			st->lc2[h] = st->lc1[h];
			st->lc1[h] = d;
		} else if (!st->lc2[h] || d < st->lc2[h])
			st->lc2[h] = d;
	} else {
		st->nr[h]++;
		st->rset[h] |= bit;
		if (!st->rc1[h] || d > st->rc1[h]) {
			st->rc2[h] = st->rc1[h];
			st->rc1[h] = d;
		} else if (!st->rc2[h] || d > st->rc2[h])
			st->rc2[h] = d;
	}
}

void pstate_apply(struct pstate *st, int act, int label)
{
	int d;

	switch (act) {
	case ACT_SHIFT:
		st->stack[st->sp++] = st->b++;
		break;
	case ACT_LEFT:
		d = st->stack[--st->sp];
		attach(st, st->b, d, label);
		break;
	case ACT_RIGHT:
		d = st->stack[--st->sp];
		attach(st, st->stack[st->sp - 1], d, label);
		break;
	}
}

/* Goldberg & Nivre (2013): the number of gold arcs, still reachable,
 * that the action makes unreachable. Exact for projective gold trees. */
int pstate_cost(const struct pstate *st, int act, const int *gh)
{
	int s0 = st->stack[st->sp - 1], b = st->b, n = st->n, c = 0, i;

	switch (act) {
	case ACT_LEFT: {
		int s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
		if (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b))
			c++;
		for (i = b; i <= n; i++)
			c += gh[i] == s0;
		return c;
	}
	case ACT_RIGHT:
		if (gh[s0] >= b)
			c++;
		for (i = b; i <= n; i++)
			c += gh[i] == s0;
		return c;
	case ACT_SHIFT:
		for (i = 0; i < st->sp - 1; i++)
			c += gh[b] == st->stack[i];
		for (i = 1; i < st->sp; i++)
			c += gh[st->stack[i]] == b;
		return c;
	}
	return 0;
}

/*==== Features ====*/

static int dist_bucket(int d)
{
	if (d < 0)
		d = -d;
	if (d <= 4)
		return d;
	if (d <= 6)
		return 5;
	if (d <= 9)
		return 6;
	if (d <= 15)
		return 7;
	return 8;
}

static int vbucket(int v)
{
	return v > 5 ? 5 : v;
}

#define PAIR(a, b) ((uint64_t)(a) << 16 | (uint64_t)(b))
#define TRI(a, b, c) ((uint64_t)(a) << 32 | (uint64_t)(b) << 16 | (uint64_t)(c))

int parser_features(const struct pstate *st, const uint64_t *ws,
		    const int *ts, const uint32_t *cs, uint64_t *k)
{
	int N = st->n + 1, f = 0;
	int s0 = st->stack[st->sp - 1];
	int s1 = st->sp >= 2 ? st->stack[st->sp - 2] : N;
	int s2 = st->sp >= 3 ? st->stack[st->sp - 3] : N;
	int b0 = st->b <= st->n ? st->b : N;
	int b1 = st->b + 1 <= st->n ? st->b + 1 : N;
	int b2 = st->b + 2 <= st->n ? st->b + 2 : N;
#define CH(a, x) (st->a[x] ? st->a[x] : N)
	int s0l = CH(lc1, s0), s0l2 = CH(lc2, s0), s0r = CH(rc1, s0), s0r2 = CH(rc2, s0);
	int s1l = CH(lc1, s1), s1r = CH(rc1, s1);
	int b0l = CH(lc1, b0), b0l2 = CH(lc2, b0);
#undef CH
#define L(x) ((uint64_t)(st->label[x] + 1))
	uint64_t s0w = ws[s0], s1w = ws[s1], b0w = ws[b0], b1w = ws[b1];
	int s0t = ts[s0], s1t = ts[s1], s2t = ts[s2], b0t = ts[b0], b1t = ts[b1], b2t = ts[b2];
	int d = b0 != N ? dist_bucket(b0 - s0) : 9;
	int d1 = s1 != N ? dist_bucket(s0 - s1) : 9;

	k[f++] = fkey(100, s0w, 0, 0);
	k[f++] = fkey(101, (uint64_t)s0t, 0, 0);
	k[f++] = fkey(102, s0w, (uint64_t)s0t, 0);
	k[f++] = fkey(103, s1w, 0, 0);
	k[f++] = fkey(104, (uint64_t)s1t, 0, 0);
	k[f++] = fkey(105, s1w, (uint64_t)s1t, 0);
	k[f++] = fkey(106, b0w, 0, 0);
	k[f++] = fkey(107, (uint64_t)b0t, 0, 0);
	k[f++] = fkey(108, b0w, (uint64_t)b0t, 0);
	k[f++] = fkey(109, b1w, 0, 0);
	k[f++] = fkey(110, (uint64_t)b1t, 0, 0);
	k[f++] = fkey(111, b1w, (uint64_t)b1t, 0);
	k[f++] = fkey(112, ws[b2], 0, 0);
	k[f++] = fkey(113, (uint64_t)b2t, 0, 0);
	k[f++] = fkey(114, (uint64_t)s2t, 0, 0);
	k[f++] = fkey(115, ws[s2], 0, 0);
	/* pairs */
	k[f++] = fkey(116, s0w, PAIR(s0t, b0t), b0w);
	k[f++] = fkey(117, s0w, (uint64_t)s0t, b0w);
	k[f++] = fkey(118, s0w, (uint64_t)b0t, b0w);
	k[f++] = fkey(119, s0w, PAIR(s0t, b0t), 0);
	k[f++] = fkey(120, b0w, PAIR(s0t, b0t), 0);
	k[f++] = fkey(121, s0w, b0w, 0);
	k[f++] = fkey(122, PAIR(s0t, b0t), 0, 0);
	k[f++] = fkey(123, PAIR(b0t, b1t), 0, 0);
	k[f++] = fkey(124, PAIR(s1t, s0t), 0, 0);
	k[f++] = fkey(125, s1w, s0w, 0);
	k[f++] = fkey(126, s1w, PAIR(s1t, s0t), 0);
	k[f++] = fkey(127, s0w, PAIR(s1t, s0t), 0);
	k[f++] = fkey(128, TRI(s1t, s0t, b0t), 0, 0);
	/* tag triples */
	k[f++] = fkey(129, TRI(s0t, b0t, b1t), 0, 0);
	k[f++] = fkey(130, TRI(b0t, b1t, b2t), 0, 0);
	k[f++] = fkey(131, TRI(s2t, s1t, s0t), 0, 0);
	k[f++] = fkey(132, TRI(s0t, ts[s0l], b0t), 0, 0);
	k[f++] = fkey(133, TRI(s0t, ts[s0r], b0t), 0, 0);
	k[f++] = fkey(134, TRI(s0t, b0t, ts[b0l]), 0, 0);
	k[f++] = fkey(135, TRI(s1t, s0t, ts[s0l]), 0, 0);
	k[f++] = fkey(136, TRI(s1t, s0t, ts[s0r]), 0, 0);
	k[f++] = fkey(137, TRI(s1t, ts[s1r], s0t), 0, 0);
	k[f++] = fkey(138, TRI(b0t, ts[b0l], ts[b0l2]), 0, 0);
	k[f++] = fkey(139, TRI(s0t, ts[s0l], ts[s0l2]), 0, 0);
	k[f++] = fkey(140, TRI(s0t, ts[s0r], ts[s0r2]), 0, 0);
	k[f++] = fkey(141, TRI(s1t, ts[s1l], s0t), 0, 0);
	/* distance */
	k[f++] = fkey(142, s0w, (uint64_t)d, 0);
	k[f++] = fkey(143, PAIR(s0t, d), 0, 0);
	k[f++] = fkey(144, b0w, (uint64_t)d, 0);
	k[f++] = fkey(145, PAIR(b0t, d), 0, 0);
	k[f++] = fkey(146, TRI(s0t, b0t, d), 0, 0);
	k[f++] = fkey(147, TRI(s1t, s0t, d1), 0, 0);
	/* valency */
	k[f++] = fkey(148, s0w, (uint64_t)vbucket(st->nr[s0]), 0);
	k[f++] = fkey(149, PAIR(s0t, vbucket(st->nr[s0])), 0, 0);
	k[f++] = fkey(150, s0w, (uint64_t)vbucket(st->nl[s0]), 0);
	k[f++] = fkey(151, PAIR(s0t, vbucket(st->nl[s0])), 0, 0);
	k[f++] = fkey(152, b0w, (uint64_t)vbucket(st->nl[b0]), 0);
	k[f++] = fkey(153, PAIR(b0t, vbucket(st->nl[b0])), 0, 0);
	k[f++] = fkey(154, PAIR(s1t, vbucket(st->nr[s1])), 0, 0);
	k[f++] = fkey(155, PAIR(s1t, vbucket(st->nl[s1])), 0, 0);
	/* children */
	k[f++] = fkey(156, ws[s0l], 0, 0);
	k[f++] = fkey(157, (uint64_t)ts[s0l], 0, 0);
	k[f++] = fkey(158, L(s0l), (uint64_t)s0t, 0);
	k[f++] = fkey(159, ws[s0r], 0, 0);
	k[f++] = fkey(160, (uint64_t)ts[s0r], 0, 0);
	k[f++] = fkey(161, L(s0r), (uint64_t)s0t, 0);
	k[f++] = fkey(162, ws[b0l], 0, 0);
	k[f++] = fkey(163, (uint64_t)ts[b0l], 0, 0);
	k[f++] = fkey(164, L(b0l), (uint64_t)b0t, 0);
	k[f++] = fkey(165, ws[s1r], 0, 0);
	k[f++] = fkey(166, (uint64_t)ts[s1r], 0, 0);
	k[f++] = fkey(167, L(s1r), (uint64_t)s1t, 0);
	k[f++] = fkey(168, L(s0l2), L(s0l), (uint64_t)s0t);
	k[f++] = fkey(169, L(s0r2), L(s0r), (uint64_t)s0t);
	k[f++] = fkey(170, L(b0l2), L(b0l), (uint64_t)b0t);
	/* label sets */
	k[f++] = fkey(171, (uint64_t)s0t, st->lset[s0], 0);
	k[f++] = fkey(172, (uint64_t)s0t, st->rset[s0], 0);
	k[f++] = fkey(173, (uint64_t)b0t, st->lset[b0], 0);
	k[f++] = fkey(174, (uint64_t)s1t, st->rset[s1], 0);
	k[f++] = fkey(175, L(s1l), (uint64_t)s1t, 0);
	/* verbs and punctuation between s0 and b0; more word/label pairs */
	{
		int nv = 0, np = 0;
		if (b0 != N) {
			nv = st->cverb[b0 - 1] - st->cverb[s0];
			np = st->cpunct[b0 - 1] - st->cpunct[s0];
		}
		nv = nv > 3 ? 3 : nv;
		np = np > 3 ? 3 : np;
		k[f++] = fkey(176, TRI(s0t, b0t, nv), (uint64_t)np, 0);
		k[f++] = fkey(177, s0w, (uint64_t)nv, (uint64_t)np);
		k[f++] = fkey(178, L(s0l), s0w, 0);
		k[f++] = fkey(179, b0w, st->lset[b0], 0);
		k[f++] = fkey(180, s0w, st->rset[s0], 0);
		k[f++] = fkey(181, b0w, b1w, 0);
		k[f++] = fkey(182, PAIR(s1t, b0t), 0, 0);
		k[f++] = fkey(183, s1w, b0w, 0);
	}
	/* word clusters (Koo et al. 2008): with the tags, and in pairs */
	{
		uint32_t s0c = CL_FINE(cs[s0]), s1c = CL_FINE(cs[s1]);
		uint32_t b0c = CL_FINE(cs[b0]), b1c = CL_FINE(cs[b1]);
		k[f++] = fkey(184, PAIR(s0c, s0t), 0, 0);
		k[f++] = fkey(185, PAIR(b0c, b0t), 0, 0);
		k[f++] = fkey(186, PAIR(s1c, s1t), 0, 0);
		k[f++] = fkey(187, PAIR(b1c, b1t), 0, 0);
		k[f++] = fkey(188, PAIR(s0c, b0c), 0, 0);
		k[f++] = fkey(189, TRI(s0c, s0t, b0t), 0, 0);
		k[f++] = fkey(190, TRI(s0t, b0t, b0c), 0, 0);
		k[f++] = fkey(191, PAIR(s1c, s0c), (uint64_t)s0t, 0);
		k[f++] = fkey(192, TRI(CL_COARSE(cs[s0]), CL_COARSE(cs[b0]), d), 0, 0);
		k[f++] = fkey(193, PAIR(b0c, b1c), (uint64_t)b0t, 0);
	}
	return f;
}

int label_features(const struct pstate *st, const uint64_t *ws,
		   const int *ts, const uint32_t *cs, int dir, uint64_t *k)
{
	int N = st->n + 1, f = 0;
	int dd = st->stack[st->sp - 1];
	int h = dir == 0 ? st->b : st->stack[st->sp - 2];
	uint64_t dw = ws[dd], hw = ws[h];
	int dt = ts[dd], ht = ts[h];
	int dist = dist_bucket(h - dd);
	int hc = dir == 0 ? st->lc1[h] : st->rc1[h];
	int dl = st->lc1[dd] ? st->lc1[dd] : N;
	int dm1 = dd - 1 >= 0 ? dd - 1 : N, dp1 = dd + 1 <= st->n ? dd + 1 : N;
	int hp1 = h + 1 <= st->n ? h + 1 : N;
	int nb = st->b <= st->n ? st->b : N;
	unsigned t = 200 + (unsigned)dir * 40;

	hc = hc ? hc : N;
	k[f++] = fkey(t + 0, 0, 0, 0);
	k[f++] = fkey(t + 1, dw, 0, 0);
	k[f++] = fkey(t + 2, (uint64_t)dt, 0, 0);
	k[f++] = fkey(t + 3, dw, (uint64_t)dt, 0);
	k[f++] = fkey(t + 4, hw, 0, 0);
	k[f++] = fkey(t + 5, (uint64_t)ht, 0, 0);
	k[f++] = fkey(t + 6, hw, (uint64_t)ht, 0);
	k[f++] = fkey(t + 7, PAIR(dt, ht), 0, 0);
	k[f++] = fkey(t + 8, dw, (uint64_t)ht, 0);
	k[f++] = fkey(t + 9, hw, (uint64_t)dt, 0);
	k[f++] = fkey(t + 10, dw, hw, 0);
	k[f++] = fkey(t + 11, TRI(dt, ht, dist), 0, 0);
	k[f++] = fkey(t + 12, PAIR(dt, st->label[st->lc1[dd] ? st->lc1[dd] : N] + 1), 0, 0);
	k[f++] = fkey(t + 13, PAIR(dt, st->label[st->rc1[dd] ? st->rc1[dd] : N] + 1), 0, 0);
	k[f++] = fkey(t + 14, (uint64_t)dt, st->lset[dd], 0);
	k[f++] = fkey(t + 15, (uint64_t)dt, st->rset[dd], 0);
	k[f++] = fkey(t + 16, PAIR(ht, st->label[hc] + 1), (uint64_t)dt, 0);
	k[f++] = fkey(t + 17, TRI(dt, ht, ts[dm1]), 0, 0);
	k[f++] = fkey(t + 18, TRI(dt, ht, ts[dp1]), 0, 0);
	k[f++] = fkey(t + 19, TRI(dt, ht, ts[hp1]), 0, 0);
	k[f++] = fkey(t + 20, TRI(dt, vbucket(st->nl[dd]), vbucket(st->nr[dd])), (uint64_t)ht, 0);
	k[f++] = fkey(t + 21, dw, st->lset[dd], 0);
	k[f++] = fkey(t + 22, TRI(dt, ht, ts[nb]), 0, 0);
	k[f++] = fkey(t + 23, (uint64_t)dt, ws[dl], 0);
	k[f++] = fkey(t + 24, PAIR(CL_FINE(cs[dd]), ht), 0, 0);
	k[f++] = fkey(t + 25, PAIR(dt, CL_FINE(cs[h])), 0, 0);
	k[f++] = fkey(t + 26, PAIR(CL_FINE(cs[dd]), CL_FINE(cs[h])), 0, 0);
	return f;
}
#undef L

/*==== Running a model ====*/

struct scratch {
	int alloc;
	struct tokfeat *tf;
	uint64_t *ws;
	int *ts;
	uint32_t *cs;		/* word clusters, like ws */
	int32_t *work;		/* tagger scores, alloc * (MAX_TAGS + 2) */
	struct pstate st;
};

void parse_init(struct parse *ps)
{
	memset(ps, 0, sizeof(*ps));
}

void parse_release(struct parse *ps)
{
	struct scratch *s = ps->scratch;

	free(ps->upos);
	free(ps->xpos);
	free(ps->lemma);
	free(ps->head);
	free(ps->deprel);
	free(ps->tag);
	free(ps->lemma_buf);
	if (s) {
		free(s->tf);
		free(s->ws);
		free(s->ts);
		free(s->cs);
		free(s->work);
		pstate_free(&s->st);
		free(s);
	}
	parse_init(ps);
}

static void parse_grow(struct parse *ps, int n)
{
	struct scratch *s;

	if (!ps->scratch)
		ps->scratch = xcalloc(1, sizeof(struct scratch));
	s = ps->scratch;
	if (n > ps->alloc) {
		int a = n < 64 ? 64 : n * 2;
		ps->upos = xrealloc(ps->upos, (size_t)a * sizeof(int));
		ps->xpos = xrealloc(ps->xpos, (size_t)a * sizeof(char *));
		ps->lemma = xrealloc(ps->lemma, (size_t)a * sizeof(char *));
		ps->head = xrealloc(ps->head, (size_t)a * sizeof(int));
		ps->deprel = xrealloc(ps->deprel, (size_t)a * sizeof(char *));
		ps->tag = xrealloc(ps->tag, (size_t)a * sizeof(int));
		ps->alloc = a;
	}
	if (n > s->alloc) {
		int a = n < 64 ? 64 : n * 2;
		s->tf = xrealloc(s->tf, (size_t)a * sizeof(*s->tf));
		s->ws = xrealloc(s->ws, (size_t)(a + 2) * sizeof(*s->ws));
		s->ts = xrealloc(s->ts, (size_t)(a + 2) * sizeof(*s->ts));
		s->cs = xrealloc(s->cs, (size_t)(a + 2) * sizeof(*s->cs));
		s->work = xrealloc(s->work, (size_t)a * (MAX_TAGS + 2) * sizeof(*s->work));
		pstate_free(&s->st);
		pstate_alloc(&s->st, a);
		s->alloc = a;
	}
}

static void fill_lemmas(const struct parser *p, const char *const *forms, int n,
			struct parse *ps)
{
	size_t need = 0, off = 0;
	int i;

	for (i = 0; i < n; i++)
		need += strlen(forms[i]) + 8;
	if (need > (size_t)ps->lemma_alloc) {
		ps->lemma_alloc = (int)(need * 2);
		ps->lemma_buf = xrealloc(ps->lemma_buf, (size_t)ps->lemma_alloc);
	}
	for (i = 0; i < n; i++) {
		size_t cap = strlen(forms[i]) + 8;
		lemma_of(p, forms[i], ps->tag[i], ps->lemma_buf + off, cap);
		off += cap;
	}
	off = 0;
	for (i = 0; i < n; i++) {
		ps->lemma[i] = ps->lemma_buf + off;
		off += strlen(forms[i]) + 8;
	}
}

/* The joint tag PROPN/NNP, or -1 when the model has none. */
static int nnp_tag(const struct parser *p)
{
	int t;
	for (t = 0; t < p->ntags; t++)
		if (p->tag_upos[t] == UPOS_PROPN && !strcmp(p->tag_xpos[t], "NNP"))
			return t;
	return -1;
}

static int tag_sentence(struct parser *p, const char *const *forms, int n,
			struct parse *ps, const unsigned char *proper)
{
	struct scratch *s;
	int i, nnp;

	if (n < 1 || n > PARSER_MAX_TOKENS)
		return error("cannot parse a sentence of %d tokens (1 to %d)", n,
			     PARSER_MAX_TOKENS);
	parse_grow(ps, n);
	s = ps->scratch;
	ps->n = n;
	for (i = 0; i < n; i++)
		tokfeat_compute(&s->tf[i], forms[i]);
	tokfeat_clusters(&p->clusters, s->tf, n);
	tokfeat_tagdict(&p->tagdict, s->tf, n);
	tagger_run(p, s->tf, n, ps->tag, s->work);
	/* names the caller knows ("Moscow", "Hungary") that the tagger took
	 * for an adverb or an adjective */
	if (proper && (nnp = nnp_tag(p)) >= 0)
		for (i = 0; i < n; i++)
			if (proper[i] && p->tag_upos[ps->tag[i]] != UPOS_PROPN)
				ps->tag[i] = nnp;
	for (i = 0; i < n; i++) {
		ps->upos[i] = p->tag_upos[ps->tag[i]];
		ps->xpos[i] = p->tag_xpos[ps->tag[i]];
	}
	fill_lemmas(p, forms, n, ps);
	return 0;
}

int parser_tag(struct parser *p, const char *const *forms, int n, struct parse *ps)
{
	int i;

	if (tag_sentence(p, forms, n, ps, NULL) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		ps->head[i] = 0;
		ps->deprel[i] = "_";
	}
	return 0;
}

/* Choose the relation of the arc about to be made in direction dir. */
static int best_label(const struct parser *p, const struct pstate *st,
		      const uint64_t *ws, const int *ts, const uint32_t *cs, int dir,
		      int root_arc, int root_label)
{
	uint64_t keys[LABEL_NFEAT];
	int32_t score[MAX_DEPRELS];
	int nk, j, best = -1;

	if (root_arc && root_label >= 0)
		return root_label;
	if (p->reldict) {	/* a dependent whose tag always had one relation */
		uint32_t r = p->reldict[ts[st->stack[st->sp - 1]] - 2];
		if (r)
			return (int)r - 1;
	}
	nk = label_features(st, ws, ts, cs, dir, keys);
	memset(score, 0, sizeof(score[0]) * (size_t)p->ndeprel);
	ftab_score(&p->lab, keys, nk, score);
	for (j = 0; j < p->ndeprel; j++) {
		if (j == root_label)
			continue;
		if (best < 0 || score[j] > score[best])
			best = j;
	}
	return best;
}

static int find_root_label(const struct parser *p)
{
	int i;
	for (i = 0; i < p->ndeprel; i++)
		if (!strcmp(p->deprel[i], "root"))
			return i;
	return -1;
}

/* Word and tag arrays for the parser: 0 root, 1..n tokens, n + 1 none. */
void parser_inputs(const struct tokfeat *tf, const int *tag, int n,
		   uint64_t *ws, int *ts, uint32_t *cs)
{
	int i;

	ws[0] = 0x0123456789abcdefULL;
	ts[0] = 1;
	cs[0] = 0xfffdfffdu;
	for (i = 1; i <= n; i++) {
		ws[i] = tf[i - 1].w;
		ts[i] = tag[i - 1] + 2;
		cs[i] = tf[i - 1].cl;
	}
	ws[n + 1] = 0xfedcba9876543210ULL;
	ts[n + 1] = 0;
	cs[n + 1] = 0xffffffffu;
}

int parser_parse(struct parser *p, const char *const *forms, int n, struct parse *ps)
{
	return parser_parse_names(p, forms, n, NULL, ps);
}

int parser_parse_names(struct parser *p, const char *const *forms, int n,
		       const unsigned char *proper, struct parse *ps)
{
	struct scratch *s;
	struct pstate *st;
	uint64_t keys[PARSER_NFEAT];
	int i, root_label = find_root_label(p);

	if (tag_sentence(p, forms, n, ps, proper) < 0)
		return -1;
	s = ps->scratch;
	st = &s->st;
	parser_inputs(s->tf, ps->tag, n, s->ws, s->ts, s->cs);
	pstate_reset(st, n);
	pstate_counts(st, ps->upos, n);
	while (!pstate_final(st)) {
		int32_t score[DENSE_CLS] = { 0, 0, 0 };
		int a, best = -1, nlegal = 0;
		for (a = 0; a < ACT_COUNT; a++)
			if (pstate_legal(st, a)) {
				best = a;
				nlegal++;
			}
		/* a forced move (only root on the stack, or the buffer is
		 * empty) needs no scores */
		if (nlegal > 1) {
			int nk = parser_features(st, s->ws, s->ts, s->cs, keys);
			ftab_score(&p->act, keys, nk, score);
			best = -1;
			for (a = 0; a < ACT_COUNT; a++)
				if (pstate_legal(st, a) && (best < 0 || score[a] > score[best]))
					best = a;
		}
		if (best == ACT_SHIFT)
			pstate_apply(st, best, -1);
		else {
			int dir = best == ACT_LEFT ? 0 : 1;
			int root_arc = best == ACT_RIGHT && st->sp == 2;
			pstate_apply(st, best, best_label(p, st, s->ws, s->ts, s->cs,
							  dir, root_arc, root_label));
		}
	}
	for (i = 0; i < n; i++) {
		ps->head[i] = st->head[i + 1];
		ps->deprel[i] = st->label[i + 1] >= 0 ? p->deprel[st->label[i + 1]] : "dep";
	}
	return 0;
}

/*==== Loading ====*/

extern const unsigned char parser_model_blob[];
extern const unsigned char parser_model_blob_end[];

/* Memory for a model image: 2 MB aligned and, where the kernel allows,
 * backed by huge pages, since lookups hit random cache lines all over the
 * tables and 4 KB pages make nearly every one a TLB miss. */
static unsigned char *model_buffer(size_t len)
{
	size_t huge = (size_t)2 << 20, size = (len + huge - 1) & ~(huge - 1);
	unsigned char *buf = aligned_alloc(huge, size ? size : huge);

#ifdef MADV_HUGEPAGE
	if (buf)
		madvise(buf, size, MADV_HUGEPAGE);
#endif
	return buf;
}

static struct parser default_model;	/* parser_default()'s, never freed */

struct parser *parser_default(void)
{
	static struct parser *const model = &default_model;
	static int state;	/* 0 untried, 1 ok, -1 failed */

	if (state == 0) {
		size_t size = (size_t)(parser_model_blob_end - parser_model_blob);
		state = model_open(model, parser_model_blob, size,
				   "embedded model") < 0 ? -1 : 1;
	}
	return state > 0 ? model : NULL;
}

int parser_load(struct parser **out, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct parser *p;
	unsigned char *buf;
	long len;

	*out = NULL;
	if (!f)
		return error("cannot open model '%s': %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) < 0 || (len = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0) {
		fclose(f);
		return error("cannot read model '%s'", path);
	}
	if (len > 512L * 1024 * 1024) {
		fclose(f);
		return error("model '%s' is too large", path);
	}
	buf = model_buffer((size_t)len);
	if (!buf) {
		fclose(f);
		return error("out of memory reading model '%s'", path);
	}
	if (len && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		free(buf);
		return error("cannot read model '%s'", path);
	}
	fclose(f);
	p = xmalloc(sizeof(*p));
	if (model_open(p, buf, (size_t)len, path) < 0) {
		free(buf);
		free(p);
		return -1;
	}
	p->owned = buf;
	*out = p;
	return 0;
}

void parser_free(struct parser *p)
{
	int i;

	if (!p || p == &default_model)
		return;
	free(p->owned);
	for (i = 0; i < 4; i++)
		free(p->train_mem[i]);
	free(p);
}

const char *parser_info(const struct parser *p, char *buf, int bufsz)
{
	snprintf(buf, (size_t)bufsz,
		 "%zu bytes, %d tags, %d relations, tagger %u entries, "
		 "second pass %u entries, actions %u buckets, labels %u entries, "
		 "lemmas %u slots",
		 p->size, p->ntags, p->ndeprel, p->tagger.nent, p->tagger2.nent,
		 p->act.nbuckets,
		 p->lab.nent, p->lemma.mask + 1);
	return buf;
}
