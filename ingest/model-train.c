/*
 * model-train.c: training. The tagger is an averaged perceptron trained
 * greedily with its own previous tags as history; the parser is an
 * averaged perceptron over arc-hybrid transitions trained with Goldberg &
 * Nivre's dynamic oracle (exploring the model's own errors from the second
 * epoch on) on tags predicted by jackknifed taggers; the same jackknifed tags
 * train the stacked second tagger pass. Non-projective training
 * trees are lifted to projective ones first (the oracle is exact only for
 * projective trees). Word clusters (cluster.c) are built first. Each
 * epoch is scored on the dev set with the quantised tables that would ship;
 * the best epoch is kept. Everything is deterministic given the seed.
 */
#include "ingest/model-train.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/conllu.h"
#include "ingest/model-int.h"
#include "ingest/parser.h"
#include "util.h"

void train_opts_init(struct train_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->tagger_epochs = 10;
	o->parser_epochs = 15;
	o->folds = 5;
	o->stack = 1;
	o->merge = 0;
	o->lift = 1;
	o->seed = 1;
	o->min_count = 6;
	o->tagger_min_count = 4;
	o->min_abs = 0.002;
	o->tagger_min_abs = 0.002;
}

/*==== Treebanks in memory ====*/

struct tsent {
	int n;
	char **form, **lemma;
	char **upos, **xpos, **rel;	/* gold strings */
	int *tag;			/* gold joint tag id, -1 unknown */
	int *head;			/* gold heads, 1-based, [0..n-1] */
	int *lab;			/* gold relation id, -1 unknown */
	int *ptag;			/* predicted tags used to train the parser */
	int *phead;			/* gold heads lifted to a projective tree */
	int proj;
};

struct bank {
	struct tsent *s;
	int n, alloc;
	long ntok;
};

struct names {
	char **v;
	int n, alloc;
};

static int name_find(const struct names *nm, const char *s)
{
	int i;
	for (i = 0; i < nm->n; i++)
		if (!strcmp(nm->v[i], s))
			return i;
	return -1;
}

static void name_add(struct names *nm, const char *s)
{
	if (name_find(nm, s) >= 0)
		return;
	ALLOC_GROW(nm->v, nm->n + 1, nm->alloc);
	nm->v[nm->n++] = xstrdup(s);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int projective(const int *head, int n)
{
	int i, j;
	for (i = 0; i < n; i++) {
		int a = head[i] < i + 1 ? head[i] : i + 1;
		int b = head[i] < i + 1 ? i + 1 : head[i];
		for (j = 0; j < n; j++) {
			int c = head[j] < j + 1 ? head[j] : j + 1;
			int d = head[j] < j + 1 ? j + 1 : head[j];
			if (a < c && c < b && b < d)
				return 0;
		}
	}
	return 1;
}

/* Is h an ancestor of d (heads 1-based in head[0..n-1], 0 = root)? */
static int dominates(const int *head, int n, int h, int d)
{
	int k = 0;
	while (d != 0 && k++ <= n) {
		if (d == h)
			return 1;
		d = head[d - 1];
	}
	return h == 0;
}

/* Pseudo-projective lifting (Nivre & Nilsson 2005, without the label
 * encoding): while some arc is non-projective (a token between head and
 * dependent is not the head's descendant), the shortest such arc moves up
 * to the head's head. The result is a projective tree with the same
 * labels; the parser trains on it instead of skipping the sentence. */
static void lift(int *head, int n)
{
	for (;;) {
		int i, best = -1, span = 1 << 30;
		for (i = 0; i < n; i++) {
			int h = head[i], d = i + 1, a = h < d ? h : d, b = h < d ? d : h, j;
			if (h == 0 || b - a >= span)
				continue;
			for (j = a + 1; j < b; j++)
				if (!dominates(head, n, h, j))
					break;
			if (j < b) {
				best = i;
				span = b - a;
			}
		}
		if (best < 0)
			return;
		head[best] = head[head[best] - 1];
	}
}

static char **dup_arr(const char *const *a, int n)
{
	char **r = xmalloc((size_t)n * sizeof(*r));
	int i;
	for (i = 0; i < n; i++)
		r[i] = xstrdup(a[i]);
	return r;
}

static int read_bank(const char *path, struct bank *b)
{
	struct conllu_reader r;
	struct conllu_sent s;
	char *buf;
	size_t len;
	int rc;

	if (read_file(path, &buf, &len) < 0)
		return -1;
	conllu_reader_init(&r, path, buf, len);
	conllu_sent_init(&s);
	while ((rc = conllu_next(&r, &s)) != 0) {
		struct tsent *t;
		int i, ok = 1;
		if (rc < 0)
			continue;
		for (i = 0; i < s.n; i++)
			if (s.head[i] < 0)
				ok = 0;
		if (!ok) {
			error("sentence at line %zu of '%s' has no heads", s.line, path);
			continue;
		}
		ALLOC_GROW(b->s, b->n + 1, b->alloc);
		t = &b->s[b->n++];
		memset(t, 0, sizeof(*t));
		t->n = s.n;
		t->form = dup_arr(s.form, s.n);
		t->lemma = dup_arr(s.lemma, s.n);
		t->upos = dup_arr(s.upos, s.n);
		t->xpos = dup_arr(s.xpos, s.n);
		t->rel = dup_arr(s.deprel, s.n);
		t->head = xmalloc((size_t)s.n * sizeof(int));
		memcpy(t->head, s.head, (size_t)s.n * sizeof(int));
		t->tag = xmalloc((size_t)s.n * sizeof(int));
		t->lab = xmalloc((size_t)s.n * sizeof(int));
		t->ptag = xmalloc((size_t)s.n * sizeof(int));
		t->proj = projective(t->head, t->n);
		t->phead = xmalloc((size_t)s.n * sizeof(int));
		memcpy(t->phead, s.head, (size_t)s.n * sizeof(int));
		if (!t->proj)
			lift(t->phead, t->n);
		b->ntok += s.n;
	}
	conllu_sent_release(&s);
	free(buf);
	return r.errors ? -1 : 0;
}

static void free_bank(struct bank *b)
{
	int i, j;
	for (i = 0; i < b->n; i++) {
		struct tsent *t = &b->s[i];
		for (j = 0; j < t->n; j++) {
			free(t->form[j]);
			free(t->lemma[j]);
			free(t->upos[j]);
			free(t->xpos[j]);
			free(t->rel[j]);
		}
		free(t->form);
		free(t->lemma);
		free(t->upos);
		free(t->xpos);
		free(t->rel);
		free(t->head);
		free(t->tag);
		free(t->lab);
		free(t->ptag);
		free(t->phead);
	}
	free(b->s);
}

static char *joint_name(const char *upos, const char *xpos)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s\t%s", upos, xpos);
	return sb_detach(&sb);
}

