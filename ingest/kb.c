/*
 * kb.c: the actor knowledge base (see kb.h for the contract).
 *
 * Phrases live in a trie whose edges sit in one open-addressing hash keyed
 * by (parent node, folded word), so that matching costs one hash probe per
 * token read, whatever the size of the dictionaries. A node may end an
 * actor phrase and an agent (role) phrase; each points to an entry that
 * holds the canonical name, the type and the list of (possibly date-ranged)
 * codes. Strings live in an arena and never move, so the pointers handed
 * out in struct kb_hit stay valid until kb_free().
 *
 * The built-in tables are embedded at build time (ingest/kb-data.inc, made
 * by tools/embed.sh from the data/ tables and the iso-codes JSON files) and read
 * by the same parsers as the user's files.
 */
#include "ingest/kb.h"

#include <stdint.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "util.h"
#include "ingest/kb-data.inc"
#include "ingest/people-data.inc"

#define KB_WORD_MAX 128		/* longest folded word, bytes with the NUL */
#define KB_PHRASE_MAX 48	/* most words in one phrase */
#define KB_LINE_MAX 65536	/* longest dictionary line we read */
#define KB_CODE_MAX 31		/* longest actor code */
#define KB_DATE_OPEN 99999999	/* "no end" in a date range */
#define KB_BAD_SHOWN 20		/* bad lines reported one by one, per file */
#define KB_SETS_MAX 32		/* substitution sets in an agents file */
#define KB_SET_VALUES_MAX 16	/* members of one substitution set */
#define KB_EXPAND_MAX 64	/* phrases one agents line may expand to */
#define KB_CHUNK 65536		/* arena chunk size */

/* Who said it: a built-in phrase is never replaced by a loaded one, and
 * our own tables beat the ISO names. */
enum kb_rank {
	RANK_ISO_SUB = 0,	/* ISO 3166-2 subdivisions: a guess that any
				 * other source overrides */
	RANK_LOADED,		/* PETRARCH/Phoenix files given by the user */
	RANK_ISO_FORMER,	/* ISO 3166-3 former countries */
	RANK_ISO,		/* ISO 3166-1 */
	RANK_DATA		/* our tables in data/ */
};

struct kb_chunk {
	struct kb_chunk *next;
	size_t used, size;	/* bytes used and available in data[] */
	char data[];
};

struct kb_code {
	const char *code;	/* "TURGOV"; "---" names nothing */
	const char *country;	/* alpha-3 of the code's country, or NULL */
	const char *sector;	/* static role code, or NULL */
	int32_t from, to;	/* yyyymmdd range [from, to) when dated */
	int dated;		/* 0: applies at any date */
};

struct kb_entry {
	const char *entity;	/* canonical name; NULL: the country's name */
	int country;		/* country record standing for entity, or -1 */
	int code, ncodes;	/* kb->codes[code .. code + ncodes) */
	unsigned char type;	/* enum actor_type */
	unsigned char form;	/* enum kb_form */
	unsigned char rank;	/* enum kb_rank */
};

struct kb_node {
	int32_t actor;		/* entry of an actor phrase ending here, or -1 */
	int32_t agent;		/* entry of an agent phrase ending here, or -1 */
};

struct kb_edge {
	const char *word;	/* folded word (arena); NULL = empty slot */
	uint32_t parent, child;	/* node indices */
	uint32_t hash;
};

struct kb_country {
	char a3[4];		/* "TUR" */
	const char *code;	/* the same, in the arena: pointers to it last */
	const char *name;	/* canonical name */
	int name_rank;		/* 2 * rank of the source that set the name,
				 * + 1 for ISO's common name */
};

struct kb {
	struct kb_chunk *chunks;	/* the string arena */
	struct kb_node *nodes;		/* node 0 is the root */
	size_t nnodes, nodes_alloc;
	struct kb_edge *edges;		/* power-of-two hash table */
	size_t nedges, edges_alloc;
	struct kb_entry *entries;
	size_t nentries, entries_alloc;
	struct kb_code *codes;
	size_t ncodes, codes_alloc;
	struct kb_country *countries;
	size_t ncountries, countries_alloc;
	int16_t cindex[26 * 26 * 26];	/* alpha-3 -> country index + 1 */
	int16_t a2index[26 * 26];	/* ISO 3166-1 alpha-2 -> country index + 1 */
	size_t phrases;			/* phrases that set a node slot */
	size_t bad_lines;		/* over all loads */
	size_t arena_bytes;
};

/*==== The arena ====*/

static const char *kb_strndup(struct kb *kb, const char *s, size_t n)
{
	struct kb_chunk *c = kb->chunks;
	char *p;

	if (!c || c->size - c->used < n + 1) {
		size_t size = n + 1 > KB_CHUNK ? n + 1 : KB_CHUNK;
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = kb->chunks;
		kb->chunks = c;
		kb->arena_bytes += size;
	}
	p = c->data + c->used;
	memcpy(p, s, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
}

static const char *kb_strdup(struct kb *kb, const char *s)
{
	return kb_strndup(kb, s, strlen(s));
}

/*==== Folding words ====*/

/* ASCII spellings of U+00C0..U+017F. */
static const char *const fold_latin[0x180 - 0xC0] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Decode one UTF-8 sequence at s[0..n); sets *len. Invalid bytes decode
 * as themselves, one at a time. */
static uint32_t utf8_next(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80 || n < 2 || (s[1] & 0xC0) != 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		*len = 2;
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[2] & 0xC0) == 0x80) {
		*len = 3;
		return ((uint32_t)(s[0] & 0x0F) << 12) |
		       ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*len = 1;
	return s[0];
}

/* Is code point 'cp' an upper-case Latin letter? */
static int latin_upper(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 1;
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x137)
		return !(cp & 1);
	if (cp >= 0x139 && cp <= 0x148)
		return cp & 1;
	if (cp >= 0x14A && cp <= 0x177)
		return !(cp & 1);
	return cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D ||
	       cp == 0x218 || cp == 0x21A;
}

static int has_upper(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), len;

	while (n) {
		if (latin_upper(utf8_next(p, n, &len)))
			return 1;
		p += len;
		n -= len;
	}
	return 0;
}

/*
 * Fold the word s[0..n) into out (KB_WORD_MAX bytes): ASCII lower case,
 * Latin accents removed, typographic quotes and dashes made ASCII, and the
 * periods of an abbreviation dropped ("U.S." = "US" = "us"). Returns the
 * folded length, or -1 when the word is empty or too long.
 */
static int fold_word(const char *s, size_t n, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, o = 0, len;
	int alnum = 0;

	for (i = 0; i < n; i++)
		if ((p[i] >= '0' && p[i] <= '9') || (unsigned)((p[i] | 0x20) - 'a') < 26u ||
		    p[i] >= 0x80)
			alnum = 1;
	while (n) {
		uint32_t cp = utf8_next(p, n, &len);
		const char *rep = NULL;

		if (cp < 0x80) {
			if (cp != '.' || !alnum) {
				if (o + 1 >= KB_WORD_MAX)
					return -1;
				out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			}
			p++;
			n--;
			continue;
		} else if (cp >= 0xC0 && cp < 0x180) {
			rep = fold_latin[cp - 0xC0];
		} else if (cp == 0x218 || cp == 0x219) {
			rep = "s";
		} else if (cp == 0x21A || cp == 0x21B) {
			rep = "t";
		} else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
			rep = "'";
		} else if (cp == 0x201C || cp == 0x201D) {
			rep = "\"";
		} else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014) {
			rep = "-";
		}
		if (rep) {
			size_t r = strlen(rep);
			if (o + r >= KB_WORD_MAX)
				return -1;
			memcpy(out + o, rep, r);
			o += r;
		} else {
			if (o + len >= KB_WORD_MAX)
				return -1;
			memcpy(out + o, p, len);
			o += len;
		}
		p += len;
		n -= len;
	}
	out[o] = '\0';
	return o ? (int)o : -1;
}

/*==== The trie ====*/

static uint32_t edge_hash(uint32_t parent, const char *w)
{
	uint64_t h = 1469598103934665603ULL ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ULL);

	for (; *w; w++) {
		h ^= (unsigned char)*w;
		h *= 1099511628211ULL;
	}
	h ^= h >> 31;
	return (uint32_t)h ^ (uint32_t)(h >> 32);
}

/* The child of 'parent' along folded word 'w', or 0 (the root is nobody's
 * child). */
static uint32_t edge_find(const struct kb *kb, uint32_t parent, const char *w)
{
	uint32_t h = edge_hash(parent, w);
	size_t mask = kb->edges_alloc - 1, i = h & mask;

	for (;; i = (i + 1) & mask) {
		const struct kb_edge *e = &kb->edges[i];
		if (!e->word)
			return 0;
		if (e->hash == h && e->parent == parent && !strcmp(e->word, w))
			return e->child;
	}
}

