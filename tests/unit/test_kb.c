/*
 * test_kb.c: the actor knowledge base: built-in countries, IGOs, groups and
 * role words; a small Phoenix-format fixture with date-ranged codes and bad
 * lines (tests/unit/fixtures/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/kb.h"
#include "util.h"
#include "testhelp.h"

#define FIXTURES "tests/unit/fixtures/"

static struct kb *kb;

/* Match the blank-separated tokens of 's' from token 'at'; returns the
 * number of tokens matched and fills *h. */
static int match_at(const char *s, int at, const char *when, struct kb_hit *h)
{
	char buf[512];
	const char *tok[32];
	int n = 0;
	size_t i, len = strlen(s);
	struct date d = { 0, 0, 0 };

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len + 1);
	for (i = 0; i < len && n < 32;) {
		while (i < len && buf[i] == ' ')
			buf[i++] = '\0';
		if (i < len)
			tok[n++] = buf + i;
		while (i < len && buf[i] != ' ')
			i++;
	}
	if (when && date_parse(when, &d) < 0)
		return -1;
	memset(h, 0, sizeof(*h));
	return kb_match(kb, tok, n, at, when ? &d : NULL, h);
}

static int match(const char *s, const char *when, struct kb_hit *h)
{
	return match_at(s, 0, when, h);
}

/* The code of the longest match at the start of 's', or "" for none. */
static const char *code_of(const char *s, const char *when)
{
	static struct kb_hit h;
	return match(s, when, &h) > 0 ? h.code : "";
}

/* The length of the first k blank-separated tokens of s, with the blanks. */
static int tokens_len(const char *s, int k)
{
	int i = 0, seen = 0;

	while (s[i] && seen < k) {
		while (s[i] == ' ')
			i++;
		while (s[i] && s[i] != ' ')
			i++;
		seen++;
	}
	return i;
}