/*==== Tag dictionary ====*/

/* Words (exact forms) seen at least TAGDICT_MIN times in training, with
 * one joint tag at least TAGDICT_SHARE of the time, get that tag without
 * scoring ("the", ",", "of"), as in Honnibal's perceptron tagger. */
#define TAGDICT_MIN 20
#define TAGDICT_SHARE 0.99

struct formtag {
	uint64_t h;		/* exact form hash */
	int tag;
};

static int formtag_cmp(const void *a, const void *b)
{
	const struct formtag *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->tag > y->tag) - (x->tag < y->tag);
}

/* The dictionary of bank b in fresh memory (*pslots, caller frees). */
static void tagdict_build(const struct bank *b, int ntags, uint32_t **pslots,
			  uint32_t *pns, size_t *pwords)
{
	struct formtag *ft = xmalloc((size_t)(b->ntok + 1) * sizeof(*ft));
	size_t n = 0, i, j, words = 0;
	uint32_t ns, *slots;
	int k, *cnt = xcalloc((size_t)ntags, sizeof(int));

	for (k = 0; k < b->n; k++)
		for (j = 0; j < (size_t)b->s[k].n; j++) {
			struct tokfeat tf;
			if (b->s[k].tag[j] < 0)
				continue;
			tokfeat_compute(&tf, b->s[k].form[j]);
			ft[n].h = tf.form;
			ft[n].tag = b->s[k].tag[j];
			n++;
		}
	qsort(ft, n, sizeof(*ft), formtag_cmp);
	for (ns = 1024; ns < 2 * n / TAGDICT_MIN + 2; ns *= 2)
		;
	slots = xcalloc((size_t)ns * 2, sizeof(uint32_t));
	for (i = 0; i < n; i = j) {
		int best = 0, t;
		for (j = i; j < n && ft[j].h == ft[i].h; j++)
			cnt[ft[j].tag]++;
		for (t = 1; t < ntags; t++)
			if (cnt[t] > cnt[best])
				best = t;
		if (j - i >= TAGDICT_MIN && cnt[best] >= TAGDICT_SHARE * (double)(j - i)) {
			uint32_t f = fkey32(ft[i].h), s = (uint32_t)(ft[i].h >> 32) & (ns - 1);
			while (slots[2 * (size_t)s])
				s = (s + 1) & (ns - 1);
			slots[2 * (size_t)s] = f;
			slots[2 * (size_t)s + 1] = (uint32_t)best + 1;
			words++;
		}
		for (; i < j; i++)
			cnt[ft[i].tag] = 0;
	}
	free(ft);
	free(cnt);
	*pslots = slots;
	*pns = ns;
	*pwords = words;
}

/*==== Relation dictionary ====*/

/* Joint tags whose tokens were dependents at least RELDICT_MIN times in
 * training with one relation at least RELDICT_SHARE of the time (",",
 * "PRP$", "TO") get that relation without scoring. */
#define RELDICT_MIN 50
#define RELDICT_SHARE 0.995

/* The dictionary (ntags entries: relation + 1, or 0) in fresh memory;
 * *pn: the tags it fixes. */