static void edge_insert(struct kb_edge *tab, size_t alloc, const struct kb_edge *e)
{
	size_t mask = alloc - 1, i = e->hash & mask;

	while (tab[i].word)
		i = (i + 1) & mask;
	tab[i] = *e;
}

static uint32_t node_new(struct kb *kb)
{
	ALLOC_GROW(kb->nodes, kb->nnodes + 1, kb->nodes_alloc);
	kb->nodes[kb->nnodes].actor = -1;
	kb->nodes[kb->nnodes].agent = -1;
	return (uint32_t)kb->nnodes++;
}

/* The child of 'parent' along 'w', made when missing. */
static uint32_t edge_get(struct kb *kb, uint32_t parent, const char *w)
{
	struct kb_edge e;
	uint32_t child = edge_find(kb, parent, w);

	if (child)
		return child;
	if ((kb->nedges + 1) * 2 > kb->edges_alloc) {
		size_t alloc = kb->edges_alloc * 2, i;
		struct kb_edge *tab = xcalloc(alloc, sizeof(*tab));
		for (i = 0; i < kb->edges_alloc; i++)
			if (kb->edges[i].word)
				edge_insert(tab, alloc, &kb->edges[i]);
		free(kb->edges);
		kb->edges = tab;
		kb->edges_alloc = alloc;
	}
	e.word = kb_strdup(kb, w);
	e.parent = parent;
	e.child = node_new(kb);
	e.hash = edge_hash(parent, w);
	edge_insert(kb->edges, kb->edges_alloc, &e);
	kb->nedges++;
	return e.child;
}

/*==== Phrases: splitting and adding ====*/

/* A phrase as folded words. */
struct phrase {
	char w[KB_PHRASE_MAX][KB_WORD_MAX];
	int n;
};

/* Append the word s[0..n) to ph, splitting a final possessive ("People's"
 * -> "people" "'s", "Workers'" -> "workers" "'") as a PTB tokenizer does.
 * Returns 0, or -1 when the word is too long or the phrase too long. */
static int phrase_add_word(struct phrase *ph, const char *s, size_t n)
{
	size_t tail = 0;

	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
		tail = 2;
	else if (n > 2 && s[n - 1] == '\'' && (s[n - 2] == 's' || s[n - 2] == 'S'))
		tail = 1;
	if (ph->n + (tail ? 2 : 1) > KB_PHRASE_MAX)
		return -1;
	if (fold_word(s, n - tail, ph->w[ph->n]) < 0)
		return -1;
	ph->n++;
	if (tail) {
		fold_word(s + n - tail, tail, ph->w[ph->n]);
		ph->n++;
	}
	return 0;
}

/* Split s[0..n) into words at blanks and, when 'underscores', at '_'.
 * Returns 0, or -1 when a word or the phrase is too long or it is empty. */
static int phrase_split(struct phrase *ph, const char *s, size_t n, int underscores)
{
	size_t i = 0;

	ph->n = 0;
	while (i < n) {
		size_t j;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || (underscores && s[i] == '_')))
			i++;
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t' && !(underscores && s[j] == '_'))
			j++;
		if (j > i && phrase_add_word(ph, s + i, j - i) < 0)
			return -1;
		i = j;
	}
	return ph->n ? 0 : -1;
}

static int same_codes(const struct kb *kb, const struct kb_entry *a, const struct kb_entry *b)
{
	if (!a->ncodes || !b->ncodes)
		return a->ncodes == b->ncodes;
	return !strcmp(kb->codes[a->code].code, kb->codes[b->code].code);
}

/* Make ph name entry 'ei' (an actor or an agent phrase), unless what the
 * node names already has the higher claim (see enum kb_rank). */
static void phrase_set(struct kb *kb, const struct phrase *ph, int32_t ei, int agent)
{
	uint32_t node = 0;
	int32_t *slot;
	int i;

	for (i = 0; i < ph->n; i++)
		node = edge_get(kb, node, ph->w[i]);
	slot = agent ? &kb->nodes[node].agent : &kb->nodes[node].actor;
	if (*slot >= 0) {
		const struct kb_entry *old = &kb->entries[*slot], *e = &kb->entries[ei];
		if (e->rank < old->rank)
			return;
		/* the first form a table gives a phrase stays: "New Zealand"
		 * is a name before it is an adjective */
		if (e->rank == old->rank && e->rank != RANK_LOADED && same_codes(kb, old, e))
			return;
	} else {
		kb->phrases++;
	}
	*slot = ei;
}

/*==== Countries and codes ====*/

static int a3_key(const char *s)
{
	if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' || s[2] < 'A' || s[2] > 'Z')
		return -1;
	return (s[0] - 'A') * 676 + (s[1] - 'A') * 26 + (s[2] - 'A');
}

/* Country record index of the first three letters of 's', or -1. */
static int country_find(const struct kb *kb, const char *s)
{
	int k;

	if (strlen(s) < 3 || (k = a3_key(s)) < 0)
		return -1;
	return kb->cindex[k] - 1;
}

static int country_get(struct kb *kb, const char *a3)
{
	int i = country_find(kb, a3);
	struct kb_country *c;

	if (i >= 0)
		return i;
	if (a3_key(a3) < 0 || kb->ncountries >= 32767)
		return -1;
	ALLOC_GROW(kb->countries, kb->ncountries + 1, kb->countries_alloc);
	c = &kb->countries[kb->ncountries];
	memcpy(c->a3, a3, 3);
	c->a3[3] = '\0';
	c->code = kb_strdup(kb, c->a3);
	c->name = NULL;
	c->name_rank = -1;
	kb->cindex[a3_key(a3)] = (int16_t)(kb->ncountries + 1);
	return (int)kb->ncountries++;
}

static void country_name(struct kb *kb, int ci, const char *name, int rank)
{
	struct kb_country *c = &kb->countries[ci];

	if (rank > c->name_rank) {
		c->name = kb_strdup(kb, name);
		c->name_rank = rank;
	}
}

/* CAMEO role codes that may follow the country in an actor code. */
static const char *const sectors[] = {
	"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI",
	"MED", "BUS", "CRM", "CVL", "UAF", "AGR", "EDU", "ENV", "HLH", "HRI",
	"LAB", "REF", "REL", "DEV", "MOD", "RAD", "PPL", "MUS", "CHR", "JEW",
	"BUD", "HIN", "SEP", "INS", NULL
};

static const char *sector_of(const char *s)
{
	int i;

	if (strlen(s) < 3)
		return NULL;
	for (i = 0; sectors[i]; i++)
		if (!strncmp(s, sectors[i], 3))
			return sectors[i];
	return NULL;
}

/* Append a code to kb->codes; returns its index. An agent code ('agent')
 * has no country: its MUS is Muslim, not Mauritius. */
static int code_add(struct kb *kb, const char *code, int32_t from, int32_t to, int dated,
		    int agent)
{
	struct kb_code *c;
	int ci;

	ALLOC_GROW(kb->codes, kb->ncodes + 1, kb->codes_alloc);
	c = &kb->codes[kb->ncodes];
	c->code = kb_strdup(kb, code);
	c->from = from;
	c->to = to;
	c->dated = dated;
	ci = strcmp(code, "---") && !agent ? country_find(kb, code) : -1;
	c->country = ci >= 0 ? kb->countries[ci].code : NULL;
	c->sector = sector_of(code + (ci >= 0 ? 3 : 0));
	return (int)kb->ncodes++;
}

static int32_t entry_new(struct kb *kb, const char *entity, int country,
			 enum actor_type type, int form, int rank)
{
	struct kb_entry *e;

	ALLOC_GROW(kb->entries, kb->nentries + 1, kb->entries_alloc);
	e = &kb->entries[kb->nentries];
	e->entity = entity ? kb_strdup(kb, entity) : NULL;
	e->country = country;
	e->code = (int)kb->ncodes;
	e->ncodes = 0;
	e->type = (unsigned char)type;
	e->form = (unsigned char)form;
	e->rank = (unsigned char)rank;
	return (int32_t)kb->nentries++;
}

/* An entry with one undated code; its codes must be added right after. */
static int32_t entry_simple(struct kb *kb, const char *entity, int country,
			    enum actor_type type, int form, int rank, const char *code)
{
	int32_t ei = entry_new(kb, entity, country, type, form, rank);

	code_add(kb, code, 0, KB_DATE_OPEN, 0, type == ACTOR_ROLE);
	kb->entries[ei].ncodes = 1;
	return ei;
}

