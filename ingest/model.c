/*
 * model.c: weight tables and the model file (see model-int.h).
 *
 * File layout (little-endian, every section 64-byte aligned):
 *   header  magic "ENTPARS1", u32 version, u32 nsections, u64 file length,
 *           u64 checksum of bytes [64, length), zero padding to 64 bytes
 *   directory  nsections x { u32 id, u32 0, u64 offset, u64 length }
 *   sections   strings, tags, deprels, frozen tables, lemmas, word clusters,
 *              tag dictionary, relation dictionary (format 4)
 */
#include "ingest/model-int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return mix64(h ^ n);
}

/*==== Training tables ====*/

void keymap_init(struct keymap *m)
{
	m->nslots = 1 << 16;
	m->nused = 0;
	m->keys = xcalloc(m->nslots, sizeof(*m->keys));
	m->val = xcalloc(m->nslots, sizeof(*m->val));
}

void keymap_release(struct keymap *m)
{
	free(m->keys);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

/* The slot of key k, or of the empty slot where it would go. */
static size_t keymap_slot(const struct keymap *m, uint64_t k)
{
	size_t j = (size_t)(k >> 20) & (m->nslots - 1);
	while (m->keys[j] && m->keys[j] != k)
		j = (j + 1) & (m->nslots - 1);
	return j;
}

long keymap_get(const struct keymap *m, uint64_t k)
{
	size_t j = keymap_slot(m, k ? k : 1);
	return m->keys[j] ? (long)m->val[j] : -1;
}

void keymap_add(struct keymap *m, uint64_t k, uint32_t v)
{
	size_t j;

	if (!k)
		k = 1;
	if ((m->nused + 1) * 2 > m->nslots) {
		struct keymap big;
		size_t i;
		big.nslots = m->nslots * 2;
		big.nused = m->nused;
		big.keys = xcalloc(big.nslots, sizeof(*big.keys));
		big.val = xcalloc(big.nslots, sizeof(*big.val));
		for (i = 0; i < m->nslots; i++)
			if (m->keys[i]) {
				j = keymap_slot(&big, m->keys[i]);
				big.keys[j] = m->keys[i];
				big.val[j] = m->val[i];
			}
		free(m->keys);
		free(m->val);
		*m = big;
	}
	j = keymap_slot(m, k);
	m->keys[j] = k;
	m->val[j] = v;
	m->nused++;
}

void wtab_init(struct wtab *t, uint32_t ncls)
{
	memset(t, 0, sizeof(*t));
	t->ncls = ncls;
	keymap_init(&t->map);
}

void wtab_release(struct wtab *t)
{
	keymap_release(&t->map);
	free(t->count);
	free(t->w);
	free(t->u);
	memset(t, 0, sizeof(*t));
}

long wtab_row(struct wtab *t, uint64_t k, int create)
{
	long r = keymap_get(&t->map, k);

	if (r >= 0 || !create)
		return r;
	if (t->nrows + 1 > t->rows_alloc) {
		t->rows_alloc = t->rows_alloc ? t->rows_alloc * 2 : 4096;
		t->count = xrealloc(t->count, t->rows_alloc * sizeof(*t->count));
		t->w = xrealloc(t->w, t->rows_alloc * t->ncls * sizeof(float));
		t->u = xrealloc(t->u, t->rows_alloc * t->ncls * sizeof(float));
	}
	keymap_add(&t->map, k, (uint32_t)t->nrows);
	t->count[t->nrows] = 0;
	memset(t->w + t->nrows * t->ncls, 0, t->ncls * sizeof(float));
	memset(t->u + t->nrows * t->ncls, 0, t->ncls * sizeof(float));
	return (long)t->nrows++;
}

void wtab_score(const struct wtab *t, const uint64_t *keys, int nk, float *score)
{
	int i;
	uint32_t c;

	for (i = 0; i < nk; i++) {
		long r = wtab_row((struct wtab *)t, keys[i], 0);
		const float *w;
		if (r < 0)
			continue;
		w = t->w + (size_t)r * t->ncls;
		for (c = 0; c < t->ncls; c++)
			score[c] += w[c];
	}
}

void wtab_update(struct wtab *t, const uint64_t *keys, int nk, int cls,
		 float d, double now)
{
	int i;

	for (i = 0; i < nk; i++) {
		long r = wtab_row(t, keys[i], 1);
		t->w[(size_t)r * t->ncls + cls] += d;
		t->u[(size_t)r * t->ncls + cls] += (float)(now * d);
		if (t->count[r] < 0xffffffffu)
			t->count[r]++;
	}
}

static double avg_w(const struct wtab *t, size_t r, uint32_t c, double now)
{
	size_t x = r * t->ncls + c;
	return t->w[x] - t->u[x] / now;
}

/* Insert the row of key k into bucket b: its slot number, or -1 when the
 * bucket is full or a stronger row has the same fingerprint there. */
static int bucket_insert(uint32_t *bk, uint32_t b, int dense, uint64_t k)
{
	uint32_t *w = bk + (size_t)b * BUCKET_WORDS;
	int j;

	if (dense) {
		uint16_t *fp = (uint16_t *)w, f = fkey16(k);
		for (j = 0; j < DENSE_SLOTS; j++) {
			if (fp[j] == f)
				return -1;
			if (!fp[j]) {
				fp[j] = f;
				return j;
			}
		}
		return -1;
	}
	for (j = 0; j < SPARSE_SLOTS; j++) {
		if (w[2 * j] == fkey32(k))
			return -1;	/* fingerprint clash: first (stronger) row wins */
		if (!w[2 * j]) {
			w[2 * j] = fkey32(k);
			return j;
		}
	}
	return -1;
}

struct rank {
	double imp;		/* sum of |averaged weight| */
	uint64_t key;
	size_t row;
};

static int rank_cmp(const void *a, const void *b)
{
	const struct rank *x = a, *y = b;
	if (x->imp != y->imp)
		return x->imp > y->imp ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

void wtab_freeze(const struct wtab *t, double now, unsigned min_count,
		 double min_abs, struct ftab *out, void **pmem, size_t *pbytes)
{
	double maxw = 0, scale, thr;
	size_t r, i, nent = 0, nrows = 0, kept = 0;
	uint32_t c, nb;
	uint32_t *bk, *ent;
	int dense = t->ncls <= DENSE_CLS;
	unsigned char *mem;
	struct rank *rk;
	size_t ksize;
	uint64_t *k64;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncls; c++) {
			double a = fabs(avg_w(t, r, c, now));
			if (a > maxw)
				maxw = a;
		}
	if (maxw <= 0)
		maxw = 1;
	scale = 32767.0 / maxw;
	thr = min_abs * maxw;
	rk = xmalloc((t->nrows + 1) * sizeof(*rk));
	for (i = 0; i < t->map.nslots; i++) {
		size_t k = 0;
		double imp = 0;
		if (!t->map.keys[i])
			continue;
		r = t->map.val[i];
		if (t->count[r] < min_count)
			continue;
		for (c = 0; c < t->ncls; c++) {
			double a = avg_w(t, r, c, now);
			if (fabs(a) >= thr && lrint(a * scale) != 0) {
				k++;
				imp += fabs(a);
			}
		}
		if (k) {
			rk[nrows].imp = imp;
			rk[nrows].key = t->map.keys[i];
			rk[nrows].row = r;
			nrows++;
			nent += k;
		}
	}
	qsort(rk, nrows, sizeof(*rk), rank_cmp);
	if (dense)
		nent = 0;
	/* load factor about 0.7: few rows fall out of full buckets */
	nb = (uint32_t)(nrows * 10 / 7 / (dense ? DENSE_SLOTS : SPARSE_SLOTS) + 1);
	*pbytes = (size_t)nb * BUCKET_WORDS * 4 + (nent + 1) * sizeof(uint32_t);
	/* the full keys go after the image, for ftab_merge() */
	ksize = (size_t)nb * SPARSE_SLOTS * sizeof(uint64_t);
	mem = aligned_alloc(64, (*pbytes + ksize + 127) & ~(size_t)63);
	if (!mem)
		die("out of memory freezing a table");
	memset(mem, 0, (*pbytes + ksize + 127) & ~(size_t)63);
	bk = (uint32_t *)mem;
	ent = bk + (size_t)nb * BUCKET_WORDS;
	k64 = (uint64_t *)(mem + ((*pbytes + 63) & ~(size_t)63));
	out->ncls = t->ncls;
	out->nbuckets = nb;
	out->dense = dense;
	nent = 0;
	for (i = 0; i < nrows; i++) {
		uint64_t k = rk[i].key;
		size_t start = nent;
		uint32_t *bw;
		int slot;
		r = rk[i].row;
		slot = bucket_insert(bk, ftab_bucket(out, k), dense, k);
		if (slot < 0)
			continue;
		kept++;
		bw = bk + (size_t)ftab_bucket(out, k) * BUCKET_WORDS;
		k64[(size_t)ftab_bucket(out, k) * SPARSE_SLOTS + (size_t)slot] = k;
		for (c = 0; c < t->ncls; c++) {
			double a = avg_w(t, r, c, now);
			long q = lrint(a * scale);
			if (fabs(a) < thr || q == 0)
				continue;
			if (q > 32767)
				q = 32767;
			if (q < -32767)
				q = -32767;
			if (dense)
				((int16_t *)(bw + 4))[3 * slot + (int)c] = (int16_t)q;
			else
				ent[nent++] = c << 16 | (uint16_t)(int16_t)q;
		}
		if (!dense)
			bw[2 * slot + 1] = (uint32_t)(start << 8 | (nent - start));
	}
	free(rk);
	/* the entries actually used */
	*pbytes = (size_t)nb * BUCKET_WORDS * 4 + (nent + 1) * sizeof(uint32_t);
	out->nent = (uint32_t)nent;
	out->bk = bk;
	out->ent = ent;
	out->keys64 = k64;
	*pmem = mem;
}

/* Row of the slot holding full key k in a sparse table, or 0 (no entries). */
static uint32_t row_of_key(const struct ftab *t, uint64_t k)
{
	uint32_t b = ftab_bucket(t, k), j;
	for (j = 0; j < SPARSE_SLOTS; j++)
		if (t->keys64[(size_t)b * SPARSE_SLOTS + j] == k)
			return t->bk[(size_t)b * BUCKET_WORDS + 2 * j + 1];
	return 0;
}

struct mrow {
	double imp;		/* sum of |quantised weight| */
	uint64_t key;
	uint32_t ra, rb;	/* rows in a and b (0 = none) */
};

static int mrow_cmp(const void *x, const void *y)
{
	const struct mrow *a = x, *b = y;
	if (a->imp != b->imp)
		return a->imp > b->imp ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

static double row_imp(const struct ftab *t, uint32_t r)
{
	double s = 0;
	uint32_t x;
	for (x = 0; x < (r & 255); x++)
		s += abs((int16_t)(t->ent[(r >> 8) + x] & 0xffff));
	return s;
}

void ftab_merge(const struct ftab *a, const struct ftab *b, struct ftab *out,
		void **pmem, size_t *pbytes)
{
	size_t nrows = 0, nent, i, pass, alloc;
	uint32_t nb, *bk, *ent;
	unsigned char *mem;
	struct mrow *mr;

	alloc = ((size_t)a->nbuckets + b->nbuckets) * SPARSE_SLOTS + 1;
	mr = xmalloc(alloc * sizeof(*mr));
	for (pass = 0; pass < 2; pass++) {
		const struct ftab *t = pass ? b : a;
		for (i = 0; i < (size_t)t->nbuckets * SPARSE_SLOTS; i++) {
			uint64_t k = t->keys64[i];
			uint32_t ra;
			if (!k)
				continue;
			ra = row_of_key(a, k);
			if (pass && ra)
				continue;	/* taken with a */
			mr[nrows].key = k;
			mr[nrows].ra = ra;
			mr[nrows].rb = row_of_key(b, k);
			/* both tables' weights use their own scale; the
			 * sum still ranks rows well enough for dropping */
			mr[nrows].imp = row_imp(a, ra) + row_imp(b, mr[nrows].rb);
			nrows++;
		}
	}
	qsort(mr, nrows, sizeof(*mr), mrow_cmp);
	nent = (size_t)a->nent + b->nent;
	/* load factor about 0.55: few rows fall out of full buckets */
	nb = (uint32_t)(nrows * 20 / 11 / SPARSE_SLOTS + 1);
	*pbytes = (size_t)nb * BUCKET_WORDS * 4 + (nent + 1) * sizeof(uint32_t);
	mem = aligned_alloc(64, (*pbytes + 63) & ~(size_t)63);
	if (!mem)
		die("out of memory merging tables");
	memset(mem, 0, (*pbytes + 63) & ~(size_t)63);
	bk = (uint32_t *)mem;
	ent = bk + (size_t)nb * BUCKET_WORDS;
	out->ncls = a->ncls + b->ncls;
	out->nbuckets = nb;
	out->dense = 0;
	out->keys64 = NULL;
	nent = 0;
	for (i = 0; i < nrows; i++) {
		uint32_t ra = mr[i].ra, rb = mr[i].rb, x, start = (uint32_t)nent;
		int slot = bucket_insert(bk, ftab_bucket(out, mr[i].key), 0, mr[i].key);
		uint32_t *w;
		if (slot < 0)
			continue;
		w = bk + (size_t)ftab_bucket(out, mr[i].key) * BUCKET_WORDS + 2 * slot;
		for (x = 0; x < (ra & 255); x++)
			ent[nent++] = a->ent[(ra >> 8) + x];
		for (x = 0; x < (rb & 255); x++) {
			uint32_t e = b->ent[(rb >> 8) + x];
			ent[nent++] = ((e >> 16) + a->ncls) << 16 | (e & 0xffff);
		}
		w[1] = start << 8 | (uint32_t)(nent - start);
	}
	free(mr);
	*pbytes = (size_t)nb * BUCKET_WORDS * 4 + (nent + 1) * sizeof(uint32_t);
	out->nent = (uint32_t)nent;
	out->bk = bk;
	out->ent = ent;
	*pmem = mem;
}

/*==== Model file ====*/

uint64_t model_checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x6a09e667f3bcc909ULL, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return mix64(h ^ n);
}

enum { SEC_STRINGS = 1, SEC_TAGS, SEC_DEPRELS, SEC_TAGGER, SEC_ACT, SEC_LAB,
       SEC_LEMMA, SEC_TAGGER2, SEC_CLUSTERS,
       SEC_TAGDICT, SEC_RELDICT, SEC_COUNT = 11 };

struct outbuf {
	unsigned char *p;
	size_t len, alloc;
};

static void ob_add(struct outbuf *o, const void *d, size_t n)
{
	if (o->len + n > o->alloc) {
		o->alloc = (o->len + n) * 2;
		o->p = xrealloc(o->p, o->alloc);
	}
	if (d)
		memcpy(o->p + o->len, d, n);
	else
		memset(o->p + o->len, 0, n);
	o->len += n;
}

static void ob_align(struct outbuf *o)
{
	static const unsigned char z[64];
	if (o->len % 64)
		ob_add(o, z, 64 - o->len % 64);
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }

static void ob_ftab(struct outbuf *o, const struct ftab *t)
{
	uint32_t h[16] = { t->ncls, t->nbuckets, t->nent, (uint32_t)t->dense, t->gate };
	ob_add(o, h, sizeof(h));
	ob_add(o, t->bk, (size_t)t->nbuckets * BUCKET_WORDS * 4);
	ob_add(o, t->ent, (size_t)t->nent * sizeof(uint32_t));
}

void model_serialise(const struct parser *p, const struct lemma_slot *lslots,
		     uint32_t lnslots, unsigned char **pbuf, size_t *plen)
{
	struct outbuf o = { NULL, 0, 0 };
	size_t dir, off[SEC_COUNT + 1], len[SEC_COUNT + 1];
	int s, i;

	ob_add(&o, NULL, 64);
	memcpy(o.p, MODEL_MAGIC, 8);
	put32(o.p + 8, MODEL_VERSION);
	put32(o.p + 12, SEC_COUNT);
	dir = o.len;
	ob_add(&o, NULL, SEC_COUNT * 24);
	for (s = 1; s <= SEC_COUNT; s++) {
		ob_align(&o);
		off[s] = o.len;
		switch (s) {
		case SEC_STRINGS:
			ob_add(&o, p->strings, p->strings_len);
			break;
		case SEC_TAGS:
			for (i = 0; i < p->ntags; i++) {
				uint32_t v[2] = { (uint32_t)p->tag_upos[i],
					(uint32_t)(p->tag_xpos[i] - p->strings) };
				ob_add(&o, v, sizeof(v));
			}
			break;
		case SEC_DEPRELS:
			for (i = 0; i < p->ndeprel; i++) {
				uint32_t v = (uint32_t)(p->deprel[i] - p->strings);
				ob_add(&o, &v, sizeof(v));
			}
			break;
		case SEC_TAGGER:
			ob_ftab(&o, &p->tagger);
			break;
		case SEC_TAGGER2:
			ob_ftab(&o, &p->tagger2);
			break;
		case SEC_ACT:
			ob_ftab(&o, &p->act);
			break;
		case SEC_LAB:
			ob_ftab(&o, &p->lab);
			break;
		case SEC_LEMMA: {
			uint32_t h[4] = { lnslots, 0, 0, 0 };
			ob_add(&o, h, sizeof(h));
			ob_add(&o, lslots, (size_t)lnslots * sizeof(*lslots));
			break;
		}
		case SEC_RELDICT:
			/* ntags u32s, or nothing when there is no dictionary */
			if (p->reldict)
				ob_add(&o, p->reldict, (size_t)p->ntags * 4);
			break;
		case SEC_CLUSTERS:
		case SEC_TAGDICT: {
			const struct cluster_tab *ct = s == SEC_CLUSTERS ? &p->clusters :
						       &p->tagdict;
			uint32_t ns = ct->slots ? ct->mask + 1 : 0;
			uint32_t h[4] = { ns, 0, 0, 0 };
			ob_add(&o, h, sizeof(h));
			if (ns)
				ob_add(&o, ct->slots, (size_t)ns * 8);
			break;
		}
		}
		len[s] = o.len - off[s];
	}
	ob_align(&o);
	for (s = 1; s <= SEC_COUNT; s++) {
		unsigned char *d = o.p + dir + (size_t)(s - 1) * 24;
		put32(d, (uint32_t)s);
		put32(d + 4, 0);
		put64(d + 8, off[s]);
		put64(d + 16, len[s]);
	}
	put64(o.p + 16, o.len);
	put64(o.p + 24, model_checksum(o.p + 64, o.len - 64));
	*pbuf = o.p;
	*plen = o.len;
}

static uint32_t get32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static int open_ftab(struct ftab *t, const unsigned char *d, size_t len)
{
	uint32_t ncls, nb, nent, dense, i, j;

	if (len < 64)
		return -1;
	ncls = get32(d);
	nb = get32(d + 4);
	nent = get32(d + 8);
	dense = get32(d + 12);
	if (!nb || ncls == 0 || ncls > 256 || dense != (ncls <= DENSE_CLS) ||
	    (dense && nent) ||
	    64 + (uint64_t)nb * BUCKET_WORDS * 4 + (uint64_t)nent * 4 != len)
		return -1;
	t->ncls = ncls;
	t->nbuckets = nb;
	t->nent = nent;
	t->dense = (int)dense;
	t->gate = get32(d + 16);
	t->bk = (const uint32_t *)(d + 64);
	t->ent = t->bk + (size_t)nb * BUCKET_WORDS;
	t->keys64 = NULL;
	/* the checksum guards the bytes; still make rows stay in bounds */
	if (!dense) {
		for (i = 0; i < nb; i++)
			for (j = 0; j < SPARSE_SLOTS; j++) {
				const uint32_t *w = t->bk + (size_t)i * BUCKET_WORDS + 2 * j;
				if ((uint64_t)(w[1] >> 8) + (w[1] & 255) > nent)
					return -1;
			}
		for (i = 0; i < nent; i++)
			if ((t->ent[i] >> 16) >= ncls)
				return -1;
	}
	return 0;
}

/* A word table (clusters, tag dictionary): u32 slots, 3 x 0, slots. */
static int open_cltab(struct cluster_tab *t, const unsigned char *d, size_t len)
{
	uint32_t ns;

	if (len < 16)
		return -1;
	ns = get32(d);
	if ((ns & (ns - 1)) || 16 + (uint64_t)ns * 8 != len)
		return -1;
	t->mask = ns ? ns - 1 : 0;
	t->slots = ns ? (const uint32_t *)(d + 16) : NULL;
	return 0;
}

int model_open(struct parser *p, const unsigned char *data, size_t size,
	       const char *name)
{
	const unsigned char *sec[SEC_COUNT + 1];
	size_t slen[SEC_COUNT + 1];
	uint32_t version, nsect, i;
	uint64_t total;

	memset(p, 0, sizeof(*p));
	p->punct_deprel = -1;
	if (size < 64 || memcmp(data, MODEL_MAGIC, 7))
		return error("'%s' is not an entente parser model (bad magic)", name);
	version = get32(data + 8);
	if (data[7] != MODEL_MAGIC[7] || version != MODEL_VERSION)
		return error("'%s' has model format version %u, this program reads %u "
			     "(retrain it with 'make model')",
			     name, (unsigned)version, MODEL_VERSION);
	nsect = get32(data + 12);
	total = get64(data + 16);
	if (total != size)
		return error("'%s' is truncated or padded: %zu bytes, header says %llu",
			     name, size, (unsigned long long)total);
	if (((uintptr_t)data & 63) != 0)
		return error("model data of '%s' is not 64-byte aligned", name);
	if (model_checksum(data + 64, size - 64) != get64(data + 24))
		return error("'%s' is damaged (checksum mismatch)", name);
	if (nsect != SEC_COUNT || 64 + (size_t)nsect * 24 > size)
		return error("'%s' has an unexpected section table", name);
	for (i = 0; i < nsect; i++) {
		const unsigned char *d = data + 64 + i * 24;
		uint32_t id = get32(d);
		uint64_t off = get64(d + 8), len = get64(d + 16);
		if (id != i + 1 || off > size || len > size - off || off % 64)
			return error("'%s' has a bad section %u", name, (unsigned)i);
		sec[id] = data + off;
		slen[id] = (size_t)len;
	}
	p->data = data;
	p->size = size;
	p->strings = (const char *)sec[SEC_STRINGS];
	p->strings_len = slen[SEC_STRINGS];
	if (!p->strings_len || p->strings[p->strings_len - 1])
		return error("'%s' has a bad string pool", name);
	p->ntags = (int)(slen[SEC_TAGS] / 8);
	if (p->ntags <= 0 || p->ntags > MAX_TAGS)
		return error("'%s' has a bad tag table", name);
	for (i = 0; i < (uint32_t)p->ntags; i++) {
		uint32_t u = get32(sec[SEC_TAGS] + i * 8);
		uint32_t x = get32(sec[SEC_TAGS] + i * 8 + 4);
		if (u >= UPOS_COUNT || x >= p->strings_len)
			return error("'%s' has a bad tag table", name);
		p->tag_upos[i] = (int)u;
		p->tag_xpos[i] = p->strings + x;
	}
	p->ndeprel = (int)(slen[SEC_DEPRELS] / 4);
	if (p->ndeprel <= 0 || p->ndeprel > MAX_DEPRELS)
		return error("'%s' has a bad relation table", name);
	for (i = 0; i < (uint32_t)p->ndeprel; i++) {
		uint32_t x = get32(sec[SEC_DEPRELS] + i * 4);
		if (x >= p->strings_len)
			return error("'%s' has a bad relation table", name);
		p->deprel[i] = p->strings + x;
		if (!strcmp(p->deprel[i], "punct"))
			p->punct_deprel = (int)i;
	}
	/* the tagger table holds one pass, or both passes merged */
	if (open_ftab(&p->tagger, sec[SEC_TAGGER], slen[SEC_TAGGER]) < 0 ||
	    (p->tagger.ncls != (uint32_t)p->ntags &&
	     p->tagger.ncls != 2 * (uint32_t)p->ntags) ||
	    open_ftab(&p->act, sec[SEC_ACT], slen[SEC_ACT]) < 0 ||
	    p->act.ncls != ACT_COUNT ||
	    open_ftab(&p->lab, sec[SEC_LAB], slen[SEC_LAB]) < 0 ||
	    open_ftab(&p->tagger2, sec[SEC_TAGGER2], slen[SEC_TAGGER2]) < 0 ||
	    p->tagger2.ncls != (uint32_t)p->ntags ||
	    (p->tagger.ncls != (uint32_t)p->ntags &&
	     (p->tagger2.nent || p->tagger.dense)) ||
	    p->lab.ncls != (uint32_t)p->ndeprel)
		return error("'%s' has a bad weight table", name);
	{
		uint32_t ns;
		if (slen[SEC_LEMMA] < 16)
			return error("'%s' has a bad lemma table", name);
		ns = get32(sec[SEC_LEMMA]);
		if (!ns || (ns & (ns - 1)) || 16 + (uint64_t)ns * 8 != slen[SEC_LEMMA])
			return error("'%s' has a bad lemma table", name);
		p->lemma.mask = ns - 1;
		p->lemma.slots = (const struct lemma_slot *)(sec[SEC_LEMMA] + 16);
		for (i = 0; i < ns; i++)
			if (p->lemma.slots[i].key &&
			    p->lemma.slots[i].str >= p->strings_len)
				return error("'%s' has a bad lemma table", name);
	}
	if (open_cltab(&p->clusters, sec[SEC_CLUSTERS], slen[SEC_CLUSTERS]) < 0)
		return error("'%s' has a bad cluster table", name);
	if (open_cltab(&p->tagdict, sec[SEC_TAGDICT], slen[SEC_TAGDICT]) < 0)
		return error("'%s' has a bad tag dictionary", name);
	for (i = 0; p->tagdict.slots && i <= p->tagdict.mask; i++)
		if (p->tagdict.slots[2 * i] && (p->tagdict.slots[2 * i + 1] == 0 ||
		    p->tagdict.slots[2 * i + 1] > (uint32_t)p->ntags))
			return error("'%s' has a bad tag dictionary", name);
	if (slen[SEC_RELDICT]) {
		if (slen[SEC_RELDICT] != (size_t)p->ntags * 4)
			return error("'%s' has a bad relation dictionary", name);
		p->reldict = (const uint32_t *)sec[SEC_RELDICT];
		for (i = 0; i < (uint32_t)p->ntags; i++)
			if (p->reldict[i] > (uint32_t)p->ndeprel)
				return error("'%s' has a bad relation dictionary", name);
	}
	return 0;
}
