/*
 * extract.c: clause extraction over a dependency parse (see extract.h).
 *
 * For each predicate (a verb, or the head of a copular clause) it finds the
 * subject (its own, or inherited through coordination, control and
 * participial clauses), the object (direct object, else the first
 * prepositional object), the remaining obliques as extra arguments, the
 * relation phrase (auxiliaries, negation, verb, particle, preposition), its
 * tense and mode. Coordinated subjects and objects give one triple each;
 * "A and B met" gives A-meet-B.
 */
#include "ingest/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct ctx {
	const struct xsent *s;
	const struct parse *ps;
	int n;
	int *kstart, *kn, *kids;	/* children of each token, in order */
	struct xtriple *out;
	int nout, max;
};

/*==== Tree access ====*/

static int head_of(const struct ctx *c, int i)
{
	return c->ps->head[i] - 1;
}

static const char *rel_of(const struct ctx *c, int i)
{
	return c->ps->deprel[i];
}

/* Does relation 'r' have base 'base' ("nsubj" for "nsubj:pass")? */
static int base_is(const char *r, const char *base)
{
	size_t n = strlen(base);
	return !strncmp(r, base, n) && (r[n] == '\0' || r[n] == ':');
}

static const char *lemma_of(const struct ctx *c, int i)
{
	return c->ps->lemma[i];
}

static int upos_of(const struct ctx *c, int i)
{
	return c->ps->upos[i];
}

static int first_child(const struct ctx *c, int v, const char *base)
{
	int k;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (base_is(rel_of(c, ch), base))
			return ch;
	}
	return -1;
}

static int child_exact(const struct ctx *c, int v, const char *rel)
{
	int k;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (!strcmp(rel_of(c, ch), rel))
			return ch;
	}
	return -1;
}

int extract_dominates(const struct parse *ps, int h, int i)
{
	int steps = 0;
	while (i >= 0 && steps++ <= ps->n) {
		if (i == h)
			return 1;
		i = ps->head[i] - 1;
	}
	return 0;
}

static int in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/*==== Word classes ====*/

/* Verbs whose infinitive complement carries the event: "decided to restore". */
static const char *const light_verbs[] = {
	"decide", "try", "attempt", "manage", "continue", "begin", "start",
	"seek", "want", "plan", "intend", "aim", "hope", "expect", "prepare",
	"refuse", "fail", "decline", "need", "wish", "resolve", "move",
	"choose", "opt", "struggle", "threaten", "vow", "pledge", "promise",
	"agree", "offer", "be", "have", "appear", "seem", "tend", "get", NULL
};
static const char *const negating_verbs[] = {
	"refuse", "fail", "decline", NULL
};
static const char *const planning_verbs[] = {
	"plan", "intend", "aim", "hope", "expect", "prepare", "want", "wish",
	"seek", "vow", "pledge", "promise", "threaten", "agree", "offer", NULL
};
/* Verbs of saying: their clausal complement is reported speech. */
static const char *const say_verbs[] = {
	"say", "tell", "add", "announce", "state", "claim", "insist", "stress",
	"note", "report", "declare", "confirm", "explain", "warn", "argue",
	"write", "emphasize", "emphasise", "reiterate", "assert", "acknowledge",
	"admit", "deny", "allege", "believe", "think", "according", NULL
};
/* Verbs whose coordinated subjects are each other's objects. */
static const char *const reciprocal_verbs[] = {
	"meet", "talk", "negotiate", "agree", "clash", "fight", "cooperate",
	"confer", "speak", "converse", "consult", "reconcile", "quarrel",
	"compete", "sign", "trade", NULL
};

static int is_say_verb(const char *lemma)
{
	return in_list(lemma, say_verbs);
}

static int is_relative_pronoun(const struct ctx *c, int i)
{
	static const char *const rp[] = { "who", "which", "that", "whom", NULL };
	return in_list(lemma_of(c, i), rp) || in_list(c->s->form[i], rp);
}

/*==== Spans ====*/

