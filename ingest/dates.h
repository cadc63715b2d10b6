/*
 * dates.h: temporal expressions ("on Thursday", "last month", "Oct. 4, 2022",
 * "since 2018", "two days ago") found in a sentence's tokens and resolved to
 * calendar dates against the article's publication date.
 *
 * timex_find() only looks at the tokens; timex_resolve() turns one match into
 * a date (or an interval) given the publication date and the tense of the
 * clause the expression attaches to. Neither allocates.
 *
 * Choices made where English is ambiguous (the tests hold them):
 *  - Spans leave out plain prepositions ("on", "in", "at", "by", "during",
 *    "until", "for", "within") and articles, except where the word carries
 *    meaning: "since 2018", "between 2018 and 2020", "from May to July",
 *    "over a decade", "the end of March", "the past two years", "the 1990s".
 *  - Weekdays: past tense -> the latest such day on or before publication
 *    (the same day counts); future -> the next one strictly after
 *    publication ("on Thursday" in a future clause published on a Thursday is
 *    the following Thursday); present -> the nearest one (up to 3 days back,
 *    else forward). "last Thursday" is always strictly before publication,
 *    "next Monday" strictly after, whatever the tense.
 *  - Months and day-month dates without a year: past -> the latest on or
 *    before publication, future -> the first on or after, present -> the
 *    nearest. "last August" / "next August" are strictly before / after the
 *    publication month.
 *  - Weeks are intervals of days, Monday to Sunday: "last week" is the
 *    previous ISO week, "this week" the current one, "earlier this week"
 *    Monday to publication, "later this week" publication to Sunday.
 *    Months resolve at month precision (YYYY-MM), years at year precision.
 *    "the weekend" (British "at the weekend") follows the tense: past -> the
 *    latest Saturday-Sunday whose Saturday is on or before publication,
 *    future -> the first whose Saturday is on or after, present -> nearer.
 *  - "a few" and "several" count as 3, "a couple of" as 2 ("a few weeks
 *    ago" -> 21 days back): approximations, at the unit's precision.
 *  - "early/mid/late 2019", "mid-August", "the end of March" keep the
 *    precision of what they modify, except "the end of <year>" -> YYYY-12
 *    and "the beginning/start of <year>" -> YYYY-01.
 *  - Durations ("for two years", "more than a decade", "over the past
 *    decade") are intervals ending at publication, the start at the unit's
 *    precision (day for days and weeks, month, year for years and decades);
 *    in a future clause, or with "next"/"coming", they start at publication
 *    and end N units later. "in two weeks" is a point N units after
 *    publication in a future or present clause ("talks resume in two
 *    weeks"), a duration back from publication in a past one, and always
 *    after "time" or a superlative ("the first time in a decade", "its
 *    highest in 24 years").
 *  - "since X" is the interval from X to publication (only X when X is
 *    after publication). Ranges ("between 2018 and 2020", "from May to July
 *    2019", "March-May", "July 11-12") share a year given at one end; one
 *    that would still run backwards keeps only its start.
 *  - Slashed dates: "27/10/2022" is day/month/year when the first number is
 *    above 12, month/day/year when the second is; when both are 12 or less
 *    and differ the token is skipped as ambiguous.
 *  - A four-digit number 1900-2100 is a year unless a count noun follows
 *    ("2018 troops"), a quantity word precedes ("about 2018", "Resolution
 *    2231") or a clock word follows ("1900 GMT"). After "in", "since",
 *    "until", "during" only a count noun such as "people" stops it.
 *  - Month names must be capitalised, and "May", "March" and the others
 *    need support: a day or year next to them (wire style "March six" too),
 *    a preceding word such as "in", "since", "of", "early", "last", or, for
 *    months other than May, "the"/"its"/"said" before or a word like
 *    "sales"/"'s"/"was" after. Bare "May" also fails after "to", "on",
 *    "for", "with" and before "said", "'s", "has"..., and any month fails
 *    after a capitalised name. "Theresa May said", "a letter to May" and
 *    "Turkey may expel" do not match. Bare abbreviations without a period
 *    ("Oct") need a day or a year. Weekday abbreviations ("Wed", "Sun")
 *    never match; weekdays after a capitalised name or before one ("the
 *    Sunday Times", "Bloody Sunday") do not either.
 *  - Christmas Day/Eve and New Year's Day/Eve are day-month dates.
 *  - Seasons (northern hemisphere, lower case only) are three-month
 *    intervals: spring March-May, summer June-August, autumn/fall
 *    September-November, winter December-February. "this summer" is the one
 *    publication falls in, else the next (future, present) or the last
 *    (past) one; "last"/"next" are strictly before/after; "winter 2019"
 *    starts in December 2019. "fall" counts only in "last fall" and "next
 *    fall" ("the fall in prices", "the fall of Kabul" do not match).
 *  - Times of day ("3 p.m.", "10:30", "noon") are found as TIMEX_TIME and do
 *    not resolve (-1), so that the day they sit on is taken from elsewhere.
 */
