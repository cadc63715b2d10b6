/*
 * lemma.c: lemmas from the model's lexicon (training treebank + WordNet
 * exception lists, keyed by lowercase form and tag) and, for words not in
 * it, suffix rules by Penn tag. Also the builder used at training time.
 */
#include "ingest/lemma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/model-int.h"
#include "util.h"

uint32_t lemma_key(const char *lower, size_t n, int cls)
{
	return fkey32(mix64(hash_bytes(lower, n) + (uint64_t)cls * 0x9e3779b97f4a7c15ULL));
}

static const char *lemma_find(const struct parser *p, uint32_t key)
{
	uint32_t i = (uint32_t)mix64(key) & p->lemma.mask;

	for (;;) {
		const struct lemma_slot *s = &p->lemma.slots[i];
		if (!s->key)
			return NULL;
		if (s->key == key)
			return p->strings + s->str;
		i = (i + 1) & p->lemma.mask;
	}
}

static size_t put(char *out, size_t outsz, const char *s, size_t n)
{
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Stem left after removing "ed"/"ing"/"er"/"est": undouble a final double
 * consonant (stopp -> stop), put back a dropped 'e' (creat -> create). */
static size_t fix_stem(char *w, size_t n, size_t cap)
{
	if (n >= 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) &&
	    w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z' &&
	    w[n - 1] != 'f')
		return n - 1;
	if (n + 1 < cap && n >= 2) {
		static const char *const e_end[] = {
			"at", "iz", "is", "uc", "ov", "iv", "av", "ag", "ur", "ud",
			"ut", "bl", "pl", "tl", "dl", "gl", "kl", "ng", "rc", "ns",
			"rg", "yz", "ev", "ar", "ir", "id", "od", "ok", "ak", "uk",
			"ik", "it", "ot", "ac", "ic", "am", "um", "in", "on", "ap", "op", "uz", "ys",
			NULL
		};
		int i;
		for (i = 0; e_end[i]; i++)
			if (w[n - 2] == e_end[i][0] && w[n - 1] == e_end[i][1])
				break;
		/* only after a single vowel or a consonant cluster we know */
		if (e_end[i] && !(n >= 3 && is_vowel(w[n - 3]) && is_vowel(w[n - 2]))) {
			w[n] = 'e';
			return n + 1;
		}
	}
	return n;
}

/*==== WordNet's verbs, to check the -ed/-ing rules ====*/

/* The suffix rules guess ("praised" -> "prais"); WordNet's index of verbs
 * (Debian's wordnet-base, read once on first use) tells which guess is a
 * verb. Without the file the first guess stands. */
#define WN_SLOTS 32768			/* power of two, > 2 x WordNet's 11.5k verbs */
static char **wn_verbs;			/* open-addressed set of lowercase verbs */
static int wn_loaded;

static uint32_t wn_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void wn_load(void)
{
	const char *dir = getenv("ENTENTE_WORDNET");
	char path[512], line[1024];
	FILE *f;

	wn_loaded = 1;
	snprintf(path, sizeof(path), "%s/index.verb", dir ? dir : "/usr/share/wordnet");
	if (!(f = fopen(path, "r")))
		return;
	wn_verbs = xcalloc(WN_SLOTS, sizeof(*wn_verbs));
	while (fgets(line, sizeof(line), f)) {
		size_t n = strcspn(line, " \n");
		uint32_t h;
		if (line[0] == ' ' || !n || memchr(line, '_', n))
			continue;	/* licence header, multiword verbs */
		for (h = wn_hash(line, n) & (WN_SLOTS - 1); wn_verbs[h]; h = (h + 1) & (WN_SLOTS - 1))
			;
		wn_verbs[h] = xstrndup(line, n);
	}
	fclose(f);
}

/* 1 when w[0..n) is a WordNet verb, 0 when not, -1 when WordNet is absent. */
static int wn_is_verb(const char *w, size_t n)
{
	uint32_t h;
	if (!wn_loaded)
		wn_load();
	if (!wn_verbs)
		return -1;
	for (h = wn_hash(w, n) & (WN_SLOTS - 1); wn_verbs[h]; h = (h + 1) & (WN_SLOTS - 1))
		if (strlen(wn_verbs[h]) == n && !memcmp(wn_verbs[h], w, n))
			return 1;
	return 0;
}

/* The stem of an -ed/-ing form w[0..n) without its 'cut' suffix bytes: the
 * rules' guess, or among the other spellings (with or without 'e', one
 * consonant or two) the one WordNet knows as a verb. */
