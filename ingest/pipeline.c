/*
 * pipeline.c: from an article to its triples (see pipeline.h).
 */
#include "ingest/pipeline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/actors.h"
#include "ingest/dates.h"
#include "ingest/events.h"
#include "ingest/extract.h"
#include "ingest/kb.h"
#include "ingest/parser.h"
#include "ingest/reparse.h"
#include "ingest/sentence.h"
#include "ingest/token.h"
#include "util.h"

#define MAX_XTRIPLES 64
#define MAX_TIMEX 16

struct pipeline {
	struct parser *parser;	/* borrowed when it is the default one */
	int own_parser;
	struct kb *kb;
	struct actors *actors;
	double min_confidence;
	struct token_list tokens;
	struct sentence_list sentences;
	struct parse parse;
	const char **forms;	/* forms of the current sentence */
	size_t forms_alloc;
	unsigned char *proper;	/* tokens the kb knows as names (mark_names) */
	size_t proper_alloc;
	struct reparse *reparse;	/* parsing around set-off times and phrases */
	int *fhead;		/* the mended tree's heads and relations */
	const char **frel;	/* (extract_repair) */
	size_t fhead_alloc, frel_alloc;
	struct pipeline_stats st;
};

struct pipeline *pipeline_new(const struct pipeline_opts *o, int *bad_lines)
{
	struct pipeline *p = xcalloc(1, sizeof(*p));
	int i, r;

	if (bad_lines)
		*bad_lines = 0;
	if (o->model) {
		if (parser_load(&p->parser, o->model) < 0)
			goto fail;
		p->own_parser = 1;
	} else if (!(p->parser = parser_default())) {
		goto fail;
	}
	if (!(p->kb = kb_new()))
		goto fail;
	for (i = 0; i < o->nactors; i++) {
		r = kb_load_actors(p->kb, o->actors[i]);
		if (r < 0)
			goto fail;
		if (r > 0 && bad_lines)
			*bad_lines = 1;
	}
	for (i = 0; i < o->nagents; i++) {
		r = kb_load_agents(p->kb, o->agents[i]);
		if (r < 0)
			goto fail;
		if (r > 0 && bad_lines)
			*bad_lines = 1;
	}
	p->actors = actors_new(p->kb);
	p->min_confidence = o->min_confidence;
	parse_init(&p->parse);
	p->reparse = reparse_new();
	return p;
fail:
	pipeline_free(p);
	return NULL;
}

void pipeline_free(struct pipeline *p)
{
	if (!p)
		return;
	if (p->own_parser)
		parser_free(p->parser);
	actors_free(p->actors);
	kb_free(p->kb);
	token_list_release(&p->tokens);
	sentence_list_release(&p->sentences);
	parse_release(&p->parse);
	reparse_free(p->reparse);
	free(p->forms);
	free(p->fhead);
	free(p->frel);
	free(p->proper);
	free(p);
}

void pipeline_stats(const struct pipeline *p, struct pipeline_stats *st)
{
	*st = p->st;
}

/*==== Dates ====*/

/* The temporal expression that modifies predicate v directly, or -1. When
 * several do, the nearest to the predicate in the tree wins. */
/* Is token i the head of a clause: a verb, or a word with a copula? */
static int is_clause_head(const struct parse *ps, int i)
{
	int j;
	if (ps->upos[i] == UPOS_VERB && strncmp(ps->deprel[i], "amod", 4) &&
	    strncmp(ps->deprel[i], "compound", 8))
		return 1;
	for (j = 0; j < ps->n; j++)
		if (ps->head[j] - 1 == i && !strcmp(ps->deprel[j], "cop"))
			return 1;
	return 0;
}

/* The temporal expression of predicate v: the one whose head hangs from v,
 * directly or through nominals ("attacked two facilities on Saturday" with
 * "Saturday" under "facilities"), the nearest in the tree; or -1. */
static int timex_of(const struct parse *ps, const struct timex *tx, int ntx, int v)
{
	int k, best = -1, best_depth = 1 << 30;
	for (k = 0; k < ntx; k++) {
		int t = parse_span_head(ps, tx[k].start, tx[k].end), depth = 0;
		if (tx[k].kind == TIMEX_TIME)
			continue;
		if (t != v) {
			t = ps->head[t] - 1;
			while (t >= 0 && t != v && !is_clause_head(ps, t) && depth < 6) {
				t = ps->head[t] - 1;
				depth++;
			}
		}
		if (t == v && depth < best_depth) {
			best = k;
			best_depth = depth;
		}
	}
	return best;
}

/* "Russia bombed Ukraine's power grid last winter", "blocked a statement
 * on aid to Kyiv last Thursday, diplomats said": a time the parser hung
 * inside the object dates the verb whose subtree holds it, unless a
 * clause with a subject of its own lies between, or it modifies a noun as
 * times do ("the decision of last year", "Sunday's elections", "the May
 * 2018 expulsion"). */
static int final_timex(const struct parse *ps, const struct timex *tx, int ntx, int v)
{
	int k, t;

	for (k = 0; k < ntx && v >= 0; k++) {
		int h = parse_span_head(ps, tx[k].start, tx[k].end), hh = ps->head[h] - 1;
		if (tx[k].kind == TIMEX_TIME || h == v)
			continue;
		if (tx[k].start > 0 && (!strcmp(ps->lemma[tx[k].start - 1], "of") ||
					!strcmp(ps->lemma[tx[k].start - 1], "'s")))
			continue;
		if (tx[k].end < ps->n && (!strcmp(ps->lemma[tx[k].end], "'s") ||
					  (hh >= tx[k].end && ps->upos[hh] == UPOS_NOUN)))
			continue;
		for (t = hh; t >= 0 && t != v; t = ps->head[t] - 1) {
			int j, own_subj = 0;
			for (j = 0; j < ps->n; j++)
				if (ps->head[j] - 1 == t && !strncmp(ps->deprel[j], "nsubj", 5))
					own_subj = 1;
			if (own_subj)
				break;
		}
		if (t == v)
			return k;
	}
	return -1;
}

static int find_date(const struct parse *ps, const struct timex *tx, int ntx, int v)
{
	int k = timex_of(ps, tx, ntx, v), depth = 0, c;

	/* "applied to join NATO last year", "accused Azerbaijan of blocking the
	 * corridor late last year": a time hung on a non-finite complement
	 * dates the verb it completes */
	for (c = 0; k < 0 && v >= 0 && c < ps->n; c++)
		if (ps->head[c] - 1 == v && (!strcmp(ps->deprel[c], "xcomp") ||
					     !strcmp(ps->deprel[c], "advcl")) &&
		    (!strcmp(ps->xpos[c], "VB") || !strcmp(ps->xpos[c], "VBG")))
			k = timex_of(ps, tx, ntx, c);
	/* "In May 2018, Turkey expelled X and recalled Y": coordinated
	 * predicates share the time of the first */
	while (k < 0 && depth++ < 4 && v >= 0 && !strncmp(ps->deprel[v], "conj", 4)) {
		v = ps->head[v] - 1;
		if (v < 0)
			break;
		k = timex_of(ps, tx, ntx, v);
	}
	return k >= 0 ? k : final_timex(ps, tx, ntx, v);
}