/* Relations that leave a nominal phrase: what they attach is said apart. */
static int cuts_phrase(const char *r, int split_conj)
{
	if (base_is(r, "acl") || base_is(r, "appos") || base_is(r, "parataxis") ||
	    base_is(r, "dep") || base_is(r, "advcl") || base_is(r, "discourse") ||
	    base_is(r, "vocative") || base_is(r, "reparandum") || base_is(r, "list") ||
	    base_is(r, "orphan"))
		return 1;
	if (split_conj && (base_is(r, "conj") || base_is(r, "cc")))
		return 1;
	return 0;
}

/* Relations of a copular predicate that belong to its clause, not to the
 * phrase: "[he] is [the leader of Hamas] [since 2004]". */
static int cuts_predicate(const char *r)
{
	static const char *const clause[] = {
		"nsubj", "csubj", "cop", "aux", "mark", "conj", "cc", "obl",
		"advcl", "parataxis", "ccomp", "xcomp", "advmod", "expl", "obj",
		"iobj", NULL
	};
	const char *const *p;
	for (p = clause; *p; p++)
		if (base_is(r, *p))
			return 1;
	return 0;
}

static void span_walk(const struct ctx *c, int h, int split_conj, int root,
		      int pred, int *lo, int *hi)
{
	int k;
	if (h < *lo)
		*lo = h;
	if (h + 1 > *hi)
		*hi = h + 1;
	for (k = 0; k < c->kn[h]; k++) {
		int ch = c->kids[c->kstart[h] + k];
		const char *r = rel_of(c, ch);
		if (cuts_phrase(r, split_conj && h == root))
			continue;
		if (h == root && (base_is(r, "case") || base_is(r, "mark")))
			continue;	/* the preposition goes with the relation */
		if (base_is(r, "punct") && h == root)
			continue;
		if (h == root && pred && cuts_predicate(r))
			continue;	/* the clause around a copular predicate */
		span_walk(c, ch, split_conj, root, pred, lo, hi);
	}
}

static int is_punct_form(const char *f)
{
	return (f[0] && !f[1] && strchr(",.;:!?\"'()-[]{}", f[0])) ||
	       !strcmp(f, "--") || !strcmp(f, "...") || !strcmp(f, "''") ||
	       !strcmp(f, "``");
}

static struct xspan span_pred(const struct ctx *c, int h, int split_conj, int pred);

static struct xspan span_of(const struct ctx *c, int h, int split_conj)
{
	return span_pred(c, h, split_conj, 0);
}

static struct xspan span_pred(const struct ctx *c, int h, int split_conj, int pred)
{
	struct xspan sp;
	sp.head = h;
	sp.lo = h;
	sp.hi = h + 1;
	if (h < 0) {
		sp.lo = sp.hi = 0;
		return sp;
	}
	span_walk(c, h, split_conj, h, pred, &sp.lo, &sp.hi);
	/* trim punctuation and conjunctions from the edges */
	while (sp.lo < h && (is_punct_form(c->s->form[sp.lo]) ||
			     upos_of(c, sp.lo) == UPOS_CCONJ))
		sp.lo++;
	while (sp.hi - 1 > h && (is_punct_form(c->s->form[sp.hi - 1]) ||
				 upos_of(c, sp.hi - 1) == UPOS_CCONJ))
		sp.hi--;
	return sp;
}

/* Coordinated nominals: h and the conj chain under it. Splits only
 * names (people, countries, organisations): "Akar and Gantz", not "defense,
 * security and energy". */
static int conjuncts(const struct ctx *c, int h, int *out, int max)
{
	int n = 0, k;
	if (h < 0 || max < 1)
		return 0;
	out[n++] = h;
	if (upos_of(c, h) != UPOS_PROPN && upos_of(c, h) != UPOS_PRON)
		return n;
	for (k = 0; k < c->kn[h] && n < max; k++) {
		int ch = c->kids[c->kstart[h] + k];
		if (base_is(rel_of(c, ch), "conj") &&
		    (upos_of(c, ch) == UPOS_PROPN || upos_of(c, ch) == UPOS_NOUN ||
		     upos_of(c, ch) == UPOS_PRON))
			out[n++] = ch;
	}
	return n;
}

/*==== Predicates ====*/

static int has_cop(const struct ctx *c, int v)
{
	return upos_of(c, v) != UPOS_VERB && first_child(c, v, "cop") >= 0;
}