static uint32_t *reldict_build(const struct bank *b, int ntags, int nrel, int root,
			       int *pn)
{
	long *cnt = xcalloc((size_t)ntags * (size_t)nrel, sizeof(long));
	uint32_t *rd = xcalloc((size_t)ntags, sizeof(uint32_t));
	int k, j, t, r;

	for (k = 0; k < b->n; k++)
		for (j = 0; j < b->s[k].n; j++)
			if (b->s[k].tag[j] >= 0 && b->s[k].lab[j] >= 0)
				cnt[(size_t)b->s[k].tag[j] * (size_t)nrel + (size_t)b->s[k].lab[j]]++;
	*pn = 0;
	for (t = 0; t < ntags; t++) {
		long all = 0, *c = cnt + (size_t)t * (size_t)nrel;
		int best = 0;
		for (r = 0; r < nrel; r++) {
			all += c[r];
			if (c[r] > c[best])
				best = r;
		}
		if (best != root && all >= RELDICT_MIN && c[best] >= RELDICT_SHARE * (double)all) {
			rd[t] = (uint32_t)best + 1;
			++*pn;
		}
	}
	free(cnt);
	return rd;
}

/*==== Random numbers ====*/

static uint64_t rng_state;

static uint64_t rnd(void)
{
	return xorshift64s(&rng_state);
}

static void shuffle(int *v, int n)
{
	int i;
	for (i = n - 1; i > 0; i--) {
		int j = (int)(rnd() % (uint64_t)(i + 1)), t = v[i];
		v[i] = v[j];
		v[j] = t;
	}
}

/*==== Tagger ====*/

/* One epoch; with 'stacked' the second-pass tagger over the jackknifed
 * first-pass tags in ptag. */
static void tagger_epoch(struct wtab *w, const struct cluster_tab *ct, struct bank *tr,
			 int *order, int norder, double *now, int stacked)
{
	uint64_t keys[TAGGER_NFEAT];
	struct tokfeat *tf = NULL;
	int *pred = NULL, alloc = 0, k, i, c;
	float *score = xmalloc(w->ncls * sizeof(float));

	for (k = 0; k < norder; k++) {
		struct tsent *t = &tr->s[order[k]];
		if (t->n > alloc) {
			alloc = t->n * 2;
			tf = xrealloc(tf, (size_t)alloc * sizeof(*tf));
			pred = xrealloc(pred, (size_t)alloc * sizeof(int));
		}
		for (i = 0; i < t->n; i++)
			tokfeat_compute(&tf[i], t->form[i]);
		tokfeat_clusters(ct, tf, t->n);
		for (i = 0; i < t->n; i++) {
			int t1 = i > 0 ? pred[i - 1] + 1 : 0, t2 = i > 1 ? pred[i - 2] + 1 : 0;
			int nk = tagger_features(tf, t->n, i, t1, t2,
						 stacked ? t->ptag : NULL, keys), best = 0;
			memset(score, 0, w->ncls * sizeof(float));
			wtab_score(w, keys, nk, score);
			for (c = 1; c < (int)w->ncls; c++)
				if (score[c] > score[best])
					best = c;
			*now += 1;
			if (best != t->tag[i]) {
				wtab_update(w, keys, nk, t->tag[i], 1, *now);
				wtab_update(w, keys, nk, best, -1, *now);
			}
			pred[i] = best;
		}
	}
	free(tf);
	free(pred);
	free(score);
}

/* Tag sentences with a frozen tagger into ptag (or just score them). */
static double tag_upos_acc;	/* UPOS accuracy of the last tag_bank() */

static double tag_bank(const struct parser *p, struct bank *b, int *sel, int nsel,
		       int store)
{
	long uok = 0;
	struct tokfeat *tf = NULL;
	int *tags = NULL, alloc = 0, k, i;
	long ok = 0, all = 0;

	for (k = 0; k < nsel; k++) {
		struct tsent *t = &b->s[sel ? sel[k] : k];
		if (t->n > alloc) {
			alloc = t->n * 2;
			tf = xrealloc(tf, (size_t)alloc * sizeof(*tf));
			tags = xrealloc(tags, (size_t)alloc * sizeof(int));
		}
		for (i = 0; i < t->n; i++)
			tokfeat_compute(&tf[i], t->form[i]);
		tokfeat_clusters(&p->clusters, tf, t->n);
		tokfeat_tagdict(&p->tagdict, tf, t->n);
		tagger_run(p, tf, t->n, tags, NULL);
		for (i = 0; i < t->n; i++) {
			ok += !strcmp(upos_name(p->tag_upos[tags[i]]), t->upos[i]) &&
			      !strcmp(p->tag_xpos[tags[i]], t->xpos[i]);
			uok += !strcmp(upos_name(p->tag_upos[tags[i]]), t->upos[i]);
			all++;
			if (store)
				t->ptag[i] = tags[i];
		}
	}
	free(tf);
	free(tags);
	tag_upos_acc = all ? (double)uok / (double)all : 0;
	return all ? (double)ok / (double)all : 0;
}

