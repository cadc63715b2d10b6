/*
 * cluster.c: distributional word clusters for the tagger and parser.
 * Word clusters are the classic gain for feature-based parsers (Koo,
 * Carreras & Collins 2008, with Brown clusters); this is a cheaper,
 * deterministic stand-in: each of the CL_MAX_WORDS most frequent words
 * (lowercased, digits as 0: the tokfeat word hash) is described by the
 * counts of the CL_CONTEXTS most frequent words just left and just right
 * of it (square roots, unit length), and spherical k-means groups the
 * words into CL_NCOARSE clusters, then each of those into CL_NSPLIT, which
 * gives two granularities. It runs at training time over the treebank's
 * sentences and unlabeled news text; the model keeps only word
 * fingerprint -> cluster ids (model-int.h). The same table tells which
 * parts of speech WordNet gives each word of the text (its index and
 * exception files, with regular inflections), a tagger feature.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/article.h"
#include "ingest/model-int.h"
#include "ingest/reader.h"
#include "ingest/sentence.h"
#include "ingest/token.h"
#include "util.h"

#define CL_MAX_WORDS 50000	/* words that get a cluster, most frequent first */
#define CL_MIN_COUNT 3		/* ... and seen at least this often */
#define CL_CONTEXTS 300		/* context words on each side */
#define CL_NCOARSE 64
#define CL_NSPLIT 16		/* fine clusters per coarse one */
#define CL_ITER 12		/* k-means rounds */
#define CL_BOUNDARY 0xffffffffu	/* sentence boundary in the token stream */

struct cluster_builder {
	struct keymap words;	/* word hash -> word index */
	size_t nwords;
	uint64_t *whash;	/* per word: its hash */
	uint32_t *count;	/* per word: occurrences */
	unsigned char *wn;	/* per word: WordNet parts of speech (CL_WN_*) */
	size_t walloc;
	uint32_t *stream;	/* word indexes, CL_BOUNDARY between sentences */
	size_t nstream, salloc;
};

struct cluster_builder *cluster_builder_new(void)
{
	struct cluster_builder *b = xcalloc(1, sizeof(*b));
	keymap_init(&b->words);
	return b;
}

void cluster_builder_free(struct cluster_builder *b)
{
	if (!b)
		return;
	keymap_release(&b->words);
	free(b->whash);
	free(b->count);
	free(b->wn);
	free(b->stream);
	free(b);
}

static uint32_t word_index(struct cluster_builder *b, uint64_t h)
{
	long i = keymap_get(&b->words, h);

	if (i >= 0)
		return (uint32_t)i;
	h = h ? h : 1;
	ALLOC_GROW(b->whash, b->nwords + 1, b->walloc);
	b->count = xrealloc(b->count, b->walloc * sizeof(*b->count));
	b->wn = xrealloc(b->wn, b->walloc);
	keymap_add(&b->words, h, (uint32_t)b->nwords);
	b->whash[b->nwords] = h;
	b->count[b->nwords] = 0;
	b->wn[b->nwords] = 0;
	return (uint32_t)b->nwords++;
}

static void push(struct cluster_builder *b, uint32_t v)
{
	ALLOC_GROW(b->stream, b->nstream + 1, b->salloc);
	b->stream[b->nstream++] = v;
}

void cluster_builder_add(struct cluster_builder *b, const char *const *forms, int n)
{
	struct tokfeat tf;
	int i;

	if (n < 1)
		return;
	if (!b->nstream)
		push(b, CL_BOUNDARY);
	for (i = 0; i < n; i++) {
		uint32_t w;
		tokfeat_compute(&tf, forms[i]);
		w = word_index(b, tf.w);
		b->count[w]++;
		push(b, w);
	}
	push(b, CL_BOUNDARY);
}

struct jsonl_ctx {
	struct cluster_builder *b;
	struct token_list tl;
	struct sentence_list sl;
	const char **toks;
	size_t alloc;
};

static int add_article(struct article *a, void *ctx)
{
	struct jsonl_ctx *c = ctx;
	size_t s, i;

	tokenize(a->text, a->text_len, &c->tl);
	sentence_split(a->text, &c->tl, &c->sl);
	for (s = 0; s < c->sl.n; s++) {
		ALLOC_GROW(c->toks, c->sl.v[s].n, c->alloc);
		for (i = 0; i < c->sl.v[s].n; i++)
			c->toks[i] = c->tl.v[c->sl.v[s].first + i].form;
		cluster_builder_add(c->b, c->toks, (int)c->sl.v[s].n);
	}
	return 0;
}