static int is_predicate(const struct ctx *c, int v)
{
	const char *r = rel_of(c, v);
	if (has_cop(c, v))
		return 1;
	if (upos_of(c, v) != UPOS_VERB)
		return 0;
	if (base_is(r, "amod") || base_is(r, "compound") || base_is(r, "case") ||
	    base_is(r, "mark") || base_is(r, "det") || base_is(r, "fixed") ||
	    base_is(r, "flat") || base_is(r, "goeswith") || base_is(r, "aux") ||
	    base_is(r, "cop") || base_is(r, "discourse"))
		return 0;
	return 1;
}

/* The noun a relative pronoun stands for: the clause's head noun h, or the
 * noun just before the pronoun when it lies inside h's phrase ("ties with
 * Hamas, which is designated ..." is about Hamas). */
static int antecedent(const struct ctx *c, int rp, int h)
{
	int b = rp - 1;
	if (b >= 0 && !strcmp(c->s->form[b], ","))
		b--;
	if (b > h && (upos_of(c, b) == UPOS_PROPN || upos_of(c, b) == UPOS_NOUN) &&
	    extract_dominates(c->ps, h, b))
		return b;
	return h;
}

/* The subject of predicate v: its own, or the one it inherits. *inherited
 * counts how far it came from. Returns the head token or -1. */
static int find_subj(const struct ctx *c, int v, int *inherited, int depth)
{
	int s = first_child(c, v, "nsubj"), h = head_of(c, v);
	const char *r = rel_of(c, v);

	if (s < 0)
		s = first_child(c, v, "csubj");
	if (s >= 0) {
		if (base_is(r, "acl") && is_relative_pronoun(c, s) && h >= 0)
			return antecedent(c, s, h);
		return s;
	}
	if (depth > 8 || h < 0)
		return -1;
	if (base_is(r, "conj")) {
		(*inherited)++;
		return find_subj(c, h, inherited, depth + 1);
	}
	if (base_is(r, "xcomp")) {
		int o = first_child(c, h, "obj");
		(*inherited)++;
		if (o < 0)
			o = first_child(c, h, "iobj");
		return o >= 0 ? o : find_subj(c, h, inherited, depth + 1);
	}
	if (!strcmp(r, "acl:relcl")) {
		(*inherited)++;
		return h;
	}
	if (base_is(r, "acl")) {
		const char *x = c->ps->xpos[v];
		(*inherited)++;
		return strcmp(x, "VBN") ? h : -1;	/* passive participle: see find_patient */
	}
	if (base_is(r, "advcl") && first_child(c, v, "mark") < 0) {
		(*inherited)++;
		return find_subj(c, h, inherited, depth + 1);
	}
	return -1;
}

static int is_passive(const struct ctx *c, int v)
{
	if (first_child(c, v, "aux") >= 0 && child_exact(c, v, "aux:pass") >= 0)
		return 1;
	if (child_exact(c, v, "nsubj:pass") >= 0 || child_exact(c, v, "aux:pass") >= 0)
		return 1;
	/* "Hamas, designated by Israel": a past participle modifying a noun */
	return base_is(rel_of(c, v), "acl") && strcmp(rel_of(c, v), "acl:relcl") &&
	       !strcmp(c->ps->xpos[v], "VBN");
}

/* The agent of a passive: "by Israel" (obl:agent, or obl with case "by"). */
static int is_by_phrase(const struct ctx *c, int ch)
{
	int cs = first_child(c, ch, "case");
	return cs >= 0 && !strcmp(lemma_of(c, cs), "by");
}

static int find_agent(const struct ctx *c, int v)
{
	int k, j;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch);
		if (!strcmp(r, "obl:agent"))
			return ch;
		if (base_is(r, "obl") && is_by_phrase(c, ch))
			return ch;
	}
	/* "designated as a terrorist organisation by Israel": the by-phrase
	 * often hangs from the oblique before it */
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (!base_is(rel_of(c, ch), "obl"))
			continue;
		for (j = 0; j < c->kn[ch]; j++) {
			int g = c->kids[c->kstart[ch] + j];
			if (base_is(rel_of(c, g), "nmod") && g > ch && is_by_phrase(c, g))
				return g;
		}
	}
	return -1;
}

