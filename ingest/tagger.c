/*
 * tagger.c: the greedy left-to-right averaged-perceptron tagger. Each token
 * gets one joint UPOS+XPOS tag from features of its form, affixes, shape,
 * neighbouring words and the two tags before it (model-int.h). A second,
 * stacked pass (trained on jackknifed first-pass output) also sees the
 * first pass's tags of the token and the two after it, which gives the
 * greedy tagger some right context (+0.3 UPOS on EWT dev).
 */
#include "ingest/tagger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/model-int.h"

#define BOS_HASH 0x1234567811111111ULL
#define EOS_HASH 0x8765432122222222ULL

void tokfeat_compute(struct tokfeat *tf, const char *form)
{
	char low[64] = { 0 }, shape[16];
	size_t n = strlen(form), m, i, k = 0;
	int up = 0, lo = 0;

	m = n < sizeof(low) ? n : sizeof(low);
	tf->flags = 0;
	tf->cl = 0;
	tf->fixed = 0;
	for (i = 0; i < m; i++) {
		unsigned char c = (unsigned char)form[i];
		char s;
		if (c >= 'A' && c <= 'Z') {
			low[i] = (char)(c + 32);
			s = 'X';
			up++;
		} else if (c >= '0' && c <= '9') {
			low[i] = '0';
			s = 'd';
			tf->flags |= TF_DIGIT;
		} else {
			low[i] = (char)c;
			if (c >= 'a' && c <= 'z') {
				s = 'x';
				lo++;
			} else if (c >= 0x80)
				s = 'u';
			else
				s = (char)c;
			if (c == '-')
				tf->flags |= TF_HYPHEN;
		}
		if (k < sizeof(shape) && (k == 0 || shape[k - 1] != s))
			shape[k++] = s;
	}
	if (up)
		tf->flags |= TF_UPPER;
	if (up > 1 && !lo)
		tf->flags |= TF_ALLCAP;
	tf->w = hash_bytes(low, m);
	tf->form = hash_bytes(form, n) ^ 0x5555;
	tf->shape = hash_bytes(shape, k) ^ 0x7777;
	for (i = 0; i < 3; i++)
		tf->pre[i] = m > i + 1 ? hash_bytes(low, i + 1) : 0;
	for (i = 0; i < 4; i++)
		tf->suf[i] = m > i + 1 ? hash_bytes(low + m - (i + 1), i + 1) : 0;
}

void tokfeat_clusters(const struct cluster_tab *ct, struct tokfeat *tf, int n)
{
	int i;
	for (i = 0; i < n; i++)
		tf[i].cl = cluster_lookup(ct, tf[i].w);
}

void tokfeat_tagdict(const struct cluster_tab *td, struct tokfeat *tf, int n)
{
	int i;
	for (i = 0; i < n; i++)
		tf[i].fixed = (int)cluster_lookup(td, tf[i].form);
}

/* Cluster of token i; sentence edges have values of their own. */
static uint32_t cat(const struct tokfeat *tf, int n, int i)
{
	if (i < 0)
		return 0xfffefffeu;
	if (i >= n)
		return 0xffffffffu;
	return tf[i].cl;
}

static uint64_t wat(const struct tokfeat *tf, int n, int i)
{
	if (i < 0)
		return BOS_HASH + (uint64_t)(-i);
	if (i >= n)
		return EOS_HASH + (uint64_t)(i - n);
	return tf[i].w;
}

/* The features that do not depend on earlier tags. */
static int static_features(const struct tokfeat *tf, int n, int i, uint64_t *k)
{
	const struct tokfeat *c = &tf[i];
	uint64_t wm1 = wat(tf, n, i - 1), wp1 = wat(tf, n, i + 1);
	int f = 0;

	k[f++] = fkey(0, 0, 0, 0);
	k[f++] = fkey(1, c->w, 0, 0);
	k[f++] = fkey(2, c->form, 0, 0);
	k[f++] = fkey(3, c->suf[0], 0, 0);
	k[f++] = fkey(4, c->suf[1], 0, 0);
	k[f++] = fkey(5, c->suf[2], 0, 0);
	k[f++] = fkey(6, c->suf[3], 0, 0);
	k[f++] = fkey(7, c->pre[0], 0, 0);
	k[f++] = fkey(8, c->pre[1], 0, 0);
	k[f++] = fkey(9, c->pre[2], 0, 0);
	k[f++] = fkey(10, c->shape, 0, 0);
	k[f++] = fkey(14, wm1, 0, 0);
	k[f++] = fkey(15, wat(tf, n, i - 2), 0, 0);
	k[f++] = fkey(16, wp1, 0, 0);
	k[f++] = fkey(17, wat(tf, n, i + 2), 0, 0);
	k[f++] = fkey(18, i > 0 ? tf[i - 1].suf[2] : 1, 0, 0);
	k[f++] = fkey(19, i + 1 < n ? tf[i + 1].suf[2] : 1, 0, 0);
	k[f++] = fkey(20, i + 1 < n ? tf[i + 1].shape : 1, 0, 0);
	k[f++] = fkey(21, wm1, c->w, 0);
	k[f++] = fkey(22, c->w, wp1, 0);
	k[f++] = fkey(23, i == 0, c->shape, 0);
	k[f++] = fkey(25, (uint64_t)c->flags, i == 0, 0);
	/* word clusters: the word's and its neighbours' */
	{
		uint32_t cm1 = cat(tf, n, i - 1), cp1 = cat(tf, n, i + 1);
		k[f++] = fkey(26, CL_FINE(c->cl), 0, 0);
		k[f++] = fkey(27, CL_FINE(cm1), 0, 0);
		k[f++] = fkey(28, CL_FINE(cp1), 0, 0);
		k[f++] = fkey(29, CL_COARSE(cm1), CL_COARSE(cp1), 0);
		/* what WordNet says the word (and the next) can be */
		k[f++] = fkey(34, CL_WN(c->cl), 0, 0);
		k[f++] = fkey(35, CL_WN(c->cl), c->suf[2], 0);
		k[f++] = fkey(37, CL_WN(c->cl), CL_WN(cp1), 0);
	}
	return f;
}

