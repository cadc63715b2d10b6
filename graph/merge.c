/*
 * merge.c: folding names and the rules that map a mention to an actor
 * (see merge.h). Pure functions: the store does the lookups.
 */
#include "graph/merge.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*==== Folding ====*/

/* Code points that fold to ASCII; "" drops the character. */
static const struct fold_range {
	unsigned lo, hi;
	const char *to;
} fold_ranges[] = {
	{ 0xC0, 0xC5, "a" }, { 0xC6, 0xC6, "ae" }, { 0xC7, 0xC7, "c" },
	{ 0xC8, 0xCB, "e" }, { 0xCC, 0xCF, "i" }, { 0xD0, 0xD0, "d" },
	{ 0xD1, 0xD1, "n" }, { 0xD2, 0xD6, "o" }, { 0xD8, 0xD8, "o" },
	{ 0xD9, 0xDC, "u" }, { 0xDD, 0xDD, "y" }, { 0xDE, 0xDE, "th" },
	{ 0xDF, 0xDF, "ss" },
	{ 0xE0, 0xE5, "a" }, { 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" },
	{ 0xE8, 0xEB, "e" }, { 0xEC, 0xEF, "i" }, { 0xF0, 0xF0, "d" },
	{ 0xF1, 0xF1, "n" }, { 0xF2, 0xF6, "o" }, { 0xF8, 0xF8, "o" },
	{ 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" }, { 0xFE, 0xFE, "th" },
	{ 0xFF, 0xFF, "y" },
	{ 0x100, 0x105, "a" }, { 0x106, 0x10D, "c" }, { 0x10E, 0x111, "d" },
	{ 0x112, 0x11B, "e" }, { 0x11C, 0x123, "g" }, { 0x124, 0x127, "h" },
	{ 0x128, 0x131, "i" }, { 0x132, 0x133, "ij" }, { 0x134, 0x135, "j" },
	{ 0x136, 0x138, "k" }, { 0x139, 0x142, "l" }, { 0x143, 0x14B, "n" },
	{ 0x14C, 0x151, "o" }, { 0x152, 0x153, "oe" }, { 0x154, 0x159, "r" },
	{ 0x15A, 0x161, "s" }, { 0x162, 0x167, "t" }, { 0x168, 0x173, "u" },
	{ 0x174, 0x175, "w" }, { 0x176, 0x178, "y" }, { 0x179, 0x17E, "z" },
	{ 0x17F, 0x17F, "s" },
	{ 0x300, 0x36F, "" },		/* combining marks */
	{ 0x2018, 0x2019, "" },		/* curly apostrophes */
};

/* Decode one UTF-8 sequence at s (at most n bytes); returns its length, or
 * 0 when it is not valid (the caller then keeps the byte as it is). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return *cp >= 0x80 ? 2 : 0;
	}
	if ((s[0] & 0xF0) == 0xE0 && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*cp = ((unsigned)(s[0] & 0x0F) << 12) |
		      ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return *cp >= 0x800 ? 3 : 0;
	}
	return 0;
}

static const char *fold_cp(unsigned cp)
{
	size_t i;
	for (i = 0; i < sizeof(fold_ranges) / sizeof(fold_ranges[0]); i++)
		if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi)
			return fold_ranges[i].to;
	return NULL;
}

char *merge_fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	int space = 0;

	while (n) {
		unsigned cp;
		size_t len = utf8_decode(p, n, &cp);
		const char *to;

		if (!len) {		/* invalid byte: keep it, folding is not validation */
			sb_addc(&sb, (char)*p);
			p++, n--;
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == '-' || cp == '_' || cp == 0xA0) {
			space = 1;
		} else if (cp == '.' || cp == '\'') {
			/* dropped: "U.S." = "US", "Erdogan's" keeps its 's' */
		} else {
			if (space && sb.len)
				sb_addc(&sb, ' ');
			space = 0;
			if (cp < 0x80)
				sb_addc(&sb, (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
			else if ((to = fold_cp(cp)))
				sb_adds(&sb, to);
			else
				sb_add(&sb, (const char *)p, len);
		}
		p += len, n -= len;
	}
	return sb_detach(&sb);
}

/*==== Keys ====*/

/* The end of the first case-insensitive (ASCII) occurrence of 'needle'
 * in 'hay' as whole words, or NULL. */
static const char *after_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;
	const char *p;

	if (!n)
		return NULL;
	for (p = hay; *p; p++) {
		if (p > hay && p[-1] != ' ')
			continue;
		for (i = 0; i < n && p[i]; i++) {
			char a = p[i], b = needle[i];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n && (p[n] == ' ' || !p[n]))
			return p + n;
	}
	return NULL;
}