static void tense_mode(const struct ctx *c, int v, enum tense *tense,
		       const char **mode)
{
	int k, past = 0, future = 0, modal = 0, have = 0;
	const char *x = c->ps->xpos[v];

	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch), *l = lemma_of(c, ch);
		const char *cx = c->ps->xpos[ch];
		if (!base_is(r, "aux") && !base_is(r, "cop"))
			continue;
		if (!strcmp(l, "will") || !strcmp(l, "shall") || !strcmp(c->s->form[ch], "'ll"))
			future = 1;
		else if (!strcmp(cx, "MD"))
			modal = 1;
		else if (!strcmp(cx, "VBD"))
			past = 1;
		else if (!strcmp(l, "have"))
			have = 1;
		else if (!strcmp(l, "go") || !strcmp(c->s->form[ch], "going"))
			future = 1;
	}
	if (future) {
		*tense = TENSE_FUTURE;
		*mode = "future";
	} else if (modal) {
		*tense = TENSE_PRESENT;
		*mode = "modal";
	} else if (past || !strcmp(x, "VBD") || (have && !strcmp(x, "VBN"))) {
		*tense = TENSE_PAST;
		*mode = NULL;
	} else if (!strcmp(x, "VBN") && base_is(rel_of(c, v), "acl")) {
		*tense = TENSE_PAST;
		*mode = NULL;
	} else {
		*tense = TENSE_PRESENT;
		*mode = NULL;
	}
}

static int is_negated(const struct ctx *c, int v)
{
	int k;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *l = lemma_of(c, ch), *f = c->s->form[ch];
		if ((base_is(rel_of(c, ch), "advmod") || base_is(rel_of(c, ch), "neg") ||
		     base_is(rel_of(c, ch), "aux")) &&
		    (!strcmp(l, "not") || !strcmp(f, "n't") || !strcmp(f, "not") ||
		     !strcmp(l, "never")))
			return 1;
	}
	return 0;
}

/*==== Relation phrases ====*/

static void rel_add(struct xtriple *t, int tok)
{
	int i, j;
	if (tok < 0 || t->nrel >= XT_MAX_REL)
		return;
	for (i = 0; i < t->nrel; i++)
		if (t->rel[i] == tok)
			return;
	for (i = t->nrel; i > 0 && t->rel[i - 1] > tok; i--)
		;
	for (j = t->nrel; j > i; j--)
		t->rel[j] = t->rel[j - 1];
	t->rel[i] = tok;
	t->nrel++;
}

/* Auxiliaries, copula, negation, the verb itself and its particle. */
static void rel_core(const struct ctx *c, int v, struct xtriple *t, int with_verb)
{
	int k;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch), *l = lemma_of(c, ch);
		if (base_is(r, "aux") || base_is(r, "cop") || !strcmp(r, "compound:prt") ||
		    ((base_is(r, "advmod") || base_is(r, "neg")) &&
		     (!strcmp(l, "not") || !strcmp(c->s->form[ch], "n't") || !strcmp(l, "never"))))
			rel_add(t, ch);
	}
	if (with_verb)
		rel_add(t, v);
}

/*==== Emitting ====*/

static struct xtriple *new_triple(struct ctx *c)
{
	struct xtriple *t;
	if (c->nout >= c->max)
		return NULL;
	t = &c->out[c->nout++];
	memset(t, 0, sizeof(*t));
	t->subj.head = t->obj.head = t->source.head = -1;
	return t;
}

static void add_arg(const struct ctx *c, struct xtriple *t, int h, const char *role)
{
	if (t->nargs >= XT_MAX_ARGS || h < 0)
		return;
	t->args[t->nargs] = span_of(c, h, 0);
	/* keep the preposition in the argument's text: "in Ankara" */
	{
		int cs = first_child(c, h, "case");
		if (cs >= 0 && cs < t->args[t->nargs].lo)
			t->args[t->nargs].lo = cs;
	}
	t->arg_role[t->nargs] = role;
	t->nargs++;
}

