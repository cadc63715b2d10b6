/*
 * token.c: the tokenizer (see token.h). It walks the text once, cutting
 * white-space separated chunks into tokens by peeling punctuation off both
 * ends and splitting clitics and hyphens inside.
 */
#include "ingest/token.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/utf8.h"

/* Abbreviations that end in a period and do not end a sentence by
 * themselves: titles, months, corporate suffixes, common Latin. */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
	"Cmdr", "Sgt", "Adm", "Gov", "Sen", "Rep", "Rev", "Pres", "Amb",
	"Sec", "Gens", "Brig", "Cpl", "Pvt", "Hon", "Messrs", "Mmes", "St",
	"Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Cos", "Dept", "Univ",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs",
	"Fri", "Sat", "Sun", "No", "Nos", "Nr", "Vol", "Fig", "Mt", "Ft",
	"Ave", "Blvd", "Rd", "vs", "etc", "approx", "est", "al", "cf", "ca",
	"Ariz", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan",
	"Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
	"Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
	"Wyo", NULL
};

int token_is_abbrev(const char *s, size_t n)
{
	size_t i, dots = 0;
	const char *const *a;

	if (n < 2 || s[n - 1] != '.')
		return 0;
	/* Initials and dotted abbreviations: "J.", "U.S.", "a.m.", "U.N." */
	for (i = 0; i < n; i++)
		if (s[i] == '.')
			dots++;
	if (n == 2 && isalpha((unsigned char)s[0]))
		return 1;
	if (dots >= 2) {
		for (i = 0; i < n; i++)
			if (s[i] != '.' && !isalpha((unsigned char)s[i]))
				return 0;
		return 1;
	}
	for (a = abbrevs; *a; a++)
		if (strlen(*a) == n - 1 && !memcmp(*a, s, n - 1))
			return 1;
	return 0;
}

/*==== Character classes ====*/

/* A punctuation character at p: its length in bytes and normal form. */
struct punct {
	int len;
	const char *norm;
};

static int punct_at(const char *p, const char *end, struct punct *pu)
{
	unsigned char c = (unsigned char)*p;
	unsigned cp;
	int n;

	if (c < 0x80) {
		static const char ascii[] = "\"'()[]{},;:!?`$%#&*+=<>|~^/\\@";
		static char one[sizeof(ascii)][2];
		const char *q = strchr(ascii, c);
		if (!c || !q)
			return 0;
		one[q - ascii][0] = (char)c;
		pu->len = 1;
		pu->norm = one[q - ascii];
		return 1;
	}
	n = utf8_decode(p, (size_t)(end - p), &cp);
	if (!n)
		return 0;
	pu->len = n;
	switch (cp) {
	case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
		pu->norm = "\""; return 1;
	case 0x2018: case 0x2019: case 0x201A: case 0x2032:
		pu->norm = "'"; return 1;
	case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		pu->norm = "--"; return 1;
	case 0x2026:
		pu->norm = "..."; return 1;
	case 0x00A3: pu->norm = "\xC2\xA3"; return 1;	/* pound */
	case 0x20AC: pu->norm = "\xE2\x82\xAC"; return 1;	/* euro */
	case 0x00A5: pu->norm = "\xC2\xA5"; return 1;	/* yen */
	default:
		return 0;
	}
}

/* Unicode white space we meet in news text (NBSP, thin spaces, ...). */
static int space_at(const char *p, const char *end, int *len)
{
	unsigned char c = (unsigned char)*p;
	unsigned cp;
	int n;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v' || (c < 0x20) || c == 0x7f) {
		*len = 1;	/* other control characters count as blanks */
		return 1;
	}
	if (c < 0x80)
		return 0;
	n = utf8_decode(p, (size_t)(end - p), &cp);
	if (n && (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
		  cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)) {
		*len = n;
		return 1;
	}
	return 0;
}

/*==== Emitting tokens ====*/

struct tk {
	struct token_list *out;
	const char *text;
	unsigned pending_nl : 1, pending_blank : 1, pending_space : 1;
};