/*==== Reading lines ====*/

/* A bounded cursor over a buffer, one line at a time. */
struct lines {
	const char *p;		/* buffer */
	size_t len, off;	/* its length; where the next line starts */
	size_t line;		/* number of the line last read, from 1 */
	const char *name;	/* for messages */
	size_t bad;		/* bad lines met */
};

/* The next line, without its end of line; returns 0 at the end. */
static int lines_next(struct lines *l, const char **s, size_t *n)
{
	const char *nl;

	if (l->off >= l->len)
		return 0;
	*s = l->p + l->off;
	nl = memchr(*s, '\n', l->len - l->off);
	*n = nl ? (size_t)(nl - *s) : l->len - l->off;
	l->off += *n + (nl ? 1 : 0);
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	l->line++;
	return 1;
}

static void lines_bad(struct lines *l, size_t line, const char *fmt, const char *arg)
{
	if (l->bad++ < KB_BAD_SHOWN) {
		char msg[1024];
		snprintf(msg, sizeof(msg), fmt, arg);
		warning("%s:%zu: %s", l->name, line, msg);
	}
}

static int lines_end(struct kb *kb, struct lines *l)
{
	if (l->bad > KB_BAD_SHOWN)
		warning("%s: %zu bad lines in all", l->name, l->bad);
	kb->bad_lines += l->bad;
	return l->bad ? 1 : 0;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* Cut a '#' comment off s[0..*n); returns where the comment starts or NULL. */
static const char *cut_comment(const char *s, size_t *n)
{
	const char *h = memchr(s, '#', *n);

	if (h)
		*n = (size_t)(h - s);
	return h;
}

/*==== PETRARCH/Phoenix actor dictionaries ====*/

/* Does s[0..n) contain the string 'needle'? */
static int contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(s + i, needle, k))
			return 1;
	return 0;
}

/* The type a "type=<name>" in a comment gives ("type=organization"), or 0. */
static int type_hint(const char *s, size_t n)
{
	char name[16];
	size_t i, k = 0;

	for (i = 0; i + 5 <= n; i++)
		if (!memcmp(s + i, "type=", 5))
			break;
	if (i + 5 > n)
		return 0;
	for (i += 5; i < n && k + 1 < sizeof(name) && s[i] >= 'a' && s[i] <= 'z'; i++)
		name[k++] = s[i];
	name[k] = '\0';
	return (int)actor_type_from_name(name);
}

/* A code of a block being read. */
struct tcode {
	char code[KB_CODE_MAX + 1];
	int32_t from, to;
	int dated;
};

/* The block being read: a base phrase, its synonyms and its codes. */
struct block {
	int active;
	size_t line;			/* line of the base phrase */
	char base[256];			/* the base phrase as written, words by ' ' */
	int countryinfo;		/* a "CountryInfo" comment: a person */
	int type;			/* "# type=<name>" on the base line, or 0 */
	int bare;			/* no code and no '[' since the base line */
	int reported;			/* a bad line of the block was reported */
	size_t last;			/* line of the last phrase */
	struct phrase *ph;		/* phrases */
	size_t nph, ph_alloc;
	struct tcode *codes;
	size_t ncodes, codes_alloc;
};

/* Parse a date "YYMMDD" or "YYYYMMDD" (PETRARCH: YY <= 30 is 20YY). */
static int parse_ymd(const char *s, size_t n, int32_t *out)
{
	int32_t v = 0, y, m, d;
	size_t i;

	if (n != 6 && n != 8)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	y = v / 10000;
	m = v / 100 % 100;
	d = v % 100;
	if (n == 6)
		y += y <= 30 ? 2000 : 1900;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*out = y * 10000 + m * 100 + d;
	return 0;
}

/* Parse the date part of a code: "", ">D", "<D", "D", "D-", "-D", "D-D". */
static int parse_range(const char *s, size_t n, struct tcode *c)
{
	const char *dash;

	c->from = 0;
	c->to = KB_DATE_OPEN;
	c->dated = n > 0;
	if (!n)
		return 0;
	if (s[0] == '>')
		return parse_ymd(s + 1, n - 1, &c->from);
	if (s[0] == '<')
		return parse_ymd(s + 1, n - 1, &c->to);
	dash = memchr(s, '-', n);
	if (!dash)
		return parse_ymd(s, n, &c->from);
	if (dash > s && parse_ymd(s, (size_t)(dash - s), &c->from) < 0)
		return -1;
	if (dash + 1 < s + n && parse_ymd(dash + 1, (size_t)(s + n - dash - 1), &c->to) < 0)
		return -1;
	return dash == s && dash + 1 == s + n ? -1 : 0;
}

/* Parse every "[CODE DATES]" of s[0..n) into the block. On a bad one,
 * returns -1 with *why set, and the block gets none of this line's codes. */
static int parse_codes(struct block *b, const char *s, size_t n, const char **why)
{
	size_t i = 0, first = b->ncodes;

	while (i < n) {
		const char *close, *g;
		size_t gn, cn = 0, dn = 0, k;
		char dates[64];
		struct tcode c;

		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		if (s[i] != '[') {
			*why = "text after the codes";
			goto bad;
		}
		close = memchr(s + i, ']', n - i);
		if (!close) {
			*why = "unclosed '['";
			goto bad;
		}
		g = s + i + 1;
		gn = (size_t)(close - g);
		i = (size_t)(close - s) + 1;
		trim(&g, &gn);
		while (cn < gn && g[cn] != ' ' && g[cn] != '\t')
			cn++;
		if (!cn || cn > KB_CODE_MAX) {
			*why = "bad code";
			goto bad;
		}
		memcpy(c.code, g, cn);
		c.code[cn] = '\0';
		if (strcmp(c.code, "---"))
			for (k = 0; k < cn; k++)
				if (!((g[k] >= 'A' && g[k] <= 'Z') || (g[k] >= '0' && g[k] <= '9'))) {
					*why = "bad code";
					goto bad;
				}
		for (k = cn; k < gn; k++)
			if (g[k] != ' ' && g[k] != '\t') {
				if (dn + 1 >= sizeof(dates)) {
					*why = "bad date";
					goto bad;
				}
				dates[dn++] = g[k];
			}
		if (parse_range(dates, dn, &c) < 0) {
			*why = "bad date";
			goto bad;
		}
		ALLOC_GROW(b->codes, b->ncodes + 1, b->codes_alloc);
		b->codes[b->ncodes++] = c;
	}
	return 0;
bad:
	b->ncodes = first;
	return -1;
}

static const char *const org_words[] = {
	"army", "forces", "force", "ministry", "council", "party", "front",
	"movement", "organization", "organisation", "union", "bank", "agency",
	"commission", "committee", "association", "fund", "program", "programme",
	"office", "group", "brigade", "brigades", "court", "tribunal", "parliament",
	"assembly", "institute", "center", "centre", "foundation", "society",
	"network", "inc", "corp", "corporation", "company", "ltd", "department",
	"service", "services", "police", "navy", "authority", "government",
	"administration", "league", "alliance", "federation", "coalition",
	"congress", "senate", "board", "bureau", "university", "school", "church",
	"radio", "television", "tv", "news", "times", "post", "press", "battalion",
	"militia", "guard", "guards", "mission", "secretariat", "club", "media",
	"newspaper", "corps", "command", "cabinet", "regime", "embassy",
	"consulate", "ministries", "forum", "conference", "industries", "group",
	"airlines", "airways", "holdings", "international", "institution", NULL
};

static int is_org_word(const char *w)
{
	int i;

	for (i = 0; org_words[i]; i++)
		if (!strcmp(w, org_words[i]))
			return 1;
	return 0;
}

static const char *const particles[] = {
	"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le",
	"al", "el", "bin", "ibn", "van", "von", "der", "den", "da", "do", "dos",
	"y", "e", "to", "at", NULL
};

