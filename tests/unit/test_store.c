/*
 * test_store.c: the SQLite store: creating, the version check, re-adding,
 * rollback, and that the schema text equals schemas/store.sql.
 *
 * Run as "test_store --load <db> <triples.jsonl>..." it only builds a
 * database from triples in JSON lines: the CLI tests use it to make their
 * databases from tests/golden/store/ fixtures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include "graph/store.h"
#include "testhelp.h"
#include "util.h"

static char x_id2[] = "k2", x_text2[] = "unnamed object";

static const char *tmp_db(const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "tests/out/%s", name);
	unlink(buf);
	return buf;
}

static void fill_mention(struct mention *m, const char *text, const char *entity,
			 enum actor_type type, const char *code, const char *country)
{
	m->text = xstrdup(text);
	m->entity = entity ? xstrdup(entity) : NULL;
	m->type = type;
	m->code = code ? xstrdup(code) : NULL;
	m->country = country ? xstrdup(country) : NULL;
}

static void one_triple(struct triple *t)
{
	triple_init(t);
	t->article = xstrdup("x1");
	fill_mention(&t->subject, "Ankara", "Turkey", ACTOR_COUNTRY, "TUR", "TUR");
	fill_mention(&t->object, "Israel", "Israel", ACTOR_COUNTRY, "ISR", "ISR");
	t->rel_text = xstrdup("condemned");
	t->lemma = xstrdup("condemn");
	t->event = xstrdup("ACCUSE");
	t->date.y = 2023;
	t->date.m = 10;
	t->evidence = xstrdup("Ankara condemned Israel.");
	t->confidence = 0.7;
}

static long count_relations(struct store *st)
{
	struct store_stats s;
	if (store_stats(st, &s) < 0)
		return -1;
	return s.relations;
}

static void test_schema_file(void)
{
	char *buf = NULL;
	size_t len;

	test_cond("schemas/store.sql is readable",
		  read_file("schemas/store.sql", &buf, &len) == 0);
	test_cond("embedded schema equals schemas/store.sql",
		  buf && !strcmp(buf, store_schema_sql()));
	free(buf);
}

static void test_open_add(void)
{
	char path[256];
	struct store *st = NULL;
	struct article a;
	struct triple t;
	struct store_stats s;
	FILE *f;
	char x1[] = "x1", x2[] = "x2", x3[] = "x3";
	char text1[] = "Ankara condemned Israel.", text3[] = "Something else entirely.";

	memset(&a, 0, sizeof(a));
	a.id = x1;
	a.text = text1;
	a.text_len = strlen(a.text);
	one_triple(&t);

	tmp_db("store-open.db", path, sizeof(path));
	test_cond("open creates a new database", store_open(&st, path) == 0 && st);
	if (!st) {
		triple_release(&t);
		return;
	}
	test_cond("first add stores", store_add_article(st, &a, &t, 1) == 1);
	test_cond("same id again adds nothing", store_add_article(st, &a, &t, 1) == 0);
	a.id = x2;
	test_cond("same content under another id adds nothing",
		  store_add_article(st, &a, &t, 1) == 0);
	test_cond("one relation stored", count_relations(st) == 1);
	store_close(st);
	st = NULL;

	test_cond("reopen an existing database", store_open(&st, path) == 0);
	test_cond("still one relation after reopening", count_relations(st) == 1);
	test_cond("stats", store_stats(st, &s) == 0 && s.articles == 1 && s.actors == 2 &&
		  s.mentions == 2);

	/* A batch rolled back leaves nothing. */
	a.id = x3;
	a.text = text3;
	a.text_len = strlen(a.text);
	test_cond("begin", store_begin(st) == 0);
	test_cond("add in batch", store_add_article(st, &a, &t, 1) == 1);
	test_cond("visible inside the batch", count_relations(st) == 2);
	test_cond("rollback", store_rollback(st) == 0);
	test_cond("rollback leaves nothing", count_relations(st) == 1);
	test_cond("rolled-back article can be added again",
		  store_add_article(st, &a, &t, 1) == 1);
	store_close(st);
	store_close(NULL);	/* harmless */

	/* A database from a newer entente is refused, by name. */
	tmp_db("store-newer.db", path, sizeof(path));
	test_cond("create", store_open(&st, path) == 0);
	store_close(st);
	{
		/* bump user_version through a second, raw-free route: rewrite
		 * the header field (offset 60, big-endian) */
		unsigned char v[4] = { 0, 0, 0, 99 };
		f = fopen(path, "r+b");
		test_cond("can patch header", f && fseek(f, 60, SEEK_SET) == 0 &&
			  fwrite(v, 1, 4, f) == 4);
		if (f)
			fclose(f);
	}
	st = NULL;
	test_cond("newer schema version refused", store_open(&st, path) < 0 && !st);

	/* A file that is not a database is refused. */
	tmp_db("store-junk.db", path, sizeof(path));
	f = fopen(path, "w");
	if (f) {
		fputs("this is not a database, just some text that is long enough "
		      "to fill more than one hundred bytes of the SQLite header area, ok?", f);
		fclose(f);
	}
	test_cond("non-database refused", store_open(&st, path) < 0);

	/* Read-only opening never creates. */
	tmp_db("store-missing.db", path, sizeof(path));
	test_cond("open_existing on a missing file fails",
		  store_open_existing(&st, path) < 0 && access(path, F_OK) != 0);
	triple_release(&t);
}