static int is_time_word(const struct ctx *c, int h)
{
	static const char *const w[] = {
		"today", "yesterday", "tomorrow", "week", "month", "year", "day",
		"decade", "century", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "january", "february", "march",
		"april", "may", "june", "july", "august", "september", "october",
		"november", "december", "morning", "evening", "night", "time",
		"weekend", "afternoon", "hour", "minute", "period", "era", NULL
	};
	char low[32];
	size_t i;
	const char *f = lemma_of(c, h);
	for (i = 0; f[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)(f[i] >= 'A' && f[i] <= 'Z' ? f[i] + 32 : f[i]);
	low[i] = '\0';
	if (in_list(low, w))
		return 1;
	return upos_of(c, h) == UPOS_NUM && strlen(f) == 4 && f[0] >= '1' && f[0] <= '2';
}

/* The speaker of reported speech that v belongs to, or -1. */
static int find_source(const struct ctx *c, int v)
{
	int h = head_of(c, v), k, depth = 0, dummy = 0;

	/* "Y expelled Z, X said": the saying verb hangs off the clause */
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (base_is(rel_of(c, ch), "parataxis") && is_say_verb(lemma_of(c, ch)))
			return find_subj(c, ch, &dummy, 0);
	}
	/* "X said (that) Y expelled Z": up through ccomp */
	while (h >= 0 && depth++ < 8) {
		const char *r = rel_of(c, v);
		if (base_is(r, "ccomp") && is_say_verb(lemma_of(c, h)))
			return find_subj(c, h, &dummy, 0);
		if (!base_is(r, "conj") && !base_is(r, "xcomp"))
			break;
		v = h;
		h = head_of(c, v);
	}
	return -1;
}

/* What one clause gives all the triples it emits. */
struct clause {
	int v;			/* predicate */
	int light;		/* light verb governing it, or -1 */
	int subj, obj, agent, prep_obl, source;
	int passive, neg;
	enum tense tense;
	const char *mode, *prep, *lemma;
	double conf;
};

/* Everything of a triple but its subject and object spans. */
static void fill_triple(const struct ctx *c, struct xtriple *t, const struct clause *cl)
{
	int v = cl->v, k;

	t->pred = v;
	t->passive = cl->passive;
	t->negated = cl->neg;
	t->tense = cl->tense;
	t->mode = cl->mode;
	t->date_pred = cl->light >= 0 ? cl->light : v;
	t->confidence = cl->conf;
	snprintf(t->lemma, sizeof(t->lemma), "%s", cl->lemma);
	t->prep = cl->prep;
	if (cl->light >= 0) {
		rel_core(c, cl->light, t, 1);
		rel_add(t, first_child(c, v, "mark"));
	}
	rel_core(c, v, t, !has_cop(c, v));
	if (cl->obj == cl->prep_obl && cl->obj >= 0)
		rel_add(t, first_child(c, cl->obj, "case"));
	if (has_cop(c, v))
		rel_add(t, first_child(c, v, "case"));
	if (cl->source >= 0)
		t->source = span_of(c, cl->source, 0);
	/* the other obliques are extra arguments */
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch);
		int cs;
		if (ch == cl->obj || ch == cl->agent || ch == cl->subj)
			continue;
		if (base_is(r, "obl")) {
			cs = first_child(c, ch, "case");
			add_arg(c, t, ch, cs >= 0 ? lemma_of(c, cs) :
				is_time_word(c, ch) ? "time" : "obl");
		} else if (base_is(r, "iobj") || base_is(r, "obj")) {
			add_arg(c, t, ch, "object2");
		}
	}
	if (cl->light >= 0) {
		for (k = 0; k < c->kn[cl->light]; k++) {
			int ch = c->kids[c->kstart[cl->light] + k];
			int cs;
			if (!base_is(rel_of(c, ch), "obl"))
				continue;
			cs = first_child(c, ch, "case");
			add_arg(c, t, ch, cs >= 0 ? lemma_of(c, cs) : "time");
		}
	}
}