/* "HAMID KARZAI" -> "Hamid Karzai"; "NATO" stays; "OF" inside -> "of". */
static void pretty_name(const char *s, char *out, size_t outsz)
{
	size_t o = 0, i = 0, n = strlen(s);
	int words = 1, first = 1;

	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	i = 0;
	while (i < n && o + 1 < outsz) {
		size_t j = i, k;
		int vowel = 0, letters = 0, keep, particle = 0;
		char low[32];

		while (j < n && s[j] != ' ')
			j++;
		for (k = i; k < j; k++) {
			char c = s[k];
			if (strchr("AEIOUYaeiouy", c))
				vowel = 1;
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				letters++;
		}
		if (j - i <= 3) {
			int p;
			for (k = i; k < j; k++)
				low[k - i] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
			low[j - i] = '\0';
			for (p = 0; particles[p]; p++)
				if (!strcmp(low, particles[p]))
					particle = 1;
		}
		keep = (words == 1 && letters <= 4) || !vowel || memchr(s + i, '.', j - i);
		for (k = i; k < j; k++)
			if (s[k] >= '0' && s[k] <= '9')
				keep = 1;
		for (k = i; k < j && o + 1 < outsz; k++) {
			char c = s[k];
			int up;
			if (keep) {
				out[o++] = c;
				continue;
			}
			up = k == i ? !(particle && !first) :
			     s[k - 1] == '-' || (s[k - 1] == '\'' && k - i == 2);
			if (up && c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			else if (!up && c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			out[o++] = c;
		}
		if (j < n && o + 1 < outsz)
			out[o++] = ' ';
		first = 0;
		i = j + 1;
	}
	out[o] = '\0';
}

static const char *const titles[] = {
	"president", "prime", "premier", "minister", "secretary", "secretary-general",
	"general", "gen", "lt", "col", "colonel", "king", "queen", "prince", "sheikh",
	"mr", "mrs", "ms", "dr", "foreign", "defense", "defence", "former", "ex",
	"chancellor", "vice", "vice-president", "deputy", "un", "united", "acting",
	"chairman", "chief", "governor", "senator", "sen", "ambassador", "pope",
	"cardinal", "archbishop", "emir", "sultan", "crown", "marshal", "admiral",
	"commander", "speaker", "interior", "finance", "opposition", "leader", "the",
	NULL
};

/* Does the phrase start with a title ("President Karzai")? */
static int titled(const struct phrase *ph)
{
	int i;

	for (i = 0; titles[i]; i++)
		if (!strcmp(ph->w[0], titles[i]))
			return 1;
	return 0;
}

/* The words of a phrase, by blanks ("'s" stays joined). */
static void phrase_text(const struct phrase *ph, char *out, size_t outsz)
{
	size_t o = 0;
	int i;

	for (i = 0; i < ph->n; i++) {
		size_t wl = strlen(ph->w[i]);
		int glue = ph->w[i][0] == '\'';
		if (o + wl + 2 > outsz)
			break;
		if (i && !glue)
			out[o++] = ' ';
		memcpy(out + o, ph->w[i], wl);
		o += wl;
	}
	out[o] = '\0';
}

/* Store the block read so far as one entry and its phrases. */
static void block_end(struct kb *kb, struct lines *l, struct block *b, int rank)
{
	int person = b->countryinfo, all_country = 1, all_place = 1, orgw = 0;
	enum actor_type type;
	char pretty[256];
	size_t i;
	int k, country = -1;
	int32_t ei;

	if (!b->active)
		return;
	b->active = 0;
	if (!b->ncodes) {
		if (!b->reported)
			lines_bad(l, b->line, "no code for '%.200s'", b->base);
		goto out;
	}
	for (i = 0; i < b->ncodes; i++) {
		const struct tcode *c = &b->codes[i];
		int ci = strcmp(c->code, "---") ? country_find(kb, c->code) : -1;
		size_t len = strlen(c->code);
		if (c->dated || strstr(c->code, "ELI"))
			person = 1;
		if (ci < 0 || len != 3)
			all_country = 0;
		else
			country = ci;
		if (ci < 0 || len == 3 || sector_of(c->code + 3))
			all_place = 0;
	}
	if (!strcmp(b->codes[0].code, "---") && b->ncodes == 1)
		type = ACTOR_UNKNOWN;
	else if (b->type)
		type = (enum actor_type)b->type;
	else if (all_country)
		type = ACTOR_COUNTRY;
	else if (person)
		type = ACTOR_PERSON;
	else if (all_place)
		type = ACTOR_PLACE;
	else {
		for (k = 0; k < b->ph[0].n && !orgw; k++)
			orgw = is_org_word(b->ph[0].w[k]);
		type = orgw || b->ph[0].n == 1 || b->ph[0].n > 5 ||
		       !strcmp(b->ph[0].w[0], "the") ? ACTOR_ORG : ACTOR_PERSON;
	}
	for (i = 0; b->base[i] && !(b->base[i] >= 'a' && b->base[i] <= 'z'); i++)
		;
	if (b->base[i])		/* written in mixed case: keep it */
		snprintf(pretty, sizeof(pretty), "%s", b->base);
	else
		pretty_name(b->base, pretty, sizeof(pretty));
	if (type == ACTOR_PERSON && titled(&b->ph[0])) {
		/* "SECRETARY-GENERAL BAN KI-MOON" +BAN_KI-MOON: name him by
		 * the first synonym that is a name without a title */
		for (i = 1; i < b->nph; i++)
			if (b->ph[i].n >= 2 && !titled(&b->ph[i])) {
				char text[256];
				phrase_text(&b->ph[i], text, sizeof(text));
				pretty_name(text, pretty, sizeof(pretty));
				break;
			}
	}
	ei = entry_new(kb, type == ACTOR_COUNTRY ? NULL : pretty,
		       type == ACTOR_COUNTRY ? country : -1, type, KB_NAME, rank);
	for (i = 0; i < b->ncodes; i++)
		code_add(kb, b->codes[i].code, b->codes[i].from, b->codes[i].to,
			 b->codes[i].dated, 0);
	kb->entries[ei].ncodes = (int)b->ncodes;
	for (i = 0; i < b->nph; i++)
		phrase_set(kb, &b->ph[i], ei, 0);
out:
	b->nph = 0;
	b->ncodes = 0;
	b->countryinfo = 0;
	b->type = 0;
	b->reported = 0;
}

static int block_phrase(struct block *b, const char *s, size_t n)
{
	ALLOC_GROW(b->ph, b->nph + 1, b->ph_alloc);
	if (phrase_split(&b->ph[b->nph], s, n, 1) < 0)
		return -1;
	b->nph++;
	return 0;
}

static int load_actors(struct kb *kb, const char *name, const char *buf, size_t len, int rank)
{
	struct lines l = { buf, len, 0, 0, name, 0 };
	struct block b;
	const char *s;
	size_t n;

	memset(&b, 0, sizeof(b));
	while (lines_next(&l, &s, &n)) {
		const char *comment, *bracket, *why = NULL, *line_end = s + n;
		size_t pn;
		int syn;

		if (n > KB_LINE_MAX) {
			lines_bad(&l, l.line, "line too long%s", "");
			continue;
		}
		comment = cut_comment(s, &n);
		trim(&s, &n);
		if (!n || (n >= 2 && s[0] == '<' && s[1] == '!'))
			continue;
		if (s[0] == '[') {
			b.bare = 0;
			if (!b.active)
				lines_bad(&l, l.line, "code without an actor%s", "");
			else if (parse_codes(&b, s, n, &why) < 0) {
				lines_bad(&l, l.line, "%s", why);
				b.reported = 1;
			}
			continue;
		}
		syn = s[0] == '+';
		if (syn) {
			s++, n--;
			if (!b.active) {
				lines_bad(&l, l.line, "synonym without an actor%s", "");
				continue;
			}
		} else if (b.active && b.bare && b.last + 1 == l.line) {
			/* base lines in a row with no code between them: a
			 * forgotten '+' (Phoenix has a few), so one actor */
			syn = 1;
		} else {
			block_end(kb, &l, &b, rank);
		}
		bracket = memchr(s, '[', n);
		pn = bracket ? (size_t)(bracket - s) : n;
		b.last = l.line;
		if (bracket)
			b.bare = 0;
		if (!syn) {
			b.bare = !bracket;
			size_t k, o = 0;
			b.active = 1;
			b.line = l.line;
			b.countryinfo = comment && contains(comment, (size_t)(line_end - comment),
							    "CountryInfo");
			b.type = comment ? type_hint(comment, (size_t)(line_end - comment)) : 0;
			for (k = 0; k < pn && o + 1 < sizeof(b.base); k++)
				b.base[o++] = s[k] == '_' || s[k] == '\t' ? ' ' : s[k];
			while (o && b.base[o - 1] == ' ')
				o--;
			b.base[o] = '\0';
		}
		if (block_phrase(&b, s, pn) < 0) {
			lines_bad(&l, l.line, "bad phrase%s", "");
			if (!syn && !b.nph)
				b.active = 0;
			continue;
		}
		if (bracket && parse_codes(&b, bracket, n - pn, &why) < 0) {
			lines_bad(&l, l.line, "%s", why);
			b.reported = 1;
		}
	}
	block_end(kb, &l, &b, rank);
	free(b.ph);
	free(b.codes);
	return lines_end(kb, &l);
}

int kb_load_actors_buf(struct kb *kb, const char *name, const char *buf, size_t len)
{
	return load_actors(kb, name, buf, len, RANK_LOADED);
}

int kb_load_actors(struct kb *kb, const char *path)
{
	char *buf;
	size_t len;
	int ret;

	if (read_file(path, &buf, &len) < 0)
		return -1;
	ret = load_actors(kb, path, buf, len, RANK_LOADED);
	free(buf);
	return ret;
}

/*==== PETRARCH/Phoenix agent dictionaries ====*/

struct subst {
	char name[32];			/* "PERSON" for !PERSON! */
	char values[KB_SET_VALUES_MAX][48];
	int n;
};

/* Regular plural of a folded word, into out; 0 when none is made. */
static int plural_word(const char *w, char *out)
{
	size_t n = strlen(w);
	static const char *const no_men[] = { "human", "german", "roman", "shaman",
		"cayman", "ottoman", NULL };
	int i;

	if (n + 3 >= KB_WORD_MAX || !n)
		return 0;
	memcpy(out, w, n + 1);
	if ((n >= 2 && (!strcmp(w + n - 2, "ss") || !strcmp(w + n - 2, "sh") ||
			!strcmp(w + n - 2, "ch"))) || w[n - 1] == 'x' || w[n - 1] == 'z') {
		memcpy(out + n, "es", 3);
		return 1;
	}
	if (w[n - 1] == 's')
		return 0;
	if (w[n - 1] == 'y' && n > 1 && !strchr("aeiou", w[n - 2])) {
		memcpy(out + n - 1, "ies", 4);
		return 1;
	}
	if (n > 4 && !strcmp(w + n - 3, "man")) {
		for (i = 0; no_men[i]; i++)
			if (ends_with(w, no_men[i]))
				break;
		if (!no_men[i]) {
			out[n - 2] = 'e';
			return 1;
		}
	}
	memcpy(out + n, "s", 2);
	return 1;
}

/* Expand the !SET! markers of s into up to KB_EXPAND_MAX strings. Returns
 * the count, or -1 for an unknown set or too many. */
static int expand_sets(const char *s, const struct subst *sets, int nsets,
		       char out[][512], int nout, int *expanded)
{
	const char *a = strchr(s, '!'), *b;
	char name[32];
	int i, j, total = 0;

	if (!a) {
		if (nout < 1 || strlen(s) >= 512)
			return -1;
		memcpy(out[0], s, strlen(s) + 1);
		return 1;
	}
	b = strchr(a + 1, '!');
	if (!b || (size_t)(b - a - 1) >= sizeof(name))
		return -1;
	memcpy(name, a + 1, (size_t)(b - a - 1));
	name[b - a - 1] = '\0';
	for (i = 0; i < nsets; i++)
		if (!strcmp(sets[i].name, name))
			break;
	if (i == nsets)
		return -1;
	*expanded = 1;
	for (j = 0; j < sets[i].n; j++) {
		char tmp[512];
		int got;
		size_t pre = (size_t)(a - s), vl = strlen(sets[i].values[j]);
		if (pre + vl + strlen(b + 1) >= sizeof(tmp))
			return -1;
		memcpy(tmp, s, pre);
		memcpy(tmp + pre, sets[i].values[j], vl);
		memcpy(tmp + pre + vl, b + 1, strlen(b + 1) + 1);
		got = expand_sets(tmp, sets, nsets, out + total, nout - total, expanded);
		if (got < 0)
			return -1;
		total += got;
	}
	return total;
}

static int parse_subst(struct subst *set, const char *s, size_t n)
{
	const char *b = memchr(s + 1, '!', n - 1), *eq = memchr(s, '=', n);
	const char *p, *end = s + n;

	if (!b || !eq || eq < b || (size_t)(b - s - 1) >= sizeof(set->name) || b == s + 1)
		return -1;
	memcpy(set->name, s + 1, (size_t)(b - s - 1));
	set->name[b - s - 1] = '\0';
	set->n = 0;
	for (p = eq + 1; p < end;) {
		const char *c = memchr(p, ',', (size_t)(end - p)), *v = p;
		size_t vn = (size_t)((c ? c : end) - p);
		trim(&v, &vn);
		if (vn) {
			if (set->n >= KB_SET_VALUES_MAX || vn >= sizeof(set->values[0]))
				return -1;
			memcpy(set->values[set->n], v, vn);
			set->values[set->n++][vn] = '\0';
		}
		p = c ? c + 1 : end;
	}
	return set->n ? 0 : -1;
}

/* The entity of an agent phrase: its words, lower case, by spaces. */
static void agent_entity(const struct phrase *ph, char *out, size_t outsz)
{
	size_t o = 0;
	int i;

	for (i = 0; i < ph->n; i++) {
		size_t wl = strlen(ph->w[i]);
		if (o + wl + 2 > outsz)
			break;
		if (i && strcmp(ph->w[i], "'s") && strcmp(ph->w[i], "'"))
			out[o++] = ' ';
		memcpy(out + o, ph->w[i], wl);
		o += wl;
	}
	out[o] = '\0';
}

/* Stems the Phoenix agents file still has at the end of phrases
 * ("DEFENCE_MINIST"), with the words they stand for. */
static const char *const stems[][5] = {
	{ "minist", "minister", "ministers", "ministry", "ministries" },
	{ "authorit", "authority", "authorities", NULL, NULL },
	{ "compan", "company", "companies", NULL, NULL },
	{ "industr", "industry", "industries", NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* When ph ends with a stem, add each word it stands for and return 1. */
static int expand_stem(struct kb *kb, struct phrase *ph, int32_t ei)
{
	char *last = ph->w[ph->n - 1];
	int i, k;

	for (i = 0; stems[i][0]; i++)
		if (!strcmp(last, stems[i][0]))
			break;
	if (!stems[i][0])
		return 0;
	for (k = 1; k < 5 && stems[i][k]; k++) {
		memcpy(last, stems[i][k], strlen(stems[i][k]) + 1);
		phrase_set(kb, ph, ei, 1);
	}
	return 1;
}

static int load_agents(struct kb *kb, const char *name, const char *buf, size_t len, int rank)
{
	struct lines l = { buf, len, 0, 0, name, 0 };
	struct subst *sets = xcalloc(KB_SETS_MAX, sizeof(*sets));
	char (*exp)[512] = xmalloc(KB_EXPAND_MAX * sizeof(*exp));
	struct phrase *ph = xmalloc(sizeof(*ph));
	int nsets = 0;
	const char *s;
	size_t n;

	while (lines_next(&l, &s, &n)) {
		const char *open, *close, *brace, *code, *plural = NULL;
		size_t cn, pn, pln = 0, k;
		char codebuf[KB_CODE_MAX + 1], phrase[512], entity[256];
		int nexp, expanded = 0, i;
		int32_t ei = -1;

		if (n > KB_LINE_MAX) {
			lines_bad(&l, l.line, "line too long%s", "");
			continue;
		}
		cut_comment(s, &n);
		trim(&s, &n);
		if (!n || (n >= 2 && s[0] == '<' && s[1] == '!'))
			continue;
		if (s[0] == '!' && memchr(s, '=', n)) {
			if (nsets >= KB_SETS_MAX || parse_subst(&sets[nsets], s, n) < 0)
				lines_bad(&l, l.line, "bad substitution set%s", "");
			else
				nsets++;
			continue;
		}
		open = memchr(s, '[', n);
		close = open ? memchr(open, ']', (size_t)(s + n - open)) : NULL;
		if (!open) {
			lines_bad(&l, l.line, "no code%s", "");
			continue;
		}
		if (!close) {
			lines_bad(&l, l.line, "unclosed '['%s", "");
			continue;
		}
		for (k = (size_t)(close - s) + 1; k < n; k++)
			if (s[k] != ' ' && s[k] != '\t')
				break;
		code = open + 1;
		cn = (size_t)(close - code);
		trim(&code, &cn);
		if (cn && code[0] == '~')
			code++, cn--;
		else if (cn && code[cn - 1] == '~')
			cn--;
		for (i = 0; i < (int)cn; i++)
			if (code[i] < 'A' || code[i] > 'Z')
				break;
		if (k < n || !cn || cn > KB_CODE_MAX || i < (int)cn) {
			lines_bad(&l, l.line, k < n ? "text after the code%s" : "bad code%s", "");
			continue;
		}
		memcpy(codebuf, code, cn);
		codebuf[cn] = '\0';
		pn = (size_t)(open - s);
		brace = memchr(s, '{', pn);
		if (brace) {
			const char *endb = memchr(brace, '}', (size_t)(open - brace));
			if (!endb) {
				lines_bad(&l, l.line, "unclosed '{'%s", "");
				continue;
			}
			plural = brace + 1;
			pln = (size_t)(endb - plural);
			trim(&plural, &pln);
			pn = (size_t)(brace - s);
		}
		while (pn && (s[pn - 1] == ' ' || s[pn - 1] == '\t'))
			pn--;
		if (!pn || pn >= sizeof(phrase)) {
			lines_bad(&l, l.line, "bad phrase%s", "");
			continue;
		}
		memcpy(phrase, s, pn);
		phrase[pn] = '\0';
		nexp = expand_sets(phrase, sets, nsets, exp, KB_EXPAND_MAX, &expanded);
		if (nexp <= 0) {
			lines_bad(&l, l.line, "unknown substitution set in '%.200s'", phrase);
			continue;
		}
		for (i = 0; i < nexp; i++) {
			char pl[KB_WORD_MAX];
			if (phrase_split(ph, exp[i], strlen(exp[i]), 1) < 0) {
				lines_bad(&l, l.line, "bad phrase '%.200s'", exp[i]);
				break;
			}
			if (ei < 0) {
				agent_entity(ph, entity, sizeof(entity));
				ei = entry_simple(kb, entity, -1, ACTOR_ROLE, KB_NAME, rank, codebuf);
			}
			if (expand_stem(kb, ph, ei))
				continue;
			phrase_set(kb, ph, ei, 1);
			if (!expanded && !plural && plural_word(ph->w[ph->n - 1], pl)) {
				memcpy(ph->w[ph->n - 1], pl, strlen(pl) + 1);
				phrase_set(kb, ph, ei, 1);
			}
		}
		if (ei >= 0 && plural && pln) {
			if (phrase_split(ph, plural, pln, 1) < 0)
				lines_bad(&l, l.line, "bad plural%s", "");
			else
				phrase_set(kb, ph, ei, 1);
		}
	}
	free(sets);
	free(exp);
	free(ph);
	return lines_end(kb, &l);
}

int kb_load_agents_buf(struct kb *kb, const char *name, const char *buf, size_t len)
{
	return load_agents(kb, name, buf, len, RANK_LOADED);
}

int kb_load_agents(struct kb *kb, const char *path)
{
	char *buf;
	size_t len;
	int ret;

	if (read_file(path, &buf, &len) < 0)
		return -1;
	ret = load_agents(kb, path, buf, len, RANK_LOADED);
	free(buf);
	return ret;
}

/*==== Built-in tables ====*/

/* Add a built-in phrase (words by blanks) naming entry ei. */
static void builtin_phrase(struct kb *kb, struct lines *l, const char *s, size_t n, int32_t ei)
{
	struct phrase ph;

	if (phrase_split(&ph, s, n, 0) < 0) {
		lines_bad(l, l->line, "bad phrase%s", "");
		return;
	}
	phrase_set(kb, &ph, ei, 0);
}

/* An ISO name and the forms news uses: "Korea, Republic of" gives "Republic
 * of Korea"; "Falkland Islands (Malvinas)" gives "Falkland Islands";
 * "Saint Helena, Ascension and Tristan da Cunha" gives "Saint Helena". */
static void iso_name(const char *name, char *out, size_t outsz)
{
	char tmp[256];
	size_t o = 0, i;
	int depth = 0;
	const char *comma;

	for (i = 0; name[i] && o + 1 < sizeof(tmp); i++) {
		if (name[i] == '(')
			depth++;
		else if (name[i] == ')' && depth)
			depth--;
		else if (!depth)
			tmp[o++] = name[i];
	}
	while (o && tmp[o - 1] == ' ')
		o--;
	tmp[o] = '\0';
	comma = strstr(tmp, ", ");
	if (!comma) {
		snprintf(out, outsz, "%s", tmp);
		return;
	}
	if (ends_with(comma + 2, " of") || ends_with(comma + 2, " of the") ||
	    !strchr(comma + 2, ' '))
		snprintf(out, outsz, "%s %.*s", comma + 2, (int)(comma - tmp), tmp);
	else
		snprintf(out, outsz, "%.*s", (int)(comma - tmp), tmp);
}

static int load_iso(struct kb *kb, const char *json, size_t len, const char *key, int rank)
{
	cJSON *root = cJSON_ParseWithLength(json, len), *arr, *it;
	struct lines l = { json, 0, 0, 0, key, 0 };

	if (!root)
		return error("cannot parse the embedded ISO %s table", key);
	arr = cJSON_GetObjectItemCaseSensitive(root, key);
	cJSON_ArrayForEach(it, arr) {
		const char *a3 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "alpha_3"));
		const char *a2;
		static const char *const fields[] = { "name", "official_name", "common_name", NULL };
		char buf[256], code[4];
		int f, ci;
		int32_t ei;

		if (!a3 || strlen(a3) != 3 || a3_key(a3) < 0)
			continue;
		if (rank == RANK_ISO_FORMER && country_find(kb, a3) >= 0)
			continue;	/* a code still in use (ATF) */
		ci = country_get(kb, a3);
		a2 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "alpha_2"));
		if (rank == RANK_ISO && ci >= 0 && a2 && strlen(a2) == 2 &&
		    isupper((unsigned char)a2[0]) && isupper((unsigned char)a2[1]))
			kb->a2index[(a2[0] - 'A') * 26 + (a2[1] - 'A')] = (int16_t)(ci + 1);
		memcpy(code, a3, 4);
		ei = entry_simple(kb, NULL, ci, ACTOR_COUNTRY,
				  rank == RANK_ISO_FORMER ? KB_FORMER : KB_NAME, rank, code);
		for (f = 0; fields[f]; f++) {
			const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, fields[f]));
			if (!v)
				continue;
			iso_name(v, buf, sizeof(buf));
			if (f != 1)
				country_name(kb, ci, buf, rank * 2 + (f == 2));
			builtin_phrase(kb, &l, buf, strlen(buf), ei);
		}
	}
	cJSON_Delete(root);
	return 0;
}