/* A process killed inside a batch leaves the database as before it. */
static void test_killed_batch(void)
{
	char path[256];
	struct store *st = NULL;
	struct triple t;
	struct article a;
	char id[] = "k1", text[] = "killed batch";
	pid_t pid;
	int status = 0;

	tmp_db("store-killed.db", path, sizeof(path));
	test_cond("create", store_open(&st, path) == 0);
	store_close(st);
	if (!st)
		return;
	one_triple(&t);
	memset(&a, 0, sizeof(a));
	a.id = id;
	a.text = text;
	a.text_len = strlen(text);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (store_open(&st, path) < 0 || store_begin(st) < 0 ||
		    store_add_article(st, &a, &t, 1) != 1)
			_exit(1);
		_exit(0);	/* dies without commit or close */
	}
	test_cond("child ran", pid > 0 && waitpid(pid, &status, 0) == pid &&
		  WIFEXITED(status) && WEXITSTATUS(status) == 0);
	test_cond("reopen after the kill", store_open(&st, path) == 0);
	if (!st) {
		triple_release(&t);
		return;
	}
	test_cond("nothing of the unfinished batch", count_relations(st) == 0);
	test_cond("and the article can be stored", store_add_article(st, &a, &t, 1) == 1);
	triple_release(&t);
	/* a triple with an unnamed side is skipped, the article stored */
	one_triple(&t);
	free(t.object.text);
	free(t.object.entity);
	t.object.text = t.object.entity = NULL;
	a.id = x_id2;
	a.text = x_text2;
	a.text_len = strlen(x_text2);
	test_cond("unnamed side: article stored", store_add_article(st, &a, &t, 1) == 1);
	test_cond("unnamed side: no relation", count_relations(st) == 1);
	triple_release(&t);
	store_close(st);
}

/* Store one article of one triple subject -> object: organisations, or
 * persons where there is no code (a subject whose text is not its entity,
 * with a code, is a titled person). */
static int add_org_pair(struct store *st, char *id, const char *stext, const char *sent,
			const char *scode, const char *otext, const char *oent, const char *ocode)
{
	struct article a;
	struct triple t;
	int r;

	memset(&a, 0, sizeof(a));
	a.id = id;
	a.text = id;		/* the hash of the text tells articles apart */
	a.text_len = strlen(id);
	triple_init(&t);
	t.article = xstrdup(id);
	/* a side without a code is a person ("Merrill Lynch" misread) */
	fill_mention(&t.subject, stext, sent, scode && strcmp(stext, sent) ? ACTOR_PERSON :
		     scode ? ACTOR_ORG : ACTOR_PERSON, scode, NULL);
	fill_mention(&t.object, otext, oent, ocode ? ACTOR_ORG : ACTOR_PERSON, ocode, NULL);
	if (t.subject.type == ACTOR_PERSON && scode)
		t.subject.role = xstrdup("chairman");
	t.rel_text = xstrdup("criticised");
	t.lemma = xstrdup("criticise");
	t.evidence = xstrdup(stext);
	r = store_add_article(st, &a, &t, 1);
	triple_release(&t);
	return r;
}

/* Organisations that share a sector code are not one actor. */
static void test_org_merge(void)
{
	char path[256], y1[] = "y1", y2[] = "y2", y3[] = "y3", y4[] = "y4";
	struct store *st = NULL;
	struct store_stats s;

	tmp_db("store-orgs.db", path, sizeof(path));
	test_cond("open", store_open(&st, path) == 0 && st);
	if (!st)
		return;
	test_cond("two firms coded BUS",
		  add_org_pair(st, y1, "Exxon Corp", "Exxon Corp", "BUS",
			       "Mobil Corp", "Mobil Corp", "BUS") == 1);
	test_cond("are two actors", store_stats(st, &s) == 0 && s.actors == 2);
	test_cond("two British parties",
		  add_org_pair(st, y2, "the Labour Party", "Labour Party", "GBRPTY",
			       "the Conservatives", "Conservative Party", "GBRPTY") == 1);
	test_cond("are two more", store_stats(st, &s) == 0 && s.actors == 4);
	test_cond("the same names again",
		  add_org_pair(st, y3, "Labour", "Labour Party", "GBRPTY",
			       "Exxon Corp", "Exxon Corp", "BUS") == 1);
	test_cond("are the same actors", store_stats(st, &s) == 0 && s.actors == 4);
	test_cond("a firm without its legal form is the firm",
		  add_org_pair(st, y4, "Texaco", "Texaco", "BUS", "Texaco Inc", "Texaco Inc", "BUS") == 1 &&
		  store_stats(st, &s) == 0 && s.actors == 5);
	store_close(st);
}

