/*
 * model-int.h: private to the tagger, lemmatiser and parser. Feature
 * hashing, the two kinds of weight table (a growable float table for
 * training and the frozen, quantised, sparse table that ships), the model
 * file sections, and struct parser itself.
 *
 * A frozen table maps a 32-bit feature fingerprint to a sparse row of
 * (class, int16 weight) entries packed in uint32s; scores are int32 sums,
 * so tagging and parsing never touch floating point.
 */
#ifndef ENTENTE_MODEL_INT_H
#define ENTENTE_MODEL_INT_H

#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ingest/parser.h"
#include "util.h"

/*==== Hashing ====*/

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Feature key from a template number and up to three values (word hashes
 * or small integers): one multiply per value and one final mix. */
static inline uint64_t fkey(unsigned tmpl, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t h = ((uint64_t)(tmpl + 1) * 0x9e3779b97f4a7c15ULL) ^ a;
	h *= 0xff51afd7ed558ccdULL;
	h ^= b * 0xc4ceb9fe1a85ec53ULL;
	h ^= (c * 0x2545f4914f6cdd1dULL) >> 7 | (c * 0x2545f4914f6cdd1dULL) << 57;
	return mix64(h);
}

uint64_t hash_bytes(const char *s, size_t n);

/* The xorshift64* generator of training and clustering: deterministic
 * given the seed in *state (never 0). */
static inline uint64_t xorshift64s(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1DULL;
}

/*==== Frozen tables ====*/

/* A frozen table is an array of 64-byte buckets (one cache line each); a
 * feature lives in bucket ((k >> 32) * nbuckets) >> 32 or nowhere: when a
 * bucket is full at freeze time the least important rows are dropped, so a
 * lookup reads exactly one line and needs no data-dependent branch, and
 * the lookups of all features of a decision overlap in memory.
 * Sparse tables hold 8 slots of { fingerprint, entry offset << 8 | entry
 * count } per bucket, the entries elsewhere; dense tables (at most
 * DENSE_CLS classes: the parser's actions) hold 8 slots too, their 16-bit
 * fingerprints first and then int16 weight[3] each, so the 1.3M action
 * rows take 5/8 of the lines 32-bit fingerprints would (format 4). */
#define BUCKET_WORDS 16
#define SPARSE_SLOTS 8
#define DENSE_SLOTS 8
#define DENSE_CLS 3

struct ftab {
	uint32_t ncls;		/* number of classes */
	uint32_t nbuckets;
	uint32_t nent;		/* entries in ent[] (sparse tables) */
	int dense;		/* ncls <= DENSE_CLS */
	const uint32_t *bk;	/* nbuckets * BUCKET_WORDS words */
	const uint32_t *ent;	/* class << 16 | (uint16) weight */
	uint32_t gate;		/* second tagger pass only: run it on tokens whose
				 * first-pass margin is below this; 0 = on all */
	const uint64_t *keys64;	/* training only: full key of each slot, else NULL */
};

static inline uint32_t fkey32(uint64_t k)
{
	uint32_t f = (uint32_t)k;
	return f ? f : 1;
}

/* The 16-bit fingerprint of dense tables: other bits than the bucket's. */
static inline uint16_t fkey16(uint64_t k)
{
	uint16_t f = (uint16_t)k;
	return f ? f : 1;
}

static inline uint32_t ftab_bucket(const struct ftab *t, uint64_t k)
{
	return (uint32_t)(((k >> 32) * (uint64_t)t->nbuckets) >> 32);
}

#define FTAB_MAXK 96

/* The buckets of the nk features keys[] into bp[], prefetched. */
static inline void ftab_buckets(const struct ftab *t, const uint64_t *keys, int nk,
				const uint32_t **bp)
{
	int i;
	for (i = 0; i < nk; i++) {
		bp[i] = t->bk + (size_t)ftab_bucket(t, keys[i]) * BUCKET_WORDS;
		__builtin_prefetch(bp[i]);
	}
}