/*==== Building triples ====*/

static void rel_text(const struct asent *s, const struct xtriple *x, struct strbuf *sb)
{
	struct strbuf w = STRBUF_INIT;
	int i;
	sb_reset(sb);
	for (i = 0; i < x->nrel; i++) {
		actors_span_text(s, x->rel[i], x->rel[i] + 1, &w);
		if (sb->len && strcmp(sb_str(&w), "n't"))
			sb_addc(sb, ' ');
		sb_add(sb, sb_str(&w), w.len);
	}
	sb_release(&w);
}

/* Is token i inside one of the temporal expressions? */
static int in_timex(const struct timex *tx, int ntx, int i)
{
	int k;
	for (k = 0; k < ntx; k++)
		if (tx[k].start <= i && i < tx[k].end)
			return 1;
	return 0;
}

static int is_place_arg(struct pipeline *p, const struct asent *s, const struct xspan *sp,
			const char *role, const struct timex *tx, int ntx)
{
	struct kb_hit h;
	int i;
	if (strcmp(role, "in") && strcmp(role, "at") && strcmp(role, "near"))
		return 0;
	if (in_timex(tx, ntx, sp->head))
		return 0;	/* "in December" is a time */
	for (i = sp->lo; i < sp->hi; i++)
		if (kb_match(p->kb, s->x->form, s->x->n, i, NULL, &h) &&
		    (h.type == ACTOR_COUNTRY || h.type == ACTOR_PLACE) && h.form != KB_ADJECTIVE)
			return 1;
	return s->x->ps->upos[sp->head] == UPOS_PROPN;
}

/* Verbs two parties do with each other. */
static int is_reciprocal(const char *lemma)
{
	static const char *const v[] = {
		"meet", "talk", "negotiate", "agree", "confer", "consult", "clash",
		"cooperate", "hold talk", "speak", "reconcile", NULL
	};
	return str_in(lemma, v);
}

/* What two parties have between them: "the two governments restored
 * relations" is something each did with the other. */
static int is_bond(const char *noun)
{
	static const char *const v[] = {
		"relation", "relations", "tie", "ties", "talk", "talks", "agreement",
		"deal", "treaty", "accord", "pact", "dialogue", "contact", NULL
	};
	return str_in(noun, v);
}

/* A copula, a passive or a perfect: something that lasts. */
static int is_state(const struct asent *s, const struct xtriple *x)
{
	int i;
	if (x->passive || !strcmp(x->lemma, "be") || !strcmp(x->lemma, "remain"))
		return 1;
	for (i = 0; i < x->nrel; i++) {
		const char *f = s->x->form[x->rel[i]];
		if (!strcmp(f, "has") || !strcmp(f, "have") || !strcmp(f, "had") ||
		    !strcmp(f, "been"))
			return 1;
	}
	return 0;
}

/* The event of a relation with the object noun obj (or none). A light-verb
 * lemma names its noun: "hold talk" is the verb "hold" with the object
 * "talk"; a particle stays with its verb ("hand over"). */
static int lookup_with(const struct xtriple *x, const char *obj, struct event_info *ev)
{
	const char *sp = strchr(x->lemma, ' ');
	char verb[48];

	static const char *const particles[] = {
		"up", "down", "over", "out", "off", "in", "on", "back", "away",
		"through", "forward", "aside", "around", NULL
	};
	int k;

	if (sp && (size_t)(sp - x->lemma) < sizeof(verb)) {
		for (k = 0; particles[k] && strcmp(sp + 1, particles[k]); k++)
			;
		memcpy(verb, x->lemma, (size_t)(sp - x->lemma));
		verb[sp - x->lemma] = '\0';
		if (!particles[k] && event_lookup(verb, NULL, sp + 1, ev) == 0)
			return 0;
		/* a particle the lexicon does not know for this verb: "kidnapped
		 * up to 16 advisers" is a kidnapping */
		if (particles[k] && event_lookup(x->lemma, x->prep, obj, ev) < 0)
			return event_lookup(verb, x->prep, obj, ev);
	}
	return event_lookup(x->lemma, x->prep, obj, ev);
}

/* Nouns that measure or part another: "25,000 tons of food aid", "part of
 * a military aid program", "a wave of strikes", "two planes of medical
 * supplies". */
static const char *const partitives[] = {
	"ton", "tonne", "part", "number", "series", "wave", "round", "kind", "type",
	"amount", "dozen", "hundred", "thousand", "million", "score", "batch",
	"shipment", "package", "consignment", "set", "lot", "portion", "host",
	"barrage", "volley", "spate", "salvo", "string", "flood", "supply", "state",
	"plane", "planeload", "truck", "truckload", "lorry", "ship", "shipload", "boatload",
	"load", "cargo", "convoy", NULL
};

/* The event of a relation. When the object's head says no more than the
 * verb alone, the noun it measures ("tons of aid") or the noun before it
 * ("a hunger strike", "a mediation effort") may. */
static int lookup_event(const struct xtriple *x, const struct parse *ps,
			struct event_info *ev)
{
	int h = x->obj.head, r, rb, j, partitive;
	struct event_info base, alt;

	r = lookup_with(x, h >= 0 ? ps->lemma[h] : NULL, ev);
	if (h < 0)
		return r;
	rb = lookup_with(x, NULL, &base);
	if (r == 0 && (rb < 0 || strcmp(ev->cameo, base.cameo)))
		return r;	/* the object made it specific */
	partitive = str_in(ps->lemma[h], partitives);
	for (j = 0; j < ps->n; j++) {
		if (ps->head[j] - 1 != h || ps->upos[j] != UPOS_NOUN ||
		    (strcmp(ps->deprel[j], "compound") &&
		     !(partitive && !strcmp(ps->deprel[j], "nmod"))))
			continue;
		if (lookup_with(x, ps->lemma[j], &alt) == 0 &&
		    (rb < 0 || strcmp(alt.cameo, base.cameo))) {
			*ev = alt;
			return 0;
		}
	}
	/* the office of a name in apposition: "summoned Niger's ambassador,
	 * Brah Mohamane" with the name as the object's head */
	j = ps->head[h] - 1;
	if (j >= x->obj.lo && j < x->obj.hi && ps->upos[j] == UPOS_NOUN &&
	    !strcmp(ps->deprel[h], "appos") && lookup_with(x, ps->lemma[j], &alt) == 0 &&
	    (rb < 0 || strcmp(alt.cameo, base.cameo))) {
		*ev = alt;
		return 0;
	}
	return r;
}

/* "Russia said that Sudan must return the helicopter": what someone says
 * another must or should do is a demand of it (CAMEO 10), whoever the
 * verb of saying. Returns 0 and fills *ev, or -1. */
