/*
 * test_extract.c: clause extraction (ingest/extract.h).
 *
 * Two kinds of test: sentences run through the real path (tokenize ->
 * parser_default() -> extract_sentence), asserting on the spans, the
 * relation, the lemma and the flags; and hand-written trees in
 * tests/golden/extract/ (.conllu) with the parser's typical errors, whose
 * triples are listed in the matching .expected file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/extract.h"
#include "ingest/parser.h"
#include "ingest/token.h"
#include "util.h"
#include "testhelp.h"

#define MAXT 64
#define MAXTOK 128

static struct xtriple xt[MAXT];
static int nx;
static const char *forms[MAXTOK];
static int nforms;
static struct parse ps;
static struct token_list tl = TOKEN_LIST_INIT;

/*==== Helpers ====*/

static void span_text(int lo, int hi, char *buf, size_t sz)
{
	size_t len = 0;
	int i;
	buf[0] = '\0';
	for (i = lo; i < hi && i < nforms; i++) {
		int w = snprintf(buf + len, sz - len, "%s%s", i > lo ? " " : "", forms[i]);
		if (w < 0 || (size_t)w >= sz - len)
			break;
		len += (size_t)w;
	}
}

static const char *stext(const struct xspan *sp)
{
	static char buf[4][256];
	static int k;
	char *b = buf[k++ & 3];
	if (sp->head < 0)
		return "-";
	span_text(sp->lo, sp->hi, b, 256);
	return b;
}