/* Of a sparse table: the row of each feature (entry offset << 8 | count,
 * 0 when absent) from its bucket, its entries prefetched. */
static inline void ftab_rows(const struct ftab *t, const uint64_t *keys, int nk,
			     const uint32_t *const *bp, uint32_t *row)
{
	int i, j;
	for (i = 0; i < nk; i++) {
		uint32_t f = fkey32(keys[i]), r = 0;
		const uint32_t *w = bp[i];
		for (j = 0; j < SPARSE_SLOTS; j++, w += 2)
			r |= w[1] & (0u - (uint32_t)(w[0] == f));
		row[i] = r;
		__builtin_prefetch(t->ent + (r >> 8));
	}
}

/* Add the rows of the nk features keys[] to score[] (which must have room
 * for DENSE_CLS classes at least). */
static inline void ftab_score(const struct ftab *t, const uint64_t *keys, int nk,
			      int32_t *score)
{
	const uint32_t *bp[FTAB_MAXK];
	int i, j;

	ftab_buckets(t, keys, nk, bp);
	if (t->dense) {
		int32_t s0 = 0, s1 = 0, s2 = 0;
		for (i = 0; i < nk; i++) {
			const uint16_t *fp = (const uint16_t *)bp[i];
			const int16_t *w = (const int16_t *)(bp[i] + 4);
			uint16_t f = fkey16(keys[i]);
			uint32_t m = 0, x;
			int32_t on;
#ifdef __SSE2__
			/* two mask bits per matching slot */
			m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi16(
				_mm_load_si128((const __m128i *)fp), _mm_set1_epi16((short)f)));
			x = (uint32_t)__builtin_ctz(m | 1u << 16) >> 1 & (DENSE_SLOTS - 1);
			(void)j;
#else
			for (j = 0; j < DENSE_SLOTS; j++)
				m |= (uint32_t)(fp[j] == f) << j;
			x = (uint32_t)__builtin_ctz(m | 1u << DENSE_SLOTS) & (DENSE_SLOTS - 1);
#endif
			/* no branch on presence: slot 0 times 0 when absent */
			on = m != 0;
			s0 += w[3 * x] * on;
			s1 += w[3 * x + 1] * on;
			s2 += w[3 * x + 2] * on;
		}
		score[0] += s0;
		score[1] += s1;
		score[2] += s2;
		return;
	}
	{
		uint32_t row[FTAB_MAXK];
		ftab_rows(t, keys, nk, bp, row);
		for (i = 0; i < nk; i++) {
			const uint32_t *e = t->ent + (row[i] >> 8);
			uint32_t n = row[i] & 255, x;
			for (x = 0; x < n; x++)
				score[e[x] >> 16] += (int16_t)(e[x] & 0xffff);
		}
	}
}

/* Like ftab_score() for a sparse table, but only classes lo..lo+span-1,
 * added to score[c - lo]. Rows list their entries by class. */
static inline void ftab_score_range(const struct ftab *t, const uint64_t *keys,
				    int nk, uint32_t lo, uint32_t span, int32_t *score)
{
	const uint32_t *bp[FTAB_MAXK];
	uint32_t row[FTAB_MAXK];
	int i;

	ftab_buckets(t, keys, nk, bp);
	ftab_rows(t, keys, nk, bp, row);
	for (i = 0; i < nk; i++) {
		const uint32_t *e = t->ent + (row[i] >> 8);
		uint32_t n = row[i] & 255, x;
		for (x = 0; x < n; x++) {
			uint32_t c = (e[x] >> 16) - lo;
			if (c < span)
				score[c] += (int16_t)(e[x] & 0xffff);
		}
	}
}

/* Merge two frozen sparse tables built by wtab_freeze() (keys64 set) into
 * one whose classes are a's followed by b's, so that a feature present in
 * both costs one lookup. Memory as for wtab_freeze(). */
