/*
 * extract.h: clauses from a dependency parse, in the manner of ClausIE.
 *
 * extract_sentence() finds every clause of one parsed sentence (main,
 * coordinated, subordinate, relative, participial, reported) and writes one
 * raw triple per clause and object: token spans for subject, object and extra
 * arguments, the relation phrase, negation, mode and tense. It knows nothing
 * of actors or dates: the pipeline (pipeline.h) names the spans and dates the
 * clauses. This is the interface later extractors replace.
 *
 * What it makes of a sentence:
 *  - subjects: the verb's own (the nearest before it when the parser gave
 *    several; two names with "and" between them are coordinated), or one
 *    inherited through conj, xcomp, advcl and acl; a relative pronoun is
 *    replaced by its antecedent (the noun just before it when the parser
 *    hung the clause on a noun above);
 *  - objects: the direct object, else the first prepositional phrase after
 *    the verb that is not a time (its preposition joins the relation: "met
 *    with"), else a clausal complement ("said that | Y expelled Z");
 *    copulas take the predicate ("is | one of Israel's partners");
 *  - passives with a by-agent are turned to active order (subj = agent,
 *    passive = 1); without one the patient stays subject (passive_form);
 *  - light verbs and chains of them speak through their complement:
 *    "decided to restore" (lemma "restore"), "were able to reinforce",
 *    "refused to sign" (negated), "plans to visit" (mode "planned");
 *    "held talks with X" (lemma "hold talk", object X);
 *  - coordinated names give one triple each; "A and B met (in C)" gives
 *    A-meet-B, reciprocal;
 *  - reported speech keeps the speaker as source, with its own say triple;
 *  - phrases are runs of tokens: a head with its modifiers, prepositional
 *    phrases, participial and infinitival modifiers and restrictive
 *    relative clauses; appositions after a comma, non-restrictive relative
 *    clauses, parentheticals and the clause the phrase belongs to end it;
 *  - besides clauses (kind XT_CLAUSE): appositions and titles (XT_APPOS,
 *    "Gantz, the minister" / "minister Gantz": Gantz be minister), event
 *    nouns (XT_NOMINAL, "Gantz's visit to Turkey"), possessives (XT_POSS)
 *    and, on request, adjective or place modifiers (XT_MODIFIER), the
 *    last two at low confidence, for Open IE recall rather than events.
 *  - typical parser errors are repaired: verbs tagged as plural nouns or
 *    adjectives, a finite verb tagged amod, a sentence-initial name tagged
 *    as an adverb, the main verb hung inside a relative clause, a by-agent
 *    hung on the oblique before it.
 *
 * confidence is a ranking in [0.05, 0.99]: simple active clauses with
 * named arguments first; inherited subjects, guessed structure, long
 * phrases and clauses with nothing but a subject last (flags says why).
 */
#ifndef ENTENTE_EXTRACT_H
#define ENTENTE_EXTRACT_H

#include "ingest/parser.h"
#include "ingest/dates.h"

#define XT_MAX_ARGS 8
#define XT_MAX_REL 12

/* A phrase: its head token and its tokens [lo, hi). head < 0: none. */
struct xspan {
	int head, lo, hi;
};

/* What a triple was made from. */
enum xkind {
	XT_CLAUSE,		/* a verb or copular clause */
	XT_APPOS,		/* an apposition or a title: "Gantz, the minister";
				 * "minister Gantz": no relation tokens, lemma "be" */
	XT_NOMINAL,		/* an event noun: "Gantz's visit to Turkey" */
	XT_POSS,		/* a possessive: "the station's website": no relation
				 * tokens, lemma "have" */
	XT_MODIFIER		/* a modifier as a statement, for Open IE recall:
				 * "a gaping loophole" (loophole be gaping), "companies
				 * in Japan" (relation "in", lemma "be"); not events;
				 * only with XO_MODIFIERS */
};