/*==== Parser ====*/

struct ptrain {
	struct wtab act, lab;
	double now_act, now_lab;
	int root_label;
	int ndeprel;
	int epoch;
	long updates;
	const int *tag_upos;	/* joint tag -> UPOS */
	const struct cluster_tab *cl;	/* word clusters */
	int lifted;		/* train on lifted heads (phead) */
	int *upos;		/* scratch: UPOS of the sentence's tokens */
	struct tokfeat *tf;	/* scratch: features of the sentence's tokens */
	uint32_t *cs;		/* scratch: their clusters, as parser_inputs() */
};

static int argmax_legal(const struct pstate *st, const float *score)
{
	int a, best = -1;
	for (a = 0; a < ACT_COUNT; a++)
		if (pstate_legal(st, a) && (best < 0 || score[a] > score[best]))
			best = a;
	return best;
}

static void parser_sentence(struct ptrain *pt, struct tsent *t, struct pstate *st,
			    uint64_t *ws, int *ts, int *gh, float *lscore)
{
	uint64_t keys[PARSER_NFEAT], lkeys[LABEL_NFEAT];
	int n = t->n, i;

	for (i = 0; i < n; i++) {
		tokfeat_compute(&pt->tf[i], t->form[i]);
		gh[i + 1] = pt->lifted ? t->phead[i] : t->head[i];
	}
	tokfeat_clusters(pt->cl, pt->tf, n);
	parser_inputs(pt->tf, t->ptag, n, ws, ts, pt->cs);
	gh[0] = -1;
	gh[n + 1] = -1;
	pstate_reset(st, n);
	for (i = 0; i < n; i++)
		pt->upos[i] = pt->tag_upos[t->ptag[i]];
	pstate_counts(st, pt->upos, n);
	while (!pstate_final(st)) {
		float score[ACT_COUNT] = { 0, 0, 0 };
		int cost[ACT_COUNT], nk, a, pred, gold = -1, mincost = 1 << 30, follow;
		nk = parser_features(st, ws, ts, pt->cs, keys);
		wtab_score(&pt->act, keys, nk, score);
		pred = argmax_legal(st, score);
		for (a = 0; a < ACT_COUNT; a++) {
			cost[a] = pstate_legal(st, a) ? pstate_cost(st, a, gh) : 1 << 30;
			if (cost[a] < mincost)
				mincost = cost[a];
		}
		for (a = 0; a < ACT_COUNT; a++)
			if (cost[a] == mincost && (gold < 0 || score[a] > score[gold]))
				gold = a;
		pt->now_act += 1;
		if (cost[pred] > mincost) {
			wtab_update(&pt->act, keys, nk, gold, 1, pt->now_act);
			wtab_update(&pt->act, keys, nk, pred, -1, pt->now_act);
			pt->updates++;
		}
		follow = gold;
		if (pt->epoch >= 1 && cost[pred] > mincost && rnd() % 10 < 9)
			follow = pred;
		if (follow == ACT_SHIFT) {
			pstate_apply(st, follow, -1);
			continue;
		}
		{
			int dir = follow == ACT_LEFT ? 0 : 1;
			int d = st->stack[st->sp - 1];
			int h = dir == 0 ? st->b : st->stack[st->sp - 2];
			int lab, best = -1, j;
			if (h == 0) {
				pstate_apply(st, follow, pt->root_label);
				continue;
			}
			nk = label_features(st, ws, ts, pt->cs, dir, lkeys);
			memset(lscore, 0, (size_t)pt->ndeprel * sizeof(float));
			wtab_score(&pt->lab, lkeys, nk, lscore);
			for (j = 0; j < pt->ndeprel; j++)
				if (j != pt->root_label && (best < 0 || lscore[j] > lscore[best]))
					best = j;
			lab = best;
			if (gh[d] == h && t->lab[d - 1] >= 0) {
				pt->now_lab += 1;
				if (best != t->lab[d - 1]) {
					wtab_update(&pt->lab, lkeys, nk, t->lab[d - 1], 1, pt->now_lab);
					wtab_update(&pt->lab, lkeys, nk, best, -1, pt->now_lab);
				}
				lab = t->lab[d - 1];
			}
			pstate_apply(st, follow, lab);
		}
	}
}

struct scores {
	double upos, xpos, uas, las, lemma;
	long ntok;
};

static int univ_eq(const char *a, const char *b)
{
	size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
	return la == lb && !memcmp(a, b, la);
}