void ftab_merge(const struct ftab *a, const struct ftab *b, struct ftab *out,
		void **pmem, size_t *pbytes);

/*==== Training tables ====*/

/* A map from 64-bit keys (key 0 is stored as 1) to 32-bit values, by open
 * addressing from the key's bits 20 and up, kept at most half full. Its
 * slots may be walked in order: keys[i] == 0 is an empty slot. */
struct keymap {
	size_t nslots;		/* power of two */
	size_t nused;
	uint64_t *keys;		/* 0 = empty */
	uint32_t *val;		/* slot -> value */
};

void keymap_init(struct keymap *m);
void keymap_release(struct keymap *m);
/* The value of key k, or -1. */
long keymap_get(const struct keymap *m, uint64_t k);
/* Give key k (not yet in the map) the value v. */
void keymap_add(struct keymap *m, uint64_t k, uint32_t v);

/* Averaged perceptron rows: w is the current weight, u the sum of
 * (time * update) so that the average is w - u / time (Daume's trick). */
struct wtab {
	uint32_t ncls;
	struct keymap map;	/* feature key -> row */
	uint32_t *count;	/* per row: times the feature was seen in updates */
	float *w, *u;		/* per row: ncls floats each */
	size_t nrows, rows_alloc;
};

void wtab_init(struct wtab *t, uint32_t ncls);
void wtab_release(struct wtab *t);
/* Row of feature k, or -1 when absent (and 'create' is 0). */
long wtab_row(struct wtab *t, uint64_t k, int create);
void wtab_score(const struct wtab *t, const uint64_t *keys, int nk, float *score);
/* w[cls] += d for all keys at time 'now'. */
void wtab_update(struct wtab *t, const uint64_t *keys, int nk, int cls,
		 float d, double now);

/* Quantise the averaged weights at time 'now' into a frozen table stored
 * in freshly allocated memory (*pmem, caller frees). Rows seen fewer than
 * 'min_count' times and weights below 'min_abs' of the largest are dropped. */
void wtab_freeze(const struct wtab *t, double now, unsigned min_count,
		 double min_abs, struct ftab *out, void **pmem, size_t *pbytes);

/*==== The model ====*/

#define MODEL_MAGIC "ENTPARS1"
#define MODEL_VERSION 4	/* 3: word clusters; 4: 8-slot dense buckets,
				 * relation dictionary */
#define MAX_TAGS 256
#define MAX_DEPRELS 128

enum { ACT_SHIFT, ACT_LEFT, ACT_RIGHT, ACT_COUNT };

struct lemma_slot {
	uint32_t key;		/* fingerprint of (lowercase form, class); 0 empty */
	uint32_t str;		/* offset of the lemma in the string pool */
};

struct lemma_tab {
	uint32_t mask;
	const struct lemma_slot *slots;
};

/* Word clusters: open addressing on the word hash, slots of { fingerprint
 * (low 32 bits of the hash, never 0), value }; value = fine cluster + 1 <<
 * 16 | WordNet parts of speech << 8 | coarse cluster + 1, where a cluster
 * number 0 means none. */
struct cluster_tab {
	uint32_t mask;			/* slots - 1 (a power of two minus one) */
	const uint32_t *slots;		/* 2 * (mask + 1) words */
};
#define CL_COARSE(v) ((v) & 0xff)
#define CL_WN(v) ((v) >> 8 & 0xff)
#define CL_FINE(v) ((v) >> 16)
enum { CL_WN_NOUN = 1, CL_WN_VERB = 2, CL_WN_ADJ = 4, CL_WN_ADV = 8 };

static inline uint32_t cluster_lookup(const struct cluster_tab *t, uint64_t w)
{
	uint32_t f = fkey32(w), j = (uint32_t)(w >> 32) & t->mask, k;

	if (!t->slots)
		return 0;
	for (k = 0; k <= t->mask; k++) {
		const uint32_t *s = t->slots + 2 * (size_t)j;
		if (s[0] == f)
			return s[1];
		if (!s[0])
			return 0;
		j = (j + 1) & t->mask;
	}
	return 0;
}