static int demand_event(const struct xtriple *x, const struct parse *ps, struct event_info *ev)
{
	static const char *const says[] = {
		"say", "tell", "state", "announce", "add", "insist", "conclude", "stress",
		"declare", "write", "argue", "reiterate", NULL
	};
	int o = x->obj.head, j;

	if (o < 0 || ps->upos[o] != UPOS_VERB || x->negated || !str_in(x->lemma, says))
		return -1;
	for (j = 0; j < ps->n; j++)
		if (ps->head[j] - 1 == o && !strcmp(ps->deprel[j], "aux") &&
		    (!strcmp(ps->lemma[j], "must") || !strcmp(ps->lemma[j], "should")))
			return event_from_cameo("100", ev);
	return -1;
}

/* Give t the event ev (replacing any). */
static void set_event(struct triple *t, const struct event_info *ev)
{
	free(t->event);
	free(t->cameo);
	t->event = ev->plover ? xstrdup(ev->plover) : NULL;
	t->cameo = ev->cameo ? xstrdup(ev->cameo) : NULL;
	t->quad = ev->quad;
}

/* "Peacekeeping troops arrived in Bosnia": armed forces that arrive
 * somewhere pay no visit (CAMEO 042/043, CONSULT); peacekeepers bring
 * peacekeeping (074, AID), other forces no event the verb says. */
static void forces_arrive(const struct kb *kb, struct triple *t)
{
	const char *text = t->subject.text, *last, *sec;
	struct event_info ev;

	if (!t->cameo || (strcmp(t->cameo, "042") && strcmp(t->cameo, "043")) || !text)
		return;
	/* the phrase's last word says they are forces ("NATO troops", coded
	 * as NATO), not officers ("the army chief", KENMIL, visits) */
	static const char *const officers[] = {
		"general", "generals", "commander", "commanders", "colonel", "colonels",
		"admiral", "admirals", "chief", "chiefs", "officer", "officers", NULL
	};
	last = strrchr(text, ' ');
	last = last ? last + 1 : text;
	sec = kb_sector(kb, last);
	if (!sec || !strstr(sec, "MIL") || str_in(last, officers))
		return;
	if (strstr(text, "peacekeep") &&
	    event_from_cameo("074", &ev) == 0) {
		set_event(t, &ev);
		free(t->mode);
		t->mode = NULL;
		return;
	}
	free(t->event);
	free(t->cameo);
	free(t->mode);
	t->event = t->cameo = t->mode = NULL;
	t->quad = 0;
}

/* "held joint exercises", "exercises with the Russian navy": military
 * exercises with another are military cooperation (CAMEO 062, COOPERATE),
 * not a show of force (150, MOBILIZE). */
static void joint_exercise(struct triple *t, const struct xtriple *x, const struct parse *ps)
{
	struct event_info ev;
	int j, joint = 0, k;

	if (!t->cameo || strcmp(t->cameo, "150") || x->obj.head < 0)
		return;
	for (j = x->obj.lo; j < x->obj.hi && !joint; j++) {
		int c;
		if (ps->head[j] - 1 != x->obj.head)
			continue;
		joint = !strcmp(ps->lemma[j], "joint");
		for (c = x->obj.lo; c < j && !joint && !strncmp(ps->deprel[j], "nmod", 4); c++)
			joint = ps->head[c] - 1 == j && !strcmp(ps->lemma[c], "with");
	}
	for (k = 0; k < x->nargs && !joint; k++)
		joint = !strcmp(x->arg_role[k], "with");
	if (joint && event_from_cameo("062", &ev) == 0)
		set_event(t, &ev);
}

/* "Palestinian leaders said they would boycott ...": "would" in reported
 * speech is the future of the saying. */
static int future_in_past(const struct xtriple *x, const struct parse *ps)
{
	int j;
	if (x->source.head < 0 || !x->mode || strcmp(x->mode, "modal"))
		return 0;
	for (j = 0; j < ps->n; j++)
		if (ps->head[j] - 1 == x->pred && !strcmp(ps->deprel[j], "aux") &&
		    !strcmp(ps->lemma[j], "would"))
			return 1;
	return 0;
}

/* PLOVER codes what is promised or threatened, not done yet, as its own
 * event: "will provide aid", "offered to negotiate" are AGREE (CAMEO 03,
 * intent to cooperate); "will attack", "plans to impose sanctions" are
 * THREATEN (CAMEO 13). A promise of something the lexicon has no event
 * for is still a promise ("promised to democratize Serbia": AGREE), and a
 * threat still a threat ("threatened to break relations"); so is what will
 * be done unless the other does something, and a protest to come. */
static void intent_event(struct triple *t, const struct xtriple *x, const struct parse *ps)
{
	static const struct { const char *event, *intent; } map[] = {
		{ "CONSULT", "036" }, { "AID", "033" }, { "COOPERATE", "031" },
		{ "CONCEDE", "035" }, { "RETREAT", "035" }, { "SUPPORT", "032" },
		{ "ASSAULT", "138" }, { "MOBILIZE", "138" }, { "COERCE", "130" },
		{ "SANCTION", "132" }, { "PROTEST", "133" }, { NULL, NULL }
	};
	static const char *const promises[] = {
		"promise", "pledge", "vow", "agree", "offer", "willing", "prepared",
		"ready", NULL
	};
	struct event_info ev;
	const char *code = NULL;
	int i;

	if (x->negated || !x->mode || (strcmp(x->mode, "future") && strcmp(x->mode, "planned") &&
				       !future_in_past(x, ps)))
		return;
	for (i = 0; i < ps->n && !code; i++)
		if (!strcmp(ps->lemma[i], "unless") && ps->head[i] > 0 &&
		    ps->head[ps->head[i] - 1] - 1 == x->pred)
			code = "130";	/* "will withdraw its force unless ...": a threat */
	if (!code && t->event) {
		for (i = 0; map[i].event; i++)
			if (!strcmp(t->event, map[i].event))
				code = map[i].intent;
	} else if (!code && x->intent) {
		if (!strcmp(x->intent, "threaten"))
			code = "130";
		if (str_in(x->intent, promises))
			code = "030";
	}
	if (code && event_from_cameo(code, &ev) == 0)
		set_event(t, &ev);
}

/* "refused to deploy peacekeepers", "failed to reach agreement": what is
 * refused is a rejection (CAMEO 120), and no longer negated; so is
 * cooperation denied for the future ("will not meet the envoy"), and
 * consent denied at any time ("did not accept the plan", "will not
 * accept more refugees"). */