static void emit(struct tk *k, const char *p, size_t n, const char *norm)
{
	struct token *t;
	struct token_list *l = k->out;

	if (!n)
		return;
	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->off = (size_t)(p - k->text);
	t->len = n;
	t->nl_before = k->pending_nl;
	t->blank_before = k->pending_blank;
	t->space_before = k->pending_space;
	k->pending_nl = k->pending_blank = k->pending_space = 0;
	t->form_off_ = l->arena.len;
	if (norm) {
		sb_adds(&l->arena, norm);
	} else {
		/* Normalise curly apostrophes inside words ("Israel’s" arrives
		 * here already split, but "O’Brien" does not). */
		const char *q = p, *e = p + n;
		while (q < e) {
			if ((unsigned char)q[0] == 0xE2 && e - q >= 3 &&
			    (unsigned char)q[1] == 0x80 &&
			    ((unsigned char)q[2] == 0x99 || (unsigned char)q[2] == 0x98)) {
				sb_addc(&l->arena, '\'');
				q += 3;
			} else {
				sb_addc(&l->arena, *q++);
			}
		}
	}
	sb_addc(&l->arena, '\0');
}

static int is_apos(const char *p, const char *end, int *len)
{
	if (*p == '\'') {
		*len = 1;
		return 1;
	}
	if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x99) {
		*len = 3;
		return 1;
	}
	return 0;
}

static int ieq(const char *p, size_t n, const char *s)
{
	size_t i;
	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)p[i]) != s[i])
			return 0;
	return 1;
}

/* Split a word (no outer punctuation) into clitics: returns the length of
 * the stem; *clitic gets the byte offset where the clitic starts (== n when
 * none). Handles 's 're 've 'll 'd 'm n't and s' (plural possessive). */
static size_t clitic_split(const char *p, size_t n)
{
	size_t i;
	int alen;

	if (n >= 4 && ieq(p + n - 3, 3, "n't") && isalpha((unsigned char)p[n - 4]))
		return n - 3;
	if (n >= 6 && (unsigned char)p[n - 4] == 0xE2 && p[n - 5] == 'n' &&
	    (unsigned char)p[n - 3] == 0x80 && (unsigned char)p[n - 2] == 0x99 &&
	    (p[n - 1] == 't' || p[n - 1] == 'T'))
		return n - 5;	/* n’t */
	for (i = n; i-- > 1;) {
		if (is_apos(p + i, p + n, &alen)) {
			size_t rest = n - i - (size_t)alen;
			const char *r = p + i + alen;
			if (rest == 0 || (rest == 1 && (ieq(r, 1, "s") || ieq(r, 1, "d") || ieq(r, 1, "m"))) ||
			    (rest == 2 && (ieq(r, 2, "re") || ieq(r, 2, "ve") || ieq(r, 2, "ll"))))
				return isalnum((unsigned char)p[i - 1]) ? i : n;
			return n;
		}
		if ((unsigned char)p[i] < 0x80 && !isalpha((unsigned char)p[i]))
			break;
	}
	return n;
}

static int is_numberish(const char *p, size_t n)
{
	size_t i, digits = 0;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)p[i]))
			digits++;
		else if (!strchr(".,-/:", p[i]) && !isalpha((unsigned char)p[i]))
			return 0;
	}
	return digits > 0 && isdigit((unsigned char)p[0]);
}

/* Is p[0..e) one of s d m re ve ll, with nothing but closing marks after? */
static int is_clitic(const char *p, const char *e)
{
	size_t n = 0;
	while (p + n < e && isalpha((unsigned char)p[n]))
		n++;
	if (p + n < e && !strchr(",.;:!?\")", p[n]))
		return 0;
	return (n == 1 && (ieq(p, 1, "s") || ieq(p, 1, "d") || ieq(p, 1, "m"))) ||
	       (n == 2 && (ieq(p, 2, "re") || ieq(p, 2, "ve") || ieq(p, 2, "ll")));
}

static int arabic_article(const char *p, size_t n)
{
	static const char *const a[] = { "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul", NULL };
	int i;
	for (i = 0; a[i]; i++)
		if (strlen(a[i]) == n && !memcmp(a[i], p, n))
			return 1;
	return 0;
}

/* Was the token before a capitalised word like a surname ("Kim")? */
static int after_name(const struct tk *k)
{
	const struct token_list *l = k->out;
	const char *f;
	size_t i;

	if (!l->n || !k->pending_space)
		return 0;
	f = l->arena.buf + l->v[l->n - 1].form_off_;
	if (!isupper((unsigned char)f[0]) || l->v[l->n - 1].len < 2)
		return 0;
	for (i = 1; f[i]; i++)
		if (!islower((unsigned char)f[i]))
			return 0;
	return 1;
}