static const char *rtext(const struct xtriple *t)
{
	static char buf[256];
	size_t len = 0;
	int i;
	buf[0] = '\0';
	for (i = 0; i < t->nrel; i++) {
		int w = snprintf(buf + len, sizeof(buf) - len, "%s%s", i ? " " : "",
				 forms[t->rel[i]]);
		if (w < 0 || (size_t)w >= sizeof(buf) - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

static unsigned run_opts;	/* XO_* for run() */

/* Tokenise, parse with the shipped model and extract. */
static int run(const char *text)
{
	struct parser *p = parser_default();
	struct xsent xs;
	size_t i;

	nx = 0;
	if (!p)
		return -1;
	tokenize(text, strlen(text), &tl);
	if (tl.n < 1 || tl.n > MAXTOK)
		return -1;
	for (i = 0; i < tl.n; i++)
		forms[i] = tl.v[i].form;
	nforms = (int)tl.n;
	if (parser_parse(p, forms, nforms, &ps) < 0)
		return -1;
	xs.n = nforms;
	xs.form = forms;
	xs.ps = &ps;
	nx = extract_sentence_opts(&xs, xt, MAXT, run_opts);
	return nx;
}

/* The first triple with this lemma and subject text (NULL: any). */
static const struct xtriple *find(const char *lemma, const char *subj)
{
	int i;
	for (i = 0; i < nx; i++)
		if (!strcmp(xt[i].lemma, lemma) && (!subj || !strcmp(stext(&xt[i].subj), subj)))
			return &xt[i];
	return NULL;
}

static void dump(void)
{
	int i;
	for (i = 0; i < nx; i++)
		printf("    [%d] %s | %s (%s) | %s | neg %d mode %s passive %d conf %.2f\n",
		       xt[i].kind, stext(&xt[i].subj), rtext(&xt[i]), xt[i].lemma,
		       stext(&xt[i].obj), xt[i].negated, xt[i].mode ? xt[i].mode : "-",
		       xt[i].passive, xt[i].confidence);
}

/* Assert a triple subj-lemma-obj exists; print what there is if not. */
static const struct xtriple *expect(const char *sentence, const char *subj,
				    const char *lemma, const char *obj)
{
	int i;
	char desc[512];
	for (i = 0; i < nx; i++)
		if (!strcmp(xt[i].lemma, lemma) && !strcmp(stext(&xt[i].subj), subj) &&
		    !strcmp(stext(&xt[i].obj), obj))
			break;
	snprintf(desc, sizeof(desc), "%s -> %s | %s | %s", sentence, subj, lemma, obj);
	test_cond(desc, i < nx);
	if (i == nx) {
		dump();
		return NULL;
	}
	return &xt[i];
}

/*==== Through the model ====*/

static void test_passive(void)
{
	const char *s = "Hamas, which is designated as a terrorist organisation by "
			"Israel, rejected the offer.";
	const struct xtriple *t;
	int i, has_as = 0;

	run(s);
	t = expect(s, "Israel", "designate", "Hamas");
	if (t) {
		test_cond("by-agent turned: passive set", t->passive && t->passive_form);
		for (i = 0; i < t->nargs; i++)
			if (!strcmp(t->arg_role[i], "as") &&
			    !strcmp(stext(&t->args[i]), "as a terrorist organisation"))
				has_as = 1;
		test_cond("the 'as' phrase is an argument, without the agent", has_as);
	}
	expect(s, "Hamas", "reject", "the offer");

	s = "The ambassador was expelled on Monday.";
	run(s);
	t = expect(s, "The ambassador", "expel", "-");
	if (t) {
		test_cond("no agent: the patient stays subject, passive 0", !t->passive);
		test_cond("no agent: passive_form 1", t->passive_form);
		test_streq("relation", rtext(t), "was expelled");
	}
}

static void test_coordination(void)
{
	const char *s = "Akar and Gantz met in Ankara.";
	const struct xtriple *t;

	run(s);
	t = expect(s, "Akar", "meet", "Gantz");
	test_cond("reciprocal", t && t->reciprocal);
	test_cond("the place is an argument",
		  t && t->nargs >= 1 && !strcmp(stext(&t->args[0]), "in Ankara"));

	s = "Turkey expelled the ambassador and recalled its consul.";
	run(s);
	expect(s, "Turkey", "expel", "the ambassador");
	t = expect(s, "Turkey", "recall", "its consul");
	test_cond("coordinated verb: subject inherited", t && (t->flags & XF_INHERITED));

	s = "Israel criticised Turkey and Iran.";
	run(s);
	expect(s, "Israel", "criticise", "Turkey");
	expect(s, "Israel", "criticise", "Iran");
}

static void test_appositions(void)
{
	const char *s = "Akar met his Israeli counterpart Benjamin Gantz in Ankara.";
	const struct xtriple *t;
	int i, found = 0;

	run(s);
	t = find("meet", "Akar");
	test_cond("title and name stay one object", t &&
		  strstr(stext(&t->obj), "counterpart Benjamin Gantz"));
	test_cond("the name heads the object", t && t->obj.head >= 0 &&
		  (!strcmp(forms[t->obj.head], "Benjamin") || !strcmp(forms[t->obj.head], "Gantz")));
	for (i = 0; i < nx; i++)
		if (xt[i].kind == XT_APPOS && !strcmp(stext(&xt[i].subj), "Benjamin Gantz") &&
		    strstr(stext(&xt[i].obj), "counterpart"))
			found = 1;
	test_cond("title: Benjamin Gantz is his Israeli counterpart", found);
	if (!found)
		dump();

	s = "Benny Gantz, the defence minister of Israel, visited Ankara.";
	run(s);
	t = expect(s, "Benny Gantz", "be", "the defence minister of Israel");
	test_cond("apposition kind, no relation tokens", t && t->kind == XT_APPOS && t->nrel == 0);
	expect(s, "Benny Gantz", "visit", "Ankara");
}

static void test_relative_clause(void)
{
	const struct xtriple *t;
	const char *s = "The minister who signed the deal resigned.";
	run(s);
	expect(s, "The minister", "sign", "the deal");

	s = "Hamas, which rejected the offer, launched rockets at Israel.";
	run(s);
	expect(s, "Hamas", "reject", "the offer");
	t = find("launch", "Hamas");
	test_cond("Hamas launched rockets (the PP may hang on either)",
		  t && !strncmp(stext(&t->obj), "rockets", 7));
	if (!t)
		dump();
}

static void test_light_verbs(void)
{
	const char *s = "Turkey and Israel decided to restore full diplomatic relations.";
	const struct xtriple *t;

	run(s);
	t = expect(s, "Turkey", "restore", "full diplomatic relations");
	if (t) {
		test_streq("relation keeps the light verb", rtext(t), "decided to restore");
		test_cond("dated by the light verb", !strcmp(forms[t->date_pred], "decided"));
	}
	expect(s, "Israel", "restore", "full diplomatic relations");
	test_cond("no triple for 'decide' alone", find("decide", NULL) == NULL);

	/* a verb that is an event itself: both the application and the joining */
	s = "Finland applied to join NATO.";
	run(s);
	expect(s, "Finland", "join", "NATO");
	test_cond("'apply' is a triple of its own", find("apply", "Finland") != NULL);

	s = "The two ministers held talks with Erdogan.";
	run(s);
	t = expect(s, "The two ministers", "hold talk", "Erdogan");
	if (t) {
		test_streq("relation", rtext(t), "held talks with");
		test_streq("prep", t->prep, "with");
	}
}

static void test_copula(void)
{
	const char *s = "Turkey is one of Israel's five largest trading partners.";
	const struct xtriple *t;
	run(s);
	t = expect(s, "Turkey", "be", "one of Israel 's five largest trading partners");
	test_cond("copula flagged", t && (t->flags & XF_COPULA));
}

static void test_nominal(void)
{
	const char *s = "Gantz's visit to Turkey was cancelled.";
	const struct xtriple *t;

	run(s);
	t = expect(s, "Gantz", "visit", "Turkey");
	test_cond("nominal kind", t && t->kind == XT_NOMINAL);
	test_streq("relation", t ? rtext(t) : NULL, "visit to");

	s = "Talks between Ankara and Tel Aviv resumed.";
	run(s);
	t = expect(s, "Ankara", "talk", "Tel Aviv");
	test_cond("between: reciprocal", t && t->reciprocal);
}

static void test_attribution(void)
{
	const char *s = "Erdogan said that Israel expelled the envoy.";
	const struct xtriple *t;

	run(s);
	t = expect(s, "Israel", "expel", "the envoy");
	test_streq("speaker is the source", t ? stext(&t->source) : NULL, "Erdogan");
	t = expect(s, "Erdogan", "say", "Israel expelled the envoy");
	test_streq("'that' goes with the relation", t ? rtext(t) : NULL, "said that");

	s = "Israel expelled the envoy, Erdogan said.";
	run(s);
	t = expect(s, "Israel", "expel", "the envoy");
	test_streq("parenthetical speaker", t ? stext(&t->source) : NULL, "Erdogan");
}

static void test_negation_mode(void)
{
	const char *s = "Gantz did not meet Akar.";
	const struct xtriple *t;

	run(s);
	t = expect(s, "Gantz", "meet", "Akar");
	test_cond("did not meet: negated", t && t->negated);
	test_streq("relation", t ? rtext(t) : NULL, "did not meet");

	s = "Turkey refused to sign the agreement.";
	run(s);
	t = expect(s, "Turkey", "sign", "the agreement");
	test_cond("refused to sign: negated", t && t->negated);

	s = "Gantz will meet Akar.";
	run(s);
	t = expect(s, "Gantz", "meet", "Akar");
	test_streq("will: future", t ? t->mode : NULL, "future");
	test_cond("will: future tense", t && t->tense == TENSE_FUTURE);

	s = "Gantz plans to visit Ankara.";
	run(s);
	t = expect(s, "Gantz", "visit", "Ankara");
	test_streq("plans to: planned", t ? t->mode : NULL, "planned");
	test_cond("plans to: not negated", t && !t->negated);
}

static void test_confidence(void)
{
	const char *s = "Turkey expelled the ambassador and recalled its consul.";
	const struct xtriple *a, *b;

	run(s);
	a = find("expel", "Turkey");
	b = find("recall", "Turkey");
	test_cond("own named subject ranks above an inherited one",
		  a && b && a->confidence > b->confidence);
	s = "He resigned.";
	run(s);
	a = find("resign", "He");
	test_cond("subject and verb only: low confidence", a && a->confidence < 0.4);
	test_cond("empty input gives nothing", extract_sentence(&(struct xsent){ 0, NULL, NULL },
								xt, MAXT) == 0);
}

static void test_kinds(void)
{
	const char *s = "Turkey expelled Israel's ambassador.";
	const struct xtriple *t;

	run(s);
	expect(s, "Turkey", "expel", "Israel 's ambassador");
	t = expect(s, "Israel", "have", "ambassador");
	test_cond("possessive kind, ranked low", t && t->kind == XT_POSS && t->confidence < 0.4);

	s = "Israel recalled its new ambassador.";
	run(s);
	test_cond("no modifier triples unless asked", find("be", "ambassador") == NULL);
	run_opts = XO_MODIFIERS;
	run(s);
	run_opts = 0;
	t = expect(s, "ambassador", "be", "new");
	test_cond("modifier kind, ranked low", t && t->kind == XT_MODIFIER && t->confidence < 0.4);
	t = find("recall", "Israel");
	test_cond("the clause ranks above its modifiers", t && t->confidence > 0.5);

	s = "In August, the two governments decided to restore full diplomatic relations "
	    "and earlier this month, they both named new ambassadors.";
	run(s);
	expect(s, "the two governments", "restore", "full diplomatic relations");
	expect(s, "they", "name", "new ambassadors");
}

/*==== Hand-written trees ====*/

struct tree {
	int n;
	char *form[MAXTOK], *lemma[MAXTOK], *xpos[MAXTOK], *deprel[MAXTOK];
	int upos[MAXTOK], head[MAXTOK];
};

static void tree_free(struct tree *t)
{
	int i;
	for (i = 0; i < t->n; i++) {
		free(t->form[i]);
		free(t->lemma[i]);
		free(t->xpos[i]);
		free(t->deprel[i]);
	}
	t->n = 0;
}

/* Fields of a CoNLL-U line, tab-separated, into f[0..10). */
static int split_tabs(char *line, char **f)
{
	int n = 0;
	char *p = line;
	while (n < 10) {
		char *tab = strchr(p, '\t');
		f[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

/* Extract tree t and check the expected triples of sentence sno. */
static void check_tree(struct tree *t, int sno, const char *expected)
{
	struct parse tp;
	struct xsent xs;
	int i;
	FILE *f;
	char line[512];

	memset(&tp, 0, sizeof(tp));
	tp.n = t->n;
	tp.upos = t->upos;
	tp.xpos = (const char **)t->xpos;
	tp.lemma = t->lemma;
	tp.head = t->head;
	tp.deprel = (const char **)t->deprel;
	for (i = 0; i < t->n; i++)
		forms[i] = t->form[i];
	nforms = t->n;
	xs.n = t->n;
	xs.form = forms;
	xs.ps = &tp;
	nx = extract_sentence(&xs, xt, MAXT);
	if (!(f = fopen(expected, "r"))) {
		test_cond("expected file opens", 0);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		char *fl[10];
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		if (split_tabs(line, fl) < 4 || atoi(fl[0]) != sno)
			continue;
		expect(expected, fl[1], fl[2], fl[3]);
	}
	fclose(f);
}

static void test_golden(void)
{
	const char *path = "tests/golden/extract/parser-errors.conllu";
	const char *exp = "tests/golden/extract/parser-errors.expected";
	FILE *f = fopen(path, "r");
	char line[512];
	struct tree t;
	int sno = 0;

	test_cond("golden tree file opens", f != NULL);
	if (!f)
		return;
	t.n = 0;
	while (fgets(line, sizeof(line), f)) {
		char *fl[10];
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		if (!line[0]) {
			if (t.n) {
				check_tree(&t, ++sno, exp);
				tree_free(&t);
			}
			continue;
		}
		if (split_tabs(line, fl) < 8 || t.n >= MAXTOK)
			continue;
		t.form[t.n] = xstrdup(fl[1]);
		t.lemma[t.n] = xstrdup(fl[2]);
		t.upos[t.n] = upos_from_name(fl[3]);
		t.xpos[t.n] = xstrdup(fl[4]);
		t.head[t.n] = atoi(fl[6]);
		t.deprel[t.n] = xstrdup(fl[7]);
		t.n++;
	}
	if (t.n) {
		check_tree(&t, ++sno, exp);
		tree_free(&t);
	}
	fclose(f);
	test_cond("fourteen golden trees", sno == 14);
}

int main(void)
{
	parse_init(&ps);
	test_passive();
	test_coordination();
	test_appositions();
	test_relative_clause();
	test_light_verbs();
	test_copula();
	test_nominal();
	test_attribution();
	test_negation_mode();
	test_confidence();
	test_kinds();
	test_golden();
	parse_release(&ps);
	token_list_release(&tl);
	return test_report();
}
