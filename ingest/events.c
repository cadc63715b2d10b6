/*
 * events.c: the event lexicon (see events.h).
 *
 * The rows come from data/verbs.txt through tools/gen-verbs.awk, sorted by
 * lemma, so that a lookup is a binary search and a scan of the few rows of
 * one verb. The PLOVER category and mode of a CAMEO code are written here,
 * from the CAMEO -> PLOVER 2021 conversion: by root, with the exceptions
 * the conversion makes (163 is COERCE, 1712 and 175 are ASSAULT, 191 and 192
 * are COERCE, 084-087 are RETREAT).
 */
#include "ingest/events.h"

#include <stddef.h>
#include <string.h>

struct verb_row {
	const char *lemma;	/* "expel" */
	const char *prep;	/* particle or preposition required, or NULL */
	const char *obj;	/* object head noun required, or NULL */
	const char *cameo;	/* CAMEO code, or NULL: no event */
	const char *mode;	/* mode overriding the code's, or NULL */
};

static const struct verb_row verbs[] = {
#include "ingest/events-data.inc"
};

#define NVERBS ((int)(sizeof(verbs) / sizeof(verbs[0])))
#define WORD_MAX 64		/* longest word we look up */

/*==== CAMEO codes ====*/

/* PLOVER categories of the CAMEO roots 02-20, and the codes that leave
 * their root's category. */
static const char *const root_plover[21] = {
	NULL, NULL, "REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID",
	"CONCEDE", "ACCUSE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
	"MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT"
};

static const struct {
	const char *code;	/* a code and every code under it */
	const char *plover;
} plover_except[] = {
	{ "084", "RETREAT" }, { "085", "RETREAT" }, { "086", "RETREAT" },
	{ "087", "RETREAT" }, { "0813", "RETREAT" }, { "0814", "RETREAT" },
	{ "163", "COERCE" }, { "1712", "ASSAULT" }, { "175", "ASSAULT" },
	{ "191", "COERCE" }, { "192", "COERCE" }, { "201", "ASSAULT" },
	{ NULL, NULL }
};

/* PLOVER modes: a code gives its mode to the codes under it unless one of
 * them has its own. */
static const struct {
	const char *code;
	const char *mode;
} modes[] = {
	{ "041", "phone" }, { "042", "visit" }, { "043", "visit" },
	{ "044", "third-party" },
	{ "0841", "release" }, { "0842", "return" }, { "085", "ease" },
	{ "086", "access" }, { "087", "disarm" }, { "0871", "ceasefire" },
	{ "0872", "withdraw" },
	{ "09", "investigate" },
	{ "101", "assist" }, { "102", "assist" }, { "103", "assist" },
	{ "104", "change" }, { "105", "change" }, { "1051", "yield" },
	{ "1052", "yield" }, { "1053", "yield" }, { "1054", "yield" },
	{ "1055", "yield" }, { "1056", "yield" }, { "106", "meet" },
	{ "107", "meet" }, { "108", "meet" },
	{ "110", "disapprove" }, { "111", "disapprove" }, { "112", "disapprove" },
	{ "1121", "allege" }, { "1122", "allege" }, { "1123", "allege" },
	{ "1124", "allege" }, { "1125", "allege" }, { "113", "disapprove" },
	{ "114", "allege" }, { "115", "allege" }, { "116", "disapprove" },
	{ "121", "assist" }, { "122", "assist" }, { "123", "change" },
	{ "124", "change" }, { "1243", "yield" }, { "1244", "yield" },
	{ "1245", "yield" }, { "1246", "yield" }, { "125", "meet" },
	{ "126", "meet" }, { "127", "meet" }, { "128", "yield" }, { "129", "yield" },
	{ "1311", "relations" }, { "1312", "restrict" }, { "1313", "relations" },
	{ "132", "ban" }, { "1321", "political" }, { "1323", "restrict" },
	{ "1324", "restrict" }, { "133", "relations" }, { "134", "relations" },
	{ "135", "relations" }, { "136", "expel" }, { "137", "violence" },
	{ "138", "violence" }, { "1381", "restrict" }, { "1382", "territory" },
	{ "139", "relations" },
	{ "141", "demo" }, { "142", "hunger" }, { "143", "boycott" },
	{ "144", "obstruct" }, { "145", "riot" },
	{ "151", "police" }, { "152", "troops" }, { "153", "police" },
	{ "154", "troops" },
	{ "161", "withdraw" }, { "162", "discontinue" }, { "163", "restrict" },
	{ "164", "withdraw" }, { "165", "withdraw" }, { "166", "expel" },
	{ "171", "seize" }, { "172", "restrict" }, { "1722", "ban" },
	{ "1723", "curfew" }, { "1724", "martial-law" }, { "173", "arrest" },
	{ "174", "deport" },
	{ "181", "abduct" }, { "182", "beat" }, { "1821", "sexual" },
	{ "1822", "torture" }, { "1823", NULL }, { "183", "suicide-attack" },
	{ "1832", "explosives" }, { "1833", "explosives" }, { "184", "abduct" },
	{ "185", "assassinate" }, { "186", "assassinate" },
	{ "191", "restrict" }, { "192", "seize" }, { "193", "firearms" },
	{ "194", "heavy-weapons" }, { "195", "heavy-weapons" },
	{ "200", "massacre" }, { "201", "cleansing" }, { "202", "massacre" },
	{ "203", "cleansing" }, { "204", "unconventional" },
	{ NULL, NULL }
};

