/*
 * test_dates.c: temporal expressions found in hand-tokenised (PTB style)
 * news sentences and resolved against publication dates, plus the
 * calendar helpers. Sentences are written for these tests.
 */
#include <stdlib.h>
#include <cJSON.h>

#include "ingest/dates.h"
#include "util.h"
#include "testhelp.h"

#define MAXTOK 96
#define MAXTX 8

/* Split 'sent' on single spaces into 'tok' (pointing into 'buf'). */
static int tokenize(const char *sent, char *buf, size_t bufsz, const char **tok)
{
	int n = 0;
	char *p;

	snprintf(buf, bufsz, "%s", sent);
	for (p = buf; *p && n < MAXTOK;) {
		tok[n++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static const char *fmt(const struct date *d, char *buf)
{
	const char *s = date_format(d, buf);
	return s ? s : "";
}

/* Find the expressions of 'sent'; expect exactly 'want' of them; check the
 * text of number 'idx' and its resolution against 'pub' ("" = none). 'start'
 * "" means timex_resolve must fail. */
static void check_nth(const char *sent, int want, int idx, const char *pub, enum tense tense,
		      const char *text, const char *start, const char *end)
{
	char buf[1024], b1[16], b2[16];
	const char *tok[MAXTOK];
	struct timex tx[MAXTX];
	struct date p = { 0, 0, 0 }, s, e;
	struct strbuf sb = STRBUF_INIT;
	int n, k, r;
	char desc[1200];

	n = tokenize(sent, buf, sizeof(buf), tok);
	k = timex_find(tok, n, tx, MAXTX);
	snprintf(desc, sizeof(desc), "count in '%s'", sent);
	if (k != want)
		printf("  got %d expressions, want %d\n", k, want);
	test_cond(desc, k == want);
	if (k <= idx)
		return;
	timex_text(&tx[idx], tok, &sb);
	snprintf(desc, sizeof(desc), "text in '%s'", sent);
	test_streq(desc, sb_str(&sb), text);
	sb_release(&sb);
	if (*pub)
		date_parse(pub, &p);
	r = timex_resolve(&tx[idx], &p, tense, &s, &e);
	snprintf(desc, sizeof(desc), "resolve '%s' in '%s' (pub %s, tense %d)", text, sent,
		 *pub ? pub : "none", (int)tense);
	if (!*start) {
		test_cond(desc, r == -1 && s.y == 0 && e.y == 0);
		return;
	}
	test_cond(desc, r == 0);
	test_streq(desc, fmt(&s, b1), start);
	test_streq(desc, fmt(&e, b2), end);
}

static void check(const char *sent, const char *pub, enum tense tense,
		  const char *text, const char *start, const char *end)
{
	check_nth(sent, 1, 0, pub, tense, text, start, end);
}

static void none(const char *sent)
{
	check_nth(sent, 0, 0, "", TENSE_PAST, "", "", "");
}

static void kind_is(const char *sent, int idx, int kind)
{
	char buf[1024];
	const char *tok[MAXTOK];
	struct timex tx[MAXTX];
	int n = tokenize(sent, buf, sizeof(buf), tok);
	int k = timex_find(tok, n, tx, MAXTX);

	test_cond(sent, k > idx && tx[idx].kind == kind);
	if (k > idx && tx[idx].kind != kind)
		printf("  got kind %s\n", timex_kind_name(tx[idx].kind));
}

/*==== Calendar ====*/

static void test_calendar(void)
{
	struct date d;

	test_cond("2024 leap", date_is_leap(2024));
	test_cond("2000 leap", date_is_leap(2000));
	test_cond("1900 not leap", !date_is_leap(1900));
	test_cond("2023 not leap", !date_is_leap(2023));
	test_cond("Feb 2024 has 29", date_days_in_month(2024, 2) == 29);
	test_cond("Feb 2023 has 28", date_days_in_month(2023, 2) == 28);
	test_cond("April has 30", date_days_in_month(2023, 4) == 30);
	test_cond("2022-10-06 Thursday", date_weekday(2022, 10, 6) == 3);
	test_cond("2024-02-29 Thursday", date_weekday(2024, 2, 29) == 3);
	test_cond("2023-01-02 Monday", date_weekday(2023, 1, 2) == 0);
	test_cond("2023-12-31 Sunday", date_weekday(2023, 12, 31) == 6);
	test_cond("1970-01-01 Thursday", date_weekday(1970, 1, 1) == 3);
	test_cond("1969-12-31 Wednesday", date_weekday(1969, 12, 31) == 2);
	d.y = 2023; d.m = 12; d.d = 31;
	date_add_days(&d, 1);
	test_cond("Dec 31 + 1", d.y == 2024 && d.m == 1 && d.d == 1);
	date_add_days(&d, -306);
	test_cond("2024-01-01 - 306", d.y == 2023 && d.m == 3 && d.d == 1);
	d.y = 2024; d.m = 3; d.d = 1;
	date_add_days(&d, -1);
	test_cond("leap day", d.y == 2024 && d.m == 2 && d.d == 29);
	d.y = 2024; d.m = 1; d.d = 31;
	date_add_months(&d, 1);
	test_cond("Jan 31 + 1 month clamps", d.y == 2024 && d.m == 2 && d.d == 29);
	d.y = 2023; d.m = 12; d.d = 0;
	date_add_months(&d, 1);
	test_cond("Dec + 1 month", d.y == 2024 && d.m == 1 && d.d == 0);
	date_add_months(&d, -13);
	test_cond("Jan 2024 - 13 months", d.y == 2022 && d.m == 12);
	{
		struct date a = { 2022, 5, 0 }, b = { 2022, 5, 1 };
		test_cond("month before its first day", date_cmp(&a, &b) < 0);
		test_cond("cmp equal", date_cmp(&a, &a) == 0);
	}
	test_streq("kind name", timex_kind_name(TIMEX_SINCE), "since");
	test_streq("kind name out of range", timex_kind_name(99), "none");
}

/*==== Weekdays ====*/

static void test_weekdays(void)
{
	/* 2022-10-06 is a Thursday */
	const char *thu = "2022-10-06";

	check("Turkey expelled the Dutch ambassador on Thursday .", thu, TENSE_PAST,
	      "Thursday", "2022-10-06", "");
	check("Ministers will meet on Thursday in Brussels .", thu, TENSE_FUTURE,
	      "Thursday", "2022-10-13", "");
	check("The council meets on Thursday .", thu, TENSE_PRESENT,
	      "Thursday", "2022-10-06", "");
	check("Erdogan spoke to Putin on Monday .", thu, TENSE_PAST,
	      "Monday", "2022-10-03", "");
	check("Erdogan will speak to Putin on Monday .", thu, TENSE_FUTURE,
	      "Monday", "2022-10-10", "");
	check("Talks resume on Monday .", thu, TENSE_PRESENT,
	      "Monday", "2022-10-03", "");
	check("Talks resume on Saturday .", thu, TENSE_PRESENT,
	      "Saturday", "2022-10-08", "");
	check("Iran said Saturday it had seized a tanker .", thu, TENSE_PAST,
	      "Saturday", "2022-10-01", "");
	check("Germany recalled its envoy last Thursday .", thu, TENSE_PAST,
	      "last Thursday", "2022-09-29", "");
	check("Germany will recall its envoy next Monday .", thu, TENSE_FUTURE,
	      "next Monday", "2022-10-10", "");
	check("The summit opens next Thursday .", thu, TENSE_PRESENT,
	      "next Thursday", "2022-10-13", "");
	check("Police detained 12 protesters on Thursday night .", thu, TENSE_PAST,
	      "Thursday night", "2022-10-06", "");
	check("The vote was held on Tuesday , Oct. 4 .", thu, TENSE_PAST,
	      "Tuesday, Oct. 4", "2022-10-04", "");
	check("The ministers met this past Sunday .", thu, TENSE_PAST,
	      "this past Sunday", "2022-10-02", "");
	/* around the turn of the year */
	check("Russia struck the port last Friday .", "2024-01-01", TENSE_PAST,
	      "last Friday", "2023-12-29", "");
	check("Russia struck the port on Friday .", "2023-12-31", TENSE_PAST,
	      "Friday", "2023-12-29", "");
	check("Kyiv will host envoys next Friday .", "2023-12-31", TENSE_FUTURE,
	      "next Friday", "2024-01-05", "");
	check("Kyiv will host envoys on Tuesday .", "2023-12-31", TENSE_FUTURE,
	      "Tuesday", "2024-01-02", "");
	/* nothing to resolve against */
	check("Turkey expelled the ambassador on Thursday .", "", TENSE_PAST,
	      "Thursday", "", "");
	kind_is("Turkey expelled the ambassador on Thursday .", 0, TIMEX_WEEKDAY);
	/* names, not days */
	none("The Sunday Times reported the deal .");
	none("Sunday Express editors met the minister .");
	none("A report by Sunday Telegraph journalists angered Ankara .");
	check("Erdogan said Thursday Turkey would veto the bid .", thu, TENSE_PAST,
	      "Thursday", "2022-10-06", "");
	check("On Sunday President Biden spoke .", thu, TENSE_PAST,
	      "Sunday", "2022-10-02", "");
	none("Relatives marked Bloody Sunday in Derry .");
	none("Markets fell on what traders called Black Monday .");
	none("The Sun reported the deal on Wed .");
}

/*==== Relative days and units ====*/

static void test_relative(void)
{
	const char *thu = "2022-10-06";

	check("Greece summoned the Turkish envoy today .", thu, TENSE_PAST,
	      "today", "2022-10-06", "");
	check("Biden will address the nation tonight .", thu, TENSE_FUTURE,
	      "tonight", "2022-10-06", "");
	check("Israel struck targets in Gaza yesterday .", "2024-03-01", TENSE_PAST,
	      "yesterday", "2024-02-29", "");
	check("Israel struck targets in Gaza yesterday .", "2023-03-01", TENSE_PAST,
	      "yesterday", "2023-02-28", "");
	check("The talks will resume tomorrow morning .", "2023-12-31", TENSE_FUTURE,
	      "tomorrow morning", "2024-01-01", "");
	check("Macron met Scholz this morning .", thu, TENSE_PAST,
	      "this morning", "2022-10-06", "");
	check("Rockets hit Kyiv last night .", "2023-01-01", TENSE_PAST,
	      "last night", "2022-12-31", "");
	check("Yesterday afternoon , Seoul fired warning shots .", thu, TENSE_PAST,
	      "Yesterday afternoon", "2022-10-05", "");
	kind_is("Rockets hit Kyiv last night .", 0, TIMEX_RELDAY);

	/* weeks are Monday-Sunday intervals; 2022-10-03 is the Monday */
	check("NATO ministers met last week .", thu, TENSE_PAST,
	      "last week", "2022-09-26", "2022-10-02");
	check("NATO ministers meet this week .", thu, TENSE_PRESENT,
	      "this week", "2022-10-03", "2022-10-09");
	check("NATO ministers will meet next week .", thu, TENSE_FUTURE,
	      "next week", "2022-10-10", "2022-10-16");
	check("Ankara recalled its envoy earlier this week .", thu, TENSE_PAST,
	      "earlier this week", "2022-10-03", "2022-10-06");
	check("Ankara will recall its envoy later this week .", thu, TENSE_FUTURE,
	      "later this week", "2022-10-06", "2022-10-09");
	check("Protesters clashed with police last weekend .", thu, TENSE_PAST,
	      "last weekend", "2022-10-01", "2022-10-02");
	check("Protesters will rally this weekend .", thu, TENSE_FUTURE,
	      "this weekend", "2022-10-08", "2022-10-09");
	/* "the weekend" follows the tense; 2022-10-06 is a Thursday */
	check("Protesters clashed with police at the weekend .", thu, TENSE_PAST,
	      "the weekend", "2022-10-01", "2022-10-02");
	check("Protesters will rally at the weekend .", thu, TENSE_FUTURE,
	      "the weekend", "2022-10-08", "2022-10-09");
	check("Protests are planned for the weekend .", thu, TENSE_PRESENT,
	      "the weekend", "2022-10-08", "2022-10-09");
	check("Protesters clashed with police at the weekend .", "2023-01-02", TENSE_PAST,
	      "the weekend", "2022-12-31", "2023-01-01");
	check("Protesters clashed with police at the weekend .", "2023-01-01", TENSE_PAST,
	      "the weekend", "2022-12-31", "2023-01-01");
	check("NATO ministers met last week .", "2023-01-02", TENSE_PAST,
	      "last week", "2022-12-26", "2023-01-01");

	/* months and years */
	check("Japan imposed sanctions last month .", "2023-01-15", TENSE_PAST,
	      "last month", "2022-12", "");
	check("Japan will impose sanctions next month .", "2023-12-15", TENSE_FUTURE,
	      "next month", "2024-01", "");
	check("Japan imposed sanctions this month .", "2023-12-15", TENSE_PAST,
	      "this month", "2023-12", "");
	check("Japan imposed sanctions earlier this month .", "2023-12-15", TENSE_PAST,
	      "earlier this month", "2023-12", "");
	check("Japan will impose sanctions later this month .", "2023-12-15", TENSE_FUTURE,
	      "later this month", "2023-12", "");
	check("Sweden joined NATO last year .", "2023-01-15", TENSE_PAST,
	      "last year", "2022", "");
	check("Sweden will join NATO next year .", "2023-01-15", TENSE_FUTURE,
	      "next year", "2024", "");
	check("Egypt hosted the summit earlier this year .", "2023-01-15", TENSE_PAST,
	      "earlier this year", "2023", "");
	check("Egypt hosted the summit late last year .", "2023-01-15", TENSE_PAST,
	      "late last year", "2022", "");
	check("Egypt will host the summit early next year .", "2023-12-15", TENSE_FUTURE,
	      "early next year", "2024", "");
	check("Troops will leave by the end of the year .", "2023-06-14", TENSE_FUTURE,
	      "the end of the year", "2023-12", "");
	check("Troops left at the end of last year .", "2023-06-14", TENSE_PAST,
	      "the end of last year", "2022-12", "");
	check("Sweden joined NATO last year .", "", TENSE_PAST, "last year", "", "");
	kind_is("Sweden joined NATO last year .", 0, TIMEX_RELUNIT);
}

/*==== Seasons ====*/

static void test_seasons(void)
{
	const char *jun = "2023-06-14", *jan = "2023-01-15";

	check("Ukraine launched its offensive this summer .", jun, TENSE_PAST,
	      "this summer", "2023-06", "2023-08");
	check("Ukraine launched its offensive last summer .", jun, TENSE_PAST,
	      "last summer", "2022-06", "2022-08");
	check("Ukraine will launch its offensive next summer .", jun, TENSE_FUTURE,
	      "next summer", "2024-06", "2024-08");
	check("Russia struck the grid last winter .", jun, TENSE_PAST,
	      "last winter", "2022-12", "2023-02");
	check("Russia strikes the grid this winter .", jan, TENSE_PRESENT,
	      "this winter", "2022-12", "2023-02");
	check("Elections will be held in the spring .", jan, TENSE_FUTURE,
	      "the spring", "2023-03", "2023-05");
	check("Elections were held in the spring .", jan, TENSE_PAST,
	      "the spring", "2022-03", "2022-05");
	check("Elections were held last fall .", jun, TENSE_PAST,
	      "last fall", "2022-09", "2022-11");
	check("Elections will be held in the autumn .", jun, TENSE_FUTURE,
	      "the autumn", "2023-09", "2023-11");
	none("The fall in prices surprised traders .");
	none("Traders expect this fall to continue .");
	check("Talks collapsed in the summer of 2019 .", "", TENSE_PAST,
	      "the summer of 2019", "2019-06", "2019-08");
	check("Talks collapsed in summer 2019 .", "", TENSE_PAST,
	      "summer 2019", "2019-06", "2019-08");
	check("Talks collapsed in early summer .", jun, TENSE_PAST,
	      "early summer", "2023-06", "2023-08");
	check("Talks collapsed this summer .", "", TENSE_PAST, "this summer", "", "");
	kind_is("Talks collapsed in summer 2019 .", 0, TIMEX_SEASON);
	none("Kabul fell after the fall of the government .");
	none("Prices fall in winter markets .");
	none("Rebels prepared a summer offensive .");
	none("The Arab Spring began in Tunisia .");
}

/*==== Ago ====*/

static void test_ago(void)
{
	const char *thu = "2022-10-06";

	check("Hamas fired rockets two days ago .", thu, TENSE_PAST,
	      "two days ago", "2022-10-04", "");
	check("Hamas fired rockets a week ago .", thu, TENSE_PAST,
	      "a week ago", "2022-09-29", "");
	check("Hamas fired rockets 10 days ago .", thu, TENSE_PAST,
	      "10 days ago", "2022-09-26", "");
	check("Hamas fired rockets three weeks ago .", thu, TENSE_PAST,
	      "three weeks ago", "2022-09-15", "");
	check("Pakistan expelled the envoy two months ago .", "2023-01-15", TENSE_PAST,
	      "two months ago", "2022-11", "");
	check("Pakistan expelled the envoy a year ago .", thu, TENSE_PAST,
	      "a year ago", "2021", "");
	check("The two countries cut ties a decade ago .", thu, TENSE_PAST,
	      "a decade ago", "2012", "");
	check("The two countries cut ties more than a decade ago .", thu, TENSE_PAST,
	      "more than a decade ago", "2012", "");
	check("The two countries cut ties five years ago .", thu, TENSE_PAST,
	      "five years ago", "2017", "");
	check("Seoul lodged a protest a day ago .", "2024-03-01", TENSE_PAST,
	      "a day ago", "2024-02-29", "");
	check("Seoul lodged a protest two days ago .", "", TENSE_PAST,
	      "two days ago", "", "");
	kind_is("Hamas fired rockets two days ago .", 0, TIMEX_AGO);
	none("The ceasefire held until two days later .");
	check("Seoul lodged a protest a couple of days ago .", thu, TENSE_PAST,
	      "a couple of days ago", "2022-10-04", "");
	check("Seoul lodged a protest a few weeks ago .", thu, TENSE_PAST,
	      "a few weeks ago", "2022-09-15", "");
	check("Seoul lodged a protest several years ago .", thu, TENSE_PAST,
	      "several years ago", "2019", "");
	none("The boy was two years old .");
}

/*==== Months and calendar dates ====*/

static void test_months(void)
{
	const char *thu = "2022-10-06";

	check("In August , Turkey expelled the ambassador .", thu, TENSE_PAST,
	      "August", "2022-08", "");
	check("Turkey will host the talks in August .", thu, TENSE_FUTURE,
	      "August", "2023-08", "");
	check("Iran seized a tanker in December .", "2023-01-02", TENSE_PAST,
	      "December", "2022-12", "");
	check("Iran will free the crew in December .", "2023-01-02", TENSE_FUTURE,
	      "December", "2023-12", "");
	check("Iran freed the crew in January .", "2023-01-02", TENSE_PAST,
	      "January", "2023-01", "");
	check("The summit is in August .", "2023-03-10", TENSE_PRESENT,
	      "August", "2023-08", "");
	check("The summit is in November .", "2023-03-10", TENSE_PRESENT,
	      "November", "2022-11", "");
	check("Turkey expelled the ambassador on Oct. 4 .", thu, TENSE_PAST,
	      "Oct. 4", "2022-10-04", "");
	check("Turkey will expel the ambassador on Oct. 4 .", thu, TENSE_FUTURE,
	      "Oct. 4", "2023-10-04", "");
	check("Turkey expels the ambassador on Oct. 4 .", thu, TENSE_PRESENT,
	      "Oct. 4", "2022-10-04", "");
	check("Turkey will expel the ambassador on Oct. 6 .", thu, TENSE_FUTURE,
	      "Oct. 6", "2022-10-06", "");
	check("Turkey expelled the ambassador on 4 October .", thu, TENSE_PAST,
	      "4 October", "2022-10-04", "");
	check("Turkey expelled the ambassador on October 4th , 2022 .", "", TENSE_PAST,
	      "October 4th, 2022", "2022-10-04", "");
	check("Turkey expelled the ambassador on Oct 4 , 2021 .", thu, TENSE_PAST,
	      "Oct 4, 2021", "2021-10-04", "");
	check("Qatar hosted the envoys on Sept. 12 .", thu, TENSE_PAST,
	      "Sept. 12", "2022-09-12", "");
	check("Russia annexed Crimea on 18 March 2014 .", thu, TENSE_PAST,
	      "18 March 2014", "2014-03-18", "");
	check("The deal collapsed in May 2018 .", "", TENSE_PAST,
	      "May 2018", "2018-05", "");
	check("May 2018 saw the deal collapse .", "", TENSE_PAST,
	      "May 2018", "2018-05", "");
	check("Fighting resumed in mid-August .", thu, TENSE_PAST,
	      "mid-August", "2022-08", "");
	check("Fighting resumed in mid - August .", thu, TENSE_PAST,
	      "mid-August", "2022-08", "");
	check("Fighting resumed in early 2019 .", thu, TENSE_PAST,
	      "early 2019", "2019", "");
	check("Fighting resumed in late 2019 .", thu, TENSE_PAST,
	      "late 2019", "2019", "");
	check("Fighting resumed in mid-2019 .", thu, TENSE_PAST,
	      "mid-2019", "2019", "");
	check("Troops withdrew at the end of March .", thu, TENSE_PAST,
	      "the end of March", "2022-03", "");
	check("Troops will withdraw by the end of March .", thu, TENSE_FUTURE,
	      "the end of March", "2023-03", "");
	check("Troops withdrew at the end of 2019 .", thu, TENSE_PAST,
	      "the end of 2019", "2019-12", "");
	check("Troops withdrew at the beginning of 2020 .", thu, TENSE_PAST,
	      "the beginning of 2020", "2020-01", "");
	check("Troops withdrew in late March .", thu, TENSE_PAST,
	      "late March", "2022-03", "");
	check("The treaty was signed on the 4th of July , 1992 .", thu, TENSE_PAST,
	      "the 4th of July, 1992", "1992-07-04", "");
	check("Sudan's army will hold talks next August .", thu, TENSE_FUTURE,
	      "next August", "2023-08", "");
	check("Sudan's army held talks last August .", thu, TENSE_PAST,
	      "last August", "2022-08", "");
	check("Sudan's army held talks last October .", thu, TENSE_PAST,
	      "last October", "2021-10", "");
	check("The deal was signed on Feb. 29 .", "2023-03-01", TENSE_PAST,
	      "Feb. 29", "2020-02-29", "");
	check("The deal was signed on Feb. 29 .", "2024-03-01", TENSE_PAST,
	      "Feb. 29", "2024-02-29", "");
	check("The deal was signed on Dec 25 .", "2023-01-02", TENSE_PAST,
	      "Dec 25", "2022-12-25", "");
	check("Turkey expelled the ambassador on Oct. 4 .", "", TENSE_PAST,
	      "Oct. 4", "", "");
	check_nth("Voters go to the polls in April and May .", 2, 0, "2023-03-10",
		  TENSE_FUTURE, "April", "2023-04", "");
	check_nth("Voters go to the polls in April and May .", 2, 1, "2023-03-10",
		  TENSE_FUTURE, "May", "2023-05", "");
	check("Turkey held talks in May this year .", "2023-06-14", TENSE_PAST,
	      "May this year", "2023-05", "");
	check("Turkey held talks in April last year .", "2023-06-14", TENSE_PAST,
	      "April last year", "2022-04", "");
	check("Turkey will hold talks in March next year .", "2023-06-14", TENSE_FUTURE,
	      "March next year", "2024-03", "");
	check("Turkey held talks in April last year .", "", TENSE_PAST,
	      "April last year", "", "");
	check("Prices have risen since April , 1986 .", "1987-03-02", TENSE_PAST,
	      "since April, 1986", "1986-04", "1987-03-02");
	none("The SNP sent a letter to May .");
	none("Labour called on May to resign .");
	none("Support for May is waning .");
	check("Elections were held in May .", "2023-06-14", TENSE_PAST, "May", "2023-05", "");
	check("Elections are expected in early May .", "2023-01-15", TENSE_FUTURE,
	      "early May", "2023-05", "");
	check("Elections will run from May to July .", "2023-01-15", TENSE_FUTURE,
	      "from May to July", "2023-05", "2023-07");
	check_nth("Pay March 31 Record March 13 .", 2, 0, "1987-03-02", TENSE_FUTURE,
		  "March 31", "1987-03-31", "");
	check_nth("Pay March 31 Record March 13 .", 2, 1, "1987-03-02", TENSE_PAST,
		  "March 13", "1986-03-13", "");
	check("The dividend is payable effective March six .", "1987-03-02", TENSE_FUTURE,
	      "March six", "1987-03-06", "");
	check("Delta said February load factor fell .", "1987-03-10", TENSE_PAST,
	      "February", "1987-02", "");
	check("The bank said its December survey showed gains .", "1987-03-10", TENSE_PAST,
	      "December", "1986-12", "");
	none("Theresa May 's cabinet met .");
	check("December sales were 22.2 billion dlrs .", "1987-01-20", TENSE_PAST,
	      "December", "1986-12", "");
	check("January 's figure rose .", "1987-03-02", TENSE_PAST,
	      "January", "1987-01", "");
	none("May 's cabinet met .");
	check("Dividends are payable Pay May 15 .", "1987-03-02", TENSE_FUTURE,
	      "May 15", "1987-05-15", "");
	check("The accord of September , 1985 New York .", "1987-03-02", TENSE_PAST,
	      "September, 1985", "1985-09", "");
	check("Wheat is for shipment March - May .", "1987-02-10", TENSE_FUTURE,
	      "March-May", "1987-03", "1987-05");
	check("Output rose in 2018 - 2020 .", "", TENSE_PAST,
	      "2018-2020", "2018", "2020");
	check("Russia shelled the city on Christmas Day .", "2023-01-02", TENSE_PAST,
	      "Christmas Day", "2022-12-25", "");
	check("Russia shelled the city on New Year 's Eve .", "2023-01-02", TENSE_PAST,
	      "New Year's Eve", "2022-12-31", "");
	check("Russia will pause on New Year 's Day .", "2022-12-30", TENSE_FUTURE,
	      "New Year's Day", "2023-01-01", "");
	kind_is("Fighting resumed in mid-August .", 0, TIMEX_DATE);
	none("The deal was signed on Feb. 30 .");
}

/*==== Years and ISO dates ====*/

static void test_years(void)
{
	check("Turkey bought the S-400 system in 2018 .", "2022-10-06", TENSE_PAST,
	      "2018", "2018", "");
	check("In 2018 , Turkey bought the S-400 system .", "", TENSE_PAST,
	      "2018", "2018", "");
	check("The 2018 elections returned Erdogan to power .", "", TENSE_PAST,
	      "2018", "2018", "");
	check("The two leaders met on 2022-10-27 in Ankara .", "", TENSE_PAST,
	      "2022-10-27", "2022-10-27", "");
	check("The two leaders met on 27/10/2022 in Ankara .", "", TENSE_PAST,
	      "27/10/2022", "2022-10-27", "");
	check("The two leaders met on 10/27/2022 in Ankara .", "", TENSE_PAST,
	      "10/27/2022", "2022-10-27", "");
	none("The two leaders met on 05/06/2019 in Ankara .");
	none("Ankara sent 2018 troops to the border .");
	check("In 2018 troops were sent to the border .", "", TENSE_PAST, "2018", "2018", "");
	none("Turkey sent in 2000 people .");
	none("The ceasefire begins at 1900 GMT .");
	none("The ceasefire begins at 2100 hours .");
	none("About 2018 people fled the town .");
	none("The council adopted Resolution 2231 .");
	none("The town has 1950 inhabitants .");
	none("Turkey paid $ 2018 for each unit .");
}

/*==== Decades, durations, since, ranges ====*/

static void test_spans(void)
{
	const char *thu = "2022-10-06";

	check("Relations thawed in the 1990s .", "", TENSE_PAST,
	      "the 1990s", "1990", "1999");
	check("Relations thawed in the 1980s .", thu, TENSE_PAST,
	      "the 1980s", "1980", "1989");
	check("Relations thawed in the early 1990s .", thu, TENSE_PAST,
	      "the early 1990s", "1990", "1993");
	check("Relations thawed in the mid-1990s .", thu, TENSE_PAST,
	      "the mid-1990s", "1993", "1996");
	kind_is("Relations thawed in the 1980s .", 0, TIMEX_DECADE);

	check("The border has been closed for a decade .", thu, TENSE_PAST,
	      "a decade", "2012", "2022-10-06");
	check("The border has been closed for more than a decade .", thu, TENSE_PAST,
	      "more than a decade", "2012", "2022-10-06");
	check("The border has been closed over a decade .", thu, TENSE_PAST,
	      "over a decade", "2012", "2022-10-06");
	check("The feud has lasted more than a decade .", thu, TENSE_PAST,
	      "more than a decade", "2012", "2022-10-06");
	check("Japan ruled the island for two years .", thu, TENSE_PAST,
	      "two years", "2020", "2022-10-06");
	check("Japan ruled the island for two years before the war .", thu, TENSE_PAST,
	      "two years", "2020", "2022-10-06");
	none("Japan left the island two years before the war .");
	check("Japan will rule the island for two years .", thu, TENSE_FUTURE,
	      "two years", "2022-10-06", "2024");
	check("Aid will flow for the next two years .", thu, TENSE_FUTURE,
	      "the next two years", "2022-10-06", "2024");
	check("Trade grew over the past decade .", thu, TENSE_PAST,
	      "over the past decade", "2012", "2022-10-06");
	check("Trade grew in the past year .", thu, TENSE_PAST,
	      "the past year", "2021", "2022-10-06");
	check("The strike lasted for three months .", thu, TENSE_PAST,
	      "three months", "2022-07", "2022-10-06");
	check("The strike lasted for two weeks .", thu, TENSE_PAST,
	      "two weeks", "2022-09-22", "2022-10-06");
	check("Leaders met for the first time in a decade .", thu, TENSE_PAST,
	      "a decade", "2012", "2022-10-06");
	check("Leaders will meet in two weeks .", thu, TENSE_FUTURE,
	      "two weeks", "2022-10-20", "");
	check("Talks resume in two weeks .", thu, TENSE_PRESENT,
	      "two weeks", "2022-10-20", "");
	check("Inflation is at its highest in 24 years .", thu, TENSE_PRESENT,
	      "24 years", "1998", "2022-10-06");
	check("Leaders will meet for the first time in a decade .", thu, TENSE_FUTURE,
	      "a decade", "2012", "2022-10-06");
	check("The lira fell to a record low in two years .", thu, TENSE_PAST,
	      "two years", "2020", "2022-10-06");
	check("The strike lasted for two weeks .", "", TENSE_PAST,
	      "two weeks", "", "");
	kind_is("The strike lasted for two weeks .", 0, TIMEX_DURATION);
	kind_is("Leaders will meet in two weeks .", 0, TIMEX_IN);
	none("Leaders have quarrelled for decades .");
	check("Trade grew over the past few days .", thu, TENSE_PAST,
	      "over the past few days", "2022-10-03", "2022-10-06");
	none("The sentence was two years .");
	none("The talks resumed the next day .");
	check("Profits rose in the nine months to September .", "2023-10-14", TENSE_PAST,
	      "September", "2023-09", "");
	none("He faces up to four years in prison .");
	check("Profits rose in the past nine months .", "2023-06-14", TENSE_PAST,
	      "the past nine months", "2022-09", "2023-06-14");

	check("Turkey has held the journalist since May 2018 .", thu, TENSE_PAST,
	      "since May 2018", "2018-05", "2022-10-06");
	check("Turkey has held the journalist since 2018 .", thu, TENSE_PAST,
	      "since 2018", "2018", "2022-10-06");
	check("Leaders met for the first time since 2018 .", thu, TENSE_PAST,
	      "since 2018", "2018", "2022-10-06");
	check("Sanctions have been in place since the 1990s .", thu, TENSE_PAST,
	      "since the 1990s", "1990", "2022-10-06");
	check("Sanctions have been in place since last year .", thu, TENSE_PAST,
	      "since last year", "2021", "2022-10-06");
	check("Sanctions have been in place since 2018 .", "", TENSE_PAST,
	      "since 2018", "2018", "");
	check("Sanctions have been in place since 2022 .", "2019-05-01", TENSE_PAST,
	      "since 2022", "2022", "");
	check("Sanctions have been in place since May .", "2019-05-17", TENSE_PAST,
	      "since May", "2019-05", "2019-05-17");
	check("Troops were deployed from 2020 to 2018 .", "", TENSE_PAST,
	      "from 2020 to 2018", "2020", "");
	kind_is("Turkey has held the journalist since 2018 .", 0, TIMEX_SINCE);

	check("Troops were deployed between 2018 and 2020 .", "", TENSE_PAST,
	      "between 2018 and 2020", "2018", "2020");
	check("Troops were deployed from 2018 to 2020 .", "", TENSE_PAST,
	      "from 2018 to 2020", "2018", "2020");
	check("Troops were deployed from May to July 2019 .", "", TENSE_PAST,
	      "from May to July 2019", "2019-05", "2019-07");
	check("Troops were deployed between May and July .", thu, TENSE_PAST,
	      "between May and July", "2022-05", "2022-07");
	check("Troops were deployed from November to February .", "2023-01-10", TENSE_PAST,
	      "from November to February", "2021-11", "2022-02");
	check("Troops will stay from November to February .", thu, TENSE_FUTURE,
	      "from November to February", "2022-11", "2023-02");
	check("Talks ran between Monday and Wednesday .", thu, TENSE_PAST,
	      "between Monday and Wednesday", "2022-10-03", "2022-10-05");
	check("Troops were deployed in 2018-2020 .", "", TENSE_PAST,
	      "2018-2020", "2018", "2020");
	check("Shares were bought between Feb. 13 and 24 .", "1987-03-02", TENSE_PAST,
	      "between Feb. 13 and 24", "1987-02-13", "1987-02-24");
	check("The fair runs from Oct. 4 to 9 .", thu, TENSE_PRESENT,
	      "from Oct. 4 to 9", "2022-10-04", "2022-10-09");
	none("Between 1 and 2 people died .");
	check("Leaders met in Vilnius on July 11-12 .", "2023-07-14", TENSE_PAST,
	      "July 11-12", "2023-07-11", "2023-07-12");
	check("Leaders met in Madrid on 28-30 June 2022 .", "", TENSE_PAST,
	      "28-30 June 2022", "2022-06-28", "2022-06-30");
	check("Leaders will meet on Dec. 30-31 .", "2023-12-15", TENSE_FUTURE,
	      "Dec. 30-31", "2023-12-30", "2023-12-31");
	check("Leaders met on Feb. 28-30 .", "2023-03-10", TENSE_PAST, "Feb.", "2023-02", "");
	kind_is("Troops were deployed between 2018 and 2020 .", 0, TIMEX_RANGE);
	none("Troops moved from Turkey to Syria .");
}

/*==== Times of day; words that are not dates ====*/

static void test_times_and_traps(void)
{
	const char *thu = "2022-10-06";

	check("The talks began at 3 p.m. .", thu, TENSE_PAST, "3 p.m.", "", "");
	check("The talks began at 10:30 GMT .", thu, TENSE_PAST, "10:30 GMT", "", "");
	check_nth("The talks began at 3 p.m. on Thursday .", 2, 1, thu, TENSE_PAST,
		  "Thursday", "2022-10-06", "");
	kind_is("The talks began at 3 p.m. .", 0, TIMEX_TIME);

	none("Turkey may expel the ambassador .");
	none("Theresa May said Britain would leave .");
	none("May said Britain would leave .");
	none("Theresa May 's government fell .");
	none("Protesters march through the capital .");
	none("March organisers said 10,000 people joined .");
	none("Thousands joined the march in the capital .");
	none("The envoy addressed an august assembly .");
	none("Police arrested June Smith .");
	check("Theresa May met Angela Merkel in March .", thu, TENSE_PAST,
	      "March", "2022-03", "");
	check("May 5 marked the start of the talks .", thu, TENSE_PAST,
	      "May 5", "2022-05-05", "");
}

/*==== API details ====*/

static void test_api(void)
{
	char buf[256];
	const char *tok[MAXTOK];
	struct timex tx[MAXTX];
	int n, k;

	n = tokenize("Turkey expelled the envoy on Oct. 4 and recalled its own on Oct. 6 .",
		     buf, sizeof(buf), tok);
	k = timex_find(tok, n, tx, MAXTX);
	test_cond("two expressions", k == 2);
	test_cond("first span", k == 2 && tx[0].start == 5 && tx[0].end == 7);
	test_cond("second span", k == 2 && tx[1].start == 12 && tx[1].end == 14);
	k = timex_find(tok, n, tx, 1);
	test_cond("max respected", k == 1 && tx[0].start == 5);
	k = timex_find(tok, 0, tx, MAXTX);
	test_cond("empty input", k == 0);
	k = timex_find(tok, n, tx, 0);
	test_cond("max 0", k == 0);
}

/*==== Random token soup ====*/

/* Sequences of date-ish words: spans must be ordered, non-overlapping and
 * inside the sentence, and every resolved date must be a real one. */
static void test_soup(void)
{
	static const char *const words[] = {
		"the", "end", "of", "March", "May", "2018", "1990s", "since", "between",
		"and", "from", "to", "last", "next", "this", "week", "Thursday", ",",
		"Oct.", "4", "4th", "31", "29", "Feb.", "a", "decade", "ago", "for",
		"more", "than", "over", "past", "years", "two", "in", "mid-August",
		"mid", "-", "early", "late", "earlier", "later", "year", "month",
		"weekend", "3", "p.m.", "10:30", "today", "yesterday", "night",
		"2018-2020", "27/10/2022", "2022-10-27", "2100", "1900", "12/12/2020",
		"99/99/9999", "", "mid-", "Sept", "Dec", "1st", "days", "weeks",
		"coming", "couple", "few", "several", "Christmas", "Day", "New", "Year",
		"'s", "Eve", "Sunday", "Times", "said", "sales", "1-15", "30-31",
		"summer", "winter", "Mid-2019", "time", "highest"
	};
	const int nw = (int)(sizeof(words) / sizeof(words[0]));
	const char *tok[16];
	struct timex tx[16];
	struct date s, e, pub;
	unsigned seed = 12345;
	int it, i, j, k, n, t, bad = 0, resolved = 0, backwards = 0;

	for (it = 0; it < 20000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = (int)((seed >> 16) % 12);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			tok[i] = words[(seed >> 16) % (unsigned)nw];
		}
		seed = seed * 1103515245u + 12345u;
		pub.y = (seed >> 16) % 5 ? 1990 + (int)((seed >> 8) % 60) : 0;
		pub.m = pub.y ? 1 + (int)((seed >> 4) % 12) : 0;
		pub.d = pub.m ? 1 + (int)(seed % (unsigned)date_days_in_month(pub.y, pub.m)) : 0;
		k = timex_find(tok, n, tx, 16);
		for (j = 0; j < k; j++) {
			if (tx[j].start < 0 || tx[j].end > n || tx[j].start >= tx[j].end ||
			    (j && tx[j].start < tx[j - 1].end))
				bad++;
			for (t = 0; t < 3; t++) {
				if (timex_resolve(&tx[j], &pub, (enum tense)t, &s, &e) < 0) {
					if (s.y || e.y)
						bad++;
					continue;
				}
				resolved++;
				if (!s.y || s.m < 0 || s.m > 12 || (!s.m && s.d) ||
				    (s.m && s.d > date_days_in_month(s.y, s.m)) || s.d < 0)
					bad++;
				if (e.y && (e.m < 0 || e.m > 12 || (!e.m && e.d) ||
					    (e.m && e.d > date_days_in_month(e.y, e.m))))
					bad++;
				if (e.y && e.y < s.y) {
					struct strbuf sb = STRBUF_INIT;
					char b1[16], b2[16];
					timex_text(&tx[j], tok, &sb);
					if (backwards++ < 8)
						printf("  backwards: '%s' pub %d-%d-%d tense %d -> %s..%s\n",
						       sb_str(&sb), pub.y, pub.m, pub.d, t, fmt(&s, b1), fmt(&e, b2));
					sb_release(&sb);
				}
			}
		}
	}
	test_cond("random token soup keeps spans and dates sound", bad == 0);
	test_cond("random token soup resolves something", resolved > 1000);
	if (backwards)
		printf("  %d intervals end before they start\n", backwards);
	test_cond("random token soup: intervals run forward", backwards == 0);
}

/*==== The golden sentences ====*/

/* A rough PTB tokeniser, good enough for the golden sentences: split on
 * spaces, then split off trailing commas and full stops (not from
 * abbreviations such as "Oct." or "p.m.") and a final "'s". */
static int golden_tokenize(const char *text, char *buf, size_t bufsz, const char **tok)
{
	static const char *const abbr[] = { "Oct.", "Sept.", "Feb.", "Dec.", "Jan.",
					    "Aug.", "Nov.", "p.m.", "a.m.", NULL };
	size_t o = 0;
	const char *p = text;
	int n = 0, i;

	while (*p && n < MAXTOK - 4) {
		const char *w = p, *e;
		size_t len;
		int ntail = 0, isabbr = 0;
		char tail[4];

		while (*p && *p != ' ')
			p++;
		e = p;
		while (*p == ' ')
			p++;
		for (i = 0; abbr[i]; i++)
			if ((size_t)(e - w) == strlen(abbr[i]) && !strncmp(w, abbr[i], strlen(abbr[i])))
				isabbr = 1;
		while (!isabbr && e > w && (e[-1] == ',' || e[-1] == '.') && ntail < 3)
			tail[ntail++] = *--e;
		len = (size_t)(e - w);
		if (len > 2 && !strncmp(e - 2, "'s", 2))
			len -= 2;
		if (o + len + 8 + (size_t)ntail * 2 >= bufsz)
			break;
		memcpy(buf + o, w, len);
		buf[o + len] = '\0';
		tok[n++] = buf + o;
		o += len + 1;
		if (w + len < e) {
			memcpy(buf + o, "'s", 3);
			tok[n++] = buf + o;
			o += 3;
		}
		while (ntail > 0) {
			buf[o] = tail[--ntail];
			buf[o + 1] = '\0';
			tok[n++] = buf + o;
			o += 2;
		}
	}
	return n;
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Every line of the golden set: the first expression that resolves, in the
 * tense given, must give the expected date (the publication date when
 * none does). Keeps the data and the code from drifting apart. */
static void test_golden(void)
{
	const char *paths[] = { "tests/golden/dates/dated-sentences.jsonl",
				"../golden/dates/dated-sentences.jsonl", NULL };
	char *data = NULL, *line, *nl;
	size_t len = 0;
	int i, lines = 0, good = 0;

	for (i = 0; paths[i]; i++) {
		FILE *f = fopen(paths[i], "r");
		if (f) {
			fclose(f);
			if (read_file(paths[i], &data, &len) == 0)
				break;
		}
	}
	test_cond("golden file readable", data != NULL);
	if (!data)
		return;
	for (line = data; line && *line; line = nl) {
		char buf[1024], b1[16], b2[16], desc[256];
		const char *tok[MAXTOK], *tense_s, *want, *want_end, *text;
		struct timex tx[MAXTX];
		struct date pub = { 0, 0, 0 }, s = { 0, 0, 0 }, e = { 0, 0, 0 };
		enum tense tense;
		cJSON *o, *expect;
		int n, k, j, ok = 0;

		nl = strchr(line, '\n');
		if (nl)
			*nl++ = '\0';
		if (!*line)
			continue;
		lines++;
		o = cJSON_Parse(line);
		expect = cJSON_GetObjectItemCaseSensitive(o, "expect");
		text = jstr(o, "text");
		tense_s = jstr(o, "tense");
		want = jstr(expect, "date");
		want_end = jstr(expect, "date_end");
		snprintf(desc, sizeof(desc), "golden line %d well formed", lines);
		test_cond(desc, o && text && tense_s && want && jstr(o, "id") && jstr(expect, "subject") &&
			  jstr(expect, "lemma") && date_parse(jstr(o, "date"), &pub) == 0);
		if (!o || !text || !tense_s || !want) {
			cJSON_Delete(o);
			continue;
		}
		tense = !strcmp(tense_s, "future") ? TENSE_FUTURE :
			!strcmp(tense_s, "present") ? TENSE_PRESENT : TENSE_PAST;
		n = golden_tokenize(text, buf, sizeof(buf), tok);
		k = timex_find(tok, n, tx, MAXTX);
		for (j = 0; j < k && !ok; j++)
			ok = timex_resolve(&tx[j], &pub, tense, &s, &e) == 0;
		if (!ok) {
			s = pub;
			e.y = 0;
		}
		if (!strcmp(fmt(&s, b1), want) &&
		    !strcmp(fmt(&e, b2), want_end ? want_end : ""))
			good++;
		else
			printf("  golden %s: got %s..%s, want %s..%s\n", jstr(o, "id"), fmt(&s, b1),
			       fmt(&e, b2), want, want_end ? want_end : "");
		cJSON_Delete(o);
	}
	free(data);
	test_cond("at least 60 golden sentences", lines >= 60);
	test_cond("every golden date resolves as expected", good == lines);
}

int main(void)
{
	double t0 = now_seconds();

	test_calendar();
	test_weekdays();
	test_relative();
	test_ago();
	test_seasons();
	test_months();
	test_years();
	test_spans();
	test_times_and_traps();
	test_api();
	test_golden();
	test_soup();
	printf("%.3f s\n", now_seconds() - t0);
	return test_report();
}