/* Building clusters from running text (ingest/cluster.c): add sentences
 * (the treebank's, unlabeled news), then finish into a slot array
 * (*pslots, caller frees, *pnslots a power of two). Deterministic. */
struct cluster_builder;
struct cluster_builder *cluster_builder_new(void);
void cluster_builder_add(struct cluster_builder *b, const char *const *forms, int n);
/* Sentences of the articles of a .jsonl file (key "text"), split and
 * tokenised as entente does; 0 or -1 with a message. */
int cluster_builder_add_jsonl(struct cluster_builder *b, const char *path);
/* Mark the words added so far with their WordNet parts of speech, from
 * index.* and *.exc in 'dir'. 0 or -1 with a message. */
int cluster_builder_wordnet(struct cluster_builder *b, const char *dir);
void cluster_builder_finish(struct cluster_builder *b, int quiet,
			    uint32_t **pslots, uint32_t *pnslots);
void cluster_builder_free(struct cluster_builder *b);

struct parser {
	const unsigned char *data;	/* the model bytes */
	size_t size;
	void *owned;			/* malloc'd copy of a loaded file, or NULL */
	const char *strings;		/* string pool */
	size_t strings_len;
	int ntags;			/* joint UPOS+XPOS tags */
	int tag_upos[MAX_TAGS];
	const char *tag_xpos[MAX_TAGS];
	int ndeprel;
	const char *deprel[MAX_DEPRELS];
	int punct_deprel;		/* index of "punct" or -1 */
	struct ftab tagger, act, lab;
	struct ftab tagger2;		/* stacked second pass; nent 0 = none */
	struct lemma_tab lemma;
	struct cluster_tab clusters;	/* no slots = none */
	struct cluster_tab tagdict;	/* exact form -> joint tag + 1 of words
					 * that always had that tag; no slots = none */
	const uint32_t *reldict;	/* per joint tag: relation + 1 that arcs to
					 * a dependent with that tag always had, so
					 * it is not scored; 0 = score; NULL = none */
	void *train_mem[4];		/* frozen tables built in memory (training) */
};

/* Parse 'size' bytes at 'data' (kept alive by the caller) into 'p'.
 * 'name' names the source in messages. */
int model_open(struct parser *p, const unsigned char *data, size_t size,
	       const char *name);

/* Serialise a parser into a model file image (caller frees *pbuf). */
void model_serialise(const struct parser *p, const struct lemma_slot *lslots,
		     uint32_t lnslots, unsigned char **pbuf, size_t *plen);
/* The cluster section (p->clusters) is written too. */

uint64_t model_checksum(const unsigned char *p, size_t n);

/*==== Internal pieces shared with training and tests ====*/

/* Per-sentence token features (hashes) the tagger and parser use. */
struct tokfeat {
	uint64_t w;		/* lowercase form */
	uint64_t form;		/* exact form */
	uint64_t shape;
	uint64_t pre[3];	/* 1..3 byte prefixes of lowercase form */
	uint64_t suf[4];	/* 1..4 byte suffixes */
	int flags;		/* TF_* */
	uint32_t cl;		/* word cluster (cluster_tab value), 0 none */
	int fixed;		/* joint tag + 1 from the tag dictionary, 0 none */
};
enum { TF_UPPER = 1, TF_DIGIT = 2, TF_HYPHEN = 4, TF_ALLCAP = 8 };

void tokfeat_compute(struct tokfeat *tf, const char *form);
/* Set tf[0..n-1].cl from a cluster table. */
void tokfeat_clusters(const struct cluster_tab *ct, struct tokfeat *tf, int n);
/* Set tf[0..n-1].fixed from a tag dictionary (tokfeat_compute() clears it;
 * training the tagger leaves it clear, so it learns every token). */