/* Subdivision names of ISO 3166-2 that are words of no one place, or
 * common words: "Central", "Northern", "Capital", "Gulf", "Batman". */
static int generic_place(const char *name)
{
	static const char *const words[] = {
		"central", "centre", "center", "north", "south", "east", "west",
		"northern", "southern", "eastern", "western", "northeast",
		"northwest", "southeast", "southwest", "north-east", "north-west",
		"south-east", "south-west", "capital", "coast", "coastal", "upper",
		"lower", "middle", "interior", "island", "islands", "lake", "lakes",
		"river", "mountain", "mountains", "highlands", "lowlands", "plateau",
		"littoral", "sea", "border", "frontier", "national", "federal",
		"special", "autonomous", "region", "province", "state", "city",
		"district", "territory", "nord", "sud", "est", "ouest", "la", "le",
		"de", "del", "du", "al", "el", "the", "of", "and", "saint", "st",
		/* names that are English common words (WordNet's, not its
		 * proper nouns): the 36 of the 2026 table */
		"litoral", "mascara", "afar", "yap", "pita", "saga", "delta",
		"plateau", "northland", "southland", "gulf", "manus", "antique",
		"capiz", "laguna", "bay", "unity", "maritime", "van", "batman",
		NULL
	};
	char w[64];
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, " "), k;
		if (n && n < sizeof(w)) {
			for (k = 0; k < n; k++)
				w[k] = (char)tolower((unsigned char)p[k]);
			w[n] = '\0';
			for (k = 0; words[k] && strcmp(words[k], w); k++)
				;
			if (!words[k])
				return 0;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return 1;
}

