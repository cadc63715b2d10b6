/*
 * test_merge.c: folding, merge keys, the surname rule, and merging through
 * the store: Gantz / Benjamin Gantz / Israeli Defense Minister Benjamin
 * Gantz, Akar / Hulusi Akar, Turkey / Turkish / Ankara / Türkiye, and two
 * different people sharing a surname.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "graph/merge.h"
#include "graph/store.h"
#include "testhelp.h"
#include "util.h"

static void test_fold(void)
{
	char *s;

	s = merge_fold("Recep Tayyip Erdoğan");
	test_streq("g-breve folds", s, "recep tayyip erdogan");
	free(s);
	s = merge_fold("  TÜRKİYE ");
	test_streq("capital dotted I and umlaut fold, trimmed", s, "turkiye");
	free(s);
	s = merge_fold("Tel-Aviv");
	test_streq("hyphen is a space", s, "tel aviv");
	free(s);
	s = merge_fold("U.S.  President");
	test_streq("dots dropped, spaces collapsed", s, "us president");
	free(s);
	s = merge_fold("Israel\xe2\x80\x99s");
	test_streq("curly apostrophe dropped", s, "israels");
	free(s);
	s = merge_fold("Ла\xd0");
	test_cond("Cyrillic kept, broken byte kept", s && !strncmp(s, "Ла", 4));
	free(s);
	test_cond("tokens", merge_tokens("benjamin gantz") == 2 && merge_tokens("gantz") == 1 &&
		  merge_tokens("") == 0);
	s = merge_surname("recep tayyip erdogan");
	test_streq("surname is the last token", s, "erdogan");
	free(s);
}

static void set_mention(struct mention *m, const char *text, const char *entity,
			enum actor_type type, const char *code, const char *country,
			const char *role)
{
	mention_release(m);
	m->text = xstrdup(text);
	m->entity = entity ? xstrdup(entity) : NULL;
	m->type = type;
	m->code = code ? xstrdup(code) : NULL;
	m->country = country ? xstrdup(country) : NULL;
	m->role = role ? xstrdup(role) : NULL;
}

static void test_keys(void)
{
	struct mention m;
	char *k;

	memset(&m, 0, sizeof(m));
	set_mention(&m, "Ankara", "Turkey", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	k = merge_key(&m);
	test_streq("country keyed by code", k, "country:TUR");
	free(k);
	set_mention(&m, "Türkiye", "Türkiye", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	k = merge_key(&m);
	test_streq("another name, same key", k, "country:TUR");
	free(k);
	set_mention(&m, "Ankara", "Turkey", ACTOR_COUNTRY, "TURGOV", "TUR", NULL);
	k = merge_key(&m);
	test_streq("its government is the same country", k, "country:TUR");
	free(k);
	set_mention(&m, "Benjamin Gantz", "Benjamin Gantz", ACTOR_PERSON, "ISRGOV", "ISR", NULL);
	k = merge_key(&m);
	test_streq("person keyed by folded name, not code", k, "person:benjamin gantz");
	free(k);
	set_mention(&m, "Exxon Corp", "Exxon Corp", ACTOR_ORG, "BUS", NULL, NULL);
	k = merge_key(&m);
	test_streq("organisation keyed by name without legal form, not by its sector code", k,
		   "organization:=exxon");
	free(k);
	set_mention(&m, "the Finance Ministry", "Finance Ministry", ACTOR_ORG, "JPNGOV", "JPN", NULL);
	k = merge_key(&m);
	test_streq("and by its country when it has one", k,
		   "organization:=finance ministry|JPN");
	free(k);
	set_mention(&m, "Chicago", "Chicago", ACTOR_PLACE, "USA", "USA", NULL);
	k = merge_key(&m);
	test_streq("a place likewise", k, "place:=chicago|USA");
	free(k);
	k = merge_org_core("merrill lynch and co inc");
	test_streq("legal forms and their 'and' dropped", k, "merrill lynch");
	free(k);
	k = merge_org_core("johnson and johnson");
	test_streq("an 'and' inside the name kept", k, "johnson and johnson");
	free(k);
	k = merge_org_core("co");
	test_streq("never empty", k, "co");
	free(k);
	set_mention(&m, "Talks", NULL, ACTOR_THING, NULL, NULL, NULL);
	k = merge_key(&m);
	test_streq("thing keyed by lowercase text", k, "thing:talks");
	free(k);
	set_mention(&m, "the Relations", "relations", ACTOR_UNKNOWN, NULL, NULL, NULL);
	k = merge_key(&m);
	test_streq("unknown keyed by its text, not entity", k, "thing:the relations");
	free(k);
	set_mention(&m, "Turkish President Erdogan", NULL, ACTOR_PERSON, NULL, "TUR", "president");
	test_streq("title stripped when there is no entity", merge_name(&m), "Erdogan");
	set_mention(&m, "the president", NULL, ACTOR_PERSON, NULL, "TUR", "President");
	test_streq("nothing after the title: the text", merge_name(&m), "the president");
	set_mention(&m, "Vice Presidential aide Smith", NULL, ACTOR_PERSON, NULL, NULL, "President");
	test_streq("whole words only", merge_name(&m), "Vice Presidential aide Smith");
	set_mention(&m, "Gantz", "Gantz", ACTOR_PERSON, NULL, "ISR", NULL);
	test_cond("no conflict when a side is unknown", !merge_conflict(&m, "ISR", "Defense Minister"));
	test_cond("country conflict", merge_conflict(&m, "TUR", NULL));
	mention_release(&m);
}

static void test_pick(void)
{
	struct mention m;
	struct merge_cand c[2] = {
		{ 1, "TUR", "Defense Minister", 0 },
		{ 2, "TUR", "Chamber of Commerce Chairman", 0 },
	};

	memset(&m, 0, sizeof(m));
	set_mention(&m, "Akar", "Akar", ACTOR_PERSON, NULL, "TUR", NULL);
	test_cond("one candidate, no conflict: merge", merge_pick(&m, c, 1) == 0);
	test_cond("two candidates, no evidence: no merge", merge_pick(&m, c, 2) == -1);
	c[1].in_article = 1;
	test_cond("full name in the same article decides", merge_pick(&m, c, 2) == 1);
	c[1].in_article = 0;
	set_mention(&m, "Defence Minister Akar", "Akar", ACTOR_PERSON, NULL, "TUR",
		    "Defense Minister");
	test_cond("same role decides (the other conflicts)", merge_pick(&m, c, 2) == 0);
	set_mention(&m, "Akar", "Akar", ACTOR_PERSON, NULL, "GRC", NULL);
	test_cond("country conflict: no merge", merge_pick(&m, c, 1) == -1);
	mention_release(&m);
}

/*==== Through the store ====*/

