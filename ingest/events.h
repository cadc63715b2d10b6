/*
 * events.h: the event lexicon. It names the event a relation stands for,
 * from its verb, its particle or preposition and the head noun of its
 * object: ("expel", NULL, "ambassador") is CAMEO 166, PLOVER SANCTION.
 *
 * The lexicon is data/verbs.txt, compiled in at build time. It maps words
 * to CAMEO codes; the PLOVER 2021 category, the quad class and the mode
 * follow from the code. Passive voice and negation are the caller's concern.
 * The table is static: event_lookup() may be called from any thread.
 */
#ifndef ENTENTE_EVENTS_H
#define ENTENTE_EVENTS_H

/* What event_lookup() finds. The strings are static. */
struct event_info {
	const char *plover;	/* PLOVER 2021: AGREE CONSULT SUPPORT CONCEDE
				 * COOPERATE AID RETREAT REQUEST ACCUSE REJECT
				 * THREATEN PROTEST SANCTION MOBILIZE COERCE
				 * ASSAULT */
	const char *cameo;	/* CAMEO code: "166", "040", "0841" */
	int quad;		/* CAMEO quad class of the code's root:
				 * 1 verbal cooperation (02-05),
				 * 2 material cooperation (06-08),
				 * 3 verbal conflict (09-13),
				 * 4 material conflict (14-20) */
	const char *mode;	/* PLOVER mode where one applies ("visit" for
				 * 042/043, "phone", "arrest", "release", ...)
				 * or NULL */
};

/*
 * The event of a relation from the lemma of its verb ("meet"), its particle
 * or the preposition of its object ("with", "to", "up", "down"; may be NULL)
 * and the lemma of its object's head noun ("ambassador"; may be NULL).
 * Words are compared in lower case; "-ise" spellings find "-ize" ones
 * (criticise = criticize), a plural object finds its singular ("talks",
 * "embassies") and a lemma of two words with no 'prep' is split ("call on").
 * The most specific row of the lexicon wins: verb + object + preposition,
 * then verb + object, verb + preposition, the verb alone.
 * Returns 0 and fills *out, or -1 when no event applies ("say").
 */
int event_lookup(const char *lemma, const char *prep, const char *object_lemma,
		 struct event_info *out /* OUT */);

/* The PLOVER category, quad class and mode of a CAMEO code ("1711"): fills
 * *out (with out->cameo = code) and returns 0, or -1 for a code outside
 * 02-20 or malformed. Codes of 01 (statements) have no PLOVER category. */
int event_from_cameo(const char *code, struct event_info *out /* OUT */);

/* Number of rows in the lexicon (for tests and reports). */
int event_lexicon_size(void);

#endif