static void emit_clause(struct ctx *c, int v)
{
	int subjs[8], objs[8], nsubj, nobj, si, oi, inherited = 0;
	int subj, obj, agent = -1, patient = -1, passive, k, light = -1;
	int prep_obl = -1, x_head = head_of(c, v);
	const char *prep = NULL, *mode;
	enum tense tense;
	int neg, source;
	char lemma[48];
	double conf;
	struct clause info;

	/* "decided to restore": the light verb's triple is this one's */
	if (!strcmp(rel_of(c, v), "xcomp") && x_head >= 0 &&
	    in_list(lemma_of(c, x_head), light_verbs) && !has_cop(c, v) &&
	    upos_of(c, v) == UPOS_VERB)
		light = x_head;

	subj = find_subj(c, v, &inherited, 0);
	passive = is_passive(c, v);
	if (passive) {
		agent = find_agent(c, v);
		patient = subj;
		if (patient < 0 && base_is(rel_of(c, v), "acl"))
			patient = x_head;
	}
	obj = first_child(c, v, "obj");
	if (obj < 0 && first_child(c, v, "iobj") >= 0 && !has_cop(c, v))
		obj = first_child(c, v, "iobj");	/* "told parliament (that) ..." */
	if (obj >= 0 && is_relative_pronoun(c, obj) && !strcmp(rel_of(c, v), "acl:relcl"))
		obj = x_head;
	if (has_cop(c, v)) {
		obj = v;	/* the predicate nominal or adjective */
		int cs = first_child(c, v, "case");
		if (cs >= 0)
			prep = lemma_of(c, cs);
	}
	if (obj < 0) {
		int ccomp = first_child(c, v, "ccomp");
		int xcomp = first_child(c, v, "xcomp");
		if (ccomp < 0 && xcomp >= 0 && !in_list(lemma_of(c, v), light_verbs))
			ccomp = xcomp;
		/* first prepositional object after the verb that is not a time */
		for (k = 0; k < c->kn[v]; k++) {
			int ch = c->kids[c->kstart[v] + k];
			int cs;
			if (!base_is(rel_of(c, ch), "obl") || ch == agent || ch < v)
				continue;
			if (strcmp(rel_of(c, ch), "obl") && strcmp(rel_of(c, ch), "obl:npmod"))
				continue;
			if (is_time_word(c, ch))
				continue;
			cs = first_child(c, ch, "case");
			if (cs < 0)
				continue;
			prep_obl = ch;
			prep = lemma_of(c, cs);
			break;
		}
		if (prep_obl >= 0)
			obj = prep_obl;
		else if (ccomp >= 0 && !has_cop(c, v))
			obj = ccomp;
	}
	if (passive) {
		/* active order: the agent acts on the patient */
		if (agent >= 0 && patient >= 0) {
			subj = agent;
			if (has_cop(c, v) || first_child(c, v, "obj") < 0) {
				obj = patient;
				prep = NULL;
				prep_obl = -1;
			}
		} else {
			subj = patient;
		}
	}
	if (subj < 0)
		return;
	/* the light verb owns the subject, tense and negation */
	tense_mode(c, light >= 0 ? light : v, &tense, &mode);
	neg = is_negated(c, v) || (light >= 0 && is_negated(c, light));
	if (light >= 0) {
		if (in_list(lemma_of(c, light), negating_verbs))
			neg = !neg;
		else if (in_list(lemma_of(c, light), planning_verbs) && !mode)
			mode = "planned";
	}
	source = find_source(c, light >= 0 ? light : v);

	/* relation lemma: verb + particle; copula: "be" */
	if (has_cop(c, v)) {
		snprintf(lemma, sizeof(lemma), "be");
	} else {
		int prt = child_exact(c, v, "compound:prt");
		if (prt >= 0)
			snprintf(lemma, sizeof(lemma), "%s %s", lemma_of(c, v), lemma_of(c, prt));
		else
			snprintf(lemma, sizeof(lemma), "%s", lemma_of(c, v));
		/* light-verb constructions: "hold talks with" -> "hold talk" */
		if (obj >= 0 && obj == first_child(c, v, "obj") &&
		    (!strcmp(lemma_of(c, v), "hold") || !strcmp(lemma_of(c, v), "have")) &&
		    (!strcmp(lemma_of(c, obj), "talk") || !strcmp(lemma_of(c, obj), "meeting") ||
		     !strcmp(lemma_of(c, obj), "discussion") ||
		     !strcmp(lemma_of(c, obj), "negotiation") || !strcmp(lemma_of(c, obj), "call")))
			snprintf(lemma, sizeof(lemma), "%s %s", lemma_of(c, v), lemma_of(c, obj));
	}

	conf = 0.9;
	if (inherited)
		conf -= 0.1 * (inherited > 2 ? 2 : inherited);
	if (passive)
		conf -= 0.05;
	if (light >= 0)
		conf -= 0.05;
	if (source >= 0)
		conf -= 0.05;
	if (obj < 0)
		conf -= 0.2;
	if (obj == prep_obl && obj >= 0)
		conf -= 0.05;
	if (abs(subj - v) > 12)
		conf -= 0.1;
	if (upos_of(c, subj) == UPOS_PRON)
		conf -= 0.1;
	if (has_cop(c, v))
		conf -= 0.1;

	info.v = v;
	info.light = light;
	info.subj = subj;
	info.obj = obj;
	info.agent = agent;
	info.prep_obl = prep_obl;
	info.passive = passive;
	info.neg = neg;
	info.tense = tense;
	info.mode = mode;
	info.prep = prep;
	info.source = source;
	info.conf = conf < 0.05 ? 0.05 : conf > 0.99 ? 0.99 : conf;
	info.lemma = lemma;

	nsubj = conjuncts(c, subj, subjs, 8);
	/* "Akar and Gantz met in Ankara": each met the other; the place is an
	 * argument, not the one they met */
	if (nsubj >= 2 && obj == prep_obl && obj >= 0 && prep && strcmp(prep, "with") &&
	    in_list(lemma_of(c, v), reciprocal_verbs)) {
		obj = prep_obl = -1;
		info.obj = info.prep_obl = -1;
		info.prep = NULL;
	}
	nobj = obj < 0 ? 0 : obj == v ? 1 : conjuncts(c, obj, objs, 8);
	if (obj == v)
		objs[0] = v;
	/* "Akar and Gantz met": each meets the other */
	if (nobj == 0 && nsubj >= 2 && in_list(lemma_of(c, v), reciprocal_verbs)) {
		for (si = 0; si < nsubj; si++)
			for (oi = si + 1; oi < nsubj; oi++) {
				struct xtriple *t = new_triple(c);
				if (!t)
					return;
				t->subj = span_of(c, subjs[si], 1);
				t->obj = span_of(c, subjs[oi], 1);
				t->reciprocal = 1;
				fill_triple(c, t, &info);
			}
		return;
	}
	for (si = 0; si < nsubj; si++) {
		for (oi = 0; oi < (nobj ? nobj : 1); oi++) {
			struct xtriple *t = new_triple(c);
			if (!t)
				return;
			t->subj = span_of(c, subjs[si], nsubj > 1);
			if (nobj)
				t->obj = objs[oi] == v ? span_pred(c, v, 0, 1) :
					 span_of(c, objs[oi], nobj > 1);
			fill_triple(c, t, &info);
		}
	}
}