void tokfeat_tagdict(const struct cluster_tab *td, struct tokfeat *tf, int n);

#define TAGGER_NFEAT 41
/* Keys of the tagging features of token i given the two previous tags
 * (joint tag + 1, 0 = none); with tags1 (first-pass tags of all n tokens)
 * also the stacked features of the second pass: the first pass's tags of
 * this token and the two after it. */
int tagger_features(const struct tokfeat *tf, int n, int i, int t1, int t2,
		    const int *tags1, uint64_t *keys);
/* Tag n tokens with the frozen table; tags[] receive joint tag ids. 'work'
 * holds n * (max(ntags, DENSE_CLS) + 2) int32s (2 * ntags + 1 with both
 * passes in one table), or is NULL to allocate. */
void tagger_run(const struct parser *p, const struct tokfeat *tf, int n,
		int *tags, int32_t *work);

/* Lemma of a form with a given joint tag; writes to out (size outsz). */
void lemma_of(const struct parser *p, const char *form, int tag, char *out,
	      size_t outsz);
/* Building the lemma table: add (form, xpos) -> lemma evidence. */
struct lemma_builder;
struct lemma_builder *lemma_builder_new(void);
void lemma_builder_add(struct lemma_builder *b, const char *form,
		       int tag, const char *lemma);
/* WordNet exception list file for class 'cls' (LEMMA_CLS_*). */
int lemma_builder_exc(struct lemma_builder *b, const char *path, int cls);
/* Finish: most frequent lemma per key; appends lemma strings to 'pool'. */
void lemma_builder_finish(struct lemma_builder *b, struct strbuf *pool,
			  struct lemma_slot **pslots, uint32_t *pnslots);
void lemma_builder_free(struct lemma_builder *b);
enum { LEMMA_CLS_VERB = 1000, LEMMA_CLS_NOUN, LEMMA_CLS_ADJ, LEMMA_CLS_ADV };
uint32_t lemma_key(const char *lower, size_t n, int cls);

/* Parser state for transitions (arc-hybrid); tokens 1..n, 0 = root. */
struct pstate {
	int n;
	int *stack, sp;		/* stack[0] = 0 (root); sp = stack depth */
	int b;			/* front of buffer, n + 1 when empty */
	int *head, *label;
	int *lc1, *lc2, *rc1, *rc2;	/* left/rightmost children, 0 none */
	int *nl, *nr;		/* number of left/right children */
	uint64_t *lset, *rset;	/* bit sets of child labels */
	int *cverb, *cpunct;	/* [i]: verbs/punctuation among tokens 1..i */
};

/* Fill st->cverb/cpunct from the UPOS of tokens 1..n (upos[0] = token 1). */
void pstate_counts(struct pstate *st, const int *upos, int n);

void pstate_alloc(struct pstate *st, int n);
void pstate_free(struct pstate *st);
void pstate_reset(struct pstate *st, int n);
int pstate_legal(const struct pstate *st, int act);
int pstate_final(const struct pstate *st);
void pstate_apply(struct pstate *st, int act, int label);
/* Dynamic-oracle cost of 'act' against gold heads gh[1..n]. */
int pstate_cost(const struct pstate *st, int act, const int *gh);

#define PARSER_NFEAT 96
#define LABEL_NFEAT 28
/* Word hashes ws[0..n+1] (0 root, n+1 none), tags ts[] and word clusters
 * cs[] likewise. */
int parser_features(const struct pstate *st, const uint64_t *ws,
		    const int *ts, const uint32_t *cs, uint64_t *keys);
int label_features(const struct pstate *st, const uint64_t *ws,
		   const int *ts, const uint32_t *cs, int dir, uint64_t *keys);
/* Fill ws, ts, cs (n + 2 items) from the tokens' features and joint tags. */
void parser_inputs(const struct tokfeat *tf, const int *tag, int n,
		   uint64_t *ws, int *ts, uint32_t *cs);

#endif