#ifndef ENTENTE_DATES_H
#define ENTENTE_DATES_H

#include "ingest/triple.h"

struct strbuf;

enum tense { TENSE_PAST, TENSE_PRESENT, TENSE_FUTURE };

/* What a temporal expression is. */
enum timex_kind {
	TIMEX_NONE = 0,
	TIMEX_DATE,		/* calendar date, full or partial: "Oct. 4", "in August", "2018", "2022-10-27" */
	TIMEX_WEEKDAY,		/* "Thursday", "last Thursday", "next Monday night" */
	TIMEX_RELDAY,		/* "today", "yesterday", "tomorrow", "tonight", "last night" */
	TIMEX_RELUNIT,		/* "last week", "this month", "next year", "earlier this year" */
	TIMEX_DECADE,		/* "the 1990s": interval of ten years */
	TIMEX_AGO,		/* "two days ago", "a decade ago" */
	TIMEX_IN,		/* "in two weeks": after publication (future) or duration */
	TIMEX_DURATION,		/* "for two years", "more than a decade": interval to publication */
	TIMEX_SINCE,		/* "since May 2018": interval from a point to publication */
	TIMEX_RANGE,		/* "between 2018 and 2020", "from May to July 2019" */
	TIMEX_TIME,		/* "3 p.m.", "10:30": found, never resolved */
	TIMEX_SEASON		/* "this summer", "last winter", "the spring of 2019" */
};
const char *timex_kind_name(int kind);	/* "date", "weekday", ...; "none" */

/* One point inside an expression. All fields are private. Really. */
struct timex_point {
	int type;		/* TIMEX_DATE, _WEEKDAY, _RELDAY, _RELUNIT, _DECADE, _SEASON */
	struct date d;		/* DATE: y may be 0 (no year), m and d may be 0; DECADE: first year */
	int wday;		/* WEEKDAY: 0 = Monday .. 6 = Sunday */
	int shift;		/* -1 "last", 0 plain or "this", +1 "next"; RELDAY: day offset */
	int unit;		/* RELUNIT: private unit code */
	int mod;		/* private modifier code: early, late, end of, earlier, ... */
	int yrel_set;		/* DATE: the year is given relative to pub ("May last year") */
	int yrel;		/* DATE: that year's offset from pub's year */
};

struct timex {
	int start, end;		/* token span [start, end) in the token array */
	int kind;		/* enum timex_kind */
	/* The rest is private: the parsed values. */
	struct timex_point a;	/* the point; the first end of a RANGE; the start of SINCE */
	struct timex_point b;	/* the second end of a RANGE */
	int count;		/* AGO, IN, DURATION: how many units */
	int unit;		/* AGO, IN, DURATION: private unit code */
	int dir;		/* DURATION: -1 back from pub, +1 forward, 0 by tense */
};

/* Find the temporal expressions in a sentence's tokens (UTF-8 strings,
 * PTB-style tokens). Writes at most 'max' into 'out', non-overlapping, left
 * to right; returns how many. Does not allocate. */
int timex_find(const char *const *tok, int n, struct timex *out, int max);

/* Resolve 'tx' against the publication date 'pub' (may be empty, y == 0:
 * then only self-contained dates resolve) and the tense of its clause.
 * Sets *start, and *end for intervals (else end->y = 0), at the precision
 * the text allows. Returns 0, or -1 when it cannot be resolved ("on
 * Thursday" with no pub, a time of day); then *start and *end are empty. */
int timex_resolve(const struct timex *tx, const struct date *pub, enum tense tense,
		  struct date *start, struct date *end);

/* Append the tokens of 'tx' to 'sb', joined with single spaces except
 * before punctuation (and around a lone hyphen). */
void timex_text(const struct timex *tx, const char *const *tok, struct strbuf *sb);

/*==== Calendar helpers (proleptic Gregorian) ====*/
int date_is_leap(int y);
int date_days_in_month(int y, int m);		/* m 1-12 */
int date_weekday(int y, int m, int d);		/* 0 = Monday .. 6 = Sunday */
/* 0 (Monday) .. 6 (Sunday) for a full weekday name in any case, else -1. */
int date_weekday_name(const char *word);
/* Add 'n' days (may be negative) to a day-precision date. */
void date_add_days(struct date *dt, int n);
/* Add 'n' months to a date of month or day precision; the day is clamped
 * to the new month's length ("Jan 31" + 1 month = "Feb 28/29"). */
void date_add_months(struct date *dt, int n);
/* Compare two dates field by field (missing fields count as 0): <0, 0, >0. */
int date_cmp(const struct date *a, const struct date *b);

#endif