static void refusal_event(struct triple *t, const struct xtriple *x)
{
	static const char *const consent[] = {
		"accept", "agree", "approve", "allow", "permit", "recognize", "recognise", NULL
	};
	struct event_info ev;
	int refusing = x->intent && (!strcmp(x->intent, "refuse") ||
				     !strcmp(x->intent, "decline") || !strcmp(x->intent, "fail"));
	int future = x->mode && (!strcmp(x->mode, "future") || !strcmp(x->mode, "planned"));

	if (x->negated && !refusing && t->lemma && str_in(t->lemma, consent))
		refusing = 1;
	if (!x->negated || (!refusing && !future) ||
	    (!refusing && (!t->event || t->quad > 2)) || event_from_cameo("120", &ev) < 0)
		return;
	set_event(t, &ev);
	t->negated = 0;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* The same actor: same entity and type, and for roles the same country
 * ("Turkish officials met Israeli officials" are two). */
static int same_actor(const struct mention *a, const struct mention *b)
{
	return a->entity && b->entity && a->type == b->type && !strcmp(a->entity, b->entity) &&
	       (a->type != ACTOR_ROLE || same_str(a->country, b->country));
}

/* A new triple after the last of 'out', derived from out->v[bi]: the
 * same article, sentence, subject, lemma, event, dates and evidence, at 0.8
 * of its confidence; the caller gives the object, relation text and args. */
static struct triple *derive_from(struct triple_list *out, size_t bi)
{
	struct triple *t = triple_list_push(out), *base = &out->v[bi];

	t->article = xstrdup(base->article);
	t->sentence = base->sentence;
	mention_copy(&t->subject, &base->subject);
	t->lemma = xstrdup(base->lemma);
	t->event = base->event ? xstrdup(base->event) : NULL;
	t->cameo = base->cameo ? xstrdup(base->cameo) : NULL;
	t->quad = base->quad;
	t->mode = base->mode ? xstrdup(base->mode) : NULL;
	t->date = base->date;
	t->date_end = base->date_end;
	t->date_source = base->date_source;
	t->negated = base->negated;
	t->confidence = base->confidence * 0.8;
	t->evidence = xstrdup(base->evidence);
	return t;
}

/* derive_from() the last triple of 'out'. */
static struct triple *derive_triple(struct triple_list *out)
{
	return derive_from(out, out->n - 1);
}

/* One more triple after the last of 'out': its subject did it with
 * 'other' ("restored full diplomatic relations with" Israel). */
static void emit_with(struct triple_list *out, const struct mention *other)
{
	struct triple *t = derive_triple(out), *base = &out->v[out->n - 2];
	struct strbuf sb = STRBUF_INIT;
	size_t a;

	mention_copy(&t->object, other);
	sb_addf(&sb, "%s %s with", base->rel_text, base->object.text);
	t->rel_text = sb_detach(&sb);
	for (a = 0; a < base->nargs; a++)
		triple_add_arg(t, base->args[a].role, base->args[a].text);
}

/* Is token j a modifier inside the noun phrase headed by 'head', reached
 * through nominal relations only ("the right of Russia troops", "a U.N.
 * Security Council resolution", "Ukraine's power grid"), not through a
 * clause ("a resolution that aims to ... Serbia")? */
static int inside_phrase(const struct parse *ps, int j, int head)
{
	static const char *const rels[] = {
		"nmod", "compound", "amod", "appos", "flat", "conj", NULL
	};
	int depth;

	for (depth = 0; j != head && depth < ps->n; depth++) {
		size_t n = strcspn(ps->deprel[j], ":");
		int i;
		for (i = 0; rels[i]; i++)
			if (strlen(rels[i]) == n && !strncmp(ps->deprel[j], rels[i], n))
				break;
		if (!rels[i] || ps->head[j] <= 0)
			return 0;
		j = ps->head[j] - 1;
	}
	return j == head && depth > 0;
}

/* The name that token j heads: its premodifiers and j, and the flat or
 * compound words after it ("the United States", "Kim Jong Un"), without
 * its postmodifiers ("Qatar on Monday", "Bosnia aimed at ..."). */
static void name_span(const struct parse *ps, int j, struct xspan *sp)
{
	int i;

	sp->head = j;
	sp->lo = j;
	sp->hi = j + 1;
	for (i = j - 1; i >= 0; i--) {
		int h = i, depth = 0;
		while (h != j && h < j && ps->head[h] > 0 && depth++ < ps->n)
			h = ps->head[h] - 1;
		if (h != j)
			break;
		sp->lo = i;
	}
	while (sp->hi < ps->n && ps->head[sp->hi] - 1 >= sp->lo && ps->head[sp->hi] - 1 < sp->hi &&
	       (!strncmp(ps->deprel[sp->hi], "flat", 4) || !strcmp(ps->deprel[sp->hi], "compound")))
		sp->hi++;
}

/* "Libya offered to hand over two suspects to Britain": the relation links
 * Libya and Britain, the suspects are its theme. When a triple's object is
 * no actor and an oblique names one, that gives one more triple, to the
 * actor, with the object as argument "theme". The last triple of 'out' is
 * the one to derive from. */
#define MAX_CAND (XT_MAX_ARGS + 24)

/* Does a word of sp other than the sentence's first begin with a capital? */
static int has_capital(const struct asent *s, const struct xspan *sp)
{
	int i;
	for (i = sp->lo > 0 ? sp->lo : 1; i < sp->hi; i++)
		if (isupper((unsigned char)s->x->form[i][0]))
			return 1;
	return 0;
}

/* Candidates from the names inside the phrase [lo, hi) headed by head. */
static int add_nested(const struct asent *s, int head, int lo, int hi, struct xspan *cand,
		      const char **cprep, int *weak, int ncand)
{
	const struct parse *ps = s->x->ps;
	int j;
	for (j = lo; j < hi && ncand < MAX_CAND; j++) {
		const char *r = ps->deprel[j];
		if (!inside_phrase(ps, j, head) || ps->upos[j] == UPOS_PRON)
			continue;
		/* a word of a longer name is named with it */
		if (ps->head[j] - 1 != head &&
		    (!strcmp(r, "compound") || !strncmp(r, "flat", 4) || !strcmp(r, "amod")))
			continue;
		name_span(ps, j, &cand[ncand]);
		if (!has_capital(s, &cand[ncand]))
			continue;	/* "the aid program": no name in it */
		cprep[ncand] = NULL;
		weak[ncand++] = 1;
	}
	return ncand;
}

/* A code of an international body: "its European Community partners"
 * (a role, IGOEUREEC) are the Community's. */
static int intl_code(const char *code)
{
	static const char *const prefixes[] = { "IGO", "NGO", "IMG", "MNC", NULL };
	int i;
	for (i = 0; code && prefixes[i]; i++)
		if (!strncmp(code, prefixes[i], 3))
			return 1;
	return 0;
}

static void emit_recipient(struct pipeline *p, const struct asent *s,
			   const struct xtriple *x, struct triple_list *out)
{
	/* "in" only for a country: "deploy peacekeepers in Iraq" (or a place,
	 * for a protest) */
	static const char *const preps[] = {
		"to", "with", "against", "on", "for", "from", "toward", "towards",
		"into", "upon", "at", "by", "obl", "in", NULL
	};
	/* where and by whom say less of whom it was to: guesses */
	static const char *const weak_preps[] = { "at", "by", "obl", "in", NULL };
	const struct parse *ps = s->x->ps;
	struct mention m[2];
	struct xspan sp;
	struct triple *t, *base;
	struct strbuf sb = STRBUF_INIT;
	size_t a;
	int k, i;

	struct xspan cand[MAX_CAND];
	const char *cprep[MAX_CAND];
	int weak[MAX_CAND] = { 0 };	/* a guess: half the confidence */
	int ncand = 0, j, nobl;
	/* guesses from inside phrases: for events, not in a passive without
	 * agent, whose subject is the one it happened to */
	int guess = out->v[out->n - 1].event && (x->passive || !x->passive_form);
	/* a protest is against the country it is in: "demonstrated in
	 * Kirkuk" (a place of Iraq), as the field codes it */
	int protest = out->v[out->n - 1].event && !strcmp(out->v[out->n - 1].event, "PROTEST");
	int threat = out->v[out->n - 1].event && !strcmp(out->v[out->n - 1].event, "THREATEN");
	int request = out->v[out->n - 1].event && !strcmp(out->v[out->n - 1].event, "REQUEST");
	int clause;

	/* obliques and second objects of the verb */
	for (k = 0; k < x->nargs; k++) {
		if (!strcmp(x->arg_role[k], "object2")) {
			cand[ncand] = x->args[k];
			cprep[ncand++] = NULL;
			continue;
		}
		for (i = 0; preps[i]; i++)
			if (!strcmp(x->arg_role[k], preps[i]) && strcmp(preps[i], "obl")) {
				cand[ncand] = x->args[k];
				weak[ncand] = str_in(preps[i], weak_preps);
				cprep[ncand++] = preps[i];
				break;
			}
	}
	nobl = ncand;
	/* then actors named inside its object ("imposed a curfew in the town
	 * of Cizre", "a resolution of the U.N. Security Council"), as the
	 * field's coders make it */
	if (x->obj.head >= 0 && guess)
		ncand = add_nested(s, x->obj.head, x->obj.lo, x->obj.hi, cand, cprep, weak, ncand);
	/* and inside the noun a light verb took into the relation: "held
	 * their first meeting with President Obama" ("hold meeting") */
	for (k = 0; guess && k < x->nrel && ncand < MAX_CAND; k++) {
		int nt = x->rel[k];
		if (nt >= 0 && nt != x->pred && ps->upos[nt] == UPOS_NOUN && ps->head[nt] - 1 == x->pred)
			ncand = add_nested(s, nt, nt, ps->n, cand, cprep, weak, ncand);
	}
	/* a bare oblique (no preposition: often the parser's leftover, "...,
	 * a Saudi-owned weekly reports") after the names inside the object */
	for (k = 0; k < x->nargs && ncand < MAX_CAND; k++)
		if (!strcmp(x->arg_role[k], "obl")) {
			cand[ncand] = x->args[k];
			weak[ncand] = 1;
			cprep[ncand++] = NULL;	/* no preposition to add to the relation */
		}
	/* "demanded that the US cancel the sale": the clause's subject is the
	 * target of a demand, an accusation, a warning; not of what was said.
	 * So is that of the clause of a demand made ("repeated its demand
	 * that Somalia withdraw", the clause hung on the verb or the noun) */
	clause = x->obj.head >= 0 && ps->upos[x->obj.head] == UPOS_VERB ? x->obj.head : -1;
	for (j = 0; clause < 0 && x->obj.head >= 0 && request && j < ps->n; j++) {
		int h = ps->head[j] - 1;
		/* or on a time after it: "its demand today/obl:unmarked that" */
		if (h > x->obj.head && h < j && ps->head[h] - 1 == x->pred &&
		    (!strcmp(ps->deprel[h], "obl:tmod") || !strcmp(ps->deprel[h], "obl:unmarked")))
			h = x->pred;
		if ((h == x->pred || h == x->obj.head) && j > x->obj.head &&
		    ps->upos[j] == UPOS_VERB &&
		    (!strcmp(ps->deprel[j], "ccomp") || !strcmp(ps->deprel[j], "acl")))
			clause = j;
	}
	for (j = 0; clause >= 0 && out->v[out->n - 1].event && j < ps->n && ncand < MAX_CAND; j++) {
		if (ps->head[j] - 1 != clause || strncmp(ps->deprel[j], "nsubj", 5))
			continue;
		cand[ncand].head = j;
		cand[ncand].lo = j;
		cand[ncand].hi = j + 1;
		/* the words before it that are its: "its European/compound
		 * Community/flat partners" */
		while (cand[ncand].lo > 0 && extract_dominates(ps, j, cand[ncand].lo - 1) &&
		       strcmp(ps->deprel[cand[ncand].lo - 1], "punct"))
			cand[ncand].lo--;
		cprep[ncand++] = NULL;
		break;
	}
	/* and inside its obliques: "fired at targets in Jericho" */
	for (k = 0; guess && k < nobl; k++)
		if (cprep[k])
			ncand = add_nested(s, cand[k].head, cand[k].lo, cand[k].hi, cand, cprep,
					   weak, ncand);
	/* whom a protest presses: "staged demonstrations to demand reforms by
	 * President Suharto's government"; whom a threat is to move:
	 * "threatened to stop the talks if the United States goes ahead". The
	 * clause hangs on the verb, on a verb it is the complement of, or (a
	 * purpose) on the object */
	for (j = 0; (protest || threat) && x->pred >= 0 && j < ps->n && ncand < MAX_CAND; j++) {
		static const char *const presses[] = {
			"demand", "press", "call", "seek", "urge", "force", "protest", NULL
		};
		int h = ps->head[j] - 1, v = x->pred, o, c;
		while (v >= 0 && v != h && !strcmp(ps->deprel[v], "xcomp"))
			v = ps->head[v] - 1;
		/* or on a clause of the object the parser hung it from: "blocked
		 * roads leading/acl to the centre to press demands" */
		if (h >= 0 && x->obj.head >= 0 && h != x->obj.head && ps->head[h] - 1 == x->obj.head &&
		    ps->upos[h] == UPOS_VERB && !strncmp(ps->deprel[h], "acl", 3))
			h = x->obj.head;
		if (h < 0 || (h != v && h != x->obj.head) ||
		    (strncmp(ps->deprel[j], "advcl", 5) && strncmp(ps->deprel[j], "acl", 3)))
			continue;
		for (c = 0; c < ps->n; c++)
			if (ps->head[c] - 1 == j && !strcmp(ps->deprel[c], "mark"))
				break;
		if (protest && str_in(ps->lemma[j], presses)) {
			/* the nominals of the demand, in order */
			for (o = j + 1; o < ps->n && ncand < MAX_CAND; o++) {
				const char *r = ps->deprel[o];
				int oh = ps->head[o] - 1;
				if ((ps->upos[o] != UPOS_NOUN && ps->upos[o] != UPOS_PROPN) ||
				    !extract_dominates(ps, j, o) ||
				    /* a premodifier is named with its noun: "President
				     * Bouteflika's government" */
				    (oh > o && (ps->upos[oh] == UPOS_NOUN || ps->upos[oh] == UPOS_PROPN)) ||
				    (strcmp(r, "obj") && strncmp(r, "obl", 3) && strncmp(r, "nmod", 4)))
					continue;
				name_span(ps, o, &cand[ncand]);
				cprep[ncand] = NULL;
				weak[ncand++] = 1;
			}
		} else if (threat && h == v && c < ps->n &&
			   (!strcmp(ps->lemma[c], "if") || !strcmp(ps->lemma[c], "unless"))) {
			for (o = 0; o < ps->n && !(ps->head[o] - 1 == j &&
						   !strncmp(ps->deprel[o], "nsubj", 5)); o++)
				;
			if (o < ps->n) {
				name_span(ps, o, &cand[ncand]);
				cprep[ncand] = NULL;
				weak[ncand++] = 1;
			}
		}
	}
	for (k = 0; k < ncand; k++) {
		sp = cand[k];
		while (sp.lo < sp.head && (ps->upos[sp.lo] == UPOS_ADP || ps->upos[sp.lo] == UPOS_DET))
			sp.lo++;
		memset(m, 0, sizeof(m));
		if (actors_name(p->actors, s, &sp, NULL, &out->v[out->n - 1].subject, m) == 2)
			mention_release(&m[1]);
		if (!m[0].entity || (m[0].type != ACTOR_COUNTRY && m[0].type != ACTOR_ORG &&
				     m[0].type != ACTOR_PERSON && !m[0].country &&
				     !intl_code(m[0].code)) ||
		    (cprep[k] && !strcmp(cprep[k], "in") && m[0].type != ACTOR_COUNTRY &&
		     !(protest && m[0].type == ACTOR_PLACE && m[0].country)) ||
		    same_actor(&m[0], &out->v[out->n - 1].subject)) {
			mention_release(&m[0]);
			continue;
		}
		t = derive_triple(out);
		base = &out->v[out->n - 2];	/* the push may have moved it */
		t->object = m[0];
		sb_adds(&sb, base->rel_text);
		if (cprep[k]) {
			sb_addc(&sb, ' ');
			sb_adds(&sb, cprep[k]);
		}
		t->rel_text = sb_detach(&sb);
		if (weak[k])	/* named inside a phrase, or where or by whom */
			t->confidence = base->confidence * 0.5;
		if (base->object.text && *base->object.text)
			triple_add_arg(t, "theme", base->object.text);
		actors_span_text(s, cand[k].lo, cand[k].hi, &sb);
		for (a = 0; a < base->nargs; a++) {
			if (strstr(sb_str(&sb), base->args[a].text) ||
			    strstr(base->args[a].text, sb_str(&sb)))
				continue;	/* now the object */
			triple_add_arg(t, base->args[a].role, base->args[a].text);
		}
		sb_release(&sb);
		return;
	}
}

/* "A US national was put under investigation in Italy", "a missionary
 * was arrested in Lebanon": a coercion, accusation or sanction in the
 * passive without agent was done by the country it happened in, as the
 * field codes it. One more triple after out->v[bi], that country to the
 * patient, at half the confidence. */
static void emit_authority(struct pipeline *p, const struct asent *s,
			   const struct xtriple *x, struct triple_list *out, size_t bi)
{
	static const char *const events[] = { "COERCE", "ACCUSE", "SANCTION", NULL };
	const struct parse *ps = s->x->ps;
	struct mention m[2];
	struct triple *t, *base = &out->v[bi];
	struct xspan sp;
	size_t a;
	int k;

	if (!x->passive_form || x->passive || !base->event || !str_in(base->event, events) ||
	    !base->subject.entity)
		return;
	/* the "in" phrase: an oblique, or the object the preposition took
	 * into the relation ("was arrested in Lebanon") */
	for (k = -1; k < x->nargs; k++) {
		if (k < 0 ? !x->prep || strcmp(x->prep, "in") || x->obj.head < 0 :
			    strcmp(x->arg_role[k], "in"))
			continue;
		sp = k < 0 ? x->obj : x->args[k];
		while (sp.lo < sp.head && (ps->upos[sp.lo] == UPOS_ADP || ps->upos[sp.lo] == UPOS_DET))
			sp.lo++;
		memset(m, 0, sizeof(m));
		if (actors_name(p->actors, s, &sp, NULL, NULL, m) == 2)
			mention_release(&m[1]);
		if (m[0].type != ACTOR_COUNTRY || !m[0].country) {
			mention_release(&m[0]);
			continue;
		}
		t = derive_from(out, bi);
		base = &out->v[bi];	/* the push may have moved it */
		/* the patient becomes the object, the country the subject */
		t->object = t->subject;
		t->subject = m[0];
		/* in active order: "Lebanon arrested the missionary" */
		t->rel_text = xstrdup(x->pred >= 0 ? s->x->form[x->pred] : base->lemma);
		t->confidence = base->confidence * 0.5;
		for (a = 0; a < base->nargs; a++)
			if (strcmp(base->args[a].role, "voice"))
				triple_add_arg(t, base->args[a].role, base->args[a].text);
		return;
	}
}

/* "Syria will withdraw its troops from Lebanon", "Turkey recalled its
 * envoy from Israel": an object that is the subject's own agents (a role
 * of the subject's country, or of none) leaves the relation to the
 * oblique's actor too. */
static int own_agent(const struct mention *obj, const struct mention *subj)
{
	/* of no country said: "mobilized reservists for a war against
	 * Iraq", "refused to deploy peacekeepers in Iraq" */
	return obj->type == ACTOR_ROLE && subj->country &&
	       (!obj->country || !strcmp(obj->country, subj->country));
}

static void emit(struct pipeline *p, const struct article *a, const struct asent *s,
		 const struct xtriple *x, const struct timex *tx, int ntx,
		 const char *evidence, struct triple_list *out)
{
	struct mention subj[2], obj[2], speaker[2];
	int nsubj, nobj = 0, si, k, tk;
	size_t bi;
	struct strbuf sb = STRBUF_INIT;
	struct event_info ev;
	struct date start, end;
	const struct parse *ps = s->x->ps;
	int have_speaker = 0, pair, bond;

	/* "Last year South Korea's surplus was ...": a time is no actor */
	if (in_timex(tx, ntx, x->subj.head))
		return;
	memset(obj, 0, sizeof(obj));
	memset(speaker, 0, sizeof(speaker));
	if (x->source.head >= 0) {
		actors_name(p->actors, s, &x->source, NULL, NULL, speaker);
		mention_release(&speaker[1]);
		have_speaker = 1;
	}
	nsubj = actors_name(p->actors, s, &x->subj, have_speaker ? speaker : NULL, NULL, subj);
	if (nsubj == 1)
		actors_subject(p->actors, s, &subj[0]);
	/* "It's no secret that ...": an expletive names nobody */
	if (x->subj.head >= 0 && x->subj.hi - x->subj.lo == 1 &&
	    !strcasecmp(s->x->form[x->subj.head], "it") &&
	    (!strcmp(x->lemma, "be") || !strcmp(x->lemma, "seem") || !strcmp(x->lemma, "appear"))) {
		free(subj[0].entity);
		subj[0].entity = NULL;
		subj[0].type = ACTOR_UNKNOWN;
		free(subj[0].code);
		free(subj[0].country);
		subj[0].code = subj[0].country = NULL;
	}
	if (x->obj.head >= 0)
		nobj = actors_name(p->actors, s, &x->obj, have_speaker ? speaker : NULL,
				   &subj[0], obj);
	if (nobj > 1) {
		mention_release(&obj[1]);
		nobj = 1;
	}
	/* "earlier this month, they both named ...": a time just before the
	 * subject, set off by a comma, opens its clause whatever the tree says;
	 * else the tree's */
	for (tk = -1, k = 0; x->subj.head >= 0 && k < ntx; k++)
		if (tx[k].kind != TIMEX_TIME && tx[k].end + 1 == x->subj.lo &&
		    !strcmp(s->x->form[tx[k].end], ","))
			tk = k;
	if (tk < 0)
		tk = find_date(ps, tx, ntx, x->date_pred);
	/* "Joly said on Monday that Ottawa was expelling a diplomat": what
	 * was reported as done or doing, with no time of its own, has the
	 * time of the saying; what will be done has not */
	if (tk < 0 && x->source.head >= 0 && x->source_pred >= 0 && x->tense != TENSE_FUTURE &&
	    (!x->mode || !strcmp(x->mode, "reported")))
		tk = timex_of(ps, tx, ntx, x->source_pred);
	/* "the first visit in over a decade": in a past clause, "in" and a
	 * span of time say how long since, not when; "held the city for two
	 * years", "will reopen in two weeks" do date it */
	if (tk >= 0 && (tx[tk].kind == TIMEX_DURATION || tx[tk].kind == TIMEX_IN) &&
	    x->tense == TENSE_PAST && !is_state(s, x) &&
	    ((tx[tk].start > 0 && !strcmp(s->x->form[tx[tk].start - 1], "in")) ||
	     !strcmp(s->x->form[tx[tk].start], "in")))
		tk = -1;
	memset(&start, 0, sizeof(start));
	memset(&end, 0, sizeof(end));
	if (tk >= 0 && timex_resolve(&tx[tk], &a->pub, x->tense, &start, &end) < 0)
		tk = -1;

	/* "The two leaders talked (at the palace)": a pair that meets, talks
	 * or agrees does so with each other; what they did it at or in
	 * ("met in Budapest", a capital that is no government here) stays an
	 * argument */
	pair = nsubj == 2 && (!nobj || !obj[0].entity || obj[0].type == ACTOR_THING ||
			      (x->prep && (!strcmp(x->prep, "in") || !strcmp(x->prep, "at")))) &&
	       is_reciprocal(x->lemma);
	/* "the two governments restored relations": also each restored
	 * relations with the other */
	bond = nsubj == 2 && !pair && nobj && obj[0].type == ACTOR_THING &&
	       x->obj.head >= 0 && is_bond(ps->lemma[x->obj.head]);
	for (si = 0; si < nsubj; si++) {
		struct triple *t;
		if (nobj && !pair && same_actor(&subj[si], &obj[0]))
			continue;
		t = triple_list_push(out);
		t->article = xstrdup(a->id ? a->id : "");
		t->sentence = s->index;
		mention_copy(&t->subject, &subj[si]);
		if (pair) {
			mention_copy(&t->object, &subj[1 - si]);
			if (nobj && obj[0].text && *obj[0].text)
				triple_add_arg(t, !x->prep ? "theme" :
					       !strcmp(x->prep, "in") || !strcmp(x->prep, "at") ?
					       "location" : x->prep, obj[0].text);
		} else if (nobj) {
			mention_copy(&t->object, &obj[0]);
		} else {
			t->object.text = xstrdup("");
		}
		rel_text(s, x, &sb);
		if (pair && nobj && x->prep) {
			/* "talked at" the palace: the other is no "at" */
			size_t n = strlen(x->prep);
			if (sb.len > n && sb.buf[sb.len - n - 1] == ' ' &&
			    !strcmp(sb.buf + sb.len - n, x->prep)) {
				sb.len -= n + 1;
				sb.buf[sb.len] = '\0';
			}
		}
		if (!sb.len)	/* "Gordon Brown's closest ally": no word says it */
			sb_adds(&sb, x->lemma);
		t->rel_text = sb_detach(&sb);
		t->lemma = xstrdup(x->lemma);
		if (lookup_event(x, ps, &ev) == 0 || demand_event(x, ps, &ev) == 0) {
			set_event(t, &ev);
			if (ev.mode && !x->mode)
				t->mode = xstrdup(ev.mode);
		}
		if (x->mode) {
			free(t->mode);
			t->mode = xstrdup(x->mode);
		}
		forces_arrive(p->kb, t);
		joint_exercise(t, x, ps);
		intent_event(t, x, ps);
		if (tk >= 0) {
			timex_text(&tx[tk], s->x->form, &sb);
			triple_add_arg(t, "time", sb_str(&sb));
			sb_reset(&sb);
			t->date = start;
			t->date_end = end;
			t->date_source = DATE_SOURCE_TEXT;
		} else if (a->pub.y) {
			/* no time of its own: the article's date, marked so (for
			 * what will or is planned to happen, the date it was said) */
			t->date = a->pub;
			t->date_source = DATE_SOURCE_ARTICLE;
		}
		for (k = 0; k < x->nargs; k++) {
			const struct xspan *ag = &x->args[k];
			const char *role = x->arg_role[k];
			/* the time itself was given above; "from the deal in May
			 * 2018" is more than the time and stays */
			if (tk >= 0 && tx[tk].start <= ag->head && ag->head < tx[tk].end)
				continue;
			actors_span_text(s, ag->lo, ag->hi, &sb);
			if (is_place_arg(p, s, ag, role, tx, ntx))
				role = "location";
			triple_add_arg(t, role, sb_str(&sb));
		}
		if (have_speaker)
			triple_add_arg(t, "source", speaker[0].entity ? speaker[0].entity :
				       speaker[0].text);
		if (x->passive)
			triple_add_arg(t, "voice", "passive");
		t->negated = x->negated;
		refusal_event(t, x);
		t->confidence = x->confidence;
		if (subj[si].type == ACTOR_UNKNOWN || subj[si].type == ACTOR_THING)
			t->confidence *= 0.9;
		t->evidence = xstrdup(evidence);
		if (t->confidence < p->min_confidence) {
			triple_release(t);
			out->n--;
			continue;
		}
		bi = out->n - 1;
		if (bond)
			emit_with(out, &subj[1 - si]);
		else if (!nobj || !obj[0].entity || obj[0].type == ACTOR_THING ||
			 own_agent(&obj[0], &subj[si]) ||
			 /* "rioted Monday/obj at a jail in Israel": a time */
			 in_timex(tx, ntx, x->obj.head))
			emit_recipient(p, s, x, out);
		emit_authority(p, s, x, out, bi);
	}
	for (k = 0; k < 2; k++) {
		mention_release(&subj[k]);
		mention_release(&obj[k]);
		mention_release(&speaker[k]);
	}
	sb_release(&sb);
}


static size_t str_hash(size_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (h ^ 0xff) * 1099511628211u;
}

/* A hash of what same_triple() compares. */
static size_t triple_hash(const struct triple *t)
{
	size_t h = 14695981039346656037u;
	h = str_hash(h, t->evidence);
	h = str_hash(h, t->lemma);
	h = str_hash(h, t->rel_text);
	h = str_hash(h, t->subject.text);
	h = str_hash(h, t->object.text);
	h = str_hash(h, t->subject.entity);
	h = str_hash(h, t->object.entity);
	h = str_hash(h, t->subject.country);
	return str_hash(h, t->object.country);
}

static int same_triple(const struct triple *a, const struct triple *b)
{
	return !strcmp(a->evidence, b->evidence) && !strcmp(a->lemma, b->lemma) &&
	       !strcmp(a->rel_text, b->rel_text) &&
	       !strcmp(a->subject.text, b->subject.text) &&
	       !strcmp(a->object.text, b->object.text) &&
	       same_str(a->subject.entity, b->subject.entity) &&
	       same_str(a->object.entity, b->object.entity) &&
	       same_str(a->subject.country, b->subject.country) &&
	       same_str(a->object.country, b->object.country);
}

/* Which of the current sentence's n tokens the knowledge base knows as
 * (part of) the name of a country, an organisation or a person, or the
 * article has named as a person: the tagger is told, so that "Drones
 * attacked Moscow/RB" parses as it should. */
static void mark_names(struct pipeline *p, const struct article *a, int n)
{
	struct kb_hit hit;
	int i, k, len;

	memset(p->proper, 0, (size_t)n);
	for (i = 0; i < n; i += len ? len : 1) {
		/* a person the article named before: "Akar/RB thanked Gantz" */
		if (isupper((unsigned char)p->forms[i][0]) && p->forms[i][1] &&
		    actors_known(p->actors, p->forms[i]))
			p->proper[i] = 1;
		len = kb_match(p->kb, p->forms, n, i, &a->pub, &hit);
		if (!len || (hit.type != ACTOR_COUNTRY && hit.type != ACTOR_ORG &&
			     hit.type != ACTOR_PERSON) ||
		    (hit.form != KB_NAME && hit.form != KB_CAPITAL && hit.form != KB_FORMER))
			continue;
		for (k = i; k < i + len; k++)
			if (isupper((unsigned char)p->forms[k][0]))
				p->proper[k] = 1;
	}
}

int pipeline_run(struct pipeline *p, const struct article *a, struct triple_list *out)
{
	struct xtriple xt[MAX_XTRIPLES];
	struct timex tx[MAX_TIMEX];
	struct strbuf ev = STRBUF_INIT;
	size_t si, i, first = out->n, keep, nslot, *slot;

	tokenize(a->text, a->text_len, &p->tokens);
	sentence_split(a->text, &p->tokens, &p->sentences);
	actors_reset(p->actors, &a->pub);
	p->st.articles++;
	for (si = 0; si < p->sentences.n; si++) {
		const struct sentence *se = &p->sentences.v[si];
		struct xsent xs;
		struct asent as;
		struct parse fixed;
		int nx, ntx, k, n = (int)se->n;

		if (n < 2 || n > PARSER_MAX_TOKENS)
			continue;
		p->st.sentences++;
		p->st.tokens += se->n;
		ALLOC_GROW(p->forms, se->n, p->forms_alloc);
		for (i = 0; i < se->n; i++)
			p->forms[i] = p->tokens.v[se->first + i].form;
		ALLOC_GROW(p->proper, se->n, p->proper_alloc);
		mark_names(p, a, n);
		if (parser_parse_names(p->parser, p->forms, n, p->proper, &p->parse) < 0)
			continue;
		ntx = timex_find(p->forms, n, tx, MAX_TIMEX);
		reparse_sentence(p->reparse, p->parser, p->forms, p->proper, n, tx, ntx,
				 &p->parse);
		xs.n = n;
		xs.form = p->forms;
		xs.ps = &p->parse;
		ALLOC_GROW(p->fhead, se->n, p->fhead_alloc);
		ALLOC_GROW(p->frel, se->n, p->frel_alloc);
		if (extract_repair(&p->parse, &fixed, p->fhead, p->frel))
			xs.ps = &fixed;
		as.x = &xs;
		as.tok = &p->tokens.v[se->first];
		as.text = a->text;
		as.index = (int)si;
		sentence_text(a->text, se, &ev);
		actors_note(p->actors, &as);
		nx = extract_sentence(&xs, xt, MAX_XTRIPLES);
		for (k = 0; k < nx; k++)
			emit(p, a, &as, &xt[k], tx, ntx, sb_str(&ev), out);
	}
	/* Short names get the full name the article used; repeated sentences
	 * (a headline given twice) give their triples once. */
	for (i = first; i < out->n; i++) {
		actors_finish(p->actors, &out->v[i].subject);
		actors_finish(p->actors, &out->v[i].object);
	}
	keep = first;
	nslot = 16;
	while (nslot < 2 * (out->n - first))
		nslot *= 2;
	slot = xmalloc(nslot * sizeof(*slot));
	for (i = 0; i < nslot; i++)
		slot[i] = (size_t)-1;
	for (i = first; i < out->n; i++) {
		struct triple *t = &out->v[i];
		size_t h = triple_hash(t) & (nslot - 1);
		int dup = 0;
		/* "Javid insisted he would ...": an actor is not its own object;
		 * Hungarian and Romanian officials are two */
		if (t->subject.entity && t->object.entity &&
		    !strcasecmp(t->subject.entity, t->object.entity) &&
		    same_str(t->subject.code, t->object.code) &&
		    same_str(t->subject.country, t->object.country))
			dup = 1;
		for (; !dup && slot[h] != (size_t)-1; h = (h + 1) & (nslot - 1))
			if (same_triple(t, &out->v[slot[h]]))
				dup = 1;
		if (dup) {
			triple_release(t);
			continue;
		}
		if (keep != i)
			out->v[keep] = *t;
		slot[h] = keep++;
	}
	out->n = keep;
	free(slot);
	p->st.triples += out->n - first;
	sb_release(&ev);
	return 0;
}