static size_t verb_stem(char *w, size_t n, size_t cut, size_t cap)
{
	size_t base = n - cut, g = fix_stem(w, base, cap), alt;

	if (wn_is_verb(w, g) != 0)
		return g;
	/* the guess is no verb: try the bare stem, the stem with 'e', the
	 * stem with its doubled consonant */
	if (wn_is_verb(w, base) == 1)
		return base;
	if (base + 1 < cap) {
		char keep = w[base];
		w[base] = 'e';
		if (wn_is_verb(w, base + 1) == 1)
			return base + 1;
		w[base] = keep;
	}
	alt = base;
	if (alt >= 3 && w[alt - 1] == w[alt - 2] && wn_is_verb(w, alt - 1) == 1)
		return alt - 1;
	return g;
}

static size_t rules(const char *xpos, char *w, size_t n, size_t cap)
{
#define END(s) (n > strlen(s) + 1 && !memcmp(w + n - strlen(s), s, strlen(s)))
	if (!strcmp(xpos, "NNS") || !strcmp(xpos, "NNPS") || !strcmp(xpos, "VBZ")) {
		if (END("ies") && n > 4) {
			w[n - 3] = 'y';
			return n - 2;
		}
		if (END("ches") || END("shes") || END("sses") || END("xes") ||
		    END("zzes") || (xpos[0] == 'V' && END("oes")))
			return n - 2;
		if (xpos[0] == 'N' && END("men"))
			return (w[n - 2] = 'a', n);
		if (END("ss") || END("us") || END("is"))
			return n;
		if (n > 2 && w[n - 1] == 's')
			return n - 1;
		return n;
	}
	if (!strcmp(xpos, "VBD") || !strcmp(xpos, "VBN")) {
		if (END("ied")) {
			w[n - 3] = 'y';
			return n - 2;
		}
		if (END("eed"))
			return n - 1;
		if (END("ed"))
			return verb_stem(w, n, 2, cap);
		return n;
	}
	if (!strcmp(xpos, "VBG")) {
		if (END("ying") && n == 5)
			return n - 3;
		if (END("ing") && n > 5)
			return verb_stem(w, n, 3, cap);
		/* "suing", "using": a two-letter stem only where WordNet has
		 * the verb with its 'e' */
		if (END("ing") && n == 5 && n - 2 < cap) {
			char keep = w[2];
			w[2] = 'e';
			if (wn_is_verb(w, 3) == 1)
				return 3;
			w[2] = keep;
		}
		return n;
	}
	if (!strcmp(xpos, "JJR") || !strcmp(xpos, "RBR")) {
		if (END("ier")) {
			w[n - 3] = 'y';
			return n - 2;
		}
		if (END("er"))
			return fix_stem(w, n - 2, cap);
		return n;
	}
	if (!strcmp(xpos, "JJS") || !strcmp(xpos, "RBS")) {
		if (END("iest")) {
			w[n - 4] = 'y';
			return n - 3;
		}
		if (END("est"))
			return fix_stem(w, n - 3, cap);
		return n;
	}
#undef END
	return n;
}

static int exc_class(const char *xpos)
{
	if (xpos[0] == 'V' && xpos[1] == 'B')
		return LEMMA_CLS_VERB;
	if (xpos[0] == 'N' && xpos[1] == 'N')
		return LEMMA_CLS_NOUN;
	if (xpos[0] == 'J' && xpos[1] == 'J')
		return LEMMA_CLS_ADJ;
	if (xpos[0] == 'R' && xpos[1] == 'B')
		return LEMMA_CLS_ADV;
	return 0;
}

static size_t lemma_tagged(const struct parser *p, const char *form, int tag,
			   const char *xpos, int upos, char *out, size_t outsz)
{
	char low[256];
	size_t n = strlen(form), i;
	const char *l;
	int cls;

	if (n >= sizeof(low) - 2)
		return put(out, outsz, form, n);
	for (i = 0; i < n; i++)
		low[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] + 32) : form[i];
	low[n] = '\0';
	if (tag >= 0 && (l = lemma_find(p, lemma_key(low, n, tag))))
		return put(out, outsz, l, strlen(l));
	if (upos == UPOS_PROPN || !strncmp(xpos, "NNP", 3)) {
		char tmp[256];
		memcpy(tmp, form, n + 1);
		if (!strcmp(xpos, "NNPS"))
			n = rules(xpos, tmp, n, sizeof(tmp));
		return put(out, outsz, tmp, n);
	}
	cls = exc_class(xpos);
	if (cls && (l = lemma_find(p, lemma_key(low, n, cls))))
		return put(out, outsz, l, strlen(l));
	n = rules(xpos, low, n, sizeof(low));
	return put(out, outsz, low, n);
}

