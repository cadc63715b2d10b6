/*
 * dates.c: temporal expressions in token arrays, and their resolution to
 * calendar dates against the publication date. See dates.h for the
 * choices made where English is ambiguous.
 *
 * The finder is a small hand-written recogniser: at each token it tries the
 * compound forms (ranges, "since", durations), then times of day, then a
 * single point (a date, a weekday, a relative day or unit, a decade). Word
 * lists are short and fixed; nothing is allocated.
 */
#include <string.h>

#include "ingest/dates.h"
#include "util.h"

/*==== Calendar helpers ====*/

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : dm[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, struct date *dt)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	dt->y = (int)(y + (m <= 2));
	dt->m = (int)m;
	dt->d = (int)d;
}

int date_weekday(int y, int m, int d)
{
	long z = days_from_civil(y, m, d);	/* 1970-01-01 was a Thursday (3) */
	long w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void date_add_days(struct date *dt, int n)
{
	civil_from_days(days_from_civil(dt->y, dt->m, dt->d) + n, dt);
}

void date_add_months(struct date *dt, int n)
{
	int idx = dt->y * 12 + (dt->m - 1) + n;
	int dim;

	dt->y = idx / 12;
	dt->m = idx % 12 + 1;
	if (dt->d) {
		dim = date_days_in_month(dt->y, dt->m);
		if (dt->d > dim)
			dt->d = dim;
	}
}

int date_cmp(const struct date *a, const struct date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

/*==== Words ====*/

enum unit { UNIT_NONE, UNIT_DAY, UNIT_WEEK, UNIT_WEEKEND, UNIT_MONTH, UNIT_YEAR, UNIT_DECADE };
enum mod {
	MOD_NONE, MOD_EARLY, MOD_MID, MOD_LATE, MOD_START, MOD_END, MOD_EARLIER, MOD_LATER,
	MOD_TENSE		/* "the weekend": which one depends on the tense */
};

static const char *const kind_names[] = {
	"none", "date", "weekday", "relday", "relunit", "decade", "ago", "in",
	"duration", "since", "range", "time", "season"
};

const char *timex_kind_name(int kind)
{
	if (kind < 0 || kind >= (int)(sizeof(kind_names) / sizeof(kind_names[0])))
		return "none";
	return kind_names[kind];
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Case-insensitive equality of the first 'n' bytes of 's' (which has
 * exactly n bytes of interest) with the lowercase word 'w'. */
static int eqn(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!w[i] || lower((unsigned char)s[i]) != w[i])
			return 0;
	return w[n] == '\0';
}

static int eq(const char *s, const char *w)
{
	for (; *w; s++, w++)
		if (lower((unsigned char)*s) != *w)
			return 0;
	return *s == '\0';
}

/* True when 's' equals one of the lowercase words in the NULL-ended list. */
static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (eq(s, *list))
			return 1;
	return 0;
}

static int all_alpha(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return 0;
	return 1;
}

/* A capitalised word: first letter upper case, all letters. */
static int is_capword(const char *s)
{
	return is_upper((unsigned char)s[0]) && all_alpha(s);
}

/* Parse exactly 'n' bytes of digits. */
static int digits_n(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	if (n == 0 || n > 6)
		return 0;
	for (i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static const char *const month_full[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};
static const struct { const char *w; int m; } month_abbr[] = {
	{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
	{ "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 },
	{ "nov", 11 }, { "dec", 12 }
};

/* Month number of the n bytes at s, or 0. Requires a capital first letter.
 * *bare is set when it is an abbreviation without a period ("Oct"), which
 * needs a day or a year beside it. */
static int month_ofn(const char *s, size_t n, int *bare)
{
	size_t i;
	int dot = 0;

	*bare = 0;
	if (n < 3 || !is_upper((unsigned char)s[0]))
		return 0;
	for (i = 0; i < 12; i++)
		if (eqn(s, n, month_full[i])) {
			if (i == 4 && strncmp(s, "May", 3))
				return 0;	/* "MAY" is more often the verb */
			return (int)i + 1;
		}
	if (s[n - 1] == '.') {
		dot = 1;
		n--;
	}
	for (i = 0; i < sizeof(month_abbr) / sizeof(month_abbr[0]); i++)
		if (eqn(s, n, month_abbr[i].w)) {
			*bare = !dot;
			return month_abbr[i].m;
		}
	return 0;
}

static int month_of(const char *s, int *bare)
{
	return month_ofn(s, strlen(s), bare);
}

static const char *const weekday_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
};

int date_weekday_name(const char *word)
{
	int i;

	for (i = 0; i < 7; i++)
		if (eq(word, weekday_names[i]))
			return i;
	return -1;
}

/* 0-6 for a capitalised full weekday name, else -1. */
static int weekday_of(const char *s)
{
	return is_upper((unsigned char)s[0]) ? date_weekday_name(s) : -1;
}

/* A day of the month: "4", "04", "12th", "1st", "22nd", "3rd". */
static int day_of(const char *s, int *d)
{
	size_t n = strlen(s), k = 0;
	int v;

	while (k < n && is_digit((unsigned char)s[k]))
		k++;
	if (k == 0 || k > 2 || !digits_n(s, k, &v) || v < 1 || v > 31)
		return 0;
	if (k < n) {
		const char *suf = s + k;
		if (!eq(suf, "st") && !eq(suf, "nd") && !eq(suf, "rd") && !eq(suf, "th"))
			return 0;
	}
	*d = v;
	return 1;
}

/* A year token: exactly four digits in 1900-2100. */
static int year_of(const char *s, int *y)
{
	if (strlen(s) != 4 || !digits_n(s, 4, y))
		return 0;
	return *y >= 1900 && *y <= 2100;
}

/* A decade token: "1990s" or "1990's" with the last digit 0. */
static int decade_ofn(const char *s, size_t n, int *y)
{
	if (!(n == 5 && s[4] == 's') && !(n == 6 && s[4] == '\'' && s[5] == 's'))
		return 0;
	if (!digits_n(s, 4, y) || *y % 10 != 0)
		return 0;
	return *y >= 1900 && *y <= 2100;
}

/* Small cardinal numbers: digits up to 999, or words. */
static int number_of(const char *s, int *v)
{
	static const char *const words[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
		"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"
	};
	static const struct { const char *w; int v; } tens[] = {
		{ "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
		{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { "hundred", 100 },
		{ "a", 1 }, { "an", 1 }
	};
	size_t n = strlen(s), i;

	if (n >= 1 && n <= 3 && digits_n(s, n, v))
		return *v > 0;
	for (i = 1; i < sizeof(words) / sizeof(words[0]); i++)
		if (eq(s, words[i])) {
			*v = (int)i;
			return 1;
		}
	for (i = 0; i < sizeof(tens) / sizeof(tens[0]); i++)
		if (eq(s, tens[i].w)) {
			*v = tens[i].v;
			return 1;
		}
	return 0;
}

/* A unit of time, singular or plural. */
static int unit_of(const char *s, int *plural)
{
	static const struct { const char *w; int u; } units[] = {
		{ "day", UNIT_DAY }, { "week", UNIT_WEEK }, { "month", UNIT_MONTH },
		{ "year", UNIT_YEAR }, { "decade", UNIT_DECADE }
	};
	size_t n = strlen(s), i;

	*plural = n > 1 && s[n - 1] == 's';
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (eqn(s, n - (size_t)*plural, units[i].w))
			return units[i].u;
	return UNIT_NONE;
}

/* Words after which a month name or a year stands as a date. */
static const char *const trigger_words[] = {
	"in", "on", "since", "until", "till", "by", "from", "to", "between",
	"through", "throughout", "during", "early", "late", "mid", "of", "last",
	"next", "this", "before", "after", "around", "(", "-", "--", "that",
	"each", "every", "starting", "beginning", "ending", "as", NULL
};

/* Bare "May" is Theresa May, not the month, after these words ... */
static const char *const may_not_after[] = {
	"to", "on", "that", "as", "around", "each", "every", "(", "with", "for", NULL
};
/* ... or before these. */
static const char *const may_not_before[] = {
	"'s", "said", "says", "told", "has", "had", "is", "was", "will", "would",
	"could", "should", "added", "insisted", "urged", "and", "to", NULL
};

/* Words before a month other than May that make it one: "its February
 * sales", "said December output". */
static const char *const month_soft_triggers[] = {
	"the", "its", "their", "his", "her", "our", "'s", "said", "for", "at",
	"over", "than", "ended", "end", "previous", NULL
};
/* Words after a month other than May that make it one, wherever it
 * stands: "December sales were", "January 's figure". */
static const char *const month_nouns[] = {
	"'s", "was", "is", "saw", "will", "has", "had", "sales", "figures",
	"figure", "output", "exports", "imports", "trade", "data", "results",
	"production", "deliveries", "contract", "shipment", "shipments",
	"delivery", "election", "elections", "vote", "poll", NULL
};

/* Capitalised words that may stand before a month name without making it
 * part of a name ("The May 5 vote"); compared in lower case. */
static const char *const function_words[] = {
	"the", "a", "an", "in", "on", "since", "until", "till", "by", "from",
	"to", "between", "and", "or", "of", "during", "before", "after",
	"through", "throughout", "early", "late", "mid", "last", "next", "this",
	"that", "then", "but", "as", "around", "starting", "every", NULL
};

/* Words after a four-digit number that make it a count, not a year. */
static const char *const count_nouns[] = {
	"people", "men", "women", "children", "police", "personnel", "staff",
	"km", "kg", "metres", "meters", "miles", "tonnes", "tons", "percent",
	"per", "%", "dollars", "euros", "pounds", "hectares", "barrels", "more",
	"other", "others", "of", "out", "new", "additional", NULL
};
/* Plural nouns after which a year stays a year ("the 2018 elections"),
 * and short words ending in s that are no plural nouns. */
static const char *const year_plurals[] = {
	"elections", "polls", "talks", "games", "olympics", "protests", "riots",
	"sanctions", "negotiations", "accords", "hostilities", "clashes",
	"attacks", "midterms", "primaries", "results", "figures", "levels",
	"budgets", "floods", "this", "thus", "plus", "towards", "afterwards",
	"always", "perhaps", "across", "unless", "whereas", "besides",
	"series", "crisis", "summits", "hearings", "accounts", NULL
};
/* Words before a four-digit number that make it a count or a label. */
static const char *const quantity_words[] = {
	"about", "some", "nearly", "almost", "approximately", "roughly",
	"around", "least", "$", "us$", "€", "£", "#", "no.", "no", "number",
	"total", "flight", "route", "resolution", "article", "room", "highway",
	"code", "page", "pages", "chapter", "section", "paragraph", "model",
	"than", "only", "just", NULL
};

/*==== Token cursor ====*/

struct scan {
	const char *const *tok;
	int n;
};

static const char *tk(const struct scan *sc, int i)
{
	return i >= 0 && i < sc->n && sc->tok[i] ? sc->tok[i] : "";
}

static int is_tok(const struct scan *sc, int i, const char *w)
{
	return i >= 0 && i < sc->n && sc->tok[i] && eq(sc->tok[i], w);
}

/* Is the number at i a year in context? */
static int year_ok(const struct scan *sc, int i)
{
	const char *next = tk(sc, i + 1), *prev = tk(sc, i - 1);
	size_t nl = strlen(next);

	static const char *const year_preps[] = {
		"in", "since", "until", "till", "during", "throughout", NULL
	};
	static const char *const clock_words[] = {
		"gmt", "utc", "hours", "hrs", "local", "est", "edt", "bst", "cet", "z", NULL
	};

	if (in_list(prev, quantity_words) || in_list(next, clock_words))
		return 0;	/* "about 2018", "at 1900 GMT" */
	if (in_list(prev, year_preps) && !in_list(next, count_nouns))
		return 1;	/* "in 2018 troops were sent" */
	if (!is_upper((unsigned char)next[0]) && in_list(next, count_nouns))
		return 0;
	if (nl > 3 && all_alpha(next) && !is_upper((unsigned char)next[0]) &&
	    next[nl - 1] == 's' && next[nl - 2] != 's' && !in_list(next, year_plurals))
		return 0;
	if ((eq(next, "-") || eq(next, "--")) && (eq(tk(sc, i + 2), "year") ||
						  eq(tk(sc, i + 2), "old")))
		return 0;
	return 1;
}

static int prev_is_trigger(const struct scan *sc, int i)
{
	const char *p = tk(sc, i - 1);
	int dummy, bare;

	if (in_list(p, trigger_words))
		return 1;
	/* "in April and May": a conjunction after a month or a date */
	if ((eq(p, "and") || eq(p, "or") || eq(p, ",")) &&
	    (month_of(tk(sc, i - 2), &bare) || day_of(tk(sc, i - 2), &dummy) ||
	     year_of(tk(sc, i - 2), &dummy)))
		return 1;
	return 0;
}

/* A capitalised non-function word before i: "Theresa May", "Bloody Sunday". */
static int prev_is_name(const struct scan *sc, int i)
{
	const char *p = tk(sc, i - 1);
	int bare;

	return is_capword(p) && !in_list(p, function_words) && weekday_of(p) < 0 &&
	       !month_of(p, &bare);
}

static int tail_part_of_day(const struct scan *sc, int i)
{
	static const char *const parts[] = { "morning", "afternoon", "evening", "night", NULL };
	return in_list(tk(sc, i), parts);
}

/*==== Points ====*/

/* First month of a season word, or 0. "fall" only where 'strong' (after
 * "last" or "next"): elsewhere it is the verb or the noun ("the fall in
 * prices"). */
static int season_of(const char *s, int strong)
{
	if (!strcmp(s, "spring"))
		return 3;
	if (!strcmp(s, "summer"))
		return 6;
	if (!strcmp(s, "autumn") || (strong && !strcmp(s, "fall")))
		return 9;
	if (!strcmp(s, "winter"))
		return 12;
	return 0;
}

static void point_init(struct timex_point *pt, int type)
{
	memset(pt, 0, sizeof(*pt));
	pt->type = type;
}

/* The whole of one token as a month, year or decade ("August", "2019",
 * "1990s"), used after "mid-". Returns 1 on a match. */
static int word_point(const char *s, size_t n, struct timex_point *pt)
{
	int bare, m, y;

	if ((m = month_ofn(s, n, &bare)) && !bare) {
		point_init(pt, TIMEX_DATE);
		pt->d.m = m;
		return 1;
	}
	if (n == 4 && digits_n(s, 4, &y) && y >= 1900 && y <= 2100) {
		point_init(pt, TIMEX_DATE);
		pt->d.y = y;
		return 1;
	}
	if (decade_ofn(s, n, &y)) {
		point_init(pt, TIMEX_DECADE);
		pt->d.y = y;
		return 1;
	}
	return 0;
}

/* "2022-10-27" or an unambiguous "27/10/2022". */
static int iso_point(const char *s, struct timex_point *pt)
{
	size_t n = strlen(s);
	int y, m, d, a, b;

	if (n == 10 && s[4] == '-' && s[7] == '-' && digits_n(s, 4, &y) &&
	    digits_n(s + 5, 2, &m) && digits_n(s + 8, 2, &d)) {
		/* checked below */
	} else if (n >= 8 && n <= 10) {
		const char *p = s, *q;
		size_t la, lb;

		q = strchr(p, '/');
		if (!q)
			return 0;
		la = (size_t)(q - p);
		p = q + 1;
		q = strchr(p, '/');
		if (!q)
			return 0;
		lb = (size_t)(q - p);
		if (!digits_n(s, la, &a) || !digits_n(p, lb, &b) || la > 2 || lb > 2 ||
		    strlen(q + 1) != 4 || !digits_n(q + 1, 4, &y))
			return 0;
		if (a > 12 && b <= 12) {
			d = a;
			m = b;
		} else if (b > 12 && a <= 12) {
			m = a;
			d = b;
		} else if (a == b) {
			m = d = a;
		} else {
			return 0;	/* 05/06/2019: ambiguous, skipped */
		}
	} else {
		return 0;
	}
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return 0;
	point_init(pt, TIMEX_DATE);
	pt->d.y = y;
	pt->d.m = m;
	pt->d.d = d;
	return 1;
}

/* A day of the month written as a word after the month: "effective March
 * six" (wire style). Not before a unit: "in March one year". */
static int day_word_of(const struct scan *sc, int j, int *d)
{
	int plural;
	const char *t = tk(sc, j);

	if (!all_alpha(t) || eq(t, "a") || eq(t, "an") || !number_of(t, d) || *d > 20)
		return 0;
	return !unit_of(tk(sc, j + 1), &plural);
}

/* Month-first or day-first calendar dates at i. 'trig' says that the
 * context (a preposition before) lets a month stand alone. Returns the end
 * of the match or 0. */
static int date_point(const struct scan *sc, int i, int trig, struct timex_point *pt)
{
	int m, bare, d, y, j;

	if (iso_point(tk(sc, i), pt))
		return i + 1;
	/* "October 4th, 2022", "Oct. 4", "May 2018", "in August" */
	if ((m = month_of(tk(sc, i), &bare))) {
		int named = prev_is_name(sc, i);

		point_init(pt, TIMEX_DATE);
		pt->d.m = m;
		j = i + 1;
		if ((day_of(tk(sc, j), &d) || day_word_of(sc, j, &d)) && !is_tok(sc, j + 1, ":") &&
		    !is_tok(sc, j + 1, "p.m.") && !is_tok(sc, j + 1, "a.m.")) {
			pt->d.d = d;
			j++;
			if (is_tok(sc, j, ",") && year_of(tk(sc, j + 1), &y) && year_ok(sc, j + 1)) {
				pt->d.y = y;
				j += 2;
			} else if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
				pt->d.y = y;
				j++;
			}
		} else if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
			pt->d.y = y;
			j++;
		} else if ((is_tok(sc, j, "this") || is_tok(sc, j, "last") || is_tok(sc, j, "next")) &&
			   is_tok(sc, j + 1, "year") && !bare) {
			/* "in May this year", "April last year" */
			pt->yrel_set = 1;
			pt->yrel = is_tok(sc, j, "last") ? -1 : is_tok(sc, j, "next") ? 1 : 0;
			j += 2;
		} else if (is_tok(sc, j, ",") && year_of(tk(sc, j + 1), &y) && year_ok(sc, j + 1) &&
			   !bare) {
			pt->d.y = y;	/* "April, 1986" */
			j += 2;
		} else if (bare || named || !(trig || prev_is_trigger(sc, i) ||
					      (m != 5 && in_list(tk(sc, i - 1), month_soft_triggers)) ||
					      (m != 5 && in_list(tk(sc, j), month_nouns)) ||
					      ((is_tok(sc, j, "-") || is_tok(sc, j, "--")) &&
					       month_of(tk(sc, j + 1), &d)))) {
			return 0;
		} else if (m == 5 && !trig && (in_list(tk(sc, i - 1), may_not_after) ||
					       in_list(tk(sc, j), may_not_before))) {
			return 0;	/* "a letter to May", "May said" */
		}
		if (pt->d.d && pt->d.d > date_days_in_month(pt->d.y ? pt->d.y : 2000, m))
			return 0;
		return j;
	}
	/* "4 October 2022", "12 March" */
	if (day_of(tk(sc, i), &d) && (m = month_of(tk(sc, i + 1), &bare))) {
		point_init(pt, TIMEX_DATE);
		pt->d.m = m;
		pt->d.d = d;
		j = i + 2;
		if (is_tok(sc, j, ",") && year_of(tk(sc, j + 1), &y) && year_ok(sc, j + 1)) {
			pt->d.y = y;
			j += 2;
		} else if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
			pt->d.y = y;
			j++;
		}
		if (d > date_days_in_month(pt->d.y ? pt->d.y : 2000, m))
			return 0;
		return j;
	}
	/* "the 4th of October" */
	if (is_tok(sc, i, "the") && day_of(tk(sc, i + 1), &d) && is_tok(sc, i + 2, "of") &&
	    (m = month_of(tk(sc, i + 3), &bare))) {
		point_init(pt, TIMEX_DATE);
		pt->d.m = m;
		pt->d.d = d;
		j = i + 4;
		if (is_tok(sc, j, ",") && year_of(tk(sc, j + 1), &y)) {
			pt->d.y = y;
			j += 2;
		} else if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
			pt->d.y = y;
			j++;
		}
		if (d > date_days_in_month(pt->d.y ? pt->d.y : 2000, m))
			return 0;
		return j;
	}
	/* "2018", "the 1990s" */
	if (year_of(tk(sc, i), &y) && year_ok(sc, i)) {
		point_init(pt, TIMEX_DATE);
		pt->d.y = y;
		return i + 1;
	}
	if (decade_ofn(tk(sc, i), strlen(tk(sc, i)), &y)) {
		point_init(pt, TIMEX_DECADE);
		pt->d.y = y;
		return i + 1;
	}
	return 0;
}

/* "last", "next", "this", "this past". Returns tokens used, sets shift. */
static int shift_word(const struct scan *sc, int i, int *shift)
{
	if (is_tok(sc, i, "last") || is_tok(sc, i, "past")) {
		*shift = -1;
		return 1;
	}
	if (is_tok(sc, i, "next") || is_tok(sc, i, "coming")) {
		*shift = 1;
		return 1;
	}
	if (is_tok(sc, i, "this")) {
		if (is_tok(sc, i + 1, "past")) {
			*shift = -1;
			return 2;
		}
		if (is_tok(sc, i + 1, "coming")) {
			*shift = 1;
			return 2;
		}
		*shift = 0;
		return 1;
	}
	return 0;
}

static int parse_point(const struct scan *sc, int i, int trig, struct timex_point *pt);

/* A point without a leading modifier. */
static int simple_point(const struct scan *sc, int i, int trig, struct timex_point *pt)
{
	const char *t = tk(sc, i);
	int j, k, w, shift, m, bare, plural, u;

	/* today, tonight, yesterday, tomorrow [morning] */
	if (eq(t, "today") || eq(t, "tonight") || eq(t, "yesterday") || eq(t, "tomorrow")) {
		point_init(pt, TIMEX_RELDAY);
		pt->shift = eq(t, "yesterday") ? -1 : eq(t, "tomorrow") ? 1 : 0;
		j = i + 1;
		if (!eq(t, "tonight") && tail_part_of_day(sc, j))
			j++;
		return j;
	}
	if (is_tok(sc, i, "last") && is_tok(sc, i + 1, "night")) {
		point_init(pt, TIMEX_RELDAY);
		pt->shift = -1;
		return i + 2;
	}
	/* Christmas Day, Christmas Eve, New Year's Day, New Year's Eve */
	if (!strcmp(t, "Christmas") && (!strcmp(tk(sc, i + 1), "Day") || !strcmp(tk(sc, i + 1), "Eve"))) {
		point_init(pt, TIMEX_DATE);
		pt->d.m = 12;
		pt->d.d = !strcmp(tk(sc, i + 1), "Day") ? 25 : 24;
		return i + 2;
	}
	if (!strcmp(t, "New") && !strcmp(tk(sc, i + 1), "Year") && is_tok(sc, i + 2, "'s") &&
	    (!strcmp(tk(sc, i + 3), "Day") || !strcmp(tk(sc, i + 3), "Eve"))) {
		point_init(pt, TIMEX_DATE);
		pt->d.m = !strcmp(tk(sc, i + 3), "Day") ? 1 : 12;
		pt->d.d = pt->d.m == 1 ? 1 : 31;
		return i + 4;
	}
	/* "the summer [of 2019]", "summer 2019", "in summer" */
	if ((m = season_of(t, 0)) || (is_tok(sc, i, "the") && (m = season_of(tk(sc, i + 1), 0)))) {
		int y;

		j = is_tok(sc, i, "the") ? i + 2 : i + 1;
		point_init(pt, TIMEX_SEASON);
		pt->d.m = m;
		if (is_tok(sc, j, "of")) {
			if (!year_of(tk(sc, j + 1), &y))
				return 0;	/* "the fall of Kabul" */
			pt->d.y = y;
			return j + 2;
		}
		if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
			pt->d.y = y;
			return j + 1;
		}
		if (j == i + 1) {
			static const char *const nouns[] = {
				"offensive", "session", "break", "holiday", "recess",
				"campaign", "weather", "storm", "solstice", "time", NULL
			};
			const char *nx = tk(sc, j);
			size_t nl = strlen(nx);

			if (!(trig || prev_is_trigger(sc, i)) || in_list(nx, nouns) ||
			    (nl > 3 && all_alpha(nx) && !is_upper((unsigned char)nx[0]) &&
			     nx[nl - 1] == 's' && !in_list(nx, year_plurals)))
				return 0;	/* "a summer offensive", "in winter markets" */
		}
		return j;
	}
	if (is_tok(sc, i, "the") && is_tok(sc, i + 1, "weekend")) {
		point_init(pt, TIMEX_RELUNIT);	/* "at the weekend": by tense */
		pt->unit = UNIT_WEEKEND;
		pt->mod = MOD_TENSE;
		return i + 2;
	}
	if (is_tok(sc, i, "this") && tail_part_of_day(sc, i + 1) && !is_tok(sc, i + 1, "night")) {
		point_init(pt, TIMEX_RELDAY);
		return i + 2;
	}
	/* last/next/this + week, month, year, weekend, weekday, month name */
	if ((k = shift_word(sc, i, &shift))) {
		j = i + k;
		if ((m = season_of(tk(sc, j), !is_tok(sc, i, "this"))) && !is_tok(sc, i, "past")) {
			point_init(pt, TIMEX_SEASON);
			pt->d.m = m;
			pt->shift = shift;
			return j + 1;
		}
		if (eq(tk(sc, j), "weekend")) {
			point_init(pt, TIMEX_RELUNIT);
			pt->unit = UNIT_WEEKEND;
			pt->shift = shift;
			return j + 1;
		}
		u = unit_of(tk(sc, j), &plural);
		if (u && !plural && u != UNIT_DAY && u != UNIT_DECADE && !is_tok(sc, i, "past") &&
		    !is_tok(sc, i, "coming")) {
			point_init(pt, TIMEX_RELUNIT);
			pt->unit = u;
			pt->shift = shift;
			return j + 1;
		}
		if ((w = weekday_of(tk(sc, j))) >= 0 && !is_tok(sc, i, "past")) {
			point_init(pt, TIMEX_WEEKDAY);
			pt->wday = w;
			pt->shift = shift;
			j++;
			if (tail_part_of_day(sc, j))
				j++;
			return j;
		}
		if ((m = month_of(tk(sc, j), &bare)) && !bare && !is_tok(sc, i, "past") &&
		    !day_of(tk(sc, j + 1), &w)) {
			point_init(pt, TIMEX_DATE);
			pt->d.m = m;
			pt->shift = shift;
			return j + 1;
		}
		return 0;
	}
	/* Thursday [, Oct. 4] [night] */
	if ((w = weekday_of(t)) >= 0) {
		const char *nx = tk(sc, i + 1);
		struct timex_point dp;

		if (prev_is_name(sc, i))
			return 0;
		j = i + 1;
		k = is_tok(sc, j, ",") ? j + 1 : j;
		if ((m = date_point(sc, k, 1, &dp)) && dp.type == TIMEX_DATE && dp.d.d) {
			*pt = dp;
			return m;
		}
		if (is_capword(nx) && !month_of(nx, &bare) && !tail_part_of_day(sc, i + 1)) {
			static const char *const det[] = {
				"the", "a", "an", "its", "his", "her", "their", "'s", "``", "\"", NULL
			};
			static const char *const press[] = {
				"times", "telegraph", "express", "mirror", "mail", "herald",
				"post", "independent", "observer", "night", "programme",
				"business", "politics", "sport", "people", "star", "world", NULL
			};
			if (i == 0 || in_list(tk(sc, i - 1), det) || in_list(nx, press))
				return 0;	/* "the Sunday Times", "Sunday Express said" */
		}
		point_init(pt, TIMEX_WEEKDAY);
		pt->wday = w;
		if (tail_part_of_day(sc, j))
			j++;
		return j;
	}
	return date_point(sc, i, trig, pt);
}

/* A point, with an optional modifier: "early 2019", "mid-August", "the end
 * of March", "earlier this year", "late last year". */
static int parse_point(const struct scan *sc, int i, int trig, struct timex_point *pt)
{
	const char *t = tk(sc, i);
	int j, mod = MOD_NONE;

	/* "the 1990s", "the early 1990s" keep their article */
	if (eq(t, "the") && (is_digit((unsigned char)tk(sc, i + 1)[0]) || is_tok(sc, i + 1, "early") ||
			     is_tok(sc, i + 1, "late") || !strncmp(tk(sc, i + 1), "mid", 3)) &&
	    (j = parse_point(sc, i + 1, 1, pt)) && pt->type == TIMEX_DECADE)
		return j;
	if ((!strncmp(t, "mid-", 4) || !strncmp(t, "Mid-", 4)) && t[4] &&
	    word_point(t + 4, strlen(t + 4), pt)) {
		pt->mod = MOD_MID;
		return i + 1;
	}
	if ((is_tok(sc, i, "the") || is_tok(sc, i, "end") || is_tok(sc, i, "beginning") ||
	     is_tok(sc, i, "start") || is_tok(sc, i, "middle"))) {
		int k = is_tok(sc, i, "the") ? i + 1 : i;
		const char *w = tk(sc, k);

		if ((eq(w, "end") || eq(w, "beginning") || eq(w, "start") || eq(w, "middle")) &&
		    is_tok(sc, k + 1, "of")) {
			mod = eq(w, "end") ? MOD_END : eq(w, "middle") ? MOD_MID : MOD_START;
			j = k + 2;
			if (is_tok(sc, j, "the") && (is_tok(sc, j + 1, "year") ||
						      is_tok(sc, j + 1, "month") ||
						      is_tok(sc, j + 1, "week"))) {
				int plural;
				point_init(pt, TIMEX_RELUNIT);
				pt->unit = unit_of(tk(sc, j + 1), &plural);
				pt->mod = mod;
				return j + 2;
			}
			if ((j = simple_point(sc, j, 1, pt)) && pt->type != TIMEX_RELDAY) {
				pt->mod = mod;
				return j;
			}
			return 0;
		}
	}
	if (eq(t, "early") || eq(t, "mid") || eq(t, "late") || eq(t, "earlier") || eq(t, "later")) {
		mod = eq(t, "early") ? MOD_EARLY : eq(t, "mid") ? MOD_MID :
		      eq(t, "late") ? MOD_LATE : eq(t, "earlier") ? MOD_EARLIER : MOD_LATER;
		j = i + 1;
		if (mod == MOD_MID && (is_tok(sc, j, "-") || is_tok(sc, j, "--")))
			j++;
		if ((j = simple_point(sc, j, 1, pt))) {
			/* "earlier Thursday" is fine, "late 2019" too; "later
			 * 2019" is not idiomatic but harmless */
			pt->mod = mod;
			return j;
		}
		return 0;
	}
	return simple_point(sc, i, trig, pt);
}

/*==== Compound expressions ====*/

/* The second end of a range: a point, or a bare day after a day date
 * ("between Feb. 13 and 24"). */
static int range_end(const struct scan *sc, int j, const struct timex_point *a,
		     struct timex_point *b)
{
	int k, d;

	if ((k = parse_point(sc, j, 1, b)))
		return k;
	if (a->type == TIMEX_DATE && a->d.d && day_of(tk(sc, j), &d) &&
	    d <= date_days_in_month(a->d.y ? a->d.y : 2000, a->d.m) && d > a->d.d) {
		*b = *a;
		b->d.d = d;
		return j + 1;
	}
	return 0;
}

/* "4-5" as one token: two days of a month, the second after the first. */
static int day_span_of(const char *s, int *d1, int *d2)
{
	const char *dash = strchr(s, '-');
	size_t l1, l2;

	if (!dash)
		return 0;
	l1 = (size_t)(dash - s);
	l2 = strlen(dash + 1);
	if (l1 < 1 || l1 > 2 || l2 < 1 || l2 > 2 || !digits_n(s, l1, d1) ||
	    !digits_n(dash + 1, l2, d2))
		return 0;
	return *d1 >= 1 && *d1 < *d2 && *d2 <= 31;
}

/* "Oct. 4-5 [, 2022]" and "4-5 October [2022]". */
static int day_range_at(const struct scan *sc, int i, struct timex *tx)
{
	int m, bare, d1, d2, y, j;

	if ((m = month_of(tk(sc, i), &bare)) && day_span_of(tk(sc, i + 1), &d1, &d2))
		j = i + 2;
	else if (day_span_of(tk(sc, i), &d1, &d2) && (m = month_of(tk(sc, i + 1), &bare)))
		j = i + 2;
	else
		return 0;
	point_init(&tx->a, TIMEX_DATE);
	tx->a.d.m = m;
	tx->a.d.d = d1;
	if (is_tok(sc, j, ",") && year_of(tk(sc, j + 1), &y) && year_ok(sc, j + 1)) {
		tx->a.d.y = y;
		j += 2;
	} else if (year_of(tk(sc, j), &y) && year_ok(sc, j)) {
		tx->a.d.y = y;
		j++;
	}
	if (d2 > date_days_in_month(tx->a.d.y ? tx->a.d.y : 2000, m))
		return 0;
	tx->b = tx->a;
	tx->b.d.d = d2;
	tx->kind = TIMEX_RANGE;
	tx->start = i;
	tx->end = j;
	return j;
}

static int range_at(const struct scan *sc, int i, struct timex *tx)
{
	int j, k;

	if ((k = day_range_at(sc, i, tx)))
		return k;

	if (is_tok(sc, i, "between")) {
		if (!(j = parse_point(sc, i + 1, 1, &tx->a)) || !is_tok(sc, j, "and") ||
		    !(k = range_end(sc, j + 1, &tx->a, &tx->b)))
			return 0;
	} else if (is_tok(sc, i, "from")) {
		if (!(j = parse_point(sc, i + 1, 1, &tx->a)))
			return 0;
		if (!is_tok(sc, j, "to") && !is_tok(sc, j, "until") && !is_tok(sc, j, "till") &&
		    !is_tok(sc, j, "through") && !is_tok(sc, j, "-") && !is_tok(sc, j, "--"))
			return 0;
		if (!(k = range_end(sc, j + 1, &tx->a, &tx->b)))
			return 0;
	} else if ((is_digit((unsigned char)tk(sc, i)[0]) || is_upper((unsigned char)tk(sc, i)[0])) &&
		   (j = parse_point(sc, i, 0, &tx->a)) && tx->a.type == TIMEX_DATE &&
		   (is_tok(sc, j, "-") || is_tok(sc, j, "--")) &&
		   (k = parse_point(sc, j + 1, 1, &tx->b)) && tx->b.type == TIMEX_DATE &&
		   !tx->a.d.d == !tx->b.d.d && !tx->a.d.m == !tx->b.d.m) {
		/* "March - May", "2018 - 2020" */
	} else {
		int y1, y2;
		const char *t = tk(sc, i);
		const char *dash = strchr(t, '-');
		size_t n = strlen(t);

		/* "2018-2020" as one token */
		if (n != 9 || !dash || dash != t + 4 || !digits_n(t, 4, &y1) ||
		    !digits_n(t + 5, 4, &y2) || y1 < 1900 || y2 > 2100 || y1 >= y2)
			return 0;
		point_init(&tx->a, TIMEX_DATE);
		point_init(&tx->b, TIMEX_DATE);
		tx->a.d.y = y1;
		tx->b.d.y = y2;
		k = i + 1;
	}
	tx->kind = TIMEX_RANGE;
	tx->start = i;
	tx->end = k;
	return k;
}

static int since_at(const struct scan *sc, int i, struct timex *tx)
{
	int j;

	if (!is_tok(sc, i, "since") || !(j = parse_point(sc, i + 1, 1, &tx->a)))
		return 0;
	tx->kind = TIMEX_SINCE;
	tx->start = i;
	tx->end = j;
	return j;
}

/* Durations, "ago" and "in N units":
 *   [prep] [the] [past|last|next|coming] [approx] [N] unit [ago] */
static int duration_at(const struct scan *sc, int i, struct timex *tx)
{
	static const char *const preps[] = {
		"for", "over", "in", "during", "within", "throughout", NULL
	};
	static const char *const approx1[] = {
		"nearly", "almost", "about", "around", "some", "over", "roughly",
		"under", NULL
	};
	int j = i, start = i, prep = 0, the = 0, dir = 0, approx = 0, num = 0;
	int count = 1, unit, plural;
	const char *p;

	if (in_list(tk(sc, j), preps)) {
		prep = 1;
		p = tk(sc, j);
		/* plain prepositions stay out of the span; "over" is kept */
		if (!eq(p, "over"))
			start = j + 1;
		if (eq(p, "in"))
			prep = 2;
		j++;
	}
	if (is_tok(sc, j, "the")) {
		the = 1;
		j++;
	}
	if (is_tok(sc, j, "past") || is_tok(sc, j, "last") || is_tok(sc, j, "previous")) {
		dir = -1;
		j++;
	} else if (is_tok(sc, j, "next") || is_tok(sc, j, "coming")) {
		dir = 1;
		j++;
	}
	if ((is_tok(sc, j, "more") || is_tok(sc, j, "less") || is_tok(sc, j, "fewer")) &&
	    is_tok(sc, j + 1, "than")) {
		approx = 1;
		j += 2;
	} else if ((is_tok(sc, j, "at") && is_tok(sc, j + 1, "least")) ||
		   (is_tok(sc, j, "just") && (is_tok(sc, j + 1, "over") || is_tok(sc, j + 1, "under")))) {
		approx = 1;
		j += 2;
	} else if (in_list(tk(sc, j), approx1)) {
		approx = 1;
		j++;
	}
	if (number_of(tk(sc, j), &count) && !(is_tok(sc, j, "a") && is_tok(sc, j + 1, "few")) &&
	    !(is_tok(sc, j, "a") && is_tok(sc, j + 1, "couple"))) {
		num = 1;
		j++;
	} else if (is_tok(sc, j, "a") && is_tok(sc, j + 1, "couple") && is_tok(sc, j + 2, "of")) {
		count = 2;	/* "a couple of days ago" */
		num = 1;
		j += 3;
	} else if ((is_tok(sc, j, "a") && is_tok(sc, j + 1, "few")) || is_tok(sc, j, "several") ||
		   (dir && is_tok(sc, j, "few"))) {
		count = 3;	/* "a few weeks ago": an approximation */
		num = 1;
		j += is_tok(sc, j, "a") ? 2 : 1;
	}
	unit = unit_of(tk(sc, j), &plural);
	if (!unit)
		return 0;
	if (!num && (plural || !dir))
		return 0;	/* "for decades", "the year" */
	if (num && count == 1 && plural)
		return 0;	/* "a years" */
	if (!num && !(dir == -1 && is_tok(sc, j - 1, "past")) && !(prep && dir))
		return 0;	/* "the next day", "the last day of talks" */
	j++;
	if (is_tok(sc, j, "old") || is_tok(sc, j, "later") || is_tok(sc, j, "earlier") ||
	    is_tok(sc, j, "-") ||
	    ((is_tok(sc, j, "after") || is_tok(sc, j, "before")) && !(prep && eq(tk(sc, i), "for"))))
		return 0;	/* "two years old", "two days later", "a year after"; but
				 * "for two years before the truce" lasted two years */
	if (unit == UNIT_DAY && !num)
		return 0;
	tx->count = count;
	tx->unit = unit;
	tx->dir = dir;
	if (the && !dir)
		return 0;	/* "in the nine months to September" */
	if (is_tok(sc, j, "ago")) {
		if ((prep && !(prep == 1 && eq(tk(sc, i), "over"))) || the || dir)
			return 0;
		tx->kind = TIMEX_AGO;
		tx->start = start;
		tx->end = j + 1;
		return j + 1;
	}
	if (prep == 2 && !the && !dir && !approx) {
		static const char *const backward[] = {
			"time", "times", "first", "level", "levels", "high", "low",
			"record", "ever", NULL
		};
		const char *before = tk(sc, i - 1);
		size_t bl = strlen(before);

		tx->kind = TIMEX_IN;
		/* "the first time in a decade", "its highest in 24 years" */
		if (in_list(before, backward) || (bl > 4 && ends_with(before, "est")))
			tx->dir = -1;
	} else if (prep || approx || dir) {
		tx->kind = TIMEX_DURATION;	/* not "the nine months to September" */
	} else {
		return 0;	/* bare "two years" */
	}
	tx->start = start;
	tx->end = j;
	return j;
}

/* Times of day: "3 p.m.", "10:30", "3pm", "noon", "midnight" [GMT]. */
static int time_at(const struct scan *sc, int i, struct timex *tx)
{
	static const char *const ampm[] = { "a.m.", "p.m.", "am", "pm", "a.m", "p.m", NULL };
	static const char *const zones[] = {
		"gmt", "utc", "et", "est", "edt", "bst", "cet", "cest", NULL
	};
	const char *t = tk(sc, i);
	size_t n = strlen(t);
	int h, mi, j = 0;

	if ((n == 4 || n == 5) && t[n - 3] == ':' && digits_n(t, n - 3, &h) &&
	    digits_n(t + n - 2, 2, &mi) && h <= 24 && mi < 60) {
		j = i + 1;
		if (in_list(tk(sc, j), ampm))
			j++;
	} else if (n >= 1 && n <= 2 && digits_n(t, n, &h) && h >= 1 && h <= 12 &&
		   in_list(tk(sc, i + 1), ampm)) {
		j = i + 2;
	} else if (n >= 3 && n <= 6 && (ends_with(t, "pm") || ends_with(t, "am") ||
				       ends_with(t, "p.m.") || ends_with(t, "a.m."))) {
		size_t k = 0;
		while (k < n && is_digit((unsigned char)t[k]))
			k++;
		if (k == 0 || k > 2 || !digits_n(t, k, &h) || h < 1 || h > 12 ||
		    !in_list(t + k, ampm))
			return 0;
		j = i + 1;
	} else if (eq(t, "noon") || eq(t, "midnight")) {
		j = i + 1;
	} else {
		return 0;
	}
	if (in_list(tk(sc, j), zones))
		j++;
	else if (is_tok(sc, j, "local") && is_tok(sc, j + 1, "time"))
		j += 2;
	tx->kind = TIMEX_TIME;
	tx->start = i;
	tx->end = j;
	return j;
}

/* Lower-case words that can open an expression; anything else lower case
 * is skipped at once, which keeps the scan fast. */
static const char *const starters[] = {
	"between", "from", "since", "for", "over", "in", "during", "within",
	"throughout", "the", "past", "last", "previous", "next", "coming", "more",
	"less", "fewer", "at", "just", "nearly", "almost", "about", "around",
	"some", "roughly", "under", "a", "an", "today", "tonight", "yesterday",
	"tomorrow", "this", "early", "mid", "late", "earlier", "later", "end",
	"beginning", "start", "middle", "noon", "midnight", "one", "two", "three",
	"four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", "hundred", "several", "spring", "summer", "autumn",
	"winter", NULL
};

static int can_start(const char *t)
{
	unsigned char c = (unsigned char)t[0];

	if (is_digit(c) || is_upper(c))
		return 1;
	if (c < 'a' || c > 'z')
		return 0;
	return in_list(t, starters) || (t[0] == 'm' && t[1] == 'i' && t[2] == 'd');
}

static int timex_at(const struct scan *sc, int i, struct timex *tx)
{
	int j;

	if (!can_start(tk(sc, i)))
		return 0;

	memset(tx, 0, sizeof(*tx));
	if ((j = range_at(sc, i, tx)) || (j = since_at(sc, i, tx)) ||
	    (j = duration_at(sc, i, tx)) || (j = time_at(sc, i, tx)))
		return j;
	memset(tx, 0, sizeof(*tx));
	if ((j = parse_point(sc, i, 0, &tx->a))) {
		tx->kind = tx->a.type;
		tx->start = i;
		tx->end = j;
		return j;
	}
	return 0;
}

int timex_find(const char *const *tok, int n, struct timex *out, int max)
{
	struct scan sc;
	struct timex tx;
	int i = 0, found = 0, j;

	sc.tok = tok;
	sc.n = n;
	while (i < n && found < max) {
		if ((j = timex_at(&sc, i, &tx)) > i) {
			out[found++] = tx;
			i = j;
		} else {
			i++;
		}
	}
	return found;
}

/*==== Resolution ====*/

static void clear(struct date *d)
{
	d->y = d->m = d->d = 0;
}

static long day_number(const struct date *d)
{
	return days_from_civil(d->y, d->m, d->d);
}

/* Year in which month m (day d, 0 = whole month) falls relative to pub:
 * want < 0 strictly before, > 0 strictly after, 0 by tense. */
static int year_for(int m, int d, const struct date *pub, int shift, enum tense tense)
{
	int py = pub->y, c, yb, ya;
	struct date x, yd;

	/* compare (m, d) with pub at the precision of the expression */
	c = m != pub->m ? (m < pub->m ? -1 : 1) : !d ? 0 : d != pub->d ? (d < pub->d ? -1 : 1) : 0;
	yb = c < 0 || (c == 0 && shift == 0) ? py : py - 1;	/* on or before (strict if shift) */
	ya = c > 0 || (c == 0 && shift == 0) ? py : py + 1;	/* on or after */
	if (shift < 0)
		return yb;
	if (shift > 0)
		return ya;
	if (tense == TENSE_PAST)
		return yb;
	if (tense == TENSE_FUTURE)
		return ya;
	/* present: the nearest of the two */
	if (yb == ya)
		return yb;
	if (d) {
		x.y = yb; x.m = m; x.d = d;
		yd.y = ya; yd.m = m; yd.d = d;
		if (d > date_days_in_month(yb, m))
			x.d = date_days_in_month(yb, m);
		if (d > date_days_in_month(ya, m))
			yd.d = date_days_in_month(ya, m);
		return day_number(pub) - day_number(&x) <= day_number(&yd) - day_number(pub) ? yb : ya;
	}
	return (pub->m - m + 12) % 12 <= (m - pub->m + 12) % 12 ? yb : ya;
}

/* A season: three months from its first, the year chosen as dates.h says. */
static int resolve_season(const struct timex_point *pt, const struct date *pub,
			  enum tense tense, struct date *s, struct date *e)
{
	struct date st, en, p, best_before, best_after, in;
	int y, have_before = 0, have_after = 0, have_in = 0;

	if (pt->d.y) {
		s->y = pt->d.y;
		s->m = pt->d.m;
		*e = *s;
		date_add_months(e, 2);
		return 0;
	}
	if (!pub || !pub->y || !pub->m)
		return -1;
	p.y = pub->y;
	p.m = pub->m;
	p.d = 0;
	memset(&best_before, 0, sizeof(best_before));
	best_after = in = best_before;
	for (y = pub->y - 2; y <= pub->y + 1; y++) {
		st.y = y;
		st.m = pt->d.m;
		st.d = 0;
		en = st;
		date_add_months(&en, 2);
		if (date_cmp(&en, &p) < 0) {
			best_before = st;	/* the latest wins: y grows */
			have_before = 1;
		} else if (date_cmp(&st, &p) > 0) {
			if (!have_after)
				best_after = st;
			have_after = 1;
		} else {
			in = st;
			have_in = 1;
		}
	}
	if (pt->shift < 0 || (!pt->shift && !have_in && tense == TENSE_PAST))
		*s = best_before;
	else if (pt->shift > 0 || !have_in)
		*s = best_after;
	else
		*s = in;
	*e = *s;
	date_add_months(e, 2);
	(void)have_before;
	return 0;
}

static int resolve_point(const struct timex_point *pt, const struct date *pub,
			 enum tense tense, struct date *s, struct date *e)
{
	int have_y = pub && pub->y > 0, have_m = have_y && pub->m > 0;
	int have_d = have_m && pub->d > 0;
	int pw, back, fwd, off, k;

	clear(s);
	clear(e);
	switch (pt->type) {
	case TIMEX_DATE:
		*s = pt->d;
		if (!s->y && pt->yrel_set) {
			if (!have_y)
				return -1;
			s->y = pub->y + pt->yrel;
		}
		if (!s->y) {
			if (!s->m || !have_m || (s->d && !have_d))
				return -1;
			s->y = year_for(s->m, s->d, pub, pt->shift, tense);
			/* 29 February: walk to a leap year in the same direction */
			for (k = 0; s->d > date_days_in_month(s->y, s->m) && k < 8; k++)
				s->y += s->y > pub->y || (s->y == pub->y && tense == TENSE_FUTURE) ? 1 : -1;
		}
		if (s->d > date_days_in_month(s->y, s->m))
			return -1;
		if (!s->m && pt->mod == MOD_END)
			s->m = 12;
		else if (!s->m && pt->mod == MOD_START)
			s->m = 1;
		return 0;
	case TIMEX_SEASON:
		return resolve_season(pt, pub, tense, s, e);
	case TIMEX_DECADE:
		s->y = pt->d.y;
		e->y = pt->d.y + 9;
		if (pt->mod == MOD_EARLY)
			e->y = pt->d.y + 3;
		else if (pt->mod == MOD_MID) {
			s->y = pt->d.y + 3;
			e->y = pt->d.y + 6;
		} else if (pt->mod == MOD_LATE)
			s->y = pt->d.y + 6;
		return 0;
	case TIMEX_WEEKDAY:
		if (!have_d)
			return -1;
		pw = date_weekday(pub->y, pub->m, pub->d);
		back = (pw - pt->wday + 7) % 7;
		fwd = (pt->wday - pw + 7) % 7;
		if (pt->shift < 0)
			off = -(back ? back : 7);
		else if (pt->shift > 0)
			off = fwd ? fwd : 7;
		else if (tense == TENSE_PAST)
			off = -back;
		else if (tense == TENSE_FUTURE)
			off = fwd ? fwd : 7;
		else
			off = back <= 3 ? -back : fwd;
		*s = *pub;
		date_add_days(s, off);
		return 0;
	case TIMEX_RELDAY:
		if (!have_d)
			return -1;
		*s = *pub;
		date_add_days(s, pt->shift);
		return 0;
	case TIMEX_RELUNIT:
		switch (pt->unit) {
		case UNIT_WEEK:
		case UNIT_WEEKEND:
			if (!have_d)
				return -1;
			pw = date_weekday(pub->y, pub->m, pub->d);
			*s = *pub;
			if (pt->mod == MOD_TENSE) {
				back = (pw - 5 + 7) % 7;	/* days since Saturday */
				fwd = (5 - pw + 7) % 7;		/* days to Saturday */
				off = tense == TENSE_PAST ? -back : tense == TENSE_FUTURE ? fwd :
				      back <= fwd ? -back : fwd;
				date_add_days(s, off);
				*e = *s;
				date_add_days(e, 1);
				return 0;
			}
			date_add_days(s, -pw + 7 * pt->shift);
			*e = *s;
			date_add_days(e, 6);
			if (pt->unit == UNIT_WEEKEND) {
				date_add_days(s, 5);
			} else if (pt->shift == 0 && pt->mod == MOD_EARLIER) {
				*e = *pub;
			} else if (pt->shift == 0 && pt->mod == MOD_LATER) {
				*s = *pub;
			}
			return 0;
		case UNIT_MONTH:
			if (!have_m)
				return -1;
			s->y = pub->y;
			s->m = pub->m;
			date_add_months(s, pt->shift);
			return 0;
		case UNIT_YEAR:
			if (!have_y)
				return -1;
			s->y = pub->y + pt->shift;
			if (pt->mod == MOD_END)
				s->m = 12;
			else if (pt->mod == MOD_START)
				s->m = 1;
			return 0;
		}
		return -1;
	}
	return -1;
}

/* Is 'a' after 'pub' at a's precision ("2022-05" is not after 2022-05-17)? */
static int later_than(const struct date *a, const struct date *pub)
{
	struct date p = *pub;

	if (!a->m)
		p.m = p.d = 0;
	else if (!a->d)
		p.d = 0;
	return date_cmp(a, &p) > 0;
}

/* pub moved by n units, at the unit's precision. */
static int shift_pub(const struct date *pub, int unit, int n, struct date *out)
{
	int have_y = pub && pub->y > 0, have_m = have_y && pub->m > 0;
	int have_d = have_m && pub->d > 0;

	clear(out);
	switch (unit) {
	case UNIT_DAY:
	case UNIT_WEEK:
		if (!have_d)
			return -1;
		*out = *pub;
		date_add_days(out, unit == UNIT_WEEK ? 7 * n : n);
		return 0;
	case UNIT_MONTH:
		if (!have_m)
			return -1;
		out->y = pub->y;
		out->m = pub->m;
		date_add_months(out, n);
		return 0;
	case UNIT_YEAR:
	case UNIT_DECADE:
		if (!have_y)
			return -1;
		out->y = pub->y + (unit == UNIT_DECADE ? 10 * n : n);
		return 0;
	}
	return -1;
}

int timex_resolve(const struct timex *tx, const struct date *pub, enum tense tense,
		  struct date *start, struct date *end)
{
	struct date s2, e2;
	struct timex_point a, b;
	int have_y = pub && pub->y > 0, dir, ret = -1;

	clear(start);
	clear(end);
	switch (tx->kind) {
	case TIMEX_DATE:
	case TIMEX_WEEKDAY:
	case TIMEX_RELDAY:
	case TIMEX_RELUNIT:
	case TIMEX_DECADE:
	case TIMEX_SEASON:
		ret = resolve_point(&tx->a, pub, tense, start, end);
		break;
	case TIMEX_SINCE:
		if (resolve_point(&tx->a, pub, TENSE_PAST, start, &e2) < 0)
			break;
		if (have_y && !later_than(start, pub))
			*end = *pub;	/* not for "since 2022" in a 2019 article */
		ret = 0;
		break;
	case TIMEX_RANGE:
		a = tx->a;
		b = tx->b;
		/* "from May to July 2019": the year of one end serves both */
		if (a.type == TIMEX_DATE && b.type == TIMEX_DATE && a.d.m && b.d.m) {
			if (!a.d.y && b.d.y)
				a.d.y = a.d.m > b.d.m ? b.d.y - 1 : b.d.y;
			else if (a.d.y && !b.d.y)
				b.d.y = b.d.m < a.d.m ? a.d.y + 1 : a.d.y;
		}
		if (resolve_point(&a, pub, tense, start, &e2) < 0 ||
		    resolve_point(&b, pub, tense, &s2, end) < 0)
			break;
		if (!end->y)
			*end = s2;
		if (date_cmp(start, end) > 0) {
			if (a.type == TIMEX_WEEKDAY)
				date_add_days(start, -7);
			else if (a.type == TIMEX_DATE && !tx->a.d.y)
				start->y--;
		}
		if (later_than(start, end))
			clear(end);	/* "between 2018 and March" in 2017: keep the start */
		ret = 0;
		break;
	case TIMEX_AGO:
		ret = shift_pub(pub, tx->unit, -tx->count, start);
		break;
	case TIMEX_IN:
	case TIMEX_DURATION:
		dir = tx->dir;
		if (tx->kind == TIMEX_IN && !dir)
			dir = tense == TENSE_PAST ? -1 : 1;
		else if (!dir)
			dir = tense == TENSE_FUTURE ? 1 : -1;
		if (tx->kind == TIMEX_IN && dir > 0) {
			ret = shift_pub(pub, tx->unit, tx->count, start);
			break;
		}
		if (dir < 0) {
			if (shift_pub(pub, tx->unit, -tx->count, start) < 0)
				break;
			*end = *pub;
		} else {
			if (shift_pub(pub, tx->unit, tx->count, end) < 0)
				break;
			*start = *pub;
		}
		ret = 0;
		break;
	}
	if (ret < 0) {
		clear(start);
		clear(end);
	}
	return ret;
}

/*==== Text ====*/

static int no_space_before(const char *t)
{
	static const char *const p[] = {
		",", ".", ";", ":", "!", "?", ")", "'s", "'", "%", "-", "--", NULL
	};
	return in_list(t, p);
}

void timex_text(const struct timex *tx, const char *const *tok, struct strbuf *sb)
{
	int i;

	for (i = tx->start; i < tx->end; i++) {
		if (i > tx->start && !no_space_before(tok[i]) && strcmp(tok[i - 1], "(") &&
		    strcmp(tok[i - 1], "-") && strcmp(tok[i - 1], "--"))
			sb_addc(sb, ' ');
		sb_adds(sb, tok[i]);
	}
}