static void eval_bank(struct parser *p, struct bank *b, struct scores *sc)
{
	struct parse ps;
	long u = 0, x = 0, ua = 0, la = 0, le = 0, all = 0;
	int k, i;

	parse_init(&ps);
	for (k = 0; k < b->n; k++) {
		struct tsent *t = &b->s[k];
		if (parser_parse(p, (const char *const *)t->form, t->n, &ps) < 0)
			continue;
		for (i = 0; i < t->n; i++) {
			u += !strcmp(upos_name(ps.upos[i]), t->upos[i]);
			x += !strcmp(ps.xpos[i], t->xpos[i]);
			le += !strcmp(ps.lemma[i], t->lemma[i]);
			if (ps.head[i] == t->head[i]) {
				ua++;
				la += univ_eq(ps.deprel[i], t->rel[i]);
			}
			all++;
		}
	}
	parse_release(&ps);
	sc->ntok = all;
	all = all ? all : 1;
	sc->upos = (double)u / all;
	sc->xpos = (double)x / all;
	sc->uas = (double)ua / all;
	sc->las = (double)la / all;
	sc->lemma = (double)le / all;
}

/*==== Driver ====*/

static void set_table(struct parser *p, int which, const struct wtab *w, double now,
		      const struct train_opts *o, size_t *bytes)
{
	struct ftab *t = which == 0 ? &p->tagger : which == 1 ? &p->act :
			 which == 2 ? &p->lab : &p->tagger2;
	/* each update touches a feature twice (+1 gold, -1 predicted) */
	unsigned mc = which == 0 || which == 3 ? o->tagger_min_count : o->min_count;
	double ma = which == 0 || which == 3 ? o->tagger_min_abs : o->min_abs;
	free(p->train_mem[which]);
	wtab_freeze(w, now, mc, ma, t, &p->train_mem[which], bytes);
}

/* The tagger's epochs over the training bank: the first pass in table 0,
 * or the stacked second pass (over the jackknifed tags) in table 3. The
 * table of the epoch best on dev goes to *best_tab, its memory to
 * *best_mem (the caller's to install); returns that epoch. */
static int tagger_epochs(struct parser *p, int which, struct bank *tr, struct bank *dev,
			 int *order, const struct train_opts *o, size_t *bytes,
			 void **best_mem, struct ftab *best_tab, double t0)
{
	struct wtab tw;
	double now = 0, best = -1;
	int e, best_epoch = 0;

	wtab_init(&tw, (uint32_t)p->ntags);
	for (e = 0; e < o->tagger_epochs; e++) {
		double acc;
		shuffle(order, tr->n);
		tagger_epoch(&tw, &p->clusters, tr, order, tr->n, &now, which == 3);
		set_table(p, which, &tw, now + 1, o, bytes);
		acc = tag_bank(p, dev, NULL, dev->n, 0);
		if (!o->quiet)
			fprintf(stderr, "%s epoch %d: dev UPOS+XPOS %.4f, UPOS %.4f (%zu rows, %.0f s)\n",
				which == 3 ? "second pass" : "tagger", e + 1, acc, tag_upos_acc,
				tw.nrows, now_seconds() - t0);
		if (acc > best) {
			best = acc;
			best_epoch = e + 1;
			free(*best_mem);
			*best_mem = p->train_mem[which];
			*best_tab = which == 3 ? p->tagger2 : p->tagger;
			p->train_mem[which] = NULL;
		}
	}
	wtab_release(&tw);
	return best_epoch;
}