struct sub_name {
	char folded[128], name[128], a3[4];
};

static int cmp_sub(const void *a, const void *b)
{
	const struct sub_name *x = a, *y = b;
	int c = strcmp(x->folded, y->folded);
	return c ? c : strcmp(x->a3, y->a3);
}

/* ISO 3166-2 subdivisions (provinces, states, regions, governorates ...)
 * as places of their country: "Sindh" (PAK), "West Darfur" (SDN), "Texas"
 * (USA). A name two countries share ("Punjab") or made only of generic
 * words ("Central") is left out; any other source's phrase wins. */
static int load_subdivisions(struct kb *kb)
{
	static const char *const types[] = {
		"Province", "State", "Region", "Governorate", "Prefecture",
		"Republic", "Autonomous region", "Autonomous community",
		"Autonomous republic", "Autonomous province", "Land", "Emirate",
		"Territory", "Federal territory", "Administrative region",
		"Voivodship", "Regional state", "Canton", "Country", "Nation",
		"Federal district", "Union territory", "Autonomous territory", NULL
	};
	cJSON *c2 = cJSON_ParseWithLength(kb_data_iso3166_2, sizeof(kb_data_iso3166_2) - 1);
	struct lines l = { kb_data_iso3166_2, 0, 0, 0, "3166-2", 0 };
	struct sub_name *v = NULL;
	size_t n = 0, alloc = 0, i, j;
	cJSON *it;

	if (!c2)
		return error("cannot parse the embedded ISO 3166-2 table");
	/* the alpha-2 codes are load_iso()'s, of ISO 3166-1 */
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(c2, "3166-2")) {
		const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "code"));
		const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "name"));
		const char *type = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "type"));
		struct sub_name sn;
		int k, ci;

		if (!code || !name || !type || strlen(code) < 4 || !isupper((unsigned char)code[0]) ||
		    !isupper((unsigned char)code[1]))
			continue;
		for (k = 0; types[k] && strcmp(types[k], type); k++)
			;
		if (!types[k])
			continue;
		ci = kb->a2index[(code[0] - 'A') * 26 + (code[1] - 'A')] - 1;
		if (ci < 0)
			continue;
		memcpy(sn.a3, kb->countries[ci].a3, 4);
		iso_name(name, sn.name, sizeof(sn.name));
		if (strlen(sn.name) < 3 || generic_place(sn.name) ||
		    kb_fold(sn.name, sn.folded, sizeof(sn.folded)) <= 0)
			continue;
		ALLOC_GROW(v, n + 1, alloc);
		v[n++] = sn;
	}
	qsort(v, n, sizeof(*v), cmp_sub);
	for (i = 0; i < n; i = j) {
		int one = 1;
		for (j = i + 1; j < n && !strcmp(v[j].folded, v[i].folded); j++)
			if (strcmp(v[j].a3, v[i].a3))
				one = 0;
		if (one) {
			int32_t ei = entry_simple(kb, v[i].name, country_find(kb, v[i].a3),
						  ACTOR_PLACE, KB_NAME, RANK_ISO_SUB, v[i].a3);
			builtin_phrase(kb, &l, v[i].name, strlen(v[i].name), ei);
		}
	}
	free(v);
	cJSON_Delete(c2);
	return 0;
}