static int all_lower(const char *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)p[i]))
			return 0;
	return n > 0;
}

/* Emit a word with clitics and hyphens split off. */
static void emit_word(struct tk *k, const char *p, size_t n)
{
	size_t stem, i, start;

	/* can't -> ca n't, won't -> wo n't, cannot -> can not */
	if (ieq(p, n, "cannot")) {
		emit(k, p, 3, NULL);
		emit(k, p + 3, 3, NULL);
		return;
	}
	stem = clitic_split(p, n);
	if (stem < n && stem > 0) {
		emit_word(k, p, stem);
		emit(k, p + stem, n - stem, NULL);
		return;
	}
	/* Hyphens between letters separate words, as in the treebank; numbers
	 * and dates ("2022-10-27", "1-0") stay whole. */
	if (!is_numberish(p, n)) {
		start = 0;
		for (i = 1; i + 1 < n; i++) {
			/* "F-16", "S-400", "COVID-19": a model or a code stays whole */
			if (p[i] == '-' && isalpha((unsigned char)p[i - 1]) &&
			    isdigit((unsigned char)p[i + 1]))
				continue;
			/* "Kim Jong-un", "Ban Ki-moon": a given name after a surname */
			if (p[i] == '-' && start == 0 && isupper((unsigned char)p[0]) &&
			    after_name(k) && n - i - 1 <= 5 && all_lower(p + i + 1, n - i - 1))
				continue;
			/* "al-Thani", "el-Sisi": the Arabic article stays with its name */
			if (p[i] == '-' && i - start <= 3 && isupper((unsigned char)p[i + 1]) &&
			    arabic_article(p + start, i - start))
				continue;
			/* "Tel-Aviv", "Al-Qaeda": a name stays one token */
			if (p[i] == '-' && isupper((unsigned char)p[start]) &&
			    isupper((unsigned char)p[i + 1]) && isalpha((unsigned char)p[i - 1]) &&
			    i - start > 1 && n - i > 3)
				continue;
			if (p[i] == '-' && p[i - 1] != '-' && p[i + 1] != '-' &&
			    (isalnum((unsigned char)p[i - 1]) || p[i - 1] == '.' ||
			     (unsigned char)p[i - 1] >= 0x80) &&
			    (isalnum((unsigned char)p[i + 1]) || (unsigned char)p[i + 1] >= 0x80)) {
				emit(k, p + start, i - start, NULL);
				emit(k, p + i, 1, NULL);
				start = i + 1;
			}
		}
		if (start) {
			emit(k, p + start, n - start, NULL);
			return;
		}
	}
	emit(k, p, n, NULL);
}

/* Is the chunk p[0..n) ending in '.' a word whose period belongs to it? */
static int keeps_period(const char *p, size_t n)
{
	return token_is_abbrev(p, n);
}