void lemma_of(const struct parser *p, const char *form, int tag, char *out,
	      size_t outsz)
{
	lemma_tagged(p, form, tag, p->tag_xpos[tag], p->tag_upos[tag], out, outsz);
}

size_t lemma_guess(const struct parser *p, const char *form, const char *xpos,
		   char *out, size_t outsz)
{
	char low[256];
	size_t n = strlen(form), i;
	int t, tag = -1, upos = UPOS_X;

	/* the joint tag with this XPOS whose lexicon knows the form, else the
	 * first with this XPOS */
	if (n < sizeof(low)) {
		for (i = 0; i < n; i++)
			low[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] + 32) : form[i];
		for (t = 0; t < p->ntags; t++)
			if (!strcmp(p->tag_xpos[t], xpos) &&
			    lemma_find(p, lemma_key(low, n, t))) {
				tag = t;
				upos = p->tag_upos[t];
				break;
			}
	}
	for (t = 0; tag < 0 && t < p->ntags; t++)
		if (!strcmp(p->tag_xpos[t], xpos)) {
			tag = t;
			upos = p->tag_upos[t];
		}
	return lemma_tagged(p, form, tag, xpos, upos, out, outsz);
}

/*==== Building the lexicon (training) ====*/

struct lemma_entry {
	uint32_t key;
	char *lemma;
};

struct lemma_builder {
	struct lemma_entry *e;
	size_t n, alloc;
};

struct lemma_builder *lemma_builder_new(void)
{
	return xcalloc(1, sizeof(struct lemma_builder));
}

static void builder_push(struct lemma_builder *b, uint32_t key, const char *lemma)
{
	ALLOC_GROW(b->e, b->n + 1, b->alloc);
	b->e[b->n].key = key;
	b->e[b->n].lemma = xstrdup(lemma);
	b->n++;
}

void lemma_builder_add(struct lemma_builder *b, const char *form, int tag,
		       const char *lemma)
{
	char low[256];
	size_t n = strlen(form), i;

	if (n >= sizeof(low) || !strcmp(lemma, "_"))
		return;
	for (i = 0; i < n; i++)
		low[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] + 32) : form[i];
	low[n] = '\0';
	builder_push(b, lemma_key(low, n, tag), lemma);
}

int lemma_builder_exc(struct lemma_builder *b, const char *path, int cls)
{
	char *buf, *p, *end;
	size_t len;

	if (read_file(path, &buf, &len) < 0)
		return -1;
	end = buf + len;
	for (p = buf; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end, *sp1, *sp2;
		*e = '\0';
		sp1 = strchr(p, ' ');
		if (sp1) {
			*sp1 = '\0';
			sp2 = strchr(sp1 + 1, ' ');
			if (sp2)
				*sp2 = '\0';
			if (!strchr(p, '_') && !strchr(sp1 + 1, '_'))
				builder_push(b, lemma_key(p, strlen(p), cls), sp1 + 1);
		}
		p = e + 1;
	}
	free(buf);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct lemma_entry *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return strcmp(x->lemma, y->lemma);
}

void lemma_builder_finish(struct lemma_builder *b, struct strbuf *pool,
			  struct lemma_slot **pslots, uint32_t *pnslots)
{
	size_t i, j, nkeys = 0;
	uint32_t ns = 16;
	struct lemma_slot *slots;

	qsort(b->e, b->n, sizeof(*b->e), entry_cmp);
	for (i = 0; i < b->n; i++)
		if (i == 0 || b->e[i].key != b->e[i - 1].key)
			nkeys++;
	while (ns < nkeys * 3 / 2 + 1)
		ns <<= 1;
	slots = xcalloc(ns, sizeof(*slots));
	for (i = 0; i < b->n; i = j) {
		size_t best = i, bestc = 0, k = i, c;
		uint32_t h;
		for (j = i; j < b->n && b->e[j].key == b->e[i].key; j++)
			;
		while (k < j) {
			size_t m = k;
			while (m < j && !strcmp(b->e[m].lemma, b->e[k].lemma))
				m++;
			c = m - k;
			if (c > bestc) {
				bestc = c;
				best = k;
			}
			k = m;
		}
		h = (uint32_t)mix64(b->e[i].key) & (ns - 1);
		while (slots[h].key)
			h = (h + 1) & (ns - 1);
		slots[h].key = b->e[i].key;
		slots[h].str = (uint32_t)pool->len;
		sb_add(pool, b->e[best].lemma, strlen(b->e[best].lemma) + 1);
	}
	*pslots = slots;
	*pnslots = ns;
}

void lemma_builder_free(struct lemma_builder *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++)
		free(b->e[i].lemma);
	free(b->e);
	free(b);
}