/* data/countries.txt: "<A3> field=v; v | field=v ..." */
static int load_countries(struct kb *kb, const char *name, const char *buf, size_t len)
{
	struct lines l = { buf, len, 0, 0, name, 0 };
	const char *s;
	size_t n;

	while (lines_next(&l, &s, &n)) {
		char a3[4], gov[8];
		int ci;
		const char *p, *end;

		cut_comment(s, &n);
		trim(&s, &n);
		if (!n)
			continue;
		if (n < 5 || s[3] != ' ' || a3_key(s) < 0) {
			lines_bad(&l, l.line, "no country code%s", "");
			continue;
		}
		memcpy(a3, s, 3);
		a3[3] = '\0';
		ci = country_get(kb, a3);
		memcpy(gov, a3, 3);
		memcpy(gov + 3, "GOV", 4);
		for (p = s + 4, end = s + n; p < end;) {
			const char *bar = memchr(p, '|', (size_t)(end - p)), *f = p, *eq, *v;
			size_t fn = (size_t)((bar ? bar : end) - p);
			static const struct {
				const char *key;
				int type, form;
			} kinds[] = {
				{ "name", ACTOR_COUNTRY, KB_NAME },
				{ "adj", ACTOR_COUNTRY, KB_ADJECTIVE },
				{ "people", ACTOR_COUNTRY, KB_PEOPLE },
				{ "capital", ACTOR_COUNTRY, KB_CAPITAL },
				{ "seat", ACTOR_COUNTRY, KB_CAPITAL },
				{ "former", ACTOR_COUNTRY, KB_FORMER },
				{ "place", ACTOR_PLACE, KB_NAME },
				{ NULL, 0, 0 }
			};
			int k, first = 1;

			p = bar ? bar + 1 : end;
			trim(&f, &fn);
			eq = memchr(f, '=', fn);
			for (k = 0; eq && kinds[k].key; k++)
				if (strlen(kinds[k].key) == (size_t)(eq - f) &&
				    !memcmp(kinds[k].key, f, (size_t)(eq - f)))
					break;
			if (!eq || !kinds[k].key) {
				lines_bad(&l, l.line, "bad field%s", "");
				continue;
			}
			for (v = eq + 1; v < f + fn;) {
				const char *semi = memchr(v, ';', (size_t)(f + fn - v)), *w = v;
				size_t wn = (size_t)((semi ? semi : f + fn) - v);
				char phrase[256];
				int32_t ei;

				v = semi ? semi + 1 : f + fn;
				trim(&w, &wn);
				if (!wn || wn >= sizeof(phrase))
					continue;
				memcpy(phrase, w, wn);
				phrase[wn] = '\0';
				if (kinds[k].form == KB_NAME && kinds[k].type == ACTOR_COUNTRY && first)
					country_name(kb, ci, phrase, RANK_DATA * 2);
				first = 0;
				ei = entry_simple(kb, kinds[k].type == ACTOR_PLACE ? phrase : NULL,
						  ci, (enum actor_type)kinds[k].type, kinds[k].form,
						  RANK_DATA, kinds[k].form == KB_CAPITAL ? gov : a3);
				builtin_phrase(kb, &l, phrase, wn, ei);
			}
		}
	}
	return lines_end(kb, &l);
}

/* data/orgs.txt: "<code> | <canonical> | alias; alias" */
static int load_orgs(struct kb *kb, const char *name, const char *buf, size_t len)
{
	struct lines l = { buf, len, 0, 0, name, 0 };
	const char *s;
	size_t n;

	while (lines_next(&l, &s, &n)) {
		const char *bar1, *bar2, *c = s, *canon, *p, *end;
		size_t cn, kn;
		char code[KB_CODE_MAX + 1], entity[256];
		int32_t ei;

		cut_comment(s, &n);
		trim(&s, &n);
		if (!n)
			continue;
		bar1 = memchr(s, '|', n);
		if (!bar1) {
			lines_bad(&l, l.line, "no '|'%s", "");
			continue;
		}
		cn = (size_t)(bar1 - s);
		c = s;
		trim(&c, &cn);
		canon = bar1 + 1;
		bar2 = memchr(canon, '|', (size_t)(s + n - canon));
		kn = (size_t)((bar2 ? bar2 : s + n) - canon);
		trim(&canon, &kn);
		if (!cn || cn > KB_CODE_MAX || !kn || kn >= sizeof(entity)) {
			lines_bad(&l, l.line, "bad code or name%s", "");
			continue;
		}
		memcpy(code, c, cn);
		code[cn] = '\0';
		memcpy(entity, canon, kn);
		entity[kn] = '\0';
		ei = entry_simple(kb, entity, -1, strcmp(code, "---") ? ACTOR_ORG : ACTOR_UNKNOWN,
				  KB_NAME, RANK_DATA, code);
		builtin_phrase(kb, &l, entity, kn, ei);
		for (p = bar2 ? bar2 + 1 : s + n, end = s + n; p < end;) {
			const char *semi = memchr(p, ';', (size_t)(end - p)), *w = p;
			size_t wn = (size_t)((semi ? semi : end) - p);
			p = semi ? semi + 1 : end;
			trim(&w, &wn);
			if (wn)
				builtin_phrase(kb, &l, w, wn, ei);
		}
	}
	return lines_end(kb, &l);
}

/*==== Life cycle ====*/

struct kb *kb_new(void)
{
	struct kb *kb = xcalloc(1, sizeof(*kb));
	int bad = 0;

	kb->edges_alloc = 1 << 12;
	kb->edges = xcalloc(kb->edges_alloc, sizeof(*kb->edges));
	node_new(kb);
	if (load_iso(kb, kb_data_iso3166_1, sizeof(kb_data_iso3166_1) - 1, "3166-1", RANK_ISO) < 0 ||
	    load_iso(kb, kb_data_iso3166_3, sizeof(kb_data_iso3166_3) - 1, "3166-3",
		     RANK_ISO_FORMER) < 0)
		goto fail;
	bad |= load_countries(kb, "data/countries.txt", kb_data_countries,
			      sizeof(kb_data_countries) - 1);
	if (load_subdivisions(kb) < 0)
		goto fail;
	bad |= load_orgs(kb, "data/orgs.txt", kb_data_orgs, sizeof(kb_data_orgs) - 1);
	bad |= load_actors(kb, "data/actors.txt", kb_data_actors, sizeof(kb_data_actors) - 1,
			   RANK_DATA);
	bad |= load_actors(kb, "data/leaders.txt", kb_data_leaders, sizeof(kb_data_leaders) - 1,
			   RANK_DATA);
	bad |= load_agents(kb, "data/roles.txt", kb_data_roles, sizeof(kb_data_roles) - 1,
			   RANK_DATA);
	if (bad) {
		error("the built-in tables have bad lines");
		goto fail;
	}
	kb->bad_lines = 0;
	return kb;
fail:
	kb_free(kb);
	return NULL;
}