static void test_countries(void)
{
	struct kb_hit h;

	test_cond("Turkey matches one token", match("Turkey", NULL, &h) == 1);
	test_streq("Turkey code", h.code, "TUR");
	test_streq("Turkey entity", h.entity, "Turkey");
	test_streq("Turkey country", h.country, "TUR");
	test_cond("Turkey is a country", h.type == ACTOR_COUNTRY);
	test_cond("Turkey is a name", h.form == KB_NAME);
	test_cond("no sector for a country", h.sector == NULL);

	test_cond("Türkiye matches", match("Türkiye", NULL, &h) == 1);
	test_streq("Türkiye is Turkey", h.entity, "Turkey");
	test_streq("Türkiye code", h.code, "TUR");
	test_streq("Turkiye without accent", code_of("Turkiye", NULL), "TUR");
	test_streq("TÜRKİYE upper case", code_of("TÜRKİYE", NULL), "TUR");

	test_cond("Turkish matches", match("Turkish officials", NULL, &h) == 1);
	test_streq("Turkish code", h.code, "TUR");
	test_cond("Turkish is an adjective", h.form == KB_ADJECTIVE);
	test_cond("Turks match", match("Turks", NULL, &h) == 1);
	test_cond("Turks are the people", h.form == KB_PEOPLE);
	test_streq("Turks code", h.code, "TUR");

	test_cond("Ankara matches", match("Ankara said", NULL, &h) == 1);
	test_streq("Ankara is the government", h.code, "TURGOV");
	test_streq("Ankara country", h.country, "TUR");
	test_streq("Ankara sector", h.sector, "GOV");
	test_streq("Ankara entity", h.entity, "Turkey");
	test_cond("Ankara is a capital", h.form == KB_CAPITAL);

	test_cond("Tel Aviv is two tokens", match("Tel Aviv", NULL, &h) == 2);
	test_streq("Tel Aviv -> ISR", h.country, "ISR");
	test_streq("Jerusalem -> ISR", match("Jerusalem", NULL, &h) ? h.country : "", "ISR");

	test_cond("Burma matches", match("Burma", NULL, &h) == 1);
	test_streq("Burma is Myanmar", h.code, "MMR");
	test_streq("Burma entity", h.entity, "Myanmar");
	test_cond("Burma is a former name", h.form == KB_FORMER);
	test_streq("Swaziland is Eswatini", code_of("Swaziland", NULL), "SWZ");
	test_streq("Zaire is the DRC", code_of("Zaire", NULL), "COD");
	test_streq("Ivory Coast", code_of("Ivory Coast", NULL), "CIV");
	test_streq("Côte d'Ivoire", code_of("Côte d'Ivoire", NULL), "CIV");
	test_streq("Cote d’Ivoire, curly apostrophe", code_of("Cote d’Ivoire", NULL), "CIV");

	/* ISO names, reordered */
	test_streq("Republic of Korea", code_of("Republic of Korea", NULL), "KOR");
	test_streq("Islamic Republic of Iran", code_of("Islamic Republic of Iran", NULL), "IRN");
	test_streq("Papua New Guinea", code_of("Papua New Guinea", NULL), "PNG");
	test_cond("South Korea is two tokens", match("South Korea", NULL, &h) == 2);
	test_streq("South Korea", h.code, "KOR");
	test_streq("North Korea", code_of("North Korea", NULL), "PRK");
	test_streq("Soviet Union, a former state", code_of("Soviet Union", NULL), "SUN");
	test_streq("Kosovo has CAMEO's code", code_of("Kosovo", NULL), "KSV");

	/* abbreviations and case */
	test_streq("U.S.", code_of("U.S.", NULL), "USA");
	test_streq("US", code_of("US officials", NULL), "USA");
	test_cond("us, the pronoun, is nobody", match("us", NULL, &h) == 0);
	test_cond("turkey, the bird, is nobody", match("turkey", NULL, &h) == 0);
	test_streq("White House stands for the government", code_of("White House", NULL), "USAGOV");
	test_cond("Gaza is a place", match("Gaza", NULL, &h) == 1 && h.type == ACTOR_PLACE);
	test_streq("Gaza country", h.country, "PSE");

	/* a hyphenated token may match by its first part */
	test_cond("Greek-Cypriot", match("Greek-Cypriot leaders", NULL, &h) == 1);
	test_streq("Greek-Cypriot code", h.code, "GRC");
	test_streq("U.S.-led", code_of("U.S.-led coalition", NULL), "USA");
	test_cond("not a lower-case first part", match("anti-war", NULL, &h) == 0);

	/* phrases that name no country hide their first word */
	test_cond("Indian Ocean is nobody", match("Indian Ocean", NULL, &h) == 0);
	test_cond("Indian troops: the adjective", match("Indian troops", NULL, &h) == 1);
	test_streq("Indian -> IND", h.code, "IND");

	/* matching from inside a sentence; possessive tokens */
	test_cond("match at token 2", match_at("crowds in Ankara said", 2, NULL, &h) == 1);
	test_streq("match at token 2 code", h.code, "TURGOV");
	test_cond("nothing at token 0", match_at("crowds in Ankara said", 0, NULL, &h) == 0);
	test_cond("Israel 's: one token", match("Israel 's army", NULL, &h) == 1);
	test_cond("index past the end", match_at("Israel", 1, NULL, &h) == 0);

	test_streq("name of TUR", kb_country_name(kb, "TUR"), "Turkey");
	test_streq("name of KOR", kb_country_name(kb, "KOR"), "South Korea");
	test_streq("name of RUS", kb_country_name(kb, "RUS"), "Russia");
	test_streq("name of GBR", kb_country_name(kb, "GBR"), "United Kingdom");
	test_streq("name of SUN", kb_country_name(kb, "SUN"), "Soviet Union");
	test_cond("no name for XYZ", kb_country_name(kb, "XYZ") == NULL);
	test_cond("no name for tu", kb_country_name(kb, "tu") == NULL);
}

/* Every country record is found by its own canonical name, or, for a
 * former state renamed since (ISO 3166-3 DHY, TMP), the whole name is a
 * name of its successor (Dahomey is Benin). */
static void test_every_country(void)
{
	char a3[4] = { 0 }, d[160];
	int i, n = 0, bad = 0;

	for (i = 0; i < 26 * 26 * 26; i++) {
		const char *name;
		struct kb_hit h;
		int k;

		a3[0] = (char)('A' + i / 676);
		a3[1] = (char)('A' + i / 26 % 26);
		a3[2] = (char)('A' + i % 26);
		if (!(name = kb_country_name(kb, a3)))
			continue;
		n++;
		k = match(name, NULL, &h);
		if (k > 0 && h.country && (!strcmp(h.country, a3) || h.form == KB_FORMER ||
					   (int)strlen(name) == tokens_len(name, k)))
			continue;
		snprintf(d, sizeof(d), "%s '%s' is found by its name", a3, name);
		test_cond(d, 0);
		bad++;
	}
	test_cond("every country record has a name", n >= 279);
	test_cond("every country is found by its name", bad == 0);
}