const char *merge_name(const struct mention *m)
{
	const char *rest;

	if (m->entity && *m->entity)
		return m->entity;
	if (!m->text)
		return "";
	/* "Turkish President Erdogan" with role "President" and no entity:
	 * the person is what follows the title */
	if (m->type == ACTOR_PERSON && m->role && (rest = after_words(m->text, m->role))) {
		while (*rest == ' ')
			rest++;
		if (*rest)
			return rest;
	}
	return m->text;
}

char *merge_org_core(const char *folded)
{
	static const char *const forms[] = {
		"inc", "co", "corp", "ltd", "plc", "ag", "spa", "sa", "nv", "gmbh",
		"llc", "and", "&", "the", NULL
	};
	char *core = xstrdup(folded ? folded : ""), *sp;
	size_t k;

	while ((sp = strrchr(core, ' ')) && sp > core) {
		for (k = 0; forms[k] && strcmp(sp + 1, forms[k]); k++)
			;
		if (!forms[k])
			break;
		*sp = '\0';
	}
	return core;
}

int merge_is_actor(enum actor_type t)
{
	return t != ACTOR_UNKNOWN && t != ACTOR_THING;
}

char *merge_key(const struct mention *m)
{
	struct strbuf sb = STRBUF_INIT;
	char *f = merge_fold(merge_name(m));

	switch (m->type) {
	case ACTOR_COUNTRY:
		/* one actor per country, whatever the sector of the mention:
		 * "Turkey" (TUR) and "Ankara" (TURGOV) are one, with both codes */
		if (m->country && strlen(m->country) == 3) {
			sb_addf(&sb, "country:%s", m->country);
			break;
		}
		/* fall through */
	case ACTOR_ORG:
	case ACTOR_PLACE:
		/* by name, never by code: a code such as BUS or GBRPTY is
		 * shared by every firm or every British party. The country
		 * keeps apart the "Finance Ministry" of Japan and of Spain. */
		if (m->type == ACTOR_ORG) {
			char *core = merge_org_core(f);
			free(f);
			f = core;
		}
		sb_addf(&sb, "%s:=%s", actor_type_name(m->type), f);
		if (m->country && *m->country)
			sb_addf(&sb, "|%s", m->country);
		break;
	case ACTOR_PERSON:
		sb_addf(&sb, "person:%s", f);
		break;
	case ACTOR_ROLE:
		sb_addf(&sb, "role:%s|%s", f, m->country ? m->country : "");
		break;
	case ACTOR_UNKNOWN:
	case ACTOR_THING:
		free(f);	/* by the lowercase text, not the entity */
		f = merge_fold(m->text ? m->text : merge_name(m));
		sb_addf(&sb, "thing:%s", f);
		break;
	}
	free(f);
	return sb_detach(&sb);
}

size_t merge_tokens(const char *folded)
{
	size_t n = 0;
	const char *p;

	for (p = folded; *p; p++)
		if (p == folded || p[-1] == ' ')
			n += *p != ' ';
	return n;
}

char *merge_surname(const char *folded)
{
	const char *sp = strrchr(folded, ' ');
	return xstrdup(sp ? sp + 1 : folded);
}

static int differ(const char *a, const char *b)
{
	char *fa, *fb;
	int r;

	if (!a || !b || !*a || !*b)
		return 0;
	fa = merge_fold(a);
	fb = merge_fold(b);
	r = strcmp(fa, fb) != 0;
	free(fa);
	free(fb);
	return r;
}

int merge_conflict(const struct mention *m, const char *country, const char *role)
{
	return differ(m->country, country) || differ(m->role, role);
}

int merge_pick(const struct mention *m, const struct merge_cand *c, size_t n)
{
	size_t i, ok = 0;
	int pick = -1, best = 0, ties = 0;

	for (i = 0; i < n; i++)
		if (!merge_conflict(m, c[i].country, c[i].role)) {
			ok++;
			pick = (int)i;
		}
	if (ok <= 1)
		return ok ? pick : -1;
	/* Several people share the surname: only evidence decides. */
	pick = -1;
	for (i = 0; i < n; i++) {
		int score = 0;
		if (merge_conflict(m, c[i].country, c[i].role))
			continue;
		if (c[i].in_article)
			score += 4;
		if (m->role && c[i].role && !differ(m->role, c[i].role))
			score += 2;
		if (m->country && c[i].country && !differ(m->country, c[i].country))
			score += 1;
		if (score > best) {
			best = score;
			pick = (int)i;
			ties = 0;
		} else if (score == best && score > 0) {
			ties++;
		}
	}
	return ties ? -1 : pick;
}