/* One raw triple. Token indexes are 0-based into the sentence. */
struct xtriple {
	enum xkind kind;	/* XT_CLAUSE unless said otherwise */
	struct xspan subj;	/* agent of the relation (the by-agent of a passive) */
	struct xspan obj;	/* its object, or head < 0 */
	int pred;		/* the predicate's token */
	int rel[XT_MAX_REL];	/* tokens of the relation phrase, in order */
	int nrel;
	char lemma[48];		/* lemma of the relation: "meet", "hold talk" */
	const char *prep;	/* preposition that attaches the object ("with"), or NULL */
	struct xspan args[XT_MAX_ARGS];	/* extra arguments */
	const char *arg_role[XT_MAX_ARGS]; /* "time", "location", "source", or the preposition */
	int nargs;
	struct xspan source;	/* speaker of reported speech, or head < 0 */
	int source_pred;	/* its verb of saying, or -1 */
	int negated;
	int passive;		/* a passive with its by-agent turned to active order:
				 * subj is the agent, obj the patient */
	int passive_form;	/* the verb is in the passive voice (with or without
				 * an agent; without one subj is the patient) */
	int reciprocal;		/* object made from a coordinated subject: "A and B met" */
	enum tense tense;
	const char *mode;	/* NULL, "future", "modal", "planned", "reported" */
	const char *intent;	/* the planning or refusing verb or adjective it
				 * goes through ("promised to", "is willing to",
				 * "refused to"), or NULL */
	int date_pred;		/* token whose temporal modifiers date it */
	unsigned flags;		/* how it was found: XF_* bits */
	double confidence;
};

/* Bits of xtriple.flags: what the confidence was made of. */
#define XF_INHERITED	0x001	/* subject from another clause (conj, xcomp, advcl, acl) */
#define XF_RELPRON	0x002	/* subject or object is a relative pronoun's antecedent */
#define XF_LIGHT	0x004	/* through a light verb: "decided to restore" */
#define XF_PREPOBJ	0x008	/* object is a prepositional phrase ("met with X") */
#define XF_CLAUSEOBJ	0x010	/* object is a clause (ccomp, xcomp) */
#define XF_COPULA	0x020	/* copular predicate: "Turkey is one of ..." */
#define XF_NOOBJ	0x040	/* no object */
#define XF_FAR		0x080	/* subject far from the predicate */
#define XF_PRONSUBJ	0x100	/* subject is a pronoun */
#define XF_SOURCE	0x200	/* reported speech */
#define XF_PASSIVE	0x400	/* passive verb */
#define XF_SPLIT	0x800	/* one of several coordinated subjects or objects */
#define XF_LONG		0x1000	/* an argument longer than 12 tokens */
#define XF_EMBEDDED	0x2000	/* the clause is the complement of another verb */
#define XF_NONFINITE	0x4000	/* a participle or gerund without auxiliary */
#define XF_MODCLAUSE	0x8000	/* a modifier clause (acl, advcl, relative) */

/* The sentence as extraction sees it. */
struct xsent {
	int n;
	const char *const *form;	/* token forms */
	const struct parse *ps;		/* its analysis */
};

/* Extract the raw triples of 's' into out[0..max); returns how many.
 * Everything but XT_MODIFIER triples. */
int extract_sentence(const struct xsent *s, struct xtriple *out, int max);

#define XO_MODIFIERS 0x1	/* also XT_MODIFIER triples (Open IE recall) */

/* extract_sentence() with options: XO_* bits. */
int extract_sentence_opts(const struct xsent *s, struct xtriple *out, int max,
			  unsigned opts);

/* Mend a parse error the clauses depend on, a finite verb tagged as the
 * adjective of the noun after it ("they both named/amod new ambassadors"):
 * writes a corrected tree into *fixed, whose head and deprel arrays are
 * fhead and frel (room for ps->n each; the other arrays stay ps's), and
 * returns 1; returns 0 and leaves *fixed alone when nothing needs mending.
 * extract_sentence() applies it itself; the pipeline applies it first so
 * that dates and actors read the same tree. */
int extract_repair(const struct parse *ps, struct parse *fixed, int *fhead,
		   const char **frel);

/* Is token i (0-based) inside the subtree of token h? */
int extract_dominates(const struct parse *ps, int h, int i);

#endif