/* The features of the previous two tags (joint tag + 1, 0 = none). */
static int tag_features(const struct tokfeat *c, int t1, int t2, uint64_t *k)
{
	k[0] = fkey(11, (uint64_t)t1, 0, 0);
	k[1] = fkey(12, (uint64_t)t1, (uint64_t)t2, 0);
	k[2] = fkey(13, (uint64_t)t1, c->w, 0);
	k[3] = fkey(24, (uint64_t)t1, c->suf[2], 0);
	k[4] = fkey(30, (uint64_t)t1, CL_FINE(c->cl), 0);
	k[5] = fkey(36, (uint64_t)t1, CL_WN(c->cl), 0);
	return 6;
}

/* Stacking: what the first pass said about this token and the next two. */
static int stack_features(const struct tokfeat *tf, int n, int i, int t1,
			  const int *tags1, uint64_t *k)
{
	uint64_t r0 = (uint64_t)tags1[i] + 1;
	uint64_t r1 = i + 1 < n ? (uint64_t)tags1[i + 1] + 1 : 0;
	uint64_t r2 = i + 2 < n ? (uint64_t)tags1[i + 2] + 1 : 0;

	k[0] = fkey(40, r0, 0, 0);
	k[1] = fkey(41, r1, 0, 0);
	k[2] = fkey(42, r1, r2, 0);
	k[3] = fkey(43, r1, tf[i].w, 0);
	k[4] = fkey(44, (uint64_t)t1, r1, 0);
	k[5] = fkey(45, r0, r1, (uint64_t)t1);
	return 6;
}

int tagger_features(const struct tokfeat *tf, int n, int i, int t1, int t2,
		    const int *tags1, uint64_t *k)
{
	int f = static_features(tf, n, i, k);
	f += tag_features(&tf[i], t1, t2, k + f);
	if (tags1)
		f += stack_features(tf, n, i, t1, tags1, k + f);
	return f;
}

/* The best of nt scores (the first of equals). */
static int best_tag(const int32_t *score, int nt)
{
	int c, best = 0;
	for (c = 1; c < nt; c++)
		if (score[c] > score[best])
			best = c;
	return best;
}

/* One greedy pass with table t: the scores of the tag-independent
 * features of all tokens first (their lookups overlap in memory), then
 * left to right the features of the previous tags (and, for the stacked
 * pass, of the first pass's tags). With 'margin', also the difference
 * between the best and the second best score of each token. */
static void tag_pass(const struct ftab *t, int nt, const struct tokfeat *tf, int n,
		     const int *tags1, int *tags, int32_t *work, int32_t *margin)
{
	uint64_t keys[TAGGER_NFEAT];
	int i, c, best, stride = nt < DENSE_CLS ? DENSE_CLS : nt;
	int32_t *score;

	for (i = 0; i < n; i++) {
		int nk;
		if (tf[i].fixed)
			continue;
		nk = static_features(tf, n, i, keys);
		score = work + (size_t)i * stride;
		memset(score, 0, sizeof(*score) * (size_t)stride);
		ftab_score(t, keys, nk, score);
	}
	for (i = 0; i < n; i++) {
		int t1 = i > 0 ? tags[i - 1] + 1 : 0;
		int t2 = i > 1 ? tags[i - 2] + 1 : 0;
		int nk;
		if (tf[i].fixed) {	/* a word that always had one tag */
			tags[i] = tf[i].fixed - 1;
			if (margin)
				margin[i] = INT32_MAX;
			continue;
		}
		nk = tag_features(&tf[i], t1, t2, keys);
		if (tags1)
			nk += stack_features(tf, n, i, t1, tags1, keys + nk);
		score = work + (size_t)i * stride;
		ftab_score(t, keys, nk, score);
		if (margin) {
			int32_t top = score[0], second = INT32_MIN;
			best = 0;
			for (c = 1; c < nt; c++)
				if (score[c] > top) {
					second = top;
					top = score[c];
					best = c;
				} else if (score[c] > second)
					second = score[c];
			margin[i] = nt > 1 ? (int32_t)((int64_t)top - second > INT32_MAX ?
					INT32_MAX : (int64_t)top - second) : INT32_MAX;
		} else {
			best = best_tag(score, nt);
		}
		tags[i] = best;
	}
}