int extract_sentence(const struct xsent *s, struct xtriple *out, int max)
{
	struct ctx c;
	int i, n = s->n, *cnt;

	if (n <= 0 || max <= 0)
		return 0;
	memset(&c, 0, sizeof(c));
	c.s = s;
	c.ps = s->ps;
	c.n = n;
	c.out = out;
	c.max = max;
	c.kstart = xcalloc((size_t)n + 1, sizeof(int));
	c.kn = xcalloc((size_t)n, sizeof(int));
	c.kids = xcalloc((size_t)n, sizeof(int));
	cnt = xcalloc((size_t)n, sizeof(int));
	for (i = 0; i < n; i++) {
		int h = head_of(&c, i);
		if (h >= 0 && h < n)
			c.kn[h]++;
	}
	for (i = 0; i < n; i++)
		c.kstart[i + 1] = c.kstart[i] + c.kn[i];
	for (i = 0; i < n; i++) {
		int h = head_of(&c, i);
		if (h >= 0 && h < n)
			c.kids[c.kstart[h] + cnt[h]++] = i;
	}
	for (i = 0; i < n; i++) {
		if (!is_predicate(&c, i))
			continue;
		/* a light verb with an infinitive complement speaks through it */
		if (in_list(lemma_of(&c, i), light_verbs) && first_child(&c, i, "xcomp") >= 0 &&
		    first_child(&c, i, "obj") < 0 && !has_cop(&c, i)) {
			int x = first_child(&c, i, "xcomp");
			if (upos_of(&c, x) == UPOS_VERB && first_child(&c, x, "mark") >= 0)
				continue;
		}
		emit_clause(&c, i);
	}
	free(c.kstart);
	free(c.kn);
	free(c.kids);
	free(cnt);
	return c.nout;
}