/* A person named like an organisation is that organisation, whichever
 * came first; a titled person is not, nor one no organisation is named
 * like. */
static void test_settle(void)
{
	char path[256], z1[] = "z1", z2[] = "z2", z3[] = "z3";
	struct store *st = NULL;
	struct store_stats s;
	struct store_actor *av = NULL;
	size_t an = 0, i;
	long merged = -1;
	int person = 0, org = 0;

	tmp_db("store-settle.db", path, sizeof(path));
	test_cond("open", store_open(&st, path) == 0 && st);
	if (!st)
		return;
	/* z1: "Merrill Lynch" read as a person, before the firm is known */
	test_cond("person first", add_org_pair(st, z1, "Merrill Lynch", "Merrill Lynch", NULL,
					       "Mobil Corp", "Mobil Corp", "BUS") == 1);
	test_cond("the firm later",
		  add_org_pair(st, z2, "Merrill Lynch and Co Inc", "Merrill Lynch and Co Inc", "BUS",
			       "Smith Barney", "Smith Barney", NULL) == 1);
	test_cond("a titled namesake",
		  add_org_pair(st, z3, "Mobil chairman Allen Murray", "Allen Murray", "BUS",
			       "Murray Corp", "Murray Corp", "BUS") == 1);
	test_cond("six actors before", store_stats(st, &s) == 0 && s.actors == 6);
	test_cond("settle", store_settle(st, &merged) == 0);
	test_cond("merges the misread person only",
		  merged == 1 && store_stats(st, &s) == 0 && s.actors == 5);
	test_cond("actors", store_actor_list(st, &av, &an) == 0);
	for (i = 0; i < an; i++) {
		if (!strcmp(av[i].name, "Merrill Lynch and Co Inc"))
			org = av[i].type == ACTOR_ORG && av[i].nrel == 2;
		if (av[i].type == ACTOR_PERSON)
			person++;
	}
	test_cond("the firm has the person's relation", org);
	test_cond("the titled one and the one of no firm's name stay", person == 2);
	store_actor_free(av, an);
	test_cond("settling again changes nothing", store_settle(st, &merged) == 0 && merged == 0);
	store_close(st);
}

static void test_triples_file(void)
{
	char path[256];
	struct store *st = NULL;
	struct store_relation *rv;
	size_t n = 0, nr;
	struct store_filter f;

	tmp_db("store-fixture.db", path, sizeof(path));
	test_cond("open", store_open(&st, path) == 0);
	if (!st)
		return;
	test_cond("load fixture",
		  store_add_triples_file(st, "tests/golden/store/triples.jsonl", &n) == 0);
	test_cond("fixture has 7 articles", n == 7);
	test_cond("reloading adds nothing",
		  store_add_triples_file(st, "tests/golden/store/triples.jsonl", &n) == 0 &&
		  n == 0);
	test_cond("19 relations", count_relations(st) == 19);
	memset(&f, 0, sizeof(f));
	f.since = "2023";
	test_cond("relations since 2023",
		  store_relation_list(st, &f, &rv, &nr) == 0 && nr == 8);
	if (nr)
		test_streq("oldest first", rv[0].date, "2023-01");
	store_relation_free(rv, nr);
	f.since = NULL;
	f.until = "2022-03";
	test_cond("relations until March 2022",
		  store_relation_list(st, &f, &rv, &nr) == 0 && nr == 4);
	if (nr)
		test_streq("May 2018 first", rv[0].date, "2018-05");
	store_relation_free(rv, nr);
	f.until = "2022-13";
	test_cond("bad filter date refused", store_relation_list(st, &f, &rv, &nr) < 0);
	test_cond("bad JSON line refused",
		  store_add_triples_file(st, "tests/unit/test_store.c", &n) < 0 && n == 0);
	test_cond("nothing added by the bad file", count_relations(st) == 19);
	store_close(st);
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "--load")) {
		struct store *st;
		size_t n;
		int i;

		if (store_open(&st, argv[2]) < 0)
			return 3;
		for (i = 3; i < argc; i++)
			if (store_add_triples_file(st, argv[i], &n) < 0) {
				store_close(st);
				return 1;
			}
		store_close(st);
		return 0;
	}
	mkdir("tests/out", 0777);
	test_schema_file();
	test_open_add();
	test_killed_batch();
	test_org_merge();
	test_settle();
	test_triples_file();
	return test_report();
}