int cluster_builder_add_jsonl(struct cluster_builder *b, const char *path)
{
	struct jsonl_ctx c = { b, TOKEN_LIST_INIT, SENTENCE_LIST_INIT, NULL, 0 };
	struct reader_opts o;
	char *paths[1];
	int r;

	memset(&o, 0, sizeof(o));
	o.jsonl = 1;
	paths[0] = (char *)path;
	r = reader_run(paths, 1, &o, add_article, &c, NULL);
	token_list_release(&c.tl);
	sentence_list_release(&c.sl);
	free(c.toks);
	return r;
}

/*==== WordNet parts of speech ====*/

/* Mark the word w (if the text had it) with the class bits. */
static void wn_mark(struct cluster_builder *b, const char *w, unsigned bits)
{
	struct tokfeat tf;
	long i;

	tokfeat_compute(&tf, w);
	if ((i = keymap_get(&b->words, tf.w)) >= 0)
		b->wn[i] |= (unsigned char)bits;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The lemma and the inflected forms it may have: regular suffixes with
 * the usual spelling changes. Forms that are no words do no harm: only
 * words of the text get marked. */
static void wn_forms(struct cluster_builder *b, const char *lemma, size_t n,
		     unsigned bits)
{
	static const char *const noun[] = { "s", "es", NULL };
	static const char *const verb[] = { "s", "es", "d", "ed", "ing", NULL };
	static const char *const adj[] = { "r", "er", "st", "est", NULL };
	const char *const *suf = bits == CL_WN_NOUN ? noun : bits == CL_WN_VERB ? verb :
				 bits == CL_WN_ADJ ? adj : NULL;
	char w[80];
	char last = lemma[n - 1];
	int k;

	if (n + 6 > sizeof(w))
		return;
	memcpy(w, lemma, n);
	w[n] = '\0';
	wn_mark(b, w, bits);
	for (k = 0; suf && suf[k]; k++) {
		size_t m = strlen(suf[k]);
		memcpy(w + n, suf[k], m + 1);
		wn_mark(b, w, bits);
		/* y -> i ("ratifies", "tried", "happier") */
		if (last == 'y' && n > 1 && !is_vowel(lemma[n - 2]) && suf[k][0] == 'e') {
			w[n - 1] = 'i';
			wn_mark(b, w, bits);
			w[n - 1] = last;
		}
		/* e dropped ("making"), consonant doubled ("stopped") */
		if (last == 'e' && (suf[k][0] == 'i' || suf[k][0] == 'e')) {
			memcpy(w + n - 1, suf[k], m + 1);
			wn_mark(b, w, bits);
		}
		if (!is_vowel(last) && suf[k][0] != 's' && suf[k][0] != 'r' && suf[k][0] != 'd') {
			w[n] = last;
			memcpy(w + n + 1, suf[k], m + 1);
			wn_mark(b, w, bits);
		}
		w[n] = '\0';
	}
}

int cluster_builder_wordnet(struct cluster_builder *b, const char *dir)
{
	static const char *const name[] = { "noun", "verb", "adj", "adv" };
	static const unsigned bit[] = { CL_WN_NOUN, CL_WN_VERB, CL_WN_ADJ, CL_WN_ADV };
	char path[1024], line[4096];
	int c, exc;

	for (c = 0; c < 4; c++)
		for (exc = 0; exc < 2; exc++) {
			FILE *f;
			snprintf(path, sizeof(path), "%s/%s.%s", dir,
				 exc ? name[c] : "index", exc ? "exc" : name[c]);
			if (!(f = fopen(path, "r")))
				return error("cannot open WordNet file '%s'", path);
			while (fgets(line, sizeof(line), f)) {
				size_t n = strcspn(line, " \n");
				if (line[0] == ' ' || !n || memchr(line, '_', n))
					continue;	/* licence header, multiword entries */
				line[n] = '\0';
				if (exc)	/* irregular forms: "went", "children" */
					wn_mark(b, line, bit[c]);
				else
					wn_forms(b, line, n, bit[c]);
			}
			fclose(f);
		}
	return 0;
}

/*==== Clustering ====*/

/* Sparse unit vectors, one row per word (CSR). */
struct rows {
	size_t n;
	size_t *start;		/* n + 1 */
	uint32_t *dim;
	float *val;
};

static uint64_t rng;

static uint64_t rnd(void)
{
	return xorshift64s(&rng);
}

static float dot(const struct rows *r, size_t i, const float *c)
{
	float s = 0;
	size_t x;
	for (x = r->start[i]; x < r->start[i + 1]; x++)
		s += r->val[x] * c[r->dim[x]];
	return s;
}

/* Spherical k-means of the rows mem[0..m-1] into k clusters (out[i] in
 * 0..k-1); centroids seeded k-means++ style from the fixed generator. */
static void kmeans(const struct rows *r, size_t dims, const uint32_t *mem, size_t m,
		   int k, uint32_t *out)
{
	float *cen, *best;
	size_t i, x;
	int c, it, kk = (size_t)k < m ? k : (int)m;

	if (m == 0)
		return;
	cen = xcalloc((size_t)kk * dims, sizeof(float));
	best = xmalloc(m * sizeof(float));
	/* seeding: first a random row, then rows far (in cosine) from all chosen */
	for (i = 0; i < m; i++)
		best[i] = -2;
	for (c = 0; c < kk; c++) {
		size_t pick = 0;
		if (c == 0)
			pick = (size_t)(rnd() % m);
		else {
			double tot = 0, u;
			for (i = 0; i < m; i++)
				tot += 1.0 - best[i];
			u = (double)(rnd() >> 11) / 9007199254740992.0 * tot;
			for (i = 0; i < m; i++) {
				u -= 1.0 - best[i];
				if (u <= 0)
					break;
			}
			pick = i < m ? i : m - 1;
		}
		for (x = r->start[mem[pick]]; x < r->start[mem[pick] + 1]; x++)
			cen[(size_t)c * dims + r->dim[x]] = r->val[x];
		for (i = 0; i < m; i++) {
			float d = dot(r, mem[i], cen + (size_t)c * dims);
			if (d > best[i])
				best[i] = d;
		}
	}
	for (it = 0; it < CL_ITER; it++) {
		for (i = 0; i < m; i++) {
			float bd = -2;
			int bc = 0;
			for (c = 0; c < kk; c++) {
				float d = dot(r, mem[i], cen + (size_t)c * dims);
				if (d > bd) {
					bd = d;
					bc = c;
				}
			}
			out[i] = (uint32_t)bc;
		}
		if (it == CL_ITER - 1)
			break;
		/* new centroids: normalised sums; an empty cluster keeps its own */
		{
			float *sum = xcalloc((size_t)kk * dims, sizeof(float));
			int *sz = xcalloc((size_t)kk, sizeof(int));
			for (i = 0; i < m; i++) {
				float *s = sum + (size_t)out[i] * dims;
				sz[out[i]]++;
				for (x = r->start[mem[i]]; x < r->start[mem[i] + 1]; x++)
					s[r->dim[x]] += r->val[x];
			}
			for (c = 0; c < kk; c++) {
				double nn = 0;
				float *s = sum + (size_t)c * dims;
				if (!sz[c])
					continue;
				for (x = 0; x < dims; x++)
					nn += (double)s[x] * s[x];
				nn = nn > 0 ? 1.0 / sqrt(nn) : 0;
				for (x = 0; x < dims; x++)
					cen[(size_t)c * dims + x] = (float)(s[x] * nn);
			}
			free(sum);
			free(sz);
		}
	}
	free(cen);
	free(best);
}

static const struct cluster_builder *sort_b;

static int by_count(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	if (sort_b->count[a] != sort_b->count[b])
		return sort_b->count[a] > sort_b->count[b] ? -1 : 1;
	return sort_b->whash[a] < sort_b->whash[b] ? -1 : sort_b->whash[a] > sort_b->whash[b];
}

void cluster_builder_finish(struct cluster_builder *b, int quiet,
			    uint32_t **pslots, uint32_t *pnslots)
{
	uint32_t *order, *rank, *coarse, *fine, *mem, *sub, ns;
	size_t v = 0, i, dims = 2 * (CL_CONTEXTS + 1), nnz = 0;
	struct rows r;
	float *acc;
	uint32_t *slots;
	int c;

	order = xmalloc((b->nwords + 1) * sizeof(*order));
	rank = xmalloc((b->nwords + 1) * sizeof(*rank));
	for (i = 0; i < b->nwords; i++)
		order[i] = (uint32_t)i;
	sort_b = b;
	qsort(order, b->nwords, sizeof(*order), by_count);
	while (v < b->nwords && v < CL_MAX_WORDS && b->count[order[v]] >= CL_MIN_COUNT)
		v++;
	for (i = 0; i < b->nwords; i++)
		rank[order[i]] = (uint32_t)i;
	/* context vectors: left neighbour in 0..C, right in C+1..2C+1
	 * (C = the boundary or a rarer word) */
	r.n = v;
	r.start = xcalloc(v + 1, sizeof(*r.start));
	acc = xcalloc(dims, sizeof(float));
	{
		/* count per word in one pass: positions grouped by word */
		size_t *first = xcalloc(v + 1, sizeof(size_t)), *pos, p;
		for (p = 0; p < b->nstream; p++)
			if (b->stream[p] != CL_BOUNDARY && rank[b->stream[p]] < v)
				first[rank[b->stream[p]] + 1]++;
		for (i = 0; i < v; i++)
			first[i + 1] += first[i];
		pos = xmalloc((first[v] + 1) * sizeof(size_t));
		{
			size_t *fill = xmalloc((v + 1) * sizeof(size_t));
			memcpy(fill, first, (v + 1) * sizeof(size_t));
			for (p = 0; p < b->nstream; p++)
				if (b->stream[p] != CL_BOUNDARY && rank[b->stream[p]] < v)
					pos[fill[rank[b->stream[p]]]++] = p;
			free(fill);
		}
		r.dim = NULL;
		r.val = NULL;
		{
			size_t alloc = 0, x;
			for (i = 0; i < v; i++) {
				double nn = 0;
				for (x = first[i]; x < first[i + 1]; x++) {
					uint32_t l = b->stream[pos[x] - 1], rr = b->stream[pos[x] + 1];
					uint32_t lc = l == CL_BOUNDARY || rank[l] >= CL_CONTEXTS ?
						CL_CONTEXTS : rank[l];
					uint32_t rc = rr == CL_BOUNDARY || rank[rr] >= CL_CONTEXTS ?
						CL_CONTEXTS : rank[rr];
					acc[lc] += 1;
					acc[CL_CONTEXTS + 1 + rc] += 1;
				}
				for (x = 0; x < dims; x++)
					nn += acc[x];	/* sum of sqrt(count)^2 */
				nn = nn > 0 ? 1.0 / sqrt(nn) : 0;
				for (x = 0; x < dims; x++) {
					if (!acc[x])
						continue;
					ALLOC_GROW(r.dim, nnz + 1, alloc);
					r.val = xrealloc(r.val, alloc * sizeof(float));
					r.dim[nnz] = (uint32_t)x;
					r.val[nnz] = (float)(sqrt(acc[x]) * nn);
					nnz++;
					acc[x] = 0;
				}
				r.start[i + 1] = nnz;
			}
		}
		free(first);
		free(pos);
	}
	free(acc);
	/* coarse clusters of all words, then each split */
	rng = 0x9e3779b97f4a7c15ULL;
	mem = xmalloc((v + 1) * sizeof(*mem));
	coarse = xmalloc((v + 1) * sizeof(*coarse));
	fine = xmalloc((v + 1) * sizeof(*fine));
	sub = xmalloc((v + 1) * sizeof(*sub));
	for (i = 0; i < v; i++)
		mem[i] = (uint32_t)i;
	kmeans(&r, dims, mem, v, CL_NCOARSE, coarse);
	for (c = 0; c < CL_NCOARSE; c++) {
		size_t m = 0;
		for (i = 0; i < v; i++)
			if (coarse[i] == (uint32_t)c)
				mem[m++] = (uint32_t)i;
		kmeans(&r, dims, mem, m, CL_NSPLIT, sub);
		for (i = 0; i < m; i++)
			fine[mem[i]] = (uint32_t)c * CL_NSPLIT + sub[i];
	}
	/* the table (clustered words, and rarer ones WordNet knows): load
	 * at most 1/2 */
	{
		size_t nt = v;
		for (i = v; i < b->nwords; i++)
			nt += b->wn[order[i]] != 0;
		for (ns = 1024; ns < 2 * nt; ns *= 2)
			;
	}
	slots = xcalloc((size_t)ns * 2, sizeof(uint32_t));
	for (i = 0; i < b->nwords; i++) {
		uint64_t h = b->whash[order[i]];
		uint32_t f = fkey32(h), j = (uint32_t)(h >> 32) & (ns - 1);
		uint32_t wn = b->wn[order[i]];
		if (i >= v && !wn)
			continue;
		while (slots[2 * (size_t)j] && slots[2 * (size_t)j] != f)
			j = (j + 1) & (ns - 1);
		if (slots[2 * (size_t)j])
			continue;	/* fingerprint clash: the more frequent word keeps it */
		slots[2 * (size_t)j] = f;
		slots[2 * (size_t)j + 1] = i < v ?
			(fine[i] + 1) << 16 | wn << 8 | (coarse[i] + 1) : wn << 8;
	}
	if (!quiet)
		fprintf(stderr, "clusters: %zu running words, %zu distinct, %zu clustered "
			"into %d x %d\n", b->nstream, b->nwords, v, CL_NCOARSE, CL_NSPLIT);
	free(order);
	free(rank);
	free(mem);
	free(coarse);
	free(fine);
	free(sub);
	free(r.start);
	free(r.dim);
	free(r.val);
	*pslots = slots;
	*pnslots = ns;
}