/* Cut one white-space-free chunk into tokens. */
static void chunk(struct tk *k, const char *p, const char *e)
{
	struct punct pu;
	const char *tail_p[64];
	struct punct tail_u[64];
	int ntail = 0, i;

	/* Leading punctuation, one at a time. */
	while (p < e) {
		if (e - p >= 3 && !memcmp(p, "...", 3)) {
			emit(k, p, 3, "...");
			p += 3;
			continue;
		}
		if (e - p >= 2 && p[0] == '-' && p[1] == '-') {
			emit(k, p, 2, "--");
			p += 2;
			continue;
		}
		if (e - p >= 2 && p[0] == '`' && p[1] == '`') {
			emit(k, p, 2, "\"");
			p += 2;
			continue;
		}
		if (*p == '-' && e - p > 1 && !isdigit((unsigned char)p[1])) {
			emit(k, p, 1, "-");
			p++;
			continue;
		}
		if (!punct_at(p, e, &pu))
			break;
		/* A '$' or '#' glued to a number, an '&' inside "AT&T": keep going
		 * only for opening marks and currency. */
		if (pu.len == 1 && strchr("%,;:!?)]}", *p) == NULL &&
		    strchr("\"'([{`$#", *p) == NULL)
			break;
		if (*p == '\'' && is_clitic(p + 1, e))
			break;	/* 's as a word on its own */
		emit(k, p, (size_t)pu.len, pu.norm);
		p += pu.len;
	}
	/* Trailing punctuation, collected right to left. */
	while (p < e && ntail < 64) {
		const char *q = e - 1;
		/* step back to the start of the last UTF-8 character */
		while (q > p && ((unsigned char)*q & 0xC0) == 0x80)
			q--;
		if (e - p >= 3 && !memcmp(e - 3, "...", 3)) {
			tail_p[ntail] = e - 3;
			tail_u[ntail].len = 3;
			tail_u[ntail++].norm = "...";
			e -= 3;
			continue;
		}
		if (*q == '.') {
			if (keeps_period(p, (size_t)(e - p)))
				break;
			tail_p[ntail] = q;
			tail_u[ntail].len = 1;
			tail_u[ntail++].norm = ".";
			e = q;
			continue;
		}
		if (*q == '-' && q > p && q[-1] == '-') {
			tail_p[ntail] = q - 1;
			tail_u[ntail].len = 2;
			tail_u[ntail++].norm = "--";
			e = q - 1;
			continue;
		}
		if (!punct_at(q, e, &pu))
			break;
		if (pu.len == 1 && !strchr("\"')]},;:!?%", *q))
			break;
		/* an apostrophe after s is a plural possessive: keep it as a clitic */
		if (!strcmp(pu.norm, "'") && q > p && (q[-1] == 's' || q[-1] == 'S') &&
		    q - p > 1) {
			tail_p[ntail] = q;
			tail_u[ntail++] = pu;
			e = q;
			break;
		}
		tail_p[ntail] = q;
		tail_u[ntail++] = pu;
		e = q;
	}
	/* The middle: split internal commas, slashes and other marks. */
	while (p < e) {
		const char *w = p;
		while (w < e) {
			if (punct_at(w, e, &pu) && !(*w == '\'' ) &&
			    !(pu.len == 3 && !strcmp(pu.norm, "'"))) {
				/* keep , . : / inside numbers ("1,400", "10:30") and & in AT&T */
				if ((*w == ',' || *w == ':' || *w == '/') && w > p && w + 1 < e &&
				    isdigit((unsigned char)w[-1]) && isdigit((unsigned char)w[1])) {
					w++;
					continue;
				}
				if ((*w == '&' || *w == '/') && w > p && w + 1 < e &&
				    isalpha((unsigned char)w[-1]) && isalpha((unsigned char)w[1])) {
					w++;
					continue;
				}
				if (*w == '%' || *w == '$' || *w == '#' || *w == '@' ||
				    *w == '+' || *w == '=' || *w == '*') {
					if (w == p || w + 1 == e) {
						/* currency or percent at an edge of the word */
					} else {
						w++;
						continue;
					}
				}
				break;
			}
			w++;
		}
		if (w > p)
			emit_word(k, p, (size_t)(w - p));
		if (w < e) {
			punct_at(w, e, &pu);
			emit(k, w, (size_t)pu.len, pu.norm);
			w += pu.len;
		}
		p = w;
	}
	for (i = ntail - 1; i >= 0; i--)
		emit(k, tail_p[i], (size_t)tail_u[i].len, tail_u[i].norm);
}

void tokenize(const char *text, size_t len, struct token_list *out)
{
	struct tk k;
	const char *p = text, *e = text + len;
	size_t i;
	int nl = 0, sl;

	out->n = 0;
	sb_reset(&out->arena);
	k.out = out;
	k.text = text;
	k.pending_nl = k.pending_blank = k.pending_space = 0;
	p += utf8_bom(text, len);
	while (p < e) {
		const char *w;
		if (space_at(p, e, &sl)) {
			if (*p == '\n') {
				nl++;
				k.pending_nl = 1;
				if (nl >= 2)
					k.pending_blank = 1;
			}
			k.pending_space = 1;
			p += sl;
			continue;
		}
		nl = 0;
		w = p;
		while (w < e && !space_at(w, e, &sl))
			w++;
		chunk(&k, p, w);
		p = w;
	}
	for (i = 0; i < out->n; i++)
		out->v[i].form = out->arena.buf + out->v[i].form_off_;
}

void token_list_release(struct token_list *l)
{
	free(l->v);
	sb_release(&l->arena);
	l->v = NULL;
	l->n = l->alloc = 0;
}