void kb_free(struct kb *kb)
{
	struct kb_chunk *c, *next;

	if (!kb)
		return;
	for (c = kb->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(kb->nodes);
	free(kb->edges);
	free(kb->entries);
	free(kb->codes);
	free(kb->countries);
	free(kb);
}

/*==== Lookups ====*/

static int32_t date_key(const struct date *w)
{
	int m = w->m ? w->m : 7, d = w->d ? w->d : (w->m ? 15 : 1);
	return (int32_t)w->y * 10000 + m * 100 + d;
}

/* The code of entry e at date 'when' (see kb_match), or NULL. */
static const struct kb_code *pick_code(const struct kb *kb, const struct kb_entry *e,
				       const struct date *when)
{
	const struct kb_code *c = kb->codes + e->code, *best = NULL;
	int i;

	if (!e->ncodes)
		return NULL;
	if (when && when->y) {
		int32_t key = date_key(when), dist = 0;
		for (i = 0; i < e->ncodes; i++)
			if (c[i].dated && c[i].from <= key && key < c[i].to)
				return &c[i];
		for (i = 0; i < e->ncodes; i++)
			if (!c[i].dated)
				return &c[i];
		for (i = 0; i < e->ncodes; i++) {
			int32_t d = key < c[i].from ? c[i].from - key : key - c[i].to;
			if (!best || d < dist) {
				best = &c[i];
				dist = d;
			}
		}
		return best;
	}
	for (i = 0; i < e->ncodes; i++)
		if (c[i].dated && c[i].to == KB_DATE_OPEN && (!best || c[i].from > best->from))
			best = &c[i];
	if (best)
		return best;
	for (i = 0; i < e->ncodes; i++)
		if (!c[i].dated)
			return &c[i];
	for (i = 0; i < e->ncodes; i++)
		if (!best || c[i].to > best->to)
			best = &c[i];
	return best;
}

/* The entry a node names: its actor phrase when the words had a capital,
 * else its role phrase; when it has both, the one of higher rank (a
 * built-in role beats a loaded name: "Senate" stays a legislature). */
static int32_t node_entry(const struct kb *kb, const struct kb_node *nd, int upper)
{
	int32_t a = upper ? nd->actor : -1, g = nd->agent;

	if (a >= 0 && g >= 0 && kb->entries[g].rank > kb->entries[a].rank)
		return g;
	return a >= 0 ? a : g;
}

/* The longest phrase at tok[i]: its length (0 = none) and entry. */
static int longest(const struct kb *kb, const char *const *tok, int n, int i,
		   int32_t *best_e)
{
	uint32_t node = 0;
	int k, upper = 0, best = 0, acronym = 0;
	char w[KB_WORD_MAX];

	*best_e = -1;
	for (k = i; k < n; k++) {
		int32_t ei;
		const char *c;
		if (!tok[k] || fold_word(tok[k], strlen(tok[k]), w) < 0)
			break;
		node = edge_find(kb, node, w);
		if (!node)
			break;
		upper |= has_upper(tok[k]);
		for (c = tok[k]; *c >= 'A' && *c <= 'Z'; c++)
			;
		acronym |= !*c && c - tok[k] > 1;
		ei = node_entry(kb, &kb->nodes[node], upper);
		/* "the GAO" is no province of Mali */
		if (ei >= 0 && acronym && kb->entries[ei].rank == RANK_ISO_SUB)
			ei = -1;
		if (ei >= 0) {
			best = k - i + 1;
			*best_e = ei;
		}
	}
	return best;
}

int kb_match(const struct kb *kb, const char *const *tok, int n, int i,
	     const struct date *when, struct kb_hit *hit)
{
	uint32_t node;
	int best;
	int32_t best_e;
	char w[KB_WORD_MAX];
	const struct kb_entry *e;
	const struct kb_code *c;
	const char *dash;

	if (!kb || !tok || i < 0)
		return 0;
	best = longest(kb, tok, n, i, &best_e);
	if (best_e < 0 && i < n && tok[i] && (dash = strchr(tok[i], '-')) && dash > tok[i] &&
	    fold_word(tok[i], (size_t)(dash - tok[i]), w) >= 0 && (node = edge_find(kb, 0, w))) {
		/* "Greek-Cypriot", "U.S.-led", "Turkish-made": the first part */
		best_e = node_entry(kb, &kb->nodes[node], has_upper(tok[i]));
		best = 1;
	}
	if (best_e < 0)
		return 0;
	e = &kb->entries[best_e];
	c = pick_code(kb, e, when);
	if (!c || !strcmp(c->code, "---"))
		return 0;	/* a phrase that names nothing hides its prefixes */
	hit->entity = e->entity ? e->entity : kb->countries[e->country].name;
	hit->type = (enum actor_type)e->type;
	hit->code = c->code;
	hit->country = c->country;
	hit->sector = c->sector;
	hit->form = e->form;
	return best;
}

int kb_names_nothing(const struct kb *kb, const char *const *tok, int n, int i)
{
	const struct kb_code *c;
	int32_t ei;
	int len;

	if (!kb || !tok || i < 0)
		return 0;
	len = longest(kb, tok, n, i, &ei);
	if (ei < 0)
		return 0;
	c = pick_code(kb, &kb->entries[ei], NULL);
	return c && !strcmp(c->code, "---") ? len : 0;
}

const char *kb_sector(const struct kb *kb, const char *word)
{
	char w[KB_WORD_MAX];
	uint32_t node;
	int32_t ei;

	if (!kb || !word || fold_word(word, strlen(word), w) < 0)
		return NULL;
	node = edge_find(kb, 0, w);
	if (!node || (ei = kb->nodes[node].agent) < 0 || !kb->entries[ei].ncodes)
		return NULL;
	return kb->codes[kb->entries[ei].code].sector;
}

const char *kb_code(const char *country, const char *sector, char *buf)
{
	size_t o = 0, k;
	const char *parts[2];
	int i;

	parts[0] = country;
	parts[1] = sector;
	for (i = 0; i < 2; i++)
		for (k = 0; parts[i] && parts[i][k] && o < 15; k++)
			buf[o++] = parts[i][k];
	buf[o] = '\0';
	return buf;
}

const char *kb_country_name(const struct kb *kb, const char *alpha3)
{
	int ci;

	if (!kb || !alpha3 || strlen(alpha3) != 3)
		return NULL;
	ci = country_find(kb, alpha3);
	return ci >= 0 ? kb->countries[ci].name : NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int kb_people_noun(const char *lemma)
{
	char low[64];
	const char *key = low;
	size_t i;

	if (!lemma)
		return 0;
	for (i = 0; lemma[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)tolower((unsigned char)lemma[i]);
	low[i] = '\0';
	return bsearch(&key, kb_people_nouns, sizeof(kb_people_nouns) / sizeof(kb_people_nouns[0]),
		       sizeof(kb_people_nouns[0]), cmp_str) != NULL;
}

int kb_fold(const char *s, char *buf, size_t size)
{
	size_t o = 0, i = 0, n = s ? strlen(s) : 0;
	char w[KB_WORD_MAX];

	if (!size)
		return -1;
	buf[0] = '\0';
	while (i < n) {
		size_t j;
		int wl;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		for (j = i; j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n'; j++)
			;
		if (j == i)
			break;
		if ((wl = fold_word(s + i, j - i, w)) < 0)
			return -1;
		if (o + (o ? 1 : 0) + (size_t)wl + 1 > size)
			return -1;
		if (o)
			buf[o++] = ' ';
		memcpy(buf + o, w, (size_t)wl + 1);
		o += (size_t)wl;
		i = j;
	}
	return (int)o;
}

void kb_stats(const struct kb *kb, struct kb_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!kb)
		return;
	st->entries = kb->phrases;
	st->nodes = kb->nnodes;
	st->countries = kb->ncountries;
	st->bad_lines = kb->bad_lines;
	st->bytes = kb->arena_bytes + kb->nodes_alloc * sizeof(*kb->nodes) +
		    kb->edges_alloc * sizeof(*kb->edges) +
		    kb->entries_alloc * sizeof(*kb->entries) +
		    kb->codes_alloc * sizeof(*kb->codes) +
		    kb->countries_alloc * sizeof(*kb->countries) + sizeof(*kb);
}