static void test_orgs(void)
{
	struct kb_hit h;

	test_cond("United Nations is two tokens", match("United Nations", NULL, &h) == 2);
	test_streq("United Nations code", h.code, "IGOUNO");
	test_cond("United Nations is an organisation", h.type == ACTOR_ORG);
	test_cond("no country for an IGO", h.country == NULL);
	test_streq("U.N.", code_of("U.N.", NULL), "IGOUNO");
	test_cond("NATO", match("NATO", NULL, &h) == 1);
	test_streq("NATO code", h.code, "IGOWSTNAT");
	test_streq("NATO entity", h.entity, "NATO");
	test_streq("EU", code_of("European Union", NULL), "IGOEUREEC");
	test_streq("WHO", code_of("World Health Organization", NULL), "IGOUNOHLHWHO");
	test_streq("IMF", code_of("IMF", NULL), "IGOBUSIMF");
	test_streq("IAEA", code_of("IAEA", NULL), "IGOUNOIAE");
	test_streq("African Union", code_of("African Union", NULL), "IGOAFRAFU");
	test_streq("Arab League", code_of("Arab League", NULL), "IGOMEAARL");

	test_cond("Hamas", match("Hamas", NULL, &h) == 1);
	test_streq("Hamas code", h.code, "PSEREBHMS");
	test_streq("Hamas country", h.country, "PSE");
	test_streq("Hamas sector", h.sector, "REB");
	test_streq("Hezbollah", code_of("Hezbollah", NULL), "LBNREB");
	test_streq("Taliban, most recent", code_of("Taliban", NULL), "AFGGOV");
	test_streq("ISIL", code_of("ISIL", NULL), "IMGMUSISI");
	test_cond("Islamic State is two tokens", match("Islamic State fighters", NULL, &h) == 2);
	test_streq("al-Qaeda, a hyphenated name", code_of("al-Qaeda", NULL), "IMGMUSALQ");

	/* central banks, markets and parties, and phrases that name nothing */
	test_streq("the Fed", code_of("Fed", NULL), "USAGOVBUS");
	test_streq("Federal Reserve Board", code_of("Federal Reserve Board", NULL), "USAGOVBUS");
	test_streq("Wall Street", code_of("Wall Street", NULL), "USABUS");
	test_streq("Lib Dems", code_of("Lib Dems", NULL), "GBRPTY");
	test_cond("New York is a place of the USA", match("New York", NULL, &h) == 2 &&
		  h.type == ACTOR_PLACE && h.country && !strcmp(h.country, "USA"));
	test_cond("Middle East matches nothing", match("Middle East", NULL, &h) == 0);
	/* ISO 3166-2 subdivisions: places of their country, below any other
	 * source; none shared by two countries, none a common word */
	test_cond("Sindh is a province of Pakistan", match("Sindh", NULL, &h) == 1 &&
		  h.type == ACTOR_PLACE && h.country && !strcmp(h.country, "PAK"));
	test_cond("West Darfur of Sudan", match("West Darfur", NULL, &h) == 2 &&
		  h.country && !strcmp(h.country, "SDN"));
	test_cond("Georgia stays the country", match("Georgia", NULL, &h) == 1 &&
		  h.type == ACTOR_COUNTRY && !strcmp(h.country, "GEO"));
	test_cond("Punjab (India and Pakistan) is no place", match("Punjab", NULL, &h) == 0);
	test_cond("Gulf (a province of Papua New Guinea) is no place", match("Gulf", NULL, &h) == 0);
	test_cond("Central is no place", match("Central", NULL, &h) == 0);
	test_cond("Gao is a region of Mali", match("Gao", NULL, &h) == 1 && !strcmp(h.country, "MLI"));
	test_cond("... the GAO is not", match("GAO", NULL, &h) == 0);
	{
		const char *tok[] = { "the", "Middle", "East", "peace" };
		const char *tok2[] = { "United", "Nations" };
		test_cond("... but names nothing over two tokens",
			  kb_names_nothing(kb, tok, 4, 1) == 2);
		test_cond("an actor's phrase is not nothing", kb_names_nothing(kb, tok2, 2, 0) == 0);
		test_cond("no phrase is not nothing", kb_names_nothing(kb, tok, 4, 0) == 0);
	}
}