int parser_train(const struct train_opts *o)
{
	struct bank tr = { NULL, 0, 0, 0 }, dev = { NULL, 0, 0, 0 };
	struct names tags = { NULL, 0, 0 }, rels = { NULL, 0, 0 };
	struct strbuf pool = STRBUF_INIT;
	struct parser p;
	struct wtab tw;
	struct lemma_builder *lb = NULL;
	struct lemma_slot *lslots = NULL;
	uint32_t lns = 0, *cslots = NULL, cns = 0, *tslots = NULL, tns = 0, *reldict = NULL;
	struct cluster_builder *cb = NULL;
	uint32_t xoff[MAX_TAGS], roff[MAX_DEPRELS];
	void *best_mem[4] = { NULL, NULL, NULL, NULL };
	struct ftab best_tab[4];
	int *order = NULL, i, j, e, best_epoch = 0, ret = -1;
	double best = -1, now;
	size_t bytes[4] = { 0, 0, 0, 0 };	/* tagger, action, label, second pass */
	double t0 = now_seconds();

	memset(&p, 0, sizeof(p));
	rng_state = o->seed * 0x9e3779b97f4a7c15ULL + 1;
	if (read_bank(o->train, &tr) < 0 || read_bank(o->dev, &dev) < 0)
		goto out;
	if (!tr.n)
		goto out;
	/* tag and relation sets, sorted so ids do not depend on file order */
	for (i = 0; i < tr.n; i++)
		for (j = 0; j < tr.s[i].n; j++) {
			char *jn = joint_name(tr.s[i].upos[j], tr.s[i].xpos[j]);
			if (upos_from_name(tr.s[i].upos[j]) < 0) {
				error("unknown UPOS '%s' in '%s'", tr.s[i].upos[j], o->train);
				free(jn);
				goto out;
			}
			name_add(&tags, jn);
			free(jn);
			name_add(&rels, tr.s[i].rel[j]);
		}
	name_add(&rels, "root");
	if (tags.n > MAX_TAGS || rels.n > 64) {
		error("too many tags (%d) or relations (%d) in '%s'", tags.n, rels.n, o->train);
		goto out;
	}
	qsort(tags.v, (size_t)tags.n, sizeof(char *), str_cmp);
	qsort(rels.v, (size_t)rels.n, sizeof(char *), str_cmp);
	for (i = 0; i < tags.n; i++) {
		char *tab = strchr(tags.v[i], '\t');
		*tab = '\0';
		p.tag_upos[i] = upos_from_name(tags.v[i]);
		xoff[i] = (uint32_t)pool.len;
		sb_add(&pool, tab + 1, strlen(tab + 1) + 1);
		*tab = '\t';
	}
	for (i = 0; i < rels.n; i++) {
		roff[i] = (uint32_t)pool.len;
		sb_add(&pool, rels.v[i], strlen(rels.v[i]) + 1);
	}
	p.ntags = tags.n;
	p.ndeprel = rels.n;
	for (i = 0; i < tr.n; i++)
		for (j = 0; j < tr.s[i].n; j++) {
			char *jn = joint_name(tr.s[i].upos[j], tr.s[i].xpos[j]);
			tr.s[i].tag[j] = name_find(&tags, jn);
			tr.s[i].lab[j] = name_find(&rels, tr.s[i].rel[j]);
			free(jn);
		}
	/* the lemma lexicon, needed by the dev scores */
	lb = lemma_builder_new();
	for (i = 0; i < tr.n; i++)
		for (j = 0; j < tr.s[i].n; j++)
			lemma_builder_add(lb, tr.s[i].form[j], tr.s[i].tag[j], tr.s[i].lemma[j]);
	if (o->wordnet) {
		static const char *const exc[] = { "verb.exc", "noun.exc", "adj.exc", "adv.exc" };
		static const int cls[] = { LEMMA_CLS_VERB, LEMMA_CLS_NOUN, LEMMA_CLS_ADJ, LEMMA_CLS_ADV };
		for (i = 0; i < 4; i++) {
			struct strbuf path = STRBUF_INIT;
			sb_addf(&path, "%s/%s", o->wordnet, exc[i]);
			if (lemma_builder_exc(lb, path.buf, cls[i]) < 0) {
				sb_release(&path);
				goto out;
			}
			sb_release(&path);
		}
	}
	lemma_builder_finish(lb, &pool, &lslots, &lns);
	/* pointers into the pool, now that it is complete */
	p.strings = pool.buf;
	p.strings_len = pool.len;
	for (i = 0; i < p.ntags; i++)
		p.tag_xpos[i] = pool.buf + xoff[i];
	for (i = 0; i < p.ndeprel; i++)
		p.deprel[i] = pool.buf + roff[i];
	p.lemma.mask = lns - 1;
	p.lemma.slots = lslots;
	/* word clusters from the treebank's text and unlabeled news */
	cb = cluster_builder_new();
	for (i = 0; i < tr.n; i++)
		cluster_builder_add(cb, (const char *const *)tr.s[i].form, tr.s[i].n);
	if (o->unlabeled && cluster_builder_add_jsonl(cb, o->unlabeled) < 0)
		goto out;
	if (o->wordnet && cluster_builder_wordnet(cb, o->wordnet) < 0)
		goto out;
	cluster_builder_finish(cb, o->quiet, &cslots, &cns);
	cluster_builder_free(cb);
	cb = NULL;
	p.clusters.mask = cns - 1;
	p.clusters.slots = cslots;
	if (!o->quiet)
		fprintf(stderr, "clusters built (%.0f s)\n", now_seconds() - t0);

	if (!o->quiet)
		fprintf(stderr, "train: %d sentences, %ld tokens, %d tags, %d relations; "
			"dev: %d sentences\n", tr.n, tr.ntok, p.ntags, p.ndeprel, dev.n);

	/* 1. tagger, best epoch on dev */
	order = xmalloc((size_t)tr.n * sizeof(int));
	for (i = 0; i < tr.n; i++)
		order[i] = i;
	/* no second pass until it is trained */
	wtab_init(&tw, (uint32_t)p.ntags);
	set_table(&p, 3, &tw, 1, o, &bytes[0]);
	wtab_release(&tw);
	best_epoch = tagger_epochs(&p, 0, &tr, &dev, order, o, &bytes[0], &best_mem[0],
				   &best_tab[0], t0);
	/* 2. tags for the parser's training data: jackknifed */
	if (o->folds >= 2 && tr.n >= o->folds) {
		int f;
		for (f = 0; f < o->folds; f++) {
			int *in = xmalloc((size_t)tr.n * sizeof(int)), nin = 0;
			int *held = xmalloc((size_t)tr.n * sizeof(int)), nheld = 0;
			for (i = 0; i < tr.n; i++) {
				if (i % o->folds == f)
					held[nheld++] = i;
				else
					in[nin++] = i;
			}
			wtab_init(&tw, (uint32_t)p.ntags);
			now = 0;
			for (e = 0; e < best_epoch; e++) {
				shuffle(in, nin);
				tagger_epoch(&tw, &p.clusters, &tr, in, nin, &now, 0);
			}
			set_table(&p, 0, &tw, now + 1, o, &bytes[0]);
			{
				double acc = tag_bank(&p, &tr, held, nheld, 1);
				if (!o->quiet)
					fprintf(stderr, "jackknife fold %d: %.4f\n", f + 1, acc);
			}
			wtab_release(&tw);
			free(in);
			free(held);
		}
	} else {
		for (i = 0; i < tr.n; i++)
			memcpy(tr.s[i].ptag, tr.s[i].tag, (size_t)tr.s[i].n * sizeof(int));
	}
	free(p.train_mem[0]);
	p.train_mem[0] = best_mem[0];
	best_mem[0] = NULL;
	p.tagger = best_tab[0];
	bytes[0] = (size_t)p.tagger.nbuckets * 64 + (size_t)p.tagger.nent * 4;

	/* the tag dictionary from here on: not in the jackknifed tags, so the
	 * parser trains on the tags it would have without it */
	{
		size_t words;
		tagdict_build(&tr, p.ntags, &tslots, &tns, &words);
		p.tagdict.mask = tns - 1;
		p.tagdict.slots = tslots;
		if (!o->quiet)
			fprintf(stderr, "tag dictionary: %zu words\n", words);
	}

	/* 2b. the stacked second pass, over the jackknifed first-pass tags */
	if (o->stack && o->folds >= 2 && tr.n >= o->folds) {
		tagger_epochs(&p, 3, &tr, &dev, order, o, &bytes[3], &best_mem[3], &best_tab[3], t0);
		free(p.train_mem[3]);
		p.train_mem[3] = best_mem[3];
		best_mem[3] = NULL;
		p.tagger2 = best_tab[3];
		bytes[0] += (size_t)p.tagger2.nbuckets * 64 + (size_t)p.tagger2.nent * 4;
		/* run the second pass only where the first is unsure: the
		 * smallest margin gate that keeps the dev accuracy */
		if (!o->merge) {
			static const uint32_t gates[] = { 1000, 2000, 3000, 4000, 6000,
				8000, 12000, 16000, 24000, 32000, 48000, 64000 };
			double full = tag_bank(&p, &dev, NULL, dev.n, 0), acc = 0;
			size_t g;
			for (g = 0; g < sizeof(gates) / sizeof(gates[0]); g++) {
				p.tagger2.gate = gates[g];
				acc = tag_bank(&p, &dev, NULL, dev.n, 0);
				if (acc >= full - 0.0002)
					break;
			}
			if (g == sizeof(gates) / sizeof(gates[0]))
				p.tagger2.gate = 0;
			if (!o->quiet)
				fprintf(stderr, "second pass gated at margin %u: dev UPOS+XPOS "
					"%.4f (all tokens %.4f)\n", (unsigned)p.tagger2.gate,
					p.tagger2.gate ? acc : full, full);
		}
	}

	/* 3. parser; the relation dictionary first, since the dev scores use it */
	{
		int nfixed;
		reldict = reldict_build(&tr, p.ntags, p.ndeprel, name_find(&rels, "root"),
					&nfixed);
		p.reldict = reldict;
		if (!o->quiet)
			fprintf(stderr, "relation dictionary: %d tags\n", nfixed);
	}
	{
		struct ptrain pt;
		struct pstate st;
		int maxn = 0, *gh, *ts;
		uint64_t *ws;
		float *lscore;
		int nproj = 0;

		memset(&pt, 0, sizeof(pt));
		wtab_init(&pt.act, ACT_COUNT);
		wtab_init(&pt.lab, (uint32_t)p.ndeprel);
		pt.ndeprel = p.ndeprel;
		pt.root_label = name_find(&rels, "root");
		for (i = 0; i < tr.n; i++) {
			if (tr.s[i].n > maxn)
				maxn = tr.s[i].n;
			nproj += tr.s[i].proj;
		}
		pstate_alloc(&st, maxn);
		pt.tag_upos = p.tag_upos;
		pt.upos = xmalloc((size_t)(maxn + 1) * sizeof(int));
		pt.tf = xmalloc((size_t)(maxn + 1) * sizeof(*pt.tf));
		pt.cs = xmalloc((size_t)(maxn + 2) * sizeof(*pt.cs));
		pt.cl = &p.clusters;
		pt.lifted = o->lift;
		gh = xmalloc((size_t)(maxn + 2) * sizeof(int));
		ts = xmalloc((size_t)(maxn + 2) * sizeof(int));
		ws = xmalloc((size_t)(maxn + 2) * sizeof(uint64_t));
		lscore = xmalloc((size_t)p.ndeprel * sizeof(float));
		if (!o->quiet)
			fprintf(stderr, "parser: %d of %d training trees are projective "
				"(the others are %s)\n", nproj, tr.n,
				o->lift ? "lifted" : "skipped");
		best = -1;
		for (e = 0; e < o->parser_epochs; e++) {
			struct scores sc;
			size_t b1, b2;
			pt.epoch = e;
			shuffle(order, tr.n);
			for (i = 0; i < tr.n; i++)
				if (tr.s[order[i]].proj || o->lift)
					parser_sentence(&pt, &tr.s[order[i]], &st, ws, ts, gh, lscore);
			set_table(&p, 1, &pt.act, pt.now_act + 1, o, &b1);
			set_table(&p, 2, &pt.lab, pt.now_lab + 1, o, &b2);
			eval_bank(&p, &dev, &sc);
			if (!o->quiet)
				fprintf(stderr, "parser epoch %d: dev UAS %.4f LAS %.4f "
					"(UPOS %.4f, lemma %.4f; %zu+%zu rows; %.0f s)\n",
					e + 1, sc.uas, sc.las, sc.upos, sc.lemma,
					pt.act.nrows, pt.lab.nrows, now_seconds() - t0);
			if (sc.las > best) {
				best = sc.las;
				for (j = 1; j <= 2; j++) {
					free(best_mem[j]);
					best_mem[j] = p.train_mem[j];
					p.train_mem[j] = NULL;
				}
				best_tab[1] = p.act;
				best_tab[2] = p.lab;
				bytes[1] = b1;
				bytes[2] = b2;
				best_epoch = e + 1;
			}
		}
		for (j = 1; j <= 2; j++) {
			free(p.train_mem[j]);
			p.train_mem[j] = best_mem[j];
			best_mem[j] = NULL;
		}
		p.act = best_tab[1];
		p.lab = best_tab[2];
		if (!o->quiet)
			fprintf(stderr, "parser: keeping epoch %d\n", best_epoch);
		wtab_release(&pt.act);
		wtab_release(&pt.lab);
		pstate_free(&st);
		free(pt.upos);
		free(pt.tf);
		free(pt.cs);
		free(gh);
		free(ts);
		free(ws);
		free(lscore);
	}

	/* 4. one tagger table for both passes (same tag choices, fewer lookups) */
	if (o->merge && p.tagger2.nent && p.tagger.ncls == (uint32_t)p.ntags &&
	    !p.tagger.dense) {
		void *mem;
		size_t mb;
		struct ftab merged;
		struct wtab none;
		double u1 = tag_bank(&p, &dev, NULL, dev.n, 0), u2;
		ftab_merge(&p.tagger, &p.tagger2, &merged, &mem, &mb);
		free(p.train_mem[0]);
		p.train_mem[0] = mem;
		p.tagger = merged;
		wtab_init(&none, (uint32_t)p.ntags);
		set_table(&p, 3, &none, 1, o, &mb);
		wtab_release(&none);
		u2 = tag_bank(&p, &dev, NULL, dev.n, 0);
		bytes[0] = (size_t)p.tagger.nbuckets * 64 + (size_t)p.tagger.nent * 4;
		if (!o->quiet)
			fprintf(stderr, "tagger passes merged into one table: dev UPOS+XPOS "
				"%.4f -> %.4f\n", u1, u2);
	}

	/* 5. write */
	{
		unsigned char *img;
		size_t len;
		struct strbuf tmp = STRBUF_INIT;
		FILE *f;
		model_serialise(&p, lslots, lns, &img, &len);
		sb_addf(&tmp, "%s.tmp", o->out);
		f = fopen(tmp.buf, "wb");
		if (!f || fwrite(img, 1, len, f) != len || fclose(f) != 0) {
			error("cannot write model '%s'", tmp.buf);
			free(img);
			sb_release(&tmp);
			goto out;
		}
		if (rename(tmp.buf, o->out) < 0) {
			error("cannot rename '%s' to '%s'", tmp.buf, o->out);
			free(img);
			sb_release(&tmp);
			goto out;
		}
		if (!o->quiet)
			fprintf(stderr, "wrote '%s': %zu bytes (tagger %zu, actions %zu, "
				"labels %zu, lemmas %zu) in %.0f s\n", o->out, len, bytes[0],
				bytes[1], bytes[2], (size_t)lns * 8, now_seconds() - t0);
		free(img);
		sb_release(&tmp);
	}
	ret = 0;
out:
	for (j = 0; j < 4; j++) {
		free(p.train_mem[j]);
		free(best_mem[j]);
	}
	free(lslots);
	free(cslots);
	free(tslots);
	free(reldict);
	cluster_builder_free(cb);
	lemma_builder_free(lb);
	free(order);
	for (i = 0; i < tags.n; i++)
		free(tags.v[i]);
	free(tags.v);
	for (i = 0; i < rels.n; i++)
		free(rels.v[i]);
	free(rels.v);
	sb_release(&pool);
	free_bank(&tr);
	free_bank(&dev);
	return ret;
}
