/*
 * extract.c: clause extraction over a dependency parse (see extract.h).
 *
 * For each predicate (a verb, the head of a copular clause, or a verb the
 * tagger took for something else) emit_clause() finds the subject (its
 * own, or inherited through coordination, control and participial
 * clauses), the object (direct object, else the first prepositional
 * object, else a clausal complement), the remaining obliques as extra
 * arguments, the relation phrase (light verbs, auxiliaries, negation,
 * verb, particle, preposition), its tense and mode, and flags saying how
 * sure it is. Coordinated names give one triple each; "A and B met"
 * gives A-meet-B. Appositions, titles, event nouns, possessives and
 * modifiers have emitters of their own. Spans are collected by
 * span_walk() as runs of tokens. No allocation per sentence unless it has
 * more than SCRATCH_TOKENS tokens.
 */
#include "ingest/extract.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/dates.h"
#include "util.h"

struct ctx {
	const struct xsent *s;
	const struct parse *ps;
	int n;
	int *kstart, *kn, *kids;	/* children of each token, in order */
	int *sublo;		/* leftmost token of each token's subtree */
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

static int is_capitalised(const char *f)
{
	return f[0] >= 'A' && f[0] <= 'Z';
}

static int upos_of(const struct ctx *c, int i);

static int is_nominal(const struct ctx *c, int i)
{
	int u = upos_of(c, i);
	return u == UPOS_NOUN || u == UPOS_PROPN || u == UPOS_PRON || u == UPOS_NUM;
}

/*==== Word classes ====*/

/* Verbs whose infinitive complement carries the event: "decided to restore". */
static const char *const light_verbs[] = {
	"decide", "try", "attempt", "manage", "continue", "begin", "start",
	"seek", "want", "plan", "intend", "aim", "hope", "expect", "prepare",
	"refuse", "fail", "decline", "need", "wish", "resolve", "move",
	"choose", "opt", "struggle", "threaten", "vow", "pledge", "promise", "swear",
	"agree", "offer", "be", "have", "appear", "seem", "tend", "get", NULL
};
/* Verbs that are events of their own and also speak through an infinitive
 * complement: "Finland applied to join NATO" is an application and a
 * joining, so both clauses are emitted. */
static const char *const own_event_verbs[] = {
	"apply", "ask", "vote", "demand", "bid", "petition", "campaign",
	"lobby", "volunteer", NULL
};
static const char *const negating_verbs[] = {
	"refuse", "fail", "decline", NULL
};
static const char *const planning_verbs[] = {
	"plan", "intend", "aim", "hope", "expect", "prepare", "want", "wish",
	"seek", "vow", "pledge", "promise", "threaten", "agree", "offer", "swear",
	"willing", "prepared", "ready", "determined", "eager", "keen", NULL
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

/* "held talks with", "had a meeting with": the noun carries the event. */
static const char *const talk_verbs[] = { "hold", "have", "conduct", NULL };
static const char *const talk_nouns[] = {
	"talk", "meeting", "discussion", "negotiation", "call", "consultation",
	"conversation", "summit", NULL
};

/* Nouns of events between actors: "Gantz's visit to Turkey", "talks
 * between Ankara and Tel Aviv". */
static const char *const event_nouns[] = {
	"visit", "trip", "talk", "meeting", "call", "summit", "negotiation",
	"attack", "strike", "invasion", "offensive", "raid", "agreement", "deal",
	"treaty", "accord", "sanction", "embargo", "ban", "threat", "warning",
	"criticism", "condemnation", "accusation", "protest", "support", "aid",
	"recognition", "cooperation", "dialogue", "consultation", "tour",
	"deployment", "expulsion", "apology", "request", "demand", "offer",
	"invitation", "pledge", "proposal", "appeal", "mediation", NULL
};

static int is_say_verb(const char *lemma)
{
	return str_in(lemma, say_verbs);
}

static int is_relative_pronoun(const struct ctx *c, int i)
{
	static const char *const rp[] = { "who", "which", "that", "whom", NULL };
	return str_in(lemma_of(c, i), rp) || str_in(c->s->form[i], rp);
}

/*==== Spans ====*/

/* Relations that leave a nominal phrase: what they attach is said apart. */
static int cuts_phrase(const char *r, int split_conj)
{
	if (base_is(r, "appos") || base_is(r, "parataxis") ||
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

static int is_punct_form(const char *f);
static int promoted_main(const struct ctx *c, int v);
static int is_time_phrase(const struct ctx *c, int h);
static int amod_verb_subj(const struct ctx *c, int v);

/* Does the modifier clause ch of h belong to h's phrase? Participial and
 * infinitival modifiers do ("the idea of running workshops", "a plan to
 * visit"), restrictive relative clauses do ("threats that do not justify
 * it"); a relative clause after a comma or a dash is said apart. */
static int keeps_clause(const struct ctx *c, int h, int ch)
{
	int lo = c->sublo[ch];
	if (ch < h)
		return 0;
	if (strcmp(rel_of(c, ch), "acl:relcl"))
		return 1;
	return lo > 0 && !is_punct_form(c->s->form[lo - 1]) &&
	       !is_punct_form(c->s->form[lo]);
}

/* An apposition with no comma before it is a title and its name: "his
 * counterpart Benjamin Gantz" stays one phrase. */
static int close_appos(const struct ctx *c, int ch)
{
	int lo = c->sublo[ch];
	return !strcmp(rel_of(c, ch), "appos") && lo > 0 && ch > head_of(c, ch) &&
	       !is_punct_form(c->s->form[lo - 1]) && upos_of(c, ch) == UPOS_PROPN;
}

/* Collect h's phrase into [lo, hi). Children whose subtree holds 'skip'
 * (the predicate the phrase is an argument of) are left out, so that the
 * antecedent of a relative clause does not swallow its clause. */
static void span_walk(const struct ctx *c, int h, int split_conj, int root,
		      int pred, int skip, int *lo, int *hi, int *cut, int *lcut)
{
	int k;
	if (h < *lo)
		*lo = h;
	if (h + 1 > *hi)
		*hi = h + 1;
	for (k = 0; k < c->kn[h]; k++) {
		int ch = c->kids[c->kstart[h] + k];
		const char *r = rel_of(c, ch);
		if (promoted_main(c, ch) >= 0 || amod_verb_subj(c, ch) >= 0 ||
		    (base_is(r, "conj") && is_time_phrase(c, ch)) ||
		    (cuts_phrase(r, split_conj && (h == root || (head_of(c, h) == root &&
						   base_is(rel_of(c, h), "flat")))) &&
		     !close_appos(c, ch)) ||
		    (skip >= 0 && skip != root && extract_dominates(c->ps, ch, skip)) ||
		    (base_is(r, "acl") && !keeps_clause(c, h, ch))) {
			/* a phrase is a run of tokens: what is left out ends it */
			if (ch > root && c->sublo[ch] < *cut)
				*cut = c->sublo[ch];
			if (ch < root && lcut) {
				int j, last = ch;
				for (j = ch + 1; j < root; j++)
					if (extract_dominates(c->ps, ch, j))
						last = j;
				if (last + 1 > *lcut)
					*lcut = last + 1;
			}
			continue;
		}
		if (h == root && (base_is(r, "case") || base_is(r, "mark")))
			continue;	/* the preposition goes with the relation */
		if (base_is(r, "punct") && h == root)
			continue;
		if (h == root && pred && cuts_predicate(r))
			continue;	/* the clause around a copular predicate */
		span_walk(c, ch, split_conj, root, pred, skip, lo, hi, cut, lcut);
	}
}

static int is_punct_form(const char *f)
{
	return (f[0] && !f[1] && strchr(",.;:!?\"'()-[]{}", f[0])) ||
	       !strcmp(f, "--") || !strcmp(f, "...") || !strcmp(f, "''") ||
	       !strcmp(f, "``");
}

static int is_open_quote(const char *f)
{
	return !strcmp(f, "``") || !strcmp(f, "\"") || !strcmp(f, "\xe2\x80\x9c");
}

static int is_close_quote(const char *f)
{
	return !strcmp(f, "''") || !strcmp(f, "'") || !strcmp(f, "\"") ||
	       !strcmp(f, "\xe2\x80\x9d");
}

/* The phrase of h as an argument of predicate 'skip' (or -1). */
static struct xspan span_pred(const struct ctx *c, int h, int split_conj, int pred,
			      int skip)
{
	struct xspan sp;
	int cut, lcut;
	sp.head = h;
	sp.lo = h;
	sp.hi = h + 1;
	if (h < 0) {
		sp.lo = sp.hi = 0;
		return sp;
	}
	cut = c->n;
	lcut = 0;
	span_walk(c, h, split_conj, h, pred, skip, &sp.lo, &sp.hi, &cut, &lcut);
	if (sp.hi > cut)
		sp.hi = cut > h ? cut : h + 1;
	if (sp.lo < lcut)
		sp.lo = lcut <= h ? lcut : h;
	/* trim punctuation and conjunctions from the edges */
	while (sp.lo < h && (is_punct_form(c->s->form[sp.lo]) ||
			     upos_of(c, sp.lo) == UPOS_CCONJ))
		sp.lo++;
	while (sp.hi - 1 > h && (is_punct_form(c->s->form[sp.hi - 1]) ||
				 upos_of(c, sp.hi - 1) == UPOS_CCONJ))
		sp.hi--;
	/* "his counterpart Benjamin Gantz": the name heads the phrase */
	{
		int k;
		for (k = 0; k < c->kn[h]; k++) {
			int ch = c->kids[c->kstart[h] + k];
			if (close_appos(c, ch) && upos_of(c, h) == UPOS_NOUN && ch < sp.hi) {
				sp.head = ch;
				break;
			}
		}
	}
	/* a quoted title keeps its quotes: `` Kormoran '' */
	if (sp.lo > 0 && sp.hi < c->n && is_open_quote(c->s->form[sp.lo - 1]) &&
	    is_close_quote(c->s->form[sp.hi])) {
		sp.lo--;
		sp.hi++;
		if (sp.hi < c->n && !strcmp(c->s->form[sp.hi - 1], "'") &&
		    !strcmp(c->s->form[sp.hi], "'"))
			sp.hi++;	/* '' split in two */
	}
	return sp;
}

static struct xspan span_of(const struct ctx *c, int h, int split_conj, int skip)
{
	return span_pred(c, h, split_conj, 0, skip);
}

/* Coordinated nominals: h and the conj chain under it. Splits only
 * names (people, countries, organisations): "Akar and Gantz", not "defense,
 * security and energy". */
static int conjuncts(const struct ctx *c, int h, int *out, int max, int common)
{
	int n = 0, k;
	if (h < 0 || max < 1)
		return 0;
	out[n++] = h;
	if (upos_of(c, h) != UPOS_PROPN && upos_of(c, h) != UPOS_PRON &&
	    !(common && upos_of(c, h) == UPOS_NOUN))
		return n;
	/* "Akar/RB and Gantz": the first name hangs off the verb as an adverb */
	if (h >= 2 && h - 2 == 0 && upos_of(c, 1) == UPOS_CCONJ && head_of(c, 1) == h &&
	    upos_of(c, h) == UPOS_PROPN && c->kn[0] == 0 && is_capitalised(c->s->form[0]) &&
	    (upos_of(c, 0) == UPOS_ADV || upos_of(c, 0) == UPOS_ADJ) && head_of(c, 0) == head_of(c, h))
		out[n++] = 0;
	for (k = 0; k < c->kn[h] && n < max; k++) {
		int ch = c->kids[c->kstart[h] + k];
		if (base_is(rel_of(c, ch), "conj") &&
		    (upos_of(c, ch) == UPOS_PROPN || upos_of(c, ch) == UPOS_NOUN ||
		     upos_of(c, ch) == UPOS_PRON))
			out[n++] = ch;
	}
	/* in sentence order */
	for (k = 1; k < n; k++) {
		int x = out[k], j = k;
		for (; j > 0 && out[j - 1] > x; j--)
			out[j] = out[j - 1];
		out[j] = x;
	}
	return n;
}

/*==== Predicates ====*/

static int has_cop(const struct ctx *c, int v)
{
	return upos_of(c, v) != UPOS_VERB && first_child(c, v, "cop") >= 0;
}

static int own_subj(const struct ctx *c, int v);

/* The subject of a verb tagged as a plural noun that has an object: the
 * name or noun compounded with it just before ("The RIAA lists it"). */
static int nns_verb_subj(const struct ctx *c, int v)
{
	int k;
	for (k = c->kn[v] - 1; k >= 0; k--) {
		int ch = c->kids[c->kstart[v] + k];
		if (ch < v && base_is(rel_of(c, ch), "compound") &&
		    (upos_of(c, ch) == UPOS_PROPN || upos_of(c, ch) == UPOS_NOUN))
			return ch;
	}
	return -1;
}

/* A verb the tagger took for a noun or an adjective: it has a subject, no
 * copula, and stands where clauses stand ("The RSNO also performs/NNS
 * throughout Scotland"). Its obliques then come as nmod. */
static int mistagged_verb(const struct ctx *c, int v)
{
	const char *r = rel_of(c, v), *x = c->ps->xpos[v];
	int s, k;
	if (upos_of(c, v) != UPOS_NOUN && upos_of(c, v) != UPOS_ADJ)
		return 0;
	if (first_child(c, v, "cop") >= 0)
		return 0;
	for (k = 0; k < c->kn[v]; k++)
		if (amod_verb_subj(c, c->kids[c->kstart[v] + k]) >= 0)
			return 0;	/* the verb is its modifier: "named/amod ambassadors" */
	/* "The RIAA lists/NNS it as ...": a noun does not take an object */
	if (!strcmp(x, "NNS") && first_child(c, v, "obj") >= 0 && own_subj(c, v) < 0 &&
	    (!strcmp(r, "root") || base_is(r, "conj")))
		return nns_verb_subj(c, v) >= 0;
	if ((s = own_subj(c, v)) < 0 || s > v)
		return 0;
	if (upos_of(c, v) == UPOS_NOUN && strcmp(x, "NNS"))
		return 0;	/* only "-s" forms pass for verbs */
	return !strcmp(r, "root") || base_is(r, "conj") || !strcmp(r, "acl:relcl") ||
	       base_is(r, "ccomp") || base_is(r, "parataxis");
}

/* Is ch an oblique of predicate v? */
static int is_obl(const struct ctx *c, int v, int ch)
{
	const char *r = rel_of(c, ch);
	if (base_is(r, "obl"))
		return 1;
	return base_is(r, "nmod") && strcmp(r, "nmod:poss") && mistagged_verb(c, v);
}

/* A finite verb the parser hung on the next noun as an adjective:
 * "Protesters stormed/VBD/amod embassy". Returns the subject it should
 * have (the noun right before it), or -1. Its object is the noun. */
static int amod_verb_subj(const struct ctx *c, int v)
{
	int h = head_of(c, v), i = v - 1, k;
	if (upos_of(c, v) != UPOS_VERB || strcmp(rel_of(c, v), "amod") || h <= v || i < 0)
		return -1;
	/* "they both named/amod new ambassadors" with "they" the subject of
	 * the noun: the subject was given to the noun */
	if (!strcmp(c->ps->xpos[v], "VBD") || !strcmp(c->ps->xpos[v], "VBN")) {
		for (k = 0; k < c->kn[h]; k++) {
			int ch = c->kids[c->kstart[h] + k];
			if (ch < v && base_is(rel_of(c, ch), "nsubj") && upos_of(c, ch) != UPOS_DET)
				return ch;
		}
	}
	if (strcmp(c->ps->xpos[v], "VBD"))
		return -1;
	if (upos_of(c, i) != UPOS_NOUN && upos_of(c, i) != UPOS_PROPN &&
	    upos_of(c, i) != UPOS_PRON)
		return -1;
	/* only when the sentence has no other verb to be its predicate */
	for (k = 0; k < c->n; k++)
		if (k != v && k != i && (upos_of(c, k) == UPOS_VERB || upos_of(c, k) == UPOS_AUX ||
					 !strcmp(c->ps->xpos[k], "NNS") ||
					 !strcmp(c->ps->xpos[k], "VBZ")))
			return -1;
	return i;
}

static int is_predicate(const struct ctx *c, int v)
{
	const char *r = rel_of(c, v);
	if (has_cop(c, v))
		return 1;
	if (mistagged_verb(c, v) || amod_verb_subj(c, v) >= 0)
		return 1;
	/* "Hill had/AUX responsibility": an auxiliary with an object or a
	 * subject of its own is the main verb */
	if (upos_of(c, v) == UPOS_AUX && !base_is(r, "aux") && !base_is(r, "cop") &&
	    (first_child(c, v, "obj") >= 0 || own_subj(c, v) >= 0))
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

/* v's own subject: of several (a parser error), the nearest before v. */
static int own_subj(const struct ctx *c, int v)
{
	int k, best = -1;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (!base_is(rel_of(c, ch), "nsubj"))
			continue;
		/* "they both named": the pronoun, not the floating quantifier */
		if (best >= 0 && upos_of(c, ch) == UPOS_DET && upos_of(c, best) != UPOS_DET)
			continue;
		if (best < 0 || (ch < v && ch > best) ||
		    (upos_of(c, best) == UPOS_DET && upos_of(c, ch) != UPOS_DET))
			best = ch;
	}
	return best;
}

/* A name the tagger took for an adverb or adjective at the start of the
 * sentence, right before its verb, which has no subject: "Akar/RB met
 * Gantz", "Akar/RB and Gantz held talks" (then the name's conjunct is the
 * subject and conjuncts() brings the first name back). -1 if none. */
static int untagged_name_subj(const struct ctx *c, int v)
{
	static const char *const demonstratives[] = {
		"this", "these", "those", "that", "both", "all", "many", "some", "others", NULL
	};
	int k;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		int u = upos_of(c, ch);
		/* "These/DT include ...": a demonstrative before its verb */
		if (ch == 0 && u == UPOS_DET && ch + 1 == v && c->kn[ch] == 0 &&
		    str_in(lemma_of(c, ch), demonstratives))
			return ch;
		/* advmod, or amod, which no verb can have: "Germany/JJ sent" */
		if (ch != 0 || (u != UPOS_ADV && u != UPOS_ADJ) || c->kn[ch] ||
		    !is_capitalised(c->s->form[ch]) ||
		    !(base_is(rel_of(c, ch), "advmod") || base_is(rel_of(c, ch), "amod")))
			continue;
		if (ch + 1 == v)
			return ch;
	}
	return -1;
}

/* "The minister who signed the deal resigned" parsed with the noun as
 * root and "resigned" hung inside the relative clause (as its complement,
 * or as a modifier of "deal"): the last verb is the main clause, and its
 * subject is the root noun. Returns that noun, or -1. */
static int promoted_main(const struct ctx *c, int v)
{
	const char *r = rel_of(c, v), *x = c->ps->xpos[v];
	int root = -1, i, rc = -1;
	if (upos_of(c, v) != UPOS_VERB || (strcmp(x, "VBD") && strcmp(x, "VBN")) ||
	    !(base_is(r, "xcomp") || base_is(r, "acl") || base_is(r, "conj")) ||
	    !strcmp(r, "acl:relcl"))
		return -1;
	if (first_child(c, v, "mark") >= 0 || first_child(c, v, "aux") >= 0 ||
	    first_child(c, v, "nsubj") >= 0 || first_child(c, v, "obj") >= 0)
		return -1;
	for (i = head_of(c, v); i >= 0; i = head_of(c, i)) {
		if (!strcmp(rel_of(c, i), "acl:relcl") && rc < 0)
			rc = i;
		if (head_of(c, i) < 0)
			root = i;
	}
	if (root < 0 || rc < 0 || head_of(c, rc) != root || !is_nominal(c, root) ||
	    upos_of(c, root) == UPOS_PRON || first_child(c, root, "cop") >= 0 || v < rc)
		return -1;
	/* the noun has no verb of its own: v ends the sentence's clause */
	for (i = v + 1; i < c->n; i++)
		if (upos_of(c, i) == UPOS_VERB)
			return -1;
	return root;
}

/* The subject of predicate v: its own, or the one it inherits. *inherited
 * counts how far it came from. Returns the head token or -1. */
static int find_subj(const struct ctx *c, int v, int *inherited, int depth)
{
	int s = own_subj(c, v), h = head_of(c, v);
	const char *r = rel_of(c, v);

	if (s < 0)
		s = first_child(c, v, "csubj");
	if (s < 0)
		s = untagged_name_subj(c, v);
	if (s < 0)
		s = amod_verb_subj(c, v);
	if (s < 0 && mistagged_verb(c, v))
		s = nns_verb_subj(c, v);
	if (s >= 0)
		return s;
	if (depth > 8 || h < 0)
		return -1;
	if (base_is(r, "conj")) {
		(*inherited)++;
		/* "Many members, youth and adult, are active members": the
		 * subject parsed as the head of a coordinated copula */
		if (first_child(c, v, "cop") >= 0 && is_nominal(c, h) && h < v &&
		    !is_predicate(c, h) && first_child(c, h, "case") < 0)
			return h;
		return find_subj(c, h, inherited, depth + 1);
	}
	if ((s = promoted_main(c, v)) >= 0)
		return s;
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
		static const char *const says[] = {
			"statement", "declaration", "communique", "letter", "resolution",
			"message", "note", "appeal", "ultimatum", NULL
		};
		const char *x = c->ps->xpos[v];
		(*inherited)++;
		/* "the PKK issued a declaration demanding that ...": what the
		 * statement says, its author says */
		if (!strcmp(x, "VBG") && str_in(lemma_of(c, h), says) &&
		    base_is(rel_of(c, h), "obj") && head_of(c, h) >= 0) {
			int a = find_subj(c, head_of(c, h), inherited, depth + 1);
			if (a >= 0)
				return a;
		}
		/* a passive participle has its noun as patient (see emit_clause),
		 * unless it has an object: then it is a verb the parser took for
		 * a modifier ("The strike obtained support") */
		return strcmp(x, "VBN") || first_child(c, v, "obj") >= 0 ? h : -1;
	}
	/* "after meeting Akar, Gantz said": a participle takes its subject
	 * from the clause it modifies, with or without a subordinator */
	if (base_is(r, "advcl") && (first_child(c, v, "mark") < 0 ||
				    !strcmp(c->ps->xpos[v], "VBG"))) {
		(*inherited)++;
		return find_subj(c, h, inherited, depth + 1);
	}
	return -1;
}

static int is_passive(const struct ctx *c, int v)
{
	if (promoted_main(c, v) >= 0)
		return 0;
	if (child_exact(c, v, "aux:pass") >= 0)
		return 1;
	/* nsubj:pass without the auxiliary: trust it only on a participle
	 * with no object ("the Region assigned all its powers" is active) */
	if (child_exact(c, v, "nsubj:pass") >= 0)
		return !strcmp(c->ps->xpos[v], "VBN") && first_child(c, v, "obj") < 0;
	/* "Hamas, designated by Israel": a past participle modifying a noun */
	return base_is(rel_of(c, v), "acl") && strcmp(rel_of(c, v), "acl:relcl") &&
	       !strcmp(c->ps->xpos[v], "VBN") && first_child(c, v, "obj") < 0;
}

static int case_is(const struct ctx *c, int h, const char *prep)
{
	int cs = first_child(c, h, "case");
	return cs >= 0 && !strcmp(lemma_of(c, cs), prep);
}

/* The agent of a passive: "by Israel" (obl:agent, or obl with case "by"),
 * or, when the parser hung it on the oblique before it ("addressed at
 * meetings by Dr. Jagan"), a "by" nmod of an oblique. */
static int find_agent(const struct ctx *c, int v)
{
	int k, j;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch);
		if (!strcmp(r, "obl:agent"))
			return ch;
		if (is_obl(c, v, ch)) {
			int cs = first_child(c, ch, "case");
			if (cs >= 0 && !strcmp(lemma_of(c, cs), "by"))
				return ch;
		}
	}
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (!is_obl(c, v, ch) || ch < v)
			continue;
		for (j = 0; j < c->kn[ch]; j++) {
			int g = c->kids[c->kstart[ch] + j];
			if (!strcmp(rel_of(c, g), "nmod") && case_is(c, g, "by") &&
			    (upos_of(c, g) == UPOS_PROPN || upos_of(c, g) == UPOS_PRON))
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
			modal = !strcmp(c->s->form[ch], "would") || !strcmp(c->s->form[ch], "Would") ||
				!strcmp(c->s->form[ch], "'d") ? 2 : 1;
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
		/* "said Athens would host the next round in March": the future
		 * of reported speech, dated forward; "would have met" is past */
		*tense = modal == 2 ? (have ? TENSE_PAST : TENSE_FUTURE) : TENSE_PRESENT;
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

static int is_neg_word(const struct ctx *c, int i)
{
	const char *l = lemma_of(c, i), *f = c->s->form[i];
	return !strcmp(l, "not") || !strcmp(f, "n't") || !strcmp(f, "not") ||
	       !strcmp(l, "never");
}

/* Auxiliaries, copula, negation, the verb itself and its particle, and the
 * adverbs inside the verb group ("is also known", "was personally
 * involved"). */
static int untagged_name_subj(const struct ctx *c, int v);

static void rel_core(const struct ctx *c, int v, struct xtriple *t, int with_verb)
{
	int k, first = v;
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		const char *r = rel_of(c, ch);
		if (base_is(r, "aux") || base_is(r, "cop") || !strcmp(r, "compound:prt") ||
		    ((base_is(r, "advmod") || base_is(r, "neg")) && is_neg_word(c, ch))) {
			rel_add(t, ch);
			if (ch < first && !base_is(r, "advmod"))
				first = ch;
		}
	}
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (((ch > first && ch < v) || (with_verb && ch == v - 1)) &&
		    base_is(rel_of(c, ch), "advmod") && upos_of(c, ch) == UPOS_ADV &&
		    c->kn[ch] == 0 && strcmp(c->ps->xpos[ch], "WRB") &&
		    ch != untagged_name_subj(c, v))	/* "Akar/RB thanked": the subject */
			rel_add(t, ch);	/* "also performs", "strictly maintain" */
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

static void add_arg(const struct ctx *c, struct xtriple *t, int h, const char *role,
		    int skip)
{
	if (t->nargs >= XT_MAX_ARGS || h < 0)
		return;
	t->args[t->nargs] = span_of(c, h, 0, skip);
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
	if (str_in(low, w))
		return 1;
	return upos_of(c, h) == UPOS_NUM && strlen(f) == 4 && f[0] >= '1' && f[0] <= '2';
}

/* Is the phrase of h a time: its head or a number or name beside it is a
 * time word ("21 September 2010", "May 2018", "the 1890s")? */
static int is_time_phrase(const struct ctx *c, int h)
{
	int k;
	if (is_time_word(c, h))
		return 1;
	for (k = 0; k < c->kn[h]; k++) {
		int ch = c->kids[c->kstart[h] + k];
		const char *r = rel_of(c, ch);
		if ((base_is(r, "nummod") || base_is(r, "compound") || base_is(r, "flat") ||
		     base_is(r, "nmod")) && is_time_word(c, ch) &&
		    (upos_of(c, h) == UPOS_NUM || upos_of(c, ch) != UPOS_NOUN))
			return 1;
	}
	return 0;
}

/* The speaker of reported speech that v belongs to, or -1; *say gets the
 * verb of saying. */
static int find_source(const struct ctx *c, int v, int *say)
{
	int h = head_of(c, v), k, depth = 0, dummy = 0;

	*say = -1;
	/* "Y expelled Z, X said": the saying verb hangs off the clause */
	for (k = 0; k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (base_is(rel_of(c, ch), "parataxis") && is_say_verb(lemma_of(c, ch))) {
			*say = ch;
			return find_subj(c, ch, &dummy, 0);
		}
	}
	/* "X said (that) Y expelled Z": up through ccomp */
	while (h >= 0 && depth++ < 8) {
		const char *r = rel_of(c, v);
		if (base_is(r, "ccomp") && is_say_verb(lemma_of(c, h))) {
			*say = h;
			return find_subj(c, h, &dummy, 0);
		}
		if (!base_is(r, "conj") && !base_is(r, "xcomp"))
			break;
		v = h;
		h = head_of(c, v);
	}
	return -1;
}


/* The antecedent of relative pronoun 'pron' in the clause of v: the noun
 * the clause modifies, or, when the parser hung the clause elsewhere, the
 * noun just before the pronoun ("a boss, who is ..."). */
static int antecedent(const struct ctx *c, int pron, int v)
{
	int h = head_of(c, v), i = pron - 1;
	while (i >= 0 && (is_punct_form(c->s->form[i]) || upos_of(c, i) == UPOS_ADP))
		i--;
	if (base_is(rel_of(c, v), "acl") && h >= 0 && is_nominal(c, h)) {
		/* the parser often hangs the clause one noun too high: "the
		 * envoy of Turkey, which ..." prefers the noun just before */
		if (i >= 0 && i != h && is_nominal(c, i) && upos_of(c, i) != UPOS_PRON &&
		    extract_dominates(c->ps, h, i))
			return i;
		return h;
	}
	if (i >= 0 && is_nominal(c, i) && !is_relative_pronoun(c, i))
		return i;
	return h >= 0 && is_nominal(c, h) ? h : -1;
}

static int is_relpron_tok(const struct ctx *c, int i)
{
	const char *x = c->ps->xpos[i];
	return i >= 0 && (!strcmp(x, "WP") || !strcmp(x, "WDT") ||
			  (upos_of(c, i) == UPOS_PRON && is_relative_pronoun(c, i) &&
			   strcmp(lemma_of(c, i), "that")) ||
			  (!strcmp(lemma_of(c, i), "that") &&
			   base_is(rel_of(c, head_of(c, i) >= 0 ? head_of(c, i) : i), "acl")));
}

/* The verbs whose infinitive complement v carries the event: "decided to
 * restore", "was considered to be", "helped to raise". A verb without an
 * object of its own and with an xcomp complement that is marked "to", or
 * copular, or on the light verb list. */
static int light_head(const struct ctx *c, int v)
{
	int h = head_of(c, v);
	if (h < 0 || strcmp(rel_of(c, v), "xcomp"))
		return -1;
	if (upos_of(c, h) != UPOS_VERB) {
		/* "were able to reinforce", "is likely to meet" */
		if (has_cop(c, h) && upos_of(c, h) == UPOS_ADJ && upos_of(c, v) == UPOS_VERB &&
		    first_child(c, v, "mark") >= 0)
			return h;
		return -1;
	}
	if (first_child(c, h, "obj") >= 0 || first_child(c, h, "iobj") >= 0 ||
	    first_child(c, h, "ccomp") >= 0)
		return -1;
	if (has_cop(c, v) || (upos_of(c, v) == UPOS_VERB &&
			      (first_child(c, v, "mark") >= 0 ||
			       str_in(lemma_of(c, h), light_verbs))))
		return h;
	return -1;
}

/* Does verb i speak through an xcomp complement (see light_head)? */
static int is_light(const struct ctx *c, int i)
{
	int k;
	for (k = 0; k < c->kn[i]; k++) {
		int ch = c->kids[c->kstart[i] + k];
		if (!strcmp(rel_of(c, ch), "xcomp") && light_head(c, ch) == i &&
		    (is_predicate(c, ch)))
			return 1;
	}
	return 0;
}

#define MAX_LIGHT 4

/* What one clause gives all the triples it emits. */
struct clause {
	int v;			/* predicate */
	int light[MAX_LIGHT];	/* verbs governing it, innermost first */
	int nlight;
	int top;		/* the outermost of v and its light verbs */
	int base;		/* whose light verbs they are: v, or the verb v is
				 * coordinated with */
	int noun;		/* event noun in the relation ("held talks"), or -1 */
	int subj, obj, agent, prep_obl, source, say;
	int passive, passive_form, neg;
	enum tense tense;
	const char *mode, *prep, *lemma;
	const char *intent;	/* lemma of the outermost planning light verb */
	unsigned flags;		/* XF_* bits shared by its triples */
	double conf;
};

static int rel_has(const struct xtriple *t, int tok)
{
	int i;
	for (i = 0; i < t->nrel; i++)
		if (t->rel[i] == tok)
			return 1;
	return 0;
}

/* "then", "currently", "later": adverbs that date a clause wherever they
 * stand. */
static int is_time_adverb(const struct ctx *c, int i)
{
	static const char *const w[] = {
		"then", "currently", "now", "later", "earlier", "recently", "previously",
		"formerly", "once", "already", "soon", "eventually", "finally", "first",
		"initially", "subsequently", "originally", "still", "again", NULL
	};
	return str_in(lemma_of(c, i), w);
}

/* The obliques of verb w, but the clause's own, as extra arguments. */
static void add_obliques(const struct ctx *c, struct xtriple *t, const struct clause *cl,
			 int w)
{
	int k;
	for (k = 0; k < c->kn[w]; k++) {
		int ch = c->kids[c->kstart[w] + k];
		const char *r = rel_of(c, ch);
		int cs;
		if (ch == cl->obj || ch == cl->agent || ch == cl->subj || ch == cl->noun ||
		    is_relpron_tok(c, ch))
			continue;
		if (is_obl(c, w, ch)) {
			cs = first_child(c, ch, "case");
			add_arg(c, t, ch, cs >= 0 ? lemma_of(c, cs) :
				is_time_phrase(c, ch) ? "time" : "obl",
				cl->agent >= 0 && extract_dominates(c->ps, ch, cl->agent) ?
				cl->agent : cl->v);
		} else if (w == cl->v && (base_is(r, "iobj") || base_is(r, "obj"))) {
			add_arg(c, t, ch, "object2", cl->v);
		} else if (base_is(r, "advmod") && !strcmp(lemma_of(c, ch), "where") &&
			   !strcmp(rel_of(c, w), "acl:relcl") && head_of(c, w) >= 0 &&
			   head_of(c, w) != cl->subj && head_of(c, w) != cl->obj) {
			/* "Israeli territory, where they killed ...": in it */
			add_arg(c, t, head_of(c, w), "in", w);
		} else if (base_is(r, "advmod") && upos_of(c, ch) == UPOS_ADV &&
			   strcmp(c->ps->xpos[ch], "WRB") && !is_neg_word(c, ch) &&
			   !rel_has(t, ch) && (ch > w || is_time_adverb(c, ch))) {
			add_arg(c, t, ch, "manner", cl->v);	/* "sometimes", "annually" */
		}
	}
}

static double clamp_conf(double x)
{
	return x < 0.05 ? 0.05 : x > 0.99 ? 0.99 : x;
}

/* How likely a clause triple is right, from how it was found: weights
 * set by the precision of each kind of triple on Open IE development data
 * (see tests/eval/carb-log.md). Simple active clauses with named
 * arguments rank first; inherited subjects, long or guessed phrases, and
 * clauses with nothing but a subject rank last. */
static double confidence_of(const struct ctx *c, const struct xtriple *t)
{
	unsigned f = t->flags;
	double x = 0.7;
	if (f & XF_INHERITED)
		x -= 0.1;
	if (f & XF_RELPRON)
		x -= 0.08;
	if (f & XF_LONG)
		x -= 0.1;
	if (t->subj.hi - t->subj.lo > 5)
		x -= 0.08;
	if (f & XF_COPULA)
		x -= 0.05;
	if (f & XF_PRONSUBJ)
		x -= 0.03;
	if (f & XF_CLAUSEOBJ)
		x += 0.1;
	if (f & (XF_LIGHT | XF_PREPOBJ))
		x += 0.05;
	if (f & XF_FAR)
		x -= 0.05;
	if (f & XF_NONFINITE)
		x -= 0.08;
	if ((f & XF_NONFINITE) && !strcmp(c->ps->xpos[t->pred], "VBG"))
		x -= 0.1;	/* "..., making his debut": Open IE writes "made" */
	if (f & XF_MODCLAUSE)
		x -= 0.05;
	if (f & XF_EMBEDDED)
		x -= 0.03;
	if (t->subj.head >= 0 && upos_of(c, t->subj.head) == UPOS_PROPN)
		x += 0.1;
	if (t->obj.head >= 0 && upos_of(c, t->obj.head) == UPOS_PROPN)
		x += 0.03;
	if ((f & XF_NOOBJ) && t->nargs == 0)
		x -= 0.45;	/* a subject and a verb only */
	else if (f & XF_NOOBJ)
		x -= 0.05;
	return clamp_conf(x);
}

/* Everything of a triple but its subject and object spans. */
static void fill_triple(const struct ctx *c, struct xtriple *t, const struct clause *cl)
{
	int v = cl->v, k;

	t->pred = v;
	t->passive = cl->passive;
	t->passive_form = cl->passive_form;
	t->negated = cl->neg;
	t->tense = cl->tense;
	t->mode = cl->mode;
	t->intent = cl->intent;
	t->date_pred = cl->top;
	t->confidence = cl->conf;
	snprintf(t->lemma, sizeof(t->lemma), "%s", cl->lemma);
	t->prep = cl->prep;
	for (k = 0; k < cl->nlight; k++) {
		int x = k ? cl->light[k - 1] : cl->base;
		rel_core(c, cl->light[k], t, 1);
		rel_add(t, first_child(c, x, "mark"));
	}
	rel_core(c, v, t, !has_cop(c, v));
	rel_add(t, cl->noun);
	if (cl->obj == cl->prep_obl && cl->obj >= 0)
		rel_add(t, first_child(c, cl->obj, "case"));
	if (has_cop(c, v))
		rel_add(t, first_child(c, v, "case"));
	if (cl->obj >= 0 && cl->obj != v && base_is(rel_of(c, cl->obj), "ccomp")) {
		int m = first_child(c, cl->obj, "mark");
		if (m >= 0 && m < cl->obj && lemma_of(c, m)[0] == 't')
			rel_add(t, m);	/* "said that" */
	}
	if (cl->source >= 0)
		t->source = span_of(c, cl->source, 0, v);
	t->source_pred = cl->source >= 0 ? cl->say : -1;
	add_obliques(c, t, cl, v);
	for (k = 0; k < cl->nlight; k++)
		add_obliques(c, t, cl, cl->light[k]);
	t->flags |= cl->flags;
	if (t->subj.hi - t->subj.lo > 12 || t->obj.hi - t->obj.lo > 12)
		t->flags |= XF_LONG;
	t->confidence = confidence_of(c, t);
}


static void emit_clause(struct ctx *c, int v)
{
	int subjs[8], objs[8], nsubj, nobj, si, oi, inherited = 0;
	int subj, obj, agent = -1, patient = -1, passive, k, top;
	int prep_obl = -1, x_head = head_of(c, v), relsubj = 0, turned = 0;
	const char *prep = NULL, *mode, *intent = NULL;
	enum tense tense;
	int neg, source, say;
	char lemma[48];
	double conf;
	unsigned fl;
	struct clause info;

	info.nlight = 0;
	info.noun = -1;
	top = v;
	/* "were able to reinforce the hotel and defeat the attacks": a verb
	 * coordinated with a complement shares its light verbs */
	if (!strcmp(rel_of(c, v), "conj") && x_head >= 0 && own_subj(c, v) < 0 &&
	    first_child(c, v, "aux") < 0 && light_head(c, x_head) >= 0 &&
	    upos_of(c, v) == UPOS_VERB)
		top = x_head;
	info.base = top;
	for (; info.nlight < MAX_LIGHT; ) {
		int l = light_head(c, top);
		if (l < 0)
			break;
		info.light[info.nlight++] = l;
		top = l;
	}

	subj = find_subj(c, top, &inherited, 0);
	if (subj >= 0 && is_relpron_tok(c, subj)) {
		subj = antecedent(c, subj, top);
		relsubj = 1;
	}
	/* "was a pioneer who began building": the pioneer is the subject */
	if (subj >= 0 && subj != top && has_cop(c, subj) && own_subj(c, subj) >= 0 &&
	    !extract_dominates(c->ps, top, subj))
		subj = own_subj(c, subj);
	passive = is_passive(c, v);
	if (passive) {
		agent = find_agent(c, v);
		patient = subj;
		if (patient < 0 && base_is(rel_of(c, v), "acl"))
			patient = x_head;
	}
	obj = first_child(c, v, "obj");
	/* "gave House Speaker Pelosi a flag" parsed with two objects: the
	 * last is the thing given, the others go as second objects */
	for (k = 0; obj >= 0 && k < c->kn[v]; k++) {
		int ch = c->kids[c->kstart[v] + k];
		if (ch > obj && !strcmp(rel_of(c, ch), "obj") && !is_relpron_tok(c, ch))
			obj = ch;
	}
	if (obj < 0 && !has_cop(c, v))
		obj = first_child(c, v, "iobj");	/* "told parliament (that) ..." */
	if (obj < 0 && amod_verb_subj(c, v) >= 0)
		obj = x_head;
	if (obj >= 0 && is_relpron_tok(c, obj))
		obj = antecedent(c, obj, v);
	if (has_cop(c, v)) {
		int cs = first_child(c, v, "case");
		obj = v;	/* the predicate nominal or adjective */
		if (cs >= 0)
			prep = lemma_of(c, cs);
	}
	if (obj < 0) {
		int ccomp = first_child(c, v, "ccomp");
		int xcomp = first_child(c, v, "xcomp");
		if (ccomp < 0 && xcomp >= 0 && !is_light(c, v))
			ccomp = xcomp;
		/* first prepositional object after the verb that is not a time */
		for (k = 0; k < c->kn[v]; k++) {
			int ch = c->kids[c->kstart[v] + k];
			int cs;
			if (!is_obl(c, v, ch) || ch == agent || ch < v)
				continue;
			if (strcmp(rel_of(c, ch), "obl") && strcmp(rel_of(c, ch), "obl:npmod") &&
			    strcmp(rel_of(c, ch), "nmod"))
				continue;
			if (is_time_phrase(c, ch))
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
		else if (!strcmp(rel_of(c, v), "parataxis") && is_say_verb(lemma_of(c, v)) &&
			 x_head >= 0)
			obj = x_head;	/* "Israel expelled the envoy, Erdogan said" */
	}
	if (passive) {
		/* active order: the agent acts on the patient */
		if (agent >= 0 && patient >= 0) {
			subj = agent;
			turned = 1;
			if (has_cop(c, v) || first_child(c, v, "obj") < 0) {
				obj = patient;
				prep = NULL;
				prep_obl = -1;
			}
		} else {
			subj = patient;
			agent = -1;
		}
	}
	if (subj < 0 || subj == obj)
		return;
	/* the outermost light verb owns the tense and the mode */
	tense_mode(c, top, &tense, &mode);
	neg = is_negated(c, v);
	for (k = 0; k < info.nlight; k++) {
		int l = info.light[k];
		if (is_negated(c, l))
			neg = !neg;
		if (str_in(lemma_of(c, l), negating_verbs)) {
			neg = !neg;
			intent = lemma_of(c, l);
		} else if (str_in(lemma_of(c, l), planning_verbs)) {
			intent = lemma_of(c, l);
			if (!mode)
				mode = "planned";
		}
	}
	source = find_source(c, top, &say);

	/* relation lemma: verb + particle; copula: "be" */
	if (has_cop(c, v)) {
		snprintf(lemma, sizeof(lemma), "be");
	} else {
		int prt = child_exact(c, v, "compound:prt");
		if (prt >= 0)
			snprintf(lemma, sizeof(lemma), "%s %s", lemma_of(c, v), lemma_of(c, prt));
		else
			snprintf(lemma, sizeof(lemma), "%s", lemma_of(c, v));
		/* light-verb constructions: "hold talks with X" -> "hold talk",
		 * the object is X; "A and B held talks": A-hold talk-B */
		if (obj >= 0 && obj == first_child(c, v, "obj") &&
		    str_in(lemma_of(c, v), talk_verbs) && str_in(lemma_of(c, obj), talk_nouns)) {
			int with = -1;
			snprintf(lemma, sizeof(lemma), "%s %s", lemma_of(c, v), lemma_of(c, obj));
			info.noun = obj;
			for (k = 0; k < c->kn[obj] && with < 0; k++) {
				int ch = c->kids[c->kstart[obj] + k];
				if (base_is(rel_of(c, ch), "nmod") &&
				    (case_is(c, ch, "with") || case_is(c, ch, "between")))
					with = ch;
			}
			for (k = 0; k < c->kn[v] && with < 0; k++) {
				int ch = c->kids[c->kstart[v] + k];
				if (is_obl(c, v, ch) && case_is(c, ch, "with"))
					with = ch;
			}
			if (with >= 0) {
				obj = prep_obl = with;
				prep = lemma_of(c, first_child(c, with, "case"));
			} else {
				obj = -1;
			}
		}
	}

	fl = 0;
	if (inherited)
		fl |= XF_INHERITED;
	if (relsubj || (obj >= 0 && obj != first_child(c, v, "obj") && obj == x_head))
		fl |= XF_RELPRON;
	if (passive)
		fl |= XF_PASSIVE;
	if (info.nlight)
		fl |= XF_LIGHT;
	if (source >= 0)
		fl |= XF_SOURCE;
	if (obj < 0)
		fl |= XF_NOOBJ;
	else if (obj == prep_obl)
		fl |= XF_PREPOBJ;
	else if (obj != v && (base_is(rel_of(c, obj), "ccomp") || base_is(rel_of(c, obj), "xcomp")))
		fl |= XF_CLAUSEOBJ;
	if (abs(subj - v) > 12)
		fl |= XF_FAR;
	if (upos_of(c, subj) == UPOS_PRON)
		fl |= XF_PRONSUBJ;
	if (has_cop(c, v))
		fl |= XF_COPULA;
	if (base_is(rel_of(c, top), "ccomp") || base_is(rel_of(c, top), "csubj"))
		fl |= XF_EMBEDDED;
	if (base_is(rel_of(c, top), "acl") || base_is(rel_of(c, top), "advcl"))
		fl |= XF_MODCLAUSE;
	if ((!strcmp(c->ps->xpos[top], "VBG") || !strcmp(c->ps->xpos[top], "VBN")) &&
	    first_child(c, top, "aux") < 0 && child_exact(c, top, "aux:pass") < 0 &&
	    strcmp(rel_of(c, top), "root") && !has_cop(c, v))
		fl |= XF_NONFINITE;
	conf = 0;

	info.v = v;
	info.top = top;
	info.subj = subj;
	info.obj = obj;
	info.agent = agent;
	info.prep_obl = prep_obl;
	info.passive = turned;
	info.passive_form = passive;
	info.neg = neg;
	info.tense = tense;
	info.mode = mode;
	info.intent = intent;
	info.prep = prep;
	info.source = source;
	info.say = say;
	info.flags = fl;
	info.conf = conf;
	info.lemma = lemma;

	nsubj = conjuncts(c, subj, subjs, 8, 0);
	/* "Xi and Putin signed" parsed as two subjects of the verb: names
	 * with a conjunction between them are coordinated */
	if (subj == own_subj(c, top) && upos_of(c, subj) == UPOS_PROPN) {
		for (k = 0; k < c->kn[top] && nsubj < 8; k++) {
			int ch = c->kids[c->kstart[top] + k], i, cc = 0;
			if (ch == subj || !base_is(rel_of(c, ch), "nsubj") ||
			    upos_of(c, ch) != UPOS_PROPN)
				continue;
			/* a conjunction or a list comma between them: "Saudi
			 * Arabia, the UAE, Bahrain and Egypt cut ties" */
			for (i = ch < subj ? ch : subj; i < (ch < subj ? subj : ch); i++)
				if (upos_of(c, i) == UPOS_CCONJ || !strcmp(c->s->form[i], ","))
					cc = 1;
			if (cc) {
				int more[8], nm = conjuncts(c, ch, more, 8, 0), m;
				for (m = 0; m < nm && nsubj < 8; m++)
					subjs[nsubj++] = more[m];
			}
		}
		for (k = 1; k < nsubj; k++) {
			int x = subjs[k], j = k;
			for (; j > 0 && subjs[j - 1] > x; j--)
				subjs[j] = subjs[j - 1];
			subjs[j] = x;
		}
	}
	nobj = obj < 0 ? 0 : obj == v ? 1 : conjuncts(c, obj, objs, 8, 0);
	if (obj == v)
		objs[0] = v;
	/* "Akar and Gantz met": each meets the other */
	/* "Akar and Gantz met in Ankara": the place is an extra argument */
	if (nsubj >= 2 && obj >= 0 && obj == prep_obl && prep && strcmp(prep, "with") &&
	    strcmp(prep, "to") && str_in(lemma_of(c, v), reciprocal_verbs)) {
		info.obj = info.prep_obl = -1;
		info.prep = NULL;
		nobj = 0;
	}
	if (nobj == 0 && nsubj >= 2 && (str_in(lemma_of(c, v), reciprocal_verbs) ||
					 info.noun >= 0)) {
		for (si = 0; si < nsubj; si++)
			for (oi = si + 1; oi < nsubj; oi++) {
				struct xtriple *t = new_triple(c);
				if (!t)
					return;
				t->subj = span_of(c, subjs[si], 1, v);
				t->obj = span_of(c, subjs[oi], 1, v);
				t->reciprocal = 1;
				t->flags |= XF_SPLIT;
				fill_triple(c, t, &info);
			}
		return;
	}
	for (si = 0; si < nsubj; si++) {
		for (oi = 0; oi < (nobj ? nobj : 1); oi++) {
			struct xtriple *t = new_triple(c);
			if (!t)
				return;
			t->subj = span_of(c, subjs[si], nsubj > 1, v);
			if (nsubj > 1 || nobj > 1)
				t->flags |= XF_SPLIT;
			if (nobj)
				t->obj = objs[oi] == v ? span_pred(c, v, 0, 1, -1) :
					 span_of(c, objs[oi], nobj > 1, v);
			fill_triple(c, t, &info);
		}
	}
}

/*==== Appositions and titles ====*/

/* Words that are titles even when tagged as names: "President Bush". */
static const char *const title_words[] = {
	"President", "Minister", "Prime", "Secretary", "Senator", "Sen.",
	"Governor", "Gov.", "Mayor", "General", "Gen.", "King", "Queen",
	"Prince", "Princess", "Chancellor", "Ambassador", "Representative",
	"Rep.", "Chairman", "Judge", "Justice", "Colonel", "Col.", "Captain",
	"Commander", "Premier", "Emperor", "Pope", "Bishop", "Archbishop",
	"Sheikh", "Vice", "Deputy", "Foreign", "Defense", "Defence", "Attorney",
	"Professor", "Prof.", "Chief", "Director", "Leader", "Speaker", NULL
};

/* A triple "subject is object" with no relation tokens (lemma "be"). */
static void emit_be(struct ctx *c, struct xspan subj, struct xspan obj, int pred,
		    int kind, double conf)
{
	struct xtriple *t;
	if (subj.head < 0 || obj.head < 0 || subj.hi <= subj.lo || obj.hi <= obj.lo)
		return;
	if (!(t = new_triple(c)))
		return;
	t->subj = subj;
	t->obj = obj;
	t->pred = pred;
	t->date_pred = pred;
	t->tense = TENSE_PRESENT;
	t->kind = kind;
	t->confidence = conf;
	snprintf(t->lemma, sizeof(t->lemma), "be");
}

/* "Gantz, the defence minister" and "the minister, Benny Gantz": the
 * name is the subject when one side is a name and the other is not. */
static void emit_apposition(struct ctx *c, int a)
{
	int h = head_of(c, a), k;
	struct xspan x, y;
	double conf = 0.6;
	if (h < 0 || a < h || !is_nominal(c, h) || !is_nominal(c, a) ||
	    upos_of(c, a) == UPOS_PRON || upos_of(c, h) == UPOS_PRON ||
	    has_cop(c, h) || own_subj(c, h) >= 0)
		return;
	for (k = 0; k < c->kn[a]; k++)
		if (amod_verb_subj(c, c->kids[c->kstart[a] + k]) >= 0)
			return;		/* "Protesters stormed/amod embassy/appos" */
	x = span_of(c, h, 1, a);
	y = span_of(c, a, 1, -1);
	if (y.hi - y.lo > 15)
		conf -= 0.2;
	if (upos_of(c, h) != UPOS_PROPN && upos_of(c, a) == UPOS_PROPN)
		emit_be(c, y, x, a, XT_APPOS, conf);
	else
		emit_be(c, x, y, a, XT_APPOS, conf);
}

/* "author Bill Bryson", "Party President Richard Ciano", "President
 * Bush": the name is its title. h is a proper noun. */
static void emit_title(struct ctx *c, int h)
{
	int k, lo = h, hi = h + 1, tlo = -1, thead = -1, common = 0, i;
	struct xspan name, title;

	for (k = 0; k < c->kn[h]; k++) {
		int ch = c->kids[c->kstart[h] + k];
		const char *r = rel_of(c, ch);
		if (ch > h && base_is(r, "flat") && ch == hi)
			hi = ch + 1;
	}
	/* the name: proper nouns right before h, not titles */
	while (lo > 0 && upos_of(c, lo - 1) == UPOS_PROPN && head_of(c, lo - 1) == h &&
	       !str_in(c->s->form[lo - 1], title_words))
		lo--;
	/* the title: the modifiers of h before the name */
	for (k = 0; k < c->kn[h]; k++) {
		int ch = c->kids[c->kstart[h] + k];
		const char *r = rel_of(c, ch);
		if (ch >= lo)
			break;
		if (!strcmp(r, "nmod:desc") ||
		    (base_is(r, "compound") && (upos_of(c, ch) == UPOS_NOUN ||
						str_in(c->s->form[ch], title_words))) ||
		    (base_is(r, "amod") && tlo >= 0)) {
			if (tlo < 0 || c->sublo[ch] < tlo)
				tlo = c->sublo[ch];
			thead = ch;
		}
	}
	if (tlo < 0 || thead < 0)
		return;
	for (i = tlo; i < lo; i++) {
		const char *f = c->s->form[i];
		int is_title = str_in(f, title_words);
		if (upos_of(c, i) == UPOS_NOUN && f[0] >= 'A' && f[0] <= 'Z' && !is_title)
			return;		/* "the Trail Crew" is a name */
		if (upos_of(c, i) == UPOS_NOUN || is_title)
			common = 1;
		if (is_punct_form(c->s->form[i]) && strcmp(c->s->form[i], "'s") &&
		    strcmp(c->s->form[i], "-"))
			return;
	}
	if (!common)
		return;
	name.head = h;
	name.lo = lo;
	name.hi = hi;
	title.head = thead;
	title.lo = tlo;
	title.hi = lo;
	emit_be(c, name, title, h, XT_APPOS, 0.5);
}

/* The nominal modifier of n introduced by one of 'preps', or -1. */
static int nmod_with(const struct ctx *c, int n, const char *const *preps)
{
	int k;
	for (k = 0; k < c->kn[n]; k++) {
		int ch = c->kids[c->kstart[n] + k];
		int cs = first_child(c, ch, "case");
		if (base_is(rel_of(c, ch), "nmod") && strcmp(rel_of(c, ch), "nmod:poss") &&
		    cs >= 0 && str_in(lemma_of(c, cs), preps))
			return ch;
	}
	return -1;
}

/* "Gantz's visit to Turkey" -> Gantz-visit-Turkey; "the visit of Gantz to
 * Turkey" too; "talks between Ankara and Tel Aviv" -> Ankara-talk-Tel Aviv.
 * n is an event noun; the triple is dated and tensed by the clause the
 * noun stands in. */
static void emit_nominal(struct ctx *c, int n)
{
	static const char *const to_preps[] = {
		"to", "with", "against", "on", "into", "toward", "towards", NULL
	};
	static const char *const of_prep[] = { "of", "by", NULL };
	static const char *const between[] = { "between", NULL };
	int subj = -1, obj = -1, k, cj = -1, v;
	const char *mode = NULL;
	struct xtriple *t;

	for (k = 0; k < c->kn[n]; k++) {
		int ch = c->kids[c->kstart[n] + k];
		if (!strcmp(rel_of(c, ch), "nmod:poss") && ch < n)
			subj = ch;
	}
	if (subj < 0 && (subj = nmod_with(c, n, of_prep)) >= 0 &&
	    upos_of(c, subj) != UPOS_PROPN)
		subj = -1;
	obj = nmod_with(c, n, to_preps);
	if (subj < 0 && obj < 0 && (subj = nmod_with(c, n, between)) >= 0) {
		for (k = 0; k < c->kn[subj] && cj < 0; k++) {
			int ch = c->kids[c->kstart[subj] + k];
			if (base_is(rel_of(c, ch), "conj"))
				cj = ch;
		}
		obj = cj;
	}
	if (subj < 0 || obj < 0 || subj == obj)
		return;
	if (!(t = new_triple(c)))
		return;
	t->kind = XT_NOMINAL;
	t->subj = span_of(c, subj, cj >= 0, n);
	t->obj = span_of(c, obj, cj >= 0, n);
	t->reciprocal = cj >= 0;
	t->pred = n;
	t->date_pred = n;
	rel_add(t, n);
	if (cj < 0)
		rel_add(t, first_child(c, obj, "case"));
	t->prep = cj < 0 ? lemma_of(c, first_child(c, obj, "case")) : NULL;
	snprintf(t->lemma, sizeof(t->lemma), "%s", lemma_of(c, n));
	/* the clause the noun stands in gives the tense */
	for (v = head_of(c, n), k = 0; v >= 0 && k < 8 && !is_predicate(c, v); k++)
		v = head_of(c, v);
	t->tense = TENSE_PAST;
	if (v >= 0)
		tense_mode(c, v, &t->tense, &mode);
	t->mode = mode;
	t->flags = upos_of(c, subj) == UPOS_PRON ? XF_PRONSUBJ : 0;
	t->confidence = upos_of(c, subj) == UPOS_PROPN && upos_of(c, obj) == UPOS_PROPN ?
			0.45 : 0.3;
}

/* "Descartes's reductionism", "the station's website": the possessor has
 * the thing (lemma "have", no relation tokens). Names and nouns only: not
 * pronouns, and not event nouns (see emit_nominal). */
static void emit_possessive(struct ctx *c, int p)
{
	int h = head_of(c, p);
	struct xtriple *t;
	if (h < 0 || p > h || upos_of(c, p) == UPOS_PRON || !is_nominal(c, p) ||
	    upos_of(c, h) != UPOS_NOUN || first_child(c, p, "case") < 0)
		return;
	if (!(t = new_triple(c)))
		return;
	t->subj = span_of(c, p, 1, h);
	t->subj.hi = p + 1 > t->subj.hi ? p + 1 : t->subj.hi;
	t->obj = span_of(c, h, 1, p);
	if (t->obj.lo <= t->subj.hi - 1)
		t->obj.lo = first_child(c, p, "case") + 1;
	t->pred = h;
	t->date_pred = h;
	t->tense = TENSE_PRESENT;
	t->kind = XT_POSS;
	t->confidence = 0.3;
	snprintf(t->lemma, sizeof(t->lemma), "have");
}

/* Modifiers read as statements, the way Open IE annotates them: "a
 * gaping loophole" -> loophole is gaping; "companies in Japan" ->
 * companies in Japan (relation: the preposition, lemma "be"). Kind
 * XT_MODIFIER, lowest confidence: they are for recall, not for events. */
static void emit_modifier(struct ctx *c, int m)
{
	static const char *const preps[] = {
		"in", "at", "on", "from", "with", "near", "inside", NULL
	};
	int h = head_of(c, m), cs;
	struct xspan subj, obj;
	struct xtriple *t;

	if (h < 0 || upos_of(c, h) != UPOS_NOUN)
		return;
	if (!strcmp(rel_of(c, m), "amod")) {
		if (upos_of(c, m) != UPOS_ADJ || strcmp(c->ps->xpos[m], "JJ") || m > h ||
		    c->kn[m] > 1)
			return;
		subj.head = h;
		subj.lo = m + 1;
		subj.hi = h + 1;
		obj = span_of(c, m, 0, -1);
		if (obj.hi > subj.lo)
			return;
	} else if (!strcmp(rel_of(c, m), "nmod") && m > h &&
		   (cs = first_child(c, m, "case")) >= 0 && str_in(lemma_of(c, cs), preps)) {
		subj = span_of(c, h, 1, m);
		if (subj.hi > cs)
			subj.hi = cs;
		obj = span_of(c, m, 1, -1);
		if (obj.hi - obj.lo > 8 || subj.hi - subj.lo > 8)
			return;
	} else {
		return;
	}
	if (subj.hi <= subj.lo || obj.hi <= obj.lo || !(t = new_triple(c)))
		return;
	t->kind = XT_MODIFIER;
	t->subj = subj;
	t->obj = obj;
	t->pred = m;
	t->date_pred = m;
	t->tense = TENSE_PRESENT;
	if (!strcmp(rel_of(c, m), "nmod"))
		rel_add(t, first_child(c, m, "case"));
	/* adjectives are right about half the time, phrases about a fifth */
	t->confidence = t->nrel ? 0.1 : 0.3;
	snprintf(t->lemma, sizeof(t->lemma), "be");
}

/*==== Sentences ====*/

#define SCRATCH_TOKENS 512

int extract_sentence(const struct xsent *s, struct xtriple *out, int max)
{
	return extract_sentence_opts(s, out, max, 0);
}

/* "they both named/VBN/amod new ambassadors", with "ambassadors" given
 * the subject: a finite verb the tagger read as an adjective of the noun
 * after it. Rewrites the tree into fixed (head/deprel in fhead/frel, the
 * rest shared with ps) so that the verb heads its clause: the noun is its
 * object, the noun's subject and the clause words before the verb are the
 * verb's. Returns 1 when it rewrote something. */
/* Start the corrected copy of ps the first time a repair needs it. */
static void repair_begin(const struct parse *ps, struct parse *fixed, int *fhead,
			 const char **frel, int *done)
{
	if (*done)
		return;
	*fixed = *ps;
	memcpy(fhead, ps->head, (size_t)ps->n * sizeof(*fhead));
	memcpy(frel, ps->deprel, (size_t)ps->n * sizeof(*frel));
	fixed->head = fhead;
	fixed->deprel = frel;
	*done = 1;
}

static int has_child_rel(const struct parse *ps, int h, const char *rel)
{
	int c;
	for (c = 0; c < ps->n; c++)
		if (ps->head[c] - 1 == h && !strncmp(ps->deprel[c], rel, strlen(rel)))
			return 1;
	return 0;
}

/* Make verb v the root and the root noun n its subject; what hung on the
 * noun after the verb is the verb's. */
static void root_verb(const struct parse *ps, int *fhead, const char **frel, int v, int n)
{
	int c;
	fhead[v] = 0;
	frel[v] = "root";
	fhead[n] = v + 1;
	frel[n] = "nsubj";
	for (c = v + 1; c < ps->n; c++)
		if (ps->head[c] - 1 == n)
			fhead[c] = v + 1;
}

/* A capitalised word (the lemma keeps the case of names and titles). */
static int cap_lemma(const struct parse *ps, int i)
{
	return isupper((unsigned char)ps->lemma[i][0]);
}

int extract_repair(const struct parse *ps, struct parse *fixed, int *fhead,
		   const char **frel)
{
	int v, c, done = 0;

	for (v = 0; v < ps->n; v++) {
		int n = ps->head[v] - 1, subj = 0;
		if (ps->upos[v] != UPOS_VERB || strcmp(ps->deprel[v], "amod") || n <= v ||
		    (ps->upos[n] != UPOS_NOUN && ps->upos[n] != UPOS_PROPN) ||
		    (strcmp(ps->xpos[v], "VBD") && strcmp(ps->xpos[v], "VBN")))
			continue;
		for (c = 0; c < ps->n; c++)
			if (ps->head[c] - 1 == n && (!strncmp(ps->deprel[c], "nsubj", 5) ||
						     !strcmp(ps->deprel[c], "cop")))
				subj |= ps->deprel[c][0] == 'n' ? 1 : 2;
		/* "Beijing/compound imposed/amod sanctions" as the whole
		 * sentence: the name before the verb is its subject */
		for (c = v - 1; !subj && ps->head[n] == 0 && c >= 0; c--)
			if (ps->head[c] - 1 == n && !strcmp(ps->deprel[c], "compound") &&
			    (ps->upos[c] == UPOS_PROPN || ps->upos[c] == UPOS_NOUN)) {
				subj = 4;	/* "The Bank of Japan/compound raised/amod rates" */
				break;
			}
		/* "militias/root fired/amod rockets/conj": the root noun is the
		 * verb's subject, the other its object */
		if (!subj && !strcmp(ps->deprel[n], "conj") && ps->head[n] > 0 &&
		    ps->head[n] - 1 < v && ps->head[ps->head[n] - 1] == 0 &&
		    (ps->upos[ps->head[n] - 1] == UPOS_NOUN || ps->upos[ps->head[n] - 1] == UPOS_PROPN)) {
			repair_begin(ps, fixed, fhead, frel, &done);
			root_verb(ps, fhead, frel, v, ps->head[n] - 1);
			fhead[n] = v + 1;
			frel[n] = "obj";
			continue;
		}
		if (subj != 1 && subj != 4)
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		fhead[v] = ps->head[n];
		frel[v] = ps->deprel[n];
		fhead[n] = v + 1;
		frel[n] = "obj";
		if (subj == 4)
			frel[c] = "nsubj";
		/* what stands before the verb is the clause's, not the noun's */
		for (c = 0; c < v; c++)
			if (ps->head[c] - 1 == n)
				fhead[c] = v + 1;
	}
	/* "Senior officials agreed/acl on Wednesday that ...": a sentence whose
	 * root is a noun with a past-tense verb after it as its clause is that
	 * verb's sentence, the noun its subject */
	for (v = 1; v < ps->n; v++) {
		int n = ps->head[v] - 1, agent = -1;
		/* "Kenyan police/root arrested/acl ... Nawaz/obl:agent Sharif":
		 * an agent with no "by" is the object */
		for (c = v + 1; c < ps->n && agent < 0; c++)
			if (ps->head[c] - 1 == v && !strcmp(ps->deprel[c], "obl:agent") &&
			    !has_child_rel(ps, c, "case"))
				agent = c;
		if (ps->upos[v] != UPOS_VERB || strcmp(ps->deprel[v], "acl") || n < 0 ||
		    n >= v || ps->head[n] != 0 ||
		    (ps->upos[n] != UPOS_NOUN && ps->upos[n] != UPOS_PROPN) ||
		    has_child_rel(ps, n, "cop") || has_child_rel(ps, n, "nsubj") ||
		    has_child_rel(ps, v, "nsubj") ||
		    !(!strcmp(ps->xpos[v], "VBD") ||
		      (!strcmp(ps->xpos[v], "VBN") &&
		       (has_child_rel(ps, v, "obj") || has_child_rel(ps, v, "ccomp") ||
			agent >= 0))))
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		root_verb(ps, fhead, frel, v, n);
		if (agent >= 0)
			frel[agent] = "obj";
		break;
	}
	/* "blocked the Europe Bridge/nsubj spanning/advcl the Rhine": a verb
	 * with no object and a participle's subject right after it is that
	 * noun's verb, the participle the noun's */
	for (v = 0; v + 2 < ps->n; v++) {
		int a, n = -1, k;
		if (ps->upos[v] != UPOS_VERB || has_child_rel(ps, v, "obj") ||
		    has_child_rel(ps, v, "ccomp") || has_child_rel(ps, v, "xcomp"))
			continue;
		for (a = v + 2; a < ps->n; a++)
			if (ps->head[a] - 1 == v && !strcmp(ps->deprel[a], "advcl") &&
			    !strcmp(ps->xpos[a], "VBG"))
				break;
		if (a >= ps->n)
			continue;
		for (c = v + 1; c < a; c++)
			if (ps->head[c] - 1 == a && !strcmp(ps->deprel[c], "nsubj"))
				n = c;
		/* the noun phrase starts right after the verb, with no comma
		 * ("the" may hang on the participle) */
		for (k = v + 1; n >= 0 && k < n; k++)
			if (!extract_dominates(ps, n, k) &&
			    !(ps->head[k] - 1 == a && ps->upos[k] == UPOS_DET))
				n = -1;
		if (n < 0)
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		for (k = v + 1; k < n; k++)
			if (ps->head[k] - 1 == a)
				fhead[k] = n + 1;
		fhead[n] = v + 1;
		frel[n] = "obj";
		fhead[a] = n + 1;
		frel[a] = "acl";
	}
	/* "has ordered former president Carlos/obl:agent Menem to appear": an
	 * agent with no "by" is the object */
	for (c = 0; c < ps->n; c++) {
		v = ps->head[c] - 1;
		if (v < 0 || strcmp(ps->deprel[c], "obl:agent") || has_child_rel(ps, c, "case") ||
		    ps->upos[v] != UPOS_VERB || has_child_rel(ps, v, "obj"))
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		frel[c] = "obj";
	}
	/* "it is willing/expl to withdraw": adjectives of intent take a
	 * subject, not an expletive */
	for (v = 0; v < ps->n; v++) {
		static const char *const intent_adj[] = {
			"willing", "prepared", "ready", "determined", "eager", "keen", NULL
		};
		int a = ps->head[v] - 1;
		if (strcmp(ps->deprel[v], "expl") || a < 0 || ps->upos[a] != UPOS_ADJ ||
		    !str_in(ps->lemma[a], intent_adj) || !has_child_rel(ps, a, "xcomp") ||
		    has_child_rel(ps, a, "nsubj"))
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		frel[v] = "nsubj";
	}
	/* Names of firms: "Merrill Lynch and/cc Co/conj Inc" is one name, and
	 * "Motors/nsubj Corp/nsubj recalled", "the brokerage/nsubj
	 * Goldman/nsubj Sachs advised" one subject */
	for (v = 1; v < ps->n; v++) {
		int h = ps->head[v] - 1;
		if (ps->upos[v] != UPOS_PROPN || h < 0 || ps->upos[h] != UPOS_PROPN)
			continue;
		if (!strcmp(ps->deprel[v], "conj") && h < v - 1 &&
		    (!strcasecmp(ps->lemma[v], "co") || !strcasecmp(ps->lemma[v], "co.")) &&
		    ps->head[v - 1] - 1 == v && (!strcmp(ps->lemma[v - 1], "and") ||
						 !strcmp(ps->lemma[v - 1], "&"))) {
			repair_begin(ps, fixed, fhead, frel, &done);
			frel[v] = "flat";
			fhead[v - 1] = h + 1;
			frel[v - 1] = "flat";
		}
	}
	for (v = 0; v + 1 < ps->n; v++) {
		if ((ps->upos[v] == UPOS_PROPN || ps->upos[v] == UPOS_NOUN) &&
		    ps->upos[v + 1] == UPOS_PROPN &&
		    ps->head[v] == ps->head[v + 1] && ps->head[v] > v + 2 &&
		    !strcmp(ps->deprel[v], "nsubj") && !strcmp(ps->deprel[v + 1], "nsubj")) {
			repair_begin(ps, fixed, fhead, frel, &done);
			fhead[v] = v + 2;
			frel[v] = "compound";
		}
	}
	/* "Palestinian leader/nsubj Yasser Arafat/compound Wednesday/nsubj
	 * rejected": a weekday heading a name is the time, the name the
	 * subject, the title before it the name's */
	for (v = 1; v < ps->n; v++) {
		int nm = v - 1, lo, k;
		if (ps->upos[v] != UPOS_PROPN || date_weekday_name(ps->lemma[v]) < 0 ||
		    ps->upos[nm] != UPOS_PROPN || ps->head[nm] - 1 != v ||
		    strcmp(ps->deprel[nm], "compound") || strncmp(ps->deprel[v], "nsubj", 5))
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		fhead[nm] = ps->head[v];
		frel[nm] = ps->deprel[v];
		frel[v] = "obl:tmod";
		for (k = 0; k < ps->n; k++)
			if (k != nm && ps->head[k] - 1 == v)
				fhead[k] = nm + 1;
		for (lo = nm; lo > 0 && ps->head[lo - 1] - 1 == nm; lo--)
			;
		if (lo > 0 && (ps->upos[lo - 1] == UPOS_NOUN || ps->upos[lo - 1] == UPOS_PROPN) &&
		    ps->head[lo - 1] == ps->head[v] && !strcmp(ps->deprel[lo - 1], "nsubj")) {
			fhead[lo - 1] = nm + 1;
			frel[lo - 1] = "compound";
		}
	}
	/* "from/mark neighboring/advcl Lebanon/obj": a participle news uses
	 * as an adjective, after a preposition, modifies the noun after it */
	for (v = 1; v + 1 < ps->n; v++) {
		static const char *const adjectival[] = {
			"neighbor", "neighbour", "war", NULL	/* lemmas of -ing forms */
		};
		int o = v + 1, m = v - 1;
		if (ps->upos[v] != UPOS_VERB || strcmp(ps->xpos[v], "VBG") ||
		    !str_in(ps->lemma[v], adjectival) || ps->head[o] - 1 != v ||
		    strcmp(ps->deprel[o], "obj") || ps->head[m] - 1 != v || ps->upos[m] != UPOS_ADP)
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		fhead[o] = ps->head[v];
		frel[o] = "obl";
		fhead[v] = o + 1;
		frel[v] = "amod";
		fhead[m] = o + 1;
		frel[m] = "case";
	}
	/* "Washington/nsubj along with its allies/nsubj demanded": a second
	 * subject with a preposition of its own is an oblique */
	for (v = 0; v < ps->n; v++) {
		int h = ps->head[v] - 1, c2;
		if (h < 0 || strncmp(ps->deprel[v], "nsubj", 5) || !has_child_rel(ps, v, "case"))
			continue;
		for (c2 = 0; c2 < ps->n; c2++)
			if (c2 != v && ps->head[c2] - 1 == h && !strncmp(ps->deprel[c2], "nsubj", 5) &&
			    !has_child_rel(ps, c2, "case"))
				break;
		if (c2 >= ps->n)
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		frel[v] = "obl";
	}
	/* "Bosnian/xcomp Serbs/nsubj demanded": an adjective before the
	 * subject, hung on the verb, is the subject's */
	for (v = 0; v + 1 < ps->n; v++) {
		int h = ps->head[v];
		if (ps->upos[v] != UPOS_ADJ || h <= v + 2 || ps->head[v + 1] != h ||
		    !strcmp(ps->deprel[v], "amod") ||
		    (ps->upos[v + 1] != UPOS_NOUN && ps->upos[v + 1] != UPOS_PROPN) ||
		    strncmp(ps->deprel[v + 1], "nsubj", 5) || has_child_rel(ps, v, "nsubj"))
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		fhead[v] = v + 2;
		frel[v] = "amod";
	}
	/* "attacked former/xcomp Prime Minister Iyad/obl Allawi": an adjective
	 * of office heading the name after it (a construction the treebank
	 * hardly has) is the name's; the name takes its place in the clause */
	for (v = 0; v + 2 < ps->n; v++) {
		static const char *const pre_title[] = {
			"former", "outgoing", "incoming", "late", "then", "interim",
			"acting", "ousted", "deposed", "exiled", "jailed", "embattled", NULL
		};
		int h = ps->head[v], nm = -1, k;
		if (ps->upos[v] != UPOS_ADJ || !h || !strcmp(ps->deprel[v], "amod") ||
		    !str_in(ps->lemma[v], pre_title) || !cap_lemma(ps, v + 1))
			continue;
		/* the name hangs from the adjective, or beside it with no
		 * preposition of its own ("arrested former/xcomp ...
		 * Nawaz/obl Sharif") */
		for (c = v + 1; c < ps->n && nm < 0; c++)
			if (ps->upos[c] == UPOS_PROPN &&
			    (ps->head[c] - 1 == v ||
			     (ps->head[c] == h && !has_child_rel(ps, c, "case"))))
				nm = c;
		if (nm < 0)
			continue;
		/* everything between is the name's title: "Prime Minister" */
		for (k = v + 1; k < nm; k++)
			if (!cap_lemma(ps, k) || ps->head[k] - 1 < v + 1 || ps->head[k] - 1 > nm)
				break;
		if (k < nm)
			continue;
		repair_begin(ps, fixed, fhead, frel, &done);
		fhead[nm] = h;
		frel[nm] = !strcmp(ps->deprel[v], "xcomp") ? "obj" : ps->deprel[v];
		for (c = 0; c < ps->n; c++)
			if (c != nm && ps->head[c] - 1 == v)
				fhead[c] = nm + 1;
		fhead[v] = nm + 1;
		frel[v] = "amod";
	}
	/* repairs that met in one sentence must leave a tree */
	return done && parse_is_tree(fhead, ps->n);
}

int extract_sentence_opts(const struct xsent *s, struct xtriple *out, int max,
			  unsigned opts)
{
	struct ctx c;
	int i, j, n = s->n, *cnt, *heap = NULL;
	int scratch[5 * SCRATCH_TOKENS + 1];
	int *buf = scratch;
	struct parse fixed;
	int fhead[SCRATCH_TOKENS];
	const char *frel[SCRATCH_TOKENS];

	if (n <= 0 || max <= 0)
		return 0;
	memset(&c, 0, sizeof(c));
	c.s = s;
	c.ps = s->ps;
	if (n <= SCRATCH_TOKENS && extract_repair(s->ps, &fixed, fhead, frel))
		c.ps = &fixed;
	c.n = n;
	c.out = out;
	c.max = max;
	if (n > SCRATCH_TOKENS)
		buf = heap = xmalloc((5 * (size_t)n + 1) * sizeof(int));
	memset(buf, 0, (5 * (size_t)n + 1) * sizeof(int));
	c.kstart = buf;
	c.kn = buf + n + 1;
	c.kids = buf + 2 * n + 1;
	cnt = buf + 3 * n + 1;
	c.sublo = buf + 4 * n + 1;
	for (i = 0; i < n; i++) {
		int h = head_of(&c, i);
		c.sublo[i] = i;
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
	/* leftmost token of every subtree: each token lowers its ancestors */
	for (i = 0; i < n; i++) {
		int steps = 0;
		for (j = head_of(&c, i); j >= 0 && j < n && steps++ < n; j = head_of(&c, j)) {
			if (c.sublo[j] <= i)
				break;
			c.sublo[j] = i;
		}
	}
	for (i = 0; i < n; i++) {
		if (!strcmp(rel_of(&c, i), "appos"))
			emit_apposition(&c, i);
		if (upos_of(&c, i) == UPOS_PROPN)
			emit_title(&c, i);
		if (opts & XO_MODIFIERS)
			emit_modifier(&c, i);
		if (upos_of(&c, i) == UPOS_NOUN && str_in(lemma_of(&c, i), event_nouns))
			emit_nominal(&c, i);
		else if (!strcmp(rel_of(&c, i), "nmod:poss") &&
			 !str_in(lemma_of(&c, head_of(&c, i) >= 0 ? head_of(&c, i) : i), event_nouns))
			emit_possessive(&c, i);
		if (!is_predicate(&c, i))
			continue;
		/* a light verb with an infinitive complement speaks through it */
		if (is_light(&c, i) && !str_in(lemma_of(&c, i), own_event_verbs))
			continue;
		emit_clause(&c, i);
	}
	free(heap);
	return c.nout;
}