static void test_actors(void)
{
	struct kb_hit h;

	test_cond("Hulusi Akar, built in", match("Hulusi Akar", "2016-05-01", &h) == 2);
	test_streq("Akar in 2016: chief of the general staff", h.code, "TURMIL");
	test_cond("Akar is a person", h.type == ACTOR_PERSON);
	test_streq("Akar in 2020: defence minister, so the government",
		   code_of("Hulusi Akar", "2020-01-15"), "TURGOV");
	test_streq("Erdoğan in 2020", code_of("Erdoğan", "2020-01-01"), "TURGOV");
	test_cond("Recep Tayyip Erdoğan", match("Recep Tayyip Erdogan", NULL, &h) == 3);
	test_streq("Erdoğan's entity keeps its accent", h.entity, "Recep Tayyip Erdoğan");
	test_streq("Gantz in 2021", code_of("Benny Gantz", "2021-03-01"), "ISRGOV");
	test_streq("Gantz in 2012", code_of("Benny Gantz", "2012-03-01"), "ISRMIL");
	test_cond("Bashar al-Assad", match("Bashar al-Assad", "2015", &h) == 2);
	test_streq("Assad's entity", h.entity, "Bashar al-Assad");
	test_streq("Assad in 2015", h.code, "SYRGOV");
	test_streq("Zelenskyy", code_of("Zelenskyy", "2023-01-01"), "UKRGOV");
	test_cond("Taliban", match("Taliban", "2019-01-01", &h) == 1);
	test_cond("the Taliban are an organisation", h.type == ACTOR_ORG);
	test_streq("Taliban in 2019: rebels", h.code, "AFGREB");
	test_streq("Taliban in 2022: the government", code_of("Taliban", "2022-01-01"), "AFGGOV");
	test_streq("Guterres in 2020", code_of("António Guterres", "2020-01-01"), "IGOUNO");
	test_streq("Guterres in 2000", code_of("Antonio Guterres", "2000-01-01"), "PRTGOV");
}

static void test_fold(void)
{
	char buf[64];

	test_cond("fold a name", kb_fold("Recep Tayyip  Erdoğan", buf, sizeof(buf)) == 20);
	test_streq("folded name", buf, "recep tayyip erdogan");
	kb_fold("U.S.", buf, sizeof(buf));
	test_streq("folded U.S.", buf, "us");
	kb_fold("Côte d’Ivoire", buf, sizeof(buf));
	test_streq("folded Côte d’Ivoire", buf, "cote d'ivoire");
	kb_fold("ŞIRNAK Ålesund Łódź", buf, sizeof(buf));
	test_streq("folded Latin letters", buf, "sirnak alesund lodz");
	test_cond("too small a buffer", kb_fold("Erdoğan", buf, 4) == -1);
	test_cond("empty", kb_fold("", buf, sizeof(buf)) == 0 && !buf[0]);
}

static void test_roles(void)
{
	static const struct {
		const char *word, *sector;
	} roles[] = {
		{ "minister", "GOV" }, { "ministers", "GOV" }, { "Minister", "GOV" },
		{ "army", "MIL" }, { "armies", "MIL" }, { "police", "COP" },
		{ "rebels", "REB" }, { "insurgents", "REB" }, { "parliament", "LEG" },
		{ "lawmakers", "LEG" }, { "president", "GOV" }, { "ambassador", "GOV" },
		{ "envoy", "GOV" }, { "envoys", "GOV" }, { "diplomats", "GOV" },
		{ "troops", "MIL" }, { "soldiers", "MIL" }, { "court", "JUD" },
		{ "judges", "JUD" }, { "spokesman", "GOV" }, { "policemen", "COP" },
		{ "authorities", "GOV" }, { NULL, NULL }
	};
	struct kb_hit h;
	char buf[16];
	int i;

	for (i = 0; roles[i].word; i++) {
		char d[64];
		snprintf(d, sizeof(d), "sector of '%s'", roles[i].word);
		test_streq(d, kb_sector(kb, roles[i].word), roles[i].sector);
	}
	test_cond("no sector for 'table'", kb_sector(kb, "table") == NULL);
	test_cond("no sector for Turkey", kb_sector(kb, "Turkey") == NULL);
	test_cond("no sector for NULL", kb_sector(kb, NULL) == NULL);

	test_cond("defence minister is two tokens", match("defence minister", NULL, &h) == 2);
	test_cond("defence minister is a role", h.type == ACTOR_ROLE);
	test_streq("defence minister code", h.code, "GOVMIL");
	test_streq("defence minister sector", h.sector, "GOV");
	test_streq("Defense Ministry", code_of("Defense Ministry", NULL), "GOVMIL");
	test_streq("foreign ministers", code_of("foreign ministers", NULL), "GOV");

	test_streq("code TUR+GOV", kb_code("TUR", "GOV", buf), "TURGOV");
	test_streq("code GOV alone", kb_code(NULL, "GOV", buf), "GOV");
	test_streq("code TUR alone", kb_code("TUR", NULL, buf), "TUR");
	test_streq("code truncated", kb_code("ABCDEFGHIJ", "KLMNOPQRST", buf), "ABCDEFGHIJKLMNO");
}