/* Is 'prefix' the code 'code' or one above it? */
static int code_under(const char *code, const char *prefix)
{
	return !strncmp(code, prefix, strlen(prefix));
}

int event_from_cameo(const char *code, struct event_info *out)
{
	size_t n, i, best = 0;
	int root;

	if (!code)
		return -1;
	n = strlen(code);
	if (n < 2 || n > 4)
		return -1;
	for (i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	root = (code[0] - '0') * 10 + (code[1] - '0');
	if (root < 2 || root > 20)
		return -1;
	out->cameo = code;
	out->plover = root_plover[root];
	out->quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
	out->mode = NULL;
	for (i = 0; plover_except[i].code; i++)
		if (code_under(code, plover_except[i].code) &&
		    strlen(plover_except[i].code) > best) {
			best = strlen(plover_except[i].code);
			out->plover = plover_except[i].plover;
		}
	best = 0;
	for (i = 0; modes[i].code; i++)
		if (code_under(code, modes[i].code) && strlen(modes[i].code) > best) {
			best = strlen(modes[i].code);
			out->mode = modes[i].mode;
		}
	return 0;
}

/*==== The lexicon ====*/

/* Lower-case copy of s into buf (WORD_MAX), hyphens dropped when 'nohyphen';
 * NULL when s is NULL, empty or too long. */
static const char *lower(const char *s, char *buf, int nohyphen)
{
	size_t i, o = 0;

	if (!s || !*s)
		return NULL;
	for (i = 0; s[i]; i++) {
		char c = s[i];
		if (nohyphen && c == '-')
			continue;
		if (o + 1 >= WORD_MAX)
			return NULL;
		buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[o] = '\0';
	return o ? buf : NULL;
}

/* The first row of 'lemma', or -1. */
static int first_row(const char *lemma)
{
	int lo = 0, hi = NVERBS;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(verbs[mid].lemma, lemma) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < NVERBS && !strcmp(verbs[lo].lemma, lemma) ? lo : -1;
}

static int obj_is(const char *row, const char *obj)
{
	size_t n;

	if (!strcmp(row, obj))
		return 1;
	/* a plural finds its singular: "talks", "ties", "embassies" */
	n = strlen(obj);
	if (n > 4 && !strcmp(obj + n - 3, "ies") && strlen(row) == n - 2 &&
	    !strncmp(row, obj, n - 3) && row[n - 3] == 'y')
		return 1;
	return n > 3 && obj[n - 1] == 's' && strlen(row) == n - 1 && !strncmp(row, obj, n - 1);
}

/* The best row of the verb whose rows start at 'r', or NULL. */
static const struct verb_row *best_row(int r, const char *prep, const char *obj)
{
	const char *lemma = verbs[r].lemma;
	const struct verb_row *best = NULL;
	int score = -1;

	for (; r < NVERBS && !strcmp(verbs[r].lemma, lemma); r++) {
		const struct verb_row *v = &verbs[r];
		int sc;
		if (v->prep && (!prep || strcmp(v->prep, prep)))
			continue;
		if (v->obj && (!obj || !obj_is(v->obj, obj)))
			continue;
		sc = (v->obj ? 2 : 0) + (v->prep ? 1 : 0);
		if (sc > score) {
			score = sc;
			best = v;
		}
	}
	return best;
}

/* British "-ise"/"-yse" spellings: criticise, mobilise, analyse. */
static int ends_with_ise(const char *s)
{
	size_t n = strlen(s);
	return n > 4 && (s[n - 3] == 'i' || s[n - 3] == 'y') && s[n - 2] == 's' && s[n - 1] == 'e';
}

int event_lookup(const char *lemma, const char *prep, const char *object_lemma,
		 struct event_info *out)
{
	char lb[WORD_MAX], pb[WORD_MAX], ob[WORD_MAX];
	const char *l = lower(lemma, lb, 0), *p = lower(prep, pb, 0);
	const char *o = lower(object_lemma, ob, 1);
	const struct verb_row *v;
	char *sp;
	int r;

	if (!l)
		return -1;
	if (!p && (sp = strchr(lb, ' '))) {
		/* "call on" given as one lemma */
		*sp = '\0';
		p = sp + 1;
	}
	r = first_row(l);
	if (r < 0 && ends_with_ise(l)) {
		lb[strlen(lb) - 2] = 'z';	/* criticise -> criticize */
		r = first_row(l);
	}
	if (r < 0)
		return -1;
	v = best_row(r, p, o);
	if (!v || !v->cameo || event_from_cameo(v->cameo, out) < 0)
		return -1;
	if (v->mode)
		out->mode = v->mode;
	return 0;
}

int event_lexicon_size(void)
{
	return NVERBS;
}