/* The stacked pass on the tokens the first pass was unsure of (margin
 * below the table's gate); the others keep their first-pass tag. */
static void tag_gated(const struct ftab *t, int nt, const struct tokfeat *tf, int n,
		      const int *tags1, const int32_t *margin, int *tags)
{
	uint64_t keys[TAGGER_NFEAT];
	int32_t score[MAX_TAGS];
	int i;

	for (i = 0; i < n; i++) {
		int t1, t2, nk;
		if (margin[i] >= (int32_t)t->gate) {
			tags[i] = tags1[i];
			continue;
		}
		t1 = i > 0 ? tags[i - 1] + 1 : 0;
		t2 = i > 1 ? tags[i - 2] + 1 : 0;
		nk = tagger_features(tf, n, i, t1, t2, tags1, keys);
		memset(score, 0, sizeof(*score) * (size_t)(nt < DENSE_CLS ? DENSE_CLS : nt));
		ftab_score(t, keys, nk, score);
		tags[i] = best_tag(score, nt);
	}
}

/* Both passes with one table whose rows hold the first pass's classes
 * 0..nt-1 and the second pass's nt..2nt-1: the tag-independent features,
 * the same keys in both passes, are looked up once. */
static void tag_merged(const struct ftab *t, int nt, const struct tokfeat *tf, int n,
		       int *tags1, int *tags, int32_t *work)
{
	uint64_t keys[TAGGER_NFEAT];
	int32_t s1[MAX_TAGS];
	int i, stride = 2 * nt;
	int32_t *score;

	for (i = 0; i < n; i++) {
		int nk = static_features(tf, n, i, keys);
		score = work + (size_t)i * stride;
		memset(score, 0, sizeof(*score) * (size_t)stride);
		ftab_score(t, keys, nk, score);
	}
	for (i = 0; i < n; i++) {
		int t1 = i > 0 ? tags1[i - 1] + 1 : 0;
		int t2 = i > 1 ? tags1[i - 2] + 1 : 0;
		int nk = tag_features(&tf[i], t1, t2, keys);
		if (tf[i].fixed) {
			tags1[i] = tf[i].fixed - 1;
			continue;
		}
		memcpy(s1, work + (size_t)i * stride, sizeof(*s1) * (size_t)nt);
		ftab_score_range(t, keys, nk, 0, (uint32_t)nt, s1);
		tags1[i] = best_tag(s1, nt);
	}
	for (i = 0; i < n; i++) {
		int t1 = i > 0 ? tags[i - 1] + 1 : 0;
		int t2 = i > 1 ? tags[i - 2] + 1 : 0;
		int nk = tag_features(&tf[i], t1, t2, keys);
		if (tf[i].fixed) {
			tags[i] = tf[i].fixed - 1;
			continue;
		}
		nk += stack_features(tf, n, i, t1, tags1, keys + nk);
		score = work + (size_t)i * stride + nt;
		ftab_score_range(t, keys, nk, (uint32_t)nt, (uint32_t)nt, score);
		tags[i] = best_tag(score, nt);
	}
}

void tagger_run(const struct parser *p, const struct tokfeat *tf, int n,
		int *tags, int32_t *work)
{
	int32_t *own = NULL;
	int *tags1;
	size_t stride = p->ntags < DENSE_CLS ? DENSE_CLS : (size_t)p->ntags;

	if (p->tagger.ncls == 2 * (uint32_t)p->ntags && !p->tagger.dense)
		stride = p->tagger.ncls;
	if (!work)
		work = own = xmalloc((size_t)n * (stride + 2) * sizeof(int32_t));
	if (stride == p->tagger.ncls && p->tagger.ncls == 2 * (uint32_t)p->ntags) {
		tags1 = (int *)(work + (size_t)n * stride);
		tag_merged(&p->tagger, p->ntags, tf, n, tags1, tags, work);
		free(own);
		return;
	}
	if (!p->tagger2.nent) {
		tag_pass(&p->tagger, p->ntags, tf, n, NULL, tags, work, NULL);
		free(own);
		return;
	}
	/* first-pass tags (and margins) go after the score rows */
	tags1 = (int *)(work + (size_t)n * stride);
	if (p->tagger2.gate) {
		int32_t *margin = work + (size_t)n * (stride + 1);
		tag_pass(&p->tagger, p->ntags, tf, n, NULL, tags1, work, margin);
		tag_gated(&p->tagger2, p->ntags, tf, n, tags1, margin, tags);
	} else {
		tag_pass(&p->tagger, p->ntags, tf, n, NULL, tags1, work, NULL);
		tag_pass(&p->tagger2, p->ntags, tf, n, tags1, tags, work, NULL);
	}
	free(own);
}

int tagger_ntags(const struct parser *p)
{
	return p->ntags;
}