/* Run 'fn' with stderr sent to a file; returns what it printed (malloc'd). */
static char *capture_stderr(int (*fn)(struct kb *, const char *), const char *path, int *ret)
{
	char tmpl[] = "/tmp/test_kb.XXXXXX", *out = NULL;
	int fd = mkstemp(tmpl), saved;
	size_t len;

	if (fd < 0)
		return NULL;
	fflush(stderr);
	saved = dup(2);
	dup2(fd, 2);
	*ret = fn(kb, path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	if (read_file(tmpl, &out, &len) < 0)
		out = NULL;
	unlink(tmpl);
	return out;
}

static void test_fixture_actors(void)
{
	struct kb_hit h;
	struct kb_stats st;
	int ret = 0;
	char *msg = capture_stderr(kb_load_actors, FIXTURES "actors.txt", &ret);

	test_cond("the fixture loads with bad lines", ret == 1);
	test_cond("messages were printed", msg != NULL);
	if (msg) {
		test_cond("code without an actor, line 3",
			  strstr(msg, FIXTURES "actors.txt:3: code without an actor") != NULL);
		test_cond("bad date, line 25", strstr(msg, FIXTURES "actors.txt:25: bad date") != NULL);
		test_cond("no code, line 26", strstr(msg, FIXTURES "actors.txt:26: no code") != NULL);
		test_cond("bad code, line 28", strstr(msg, FIXTURES "actors.txt:28: bad code") != NULL);
		test_cond("nothing about good lines", strstr(msg, "actors.txt:16:") == NULL);
	}
	free(msg);
	kb_stats(kb, &st);
	test_cond("four bad lines counted", st.bad_lines == 4);

	/* the code depends on the date */
	test_cond("Ehud Barak", match("Ehud Barak", "1993-05-01", &h) == 2);
	test_streq("Barak in 1993: military", h.code, "ISRMIL");
	test_cond("Barak is a person", h.type == ACTOR_PERSON);
	test_streq("Barak entity", h.entity, "Ehud Barak");
	test_streq("Barak in 1993 sector", h.sector, "MIL");
	test_streq("Barak in 2000: government", code_of("Ehud Barak", "2000-01-15"), "ISRGOV");
	test_streq("Barak in 2010 (year only)", code_of("Ehud Barak", "2010"), "ISRGOV");
	test_streq("Barak in 2020: the undated code", code_of("Ehud Barak", "2020-02-01"), "ISRELI");
	test_streq("Barak with a title", code_of("Defense Minister Ehud Barak", "2009-03-01"), "ISRGOV");
	test_streq("Mohammed, no date: the most recent", code_of("Amina Mohammed", NULL), "IGOUNO");
	test_streq("Mohammed in 2016", code_of("Amina Mohammed", "2016-06-01"), "NGAGOV");
	test_streq("Mohammed in 2014: the nearest range", code_of("Amina Mohammed", "2014-01-01"), "NGAGOV");
	test_streq("YYMMDD dates", code_of("Yildirimoglu", "2010-01-01"), "TURGOV");
	test_streq("a range ends before its end date", code_of("Yildirimoglu", "2016-05-24"), "TURELI");
	test_streq("an open range", code_of("Yildirimoglu", "2021-01-01"), "TUROPP");
	test_streq("before the ranges", code_of("Yildirimoglu", "1999-01-01"), "TURELI");
	test_streq("Yildirimoğlu folds to Yildirimoglu", code_of("Yildirimoğlu", "2012-01-01"), "TURGOV");
	test_streq("PRIME MINISTER YILDIRIMOGLU", code_of("PRIME MINISTER YILDIRIMOGLU", "2015-01-01"), "TURGOV");
	test_cond("a titled synonym", match("Prime Minister Yildirimoglu", "2015-01-01", &h) == 3);
	test_streq("... names the base", h.entity, "Kemal Yildirimoglu");
	test_cond("The Mossad is two tokens", match("The Mossad", NULL, &h) == 2);
	test_cond("The Mossad is an organisation", h.type == ACTOR_ORG);
	test_streq("possessive split", code_of("Syria 's government", NULL), "SYRGOV");
	test_cond("a [---] phrase names nothing", match("Turkey Point", NULL, &h) == 0);
	test_streq("Turkey alone still matches", code_of("Turkey said", NULL), "TUR");
	test_streq("the built-in country wins", code_of("Georgia", NULL), "GEO");
	test_cond("a built-in role beats a loaded name", match("Parliament", NULL, &h) == 1 &&
		  h.type == ACTOR_ROLE);
	test_streq("Parliament stays LEG", h.code, "LEG");
	test_streq("a good code line after a bad one", code_of("SECOND ENTRY", "2021-01-01"), "ISRGOV");
	test_cond("an entry without a code is skipped", match("NO CODE PERSON", NULL, &h) == 0);

	test_cond("a missing file is -1", kb_load_actors(kb, FIXTURES "no-such-file.txt") == -1);
}

static void test_fixture_agents(void)
{
	struct kb_hit h;
	struct kb_stats st;
	int ret = 0;
	char *msg = capture_stderr(kb_load_agents, FIXTURES "agents.txt", &ret);

	test_cond("the agents fixture loads with bad lines", ret == 1);
	if (msg) {
		test_cond("unclosed bracket, line 17",
			  strstr(msg, FIXTURES "agents.txt:17: unclosed") != NULL);
		test_cond("no code, line 18", strstr(msg, FIXTURES "agents.txt:18: no code") != NULL);
		test_cond("unknown set, line 19",
			  strstr(msg, FIXTURES "agents.txt:19: unknown substitution set") != NULL);
	}
	free(msg);
	kb_stats(kb, &st);
	test_cond("three more bad lines", st.bad_lines == 7);

	test_streq("HERDER", kb_sector(kb, "herder"), "AGR");
	test_cond("an agent's MUS is not Mauritius", match("muftis", NULL, &h) == 1 &&
		  h.country == NULL);
	test_streq("muftis are MUS", h.code, "MUS");
	test_streq("muftis' sector", h.sector, "MUS");
	test_streq("regular plural", kb_sector(kb, "herders"), "AGR");
	test_streq("set expansion", kb_sector(kb, "spokeswomen"), "GOV");
	test_streq("null plural: clergy", kb_sector(kb, "clergy"), "REL");
	test_cond("null plural: no clergies", kb_sector(kb, "clergies") == NULL);
	test_cond("explicit plural", match("chiefs of police", NULL, &h) == 3);
	test_streq("explicit plural code", h.code, "COP");
	test_cond("no regular plural beside an explicit one",
		  match("chief of polices", NULL, &h) == 0);
	test_cond("set in a phrase", match("tourism ministries", NULL, &h) == 2);
	test_streq("tourism ministry code", h.code, "GOVBUS");
	test_streq("tourism ministry sector", h.sector, "GOV");
	test_streq("vowel + y plural", code_of("peace envoys", NULL), "GOV");
	test_streq("a Phoenix stem: MINIST", code_of("fisheries ministry", NULL), "GOVAGR");
	test_streq("a Phoenix stem: ministers", code_of("fisheries ministers", NULL), "GOVAGR");
	test_cond("the stem itself is no word", match("fisheries minist", NULL, &h) == 0);
	test_cond("a bad line adds nothing", kb_sector(kb, "wanderer") == NULL);
}

int main(void)
{
	double t0 = now_seconds(), ms;
	struct kb_stats st;

	kb = kb_new();
	ms = (now_seconds() - t0) * 1000;
	test_cond("kb_new", kb != NULL);
	if (!kb)
		return test_report();
	kb_stats(kb, &st);
	printf("kb_new: %.2f ms, %zu phrases, %zu countries, %zu bytes\n", ms, st.entries,
	       st.countries, st.bytes);
	test_cond("kb_new is fast (well under 200 ms even on a busy machine)", ms < 200);
	test_cond("every ISO country", st.countries >= 249);
	test_cond("no bad built-in lines", st.bad_lines == 0);
	test_countries();
	test_every_country();
	test_orgs();
	test_actors();
	test_fold();
	test_roles();
	test_fixture_actors();
	test_fixture_agents();
	kb_free(kb);
	kb_free(NULL);
	return test_report();
}