static struct store *st;
static int narticle;

/* Store one article of triples given as (subject, object) mentions. */
static int add(const char *id, struct triple *v, size_t n)
{
	struct article a;
	size_t i;
	int r;
	char idbuf[64];

	memset(&a, 0, sizeof(a));
	snprintf(idbuf, sizeof(idbuf), "%s", id);
	a.id = idbuf;
	for (i = 0; i < n; i++) {
		v[i].rel_text = xstrdup("met");
		v[i].lemma = xstrdup("meet");
		v[i].event = xstrdup("CONSULT");
		v[i].date.y = 2022;
		v[i].date.m = 11;
		v[i].date.d = 1 + narticle;
		v[i].sentence = (int)i;
		v[i].evidence = xstrdup(id);	/* differs per article: distinct hashes */
	}
	narticle++;
	r = store_add_article(st, &a, v, n);
	for (i = 0; i < n; i++)
		triple_release(&v[i]);
	return r;
}

/* The single actor 'name' matches, 0 if none or several. */
static long long actor_of(const char *name)
{
	long long *ids, id = 0;
	size_t n;

	if (store_actor_find(st, name, &ids, &n) == 0 && n == 1)
		id = ids[0];
	free(ids);
	return id;
}

static char *name_of(long long id)
{
	struct store_actor *v;
	size_t n, i;
	char *name = NULL;

	if (store_actor_list(st, &v, &n) < 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			name = xstrdup(v[i].name);
	store_actor_free(v, n);
	return name;
}

static long nactors(void)
{
	struct store_stats s;
	return store_stats(st, &s) < 0 ? -1 : s.actors;
}

static void test_store_merge(void)
{
	struct triple v[3];
	char path[] = "tests/out/merge.db";
	long long gantz, akar, turkey;
	char *name;
	size_t i;

	unlink(path);
	if (store_open(&st, path) < 0) {
		test_cond("open", 0);
		return;
	}
	for (i = 0; i < 3; i++)
		triple_init(&v[i]);

	/* Article 1: a bare surname first, then the titled full names. */
	set_mention(&v[0].subject, "Akar", "Akar", ACTOR_PERSON, NULL, "TUR", NULL);
	set_mention(&v[0].object, "Gantz", "Gantz", ACTOR_PERSON, NULL, "ISR", NULL);
	set_mention(&v[1].subject, "Turkish Defense Minister Hulusi Akar", "Hulusi Akar",
		    ACTOR_PERSON, "TURGOV", "TUR", "Defense Minister");
	set_mention(&v[1].object, "Israeli Defense Minister Benjamin Gantz", "Benjamin Gantz",
		    ACTOR_PERSON, "ISRGOV", "ISR", "Defense Minister");
	set_mention(&v[2].subject, "Turkish", "Turkey", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	set_mention(&v[2].object, "talks", NULL, ACTOR_THING, NULL, NULL, NULL);
	test_cond("article 1 stored", add("m1", v, 3) == 1);
	akar = actor_of("Hulusi Akar");
	gantz = actor_of("Benjamin Gantz");
	test_cond("Akar found", akar > 0);
	test_cond("bare Akar in the same article is Hulusi Akar", actor_of("Akar") == akar);
	test_cond("bare Gantz is Benjamin Gantz", actor_of("gantz") == gantz);
	test_cond("titled form is an alias",
		  actor_of("israeli defense minister benjamin gantz") == gantz);
	test_cond("four actors (2 persons, Turkey, talks)", nactors() == 4);

	/* Article 2: countries by code. */
	set_mention(&v[0].subject, "Ankara", "Turkey", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	set_mention(&v[1].subject, "Türkiye", "Türkiye", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	set_mention(&v[1].object, "Talks", NULL, ACTOR_THING, NULL, NULL, NULL);
	test_cond("article 2 stored", add("m2", v, 2) == 1);
	turkey = actor_of("Turkey");
	test_cond("Ankara is Turkey", actor_of("ankara") == turkey && turkey > 0);
	test_cond("Turkiye (folded) is Turkey", actor_of("Turkiye") == turkey);
	test_cond("Turkish is Turkey", actor_of("TURKISH") == turkey);
	name = name_of(turkey);
	test_streq("the node is called Turkey", name, "Turkey");
	free(name);
	test_cond("talks/Talks one node; Israel new: five actors", nactors() == 5);

	/* Article 3: bare Gantz alone in another article merges (one Gantz). */
	set_mention(&v[0].subject, "Gantz", "Gantz", ACTOR_PERSON, NULL, "ISR", NULL);
	set_mention(&v[0].object, "Erdoğan", "Erdoğan", ACTOR_PERSON, NULL, "TUR", NULL);
	test_cond("article 3 stored", add("m3", v, 1) == 1);
	test_cond("still one Gantz", actor_of("Gantz") == gantz);

	/* Article 4: the full name arrives later: the bare Erdoğan node grows. */
	set_mention(&v[0].subject, "President Recep Tayyip Erdogan", "Recep Tayyip Erdogan",
		    ACTOR_PERSON, "TURGOV", "TUR", "President");
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	test_cond("article 4 stored", add("m4", v, 1) == 1);
	name = name_of(actor_of("erdogan"));
	test_streq("bare node renamed to the full name", name, "Recep Tayyip Erdogan");
	free(name);
	test_cond("Erdoğan and Erdogan one node", actor_of("Erdoğan") == actor_of("recep tayyip erdogan"));

	/* Article 5: a different Akar, named in full: a new node. */
	set_mention(&v[0].subject, "Mehmet Akar", "Mehmet Akar", ACTOR_PERSON, NULL, "TUR",
		    "Chamber of Commerce Chairman");
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	test_cond("article 5 stored", add("m5", v, 1) == 1);
	test_cond("Mehmet Akar is not Hulusi Akar",
		  actor_of("Mehmet Akar") > 0 && actor_of("Mehmet Akar") != akar);

	/* Article 6: bare Akar, Turkish, no role, no full name: no evidence. */
	set_mention(&v[0].subject, "Akar", "Akar", ACTOR_PERSON, NULL, "TUR", NULL);
	set_mention(&v[0].object, "Greece", "Greece", ACTOR_COUNTRY, "GRC", "GRC", NULL);
	test_cond("article 6 stored", add("m6", v, 1) == 1);
	{
		long long *ids;
		size_t n = 0, k, bare = 0;
		store_actor_find(st, "Akar", &ids, &n);
		for (k = 0; k < n; k++) {
			char *nm = name_of(ids[k]);
			bare += nm && !strcmp(nm, "Akar");
			free(nm);
		}
		test_cond("ambiguous bare Akar is a node of its own", bare == 1);
		free(ids);
	}

	/* Article 6b: a Greek Akar is not the ambiguous Turkish one. */
	set_mention(&v[0].subject, "Akar", "Akar", ACTOR_PERSON, NULL, "GRC", NULL);
	set_mention(&v[0].object, "Turkey", "Turkey", ACTOR_COUNTRY, "TUR", "TUR", NULL);
	{
		long before = nactors();
		long long *ids;
		size_t n = 0;

		test_cond("article 6b stored", add("m6b", v, 1) == 1);
		test_cond("a new node for the Greek Akar", nactors() == before + 1);
		set_mention(&v[0].subject, "Akar", "Akar", ACTOR_PERSON, NULL, "GRC", NULL);
		set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
		test_cond("article 6c stored", add("m6c", v, 1) == 1);
		test_cond("and the next Greek Akar joins it", nactors() == before + 1);
		store_actor_find(st, "Akar", &ids, &n);
		test_cond("Hulusi, the Turkish and the Greek Akar answer to Akar", n == 3);
		free(ids);
	}

	/* Article 7: bare Akar with the minister's role: Hulusi. */
	set_mention(&v[0].subject, "Defence Minister Akar", "Akar", ACTOR_PERSON, NULL, "TUR",
		    "Defense Minister");
	set_mention(&v[0].object, "Greece", "Greece", ACTOR_COUNTRY, "GRC", "GRC", NULL);
	test_cond("article 7 stored", add("m7", v, 1) == 1);
	test_cond("role decides for Hulusi", actor_of("Defence Minister Akar") == akar);

	/* Article 8: bare Akar with Mehmet Akar named in the same article. */
	set_mention(&v[0].subject, "Akar", "Akar", ACTOR_PERSON, NULL, "TUR", NULL);
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	set_mention(&v[1].subject, "businessman Mehmet Akar", "Mehmet Akar", ACTOR_PERSON, NULL,
		    "TUR", NULL);
	set_mention(&v[1].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	{
		long before = nactors();
		test_cond("article 8 stored", add("m8", v, 2) == 1);
		test_cond("no new actor: Akar is the Mehmet Akar of the article",
			  nactors() == before);
	}
	/* Article 9: a country first seen without a code, then with one. */
	set_mention(&v[0].subject, "Freedonia", "Freedonia", ACTOR_COUNTRY, NULL, NULL, NULL);
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	set_mention(&v[1].subject, "the Freedonians", "Freedonia", ACTOR_COUNTRY, NULL, NULL, NULL);
	set_mention(&v[1].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	test_cond("article 9 stored", add("m9", v, 2) == 1);
	test_cond("uncoded country merged by name", actor_of("the freedonians") == actor_of("Freedonia") &&
		  actor_of("Freedonia") > 0);
	set_mention(&v[0].subject, "Freedonian", "Freedonia", ACTOR_COUNTRY, "FRE", "FRE", NULL);
	set_mention(&v[0].object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR", NULL);
	{
		long long fre = actor_of("Freedonia");
		test_cond("article 10 stored", add("m10", v, 1) == 1);
		test_cond("the coded mention joins the uncoded node", actor_of("FREEDONIAN") == fre);
		test_cond("and the node is found by its new code", actor_of("FRE") == fre);
	}
	store_close(st);
	st = NULL;
}

int main(void)
{
	mkdir("tests/out", 0777);
	test_fold();
	test_keys();
	test_pick();
	test_store_merge();
	return test_report();
}
