/*
 * kb.h: the actor knowledge base. It names the actors of international
 * relations and gives them CAMEO actor codes: countries (by name, adjective,
 * people, capital or former name), intergovernmental organisations, a few
 * non-state armed groups, recent leaders with the dates of their offices,
 * role words ("minister", "army") and, once loaded, the persons and
 * organisations of PETRARCH/Phoenix actor and agent dictionaries.
 *
 * Built-in knowledge comes from the ISO 3166 tables of Debian's iso-codes
 * (embedded at build time) and from our own tables in data/ (see
 * data/README.md for their formats and the coding rules).
 *
 * Matching works on tokens (UTF-8, PTB style: "Hulusi" "Akar", "U.S.",
 * "Israel" "'s"). Words are compared folded: ASCII case, accents (Türkiye =
 * Turkiye, Erdoğan = Erdogan) and typographic apostrophes are ignored. A
 * name (anything but a role word) only matches when at least one of its
 * tokens carries an upper-case letter, so "turkey" the bird and "us" the
 * pronoun are not countries.
 *
 * A kb is read-only once loaded: kb_match(), kb_sector() and
 * kb_country_name() may be called from several threads at once.
 */
#ifndef ENTENTE_KB_H
#define ENTENTE_KB_H

#include "ingest/triple.h"

struct kb;			/* opaque: defined in kb.c */

/* How the matched words name the actor (kb_hit.form). */
enum kb_form {
	KB_NAME = 0,		/* a name: "Turkey", "Hulusi Akar", "NATO" */
	KB_ADJECTIVE,		/* "Turkish" */
	KB_PEOPLE,		/* "Turks", "Turk" */
	KB_CAPITAL,		/* "Ankara": the capital or seat of government,
				 * standing for the government (code TURGOV) */
	KB_FORMER		/* a former name: "Burma", "Zaire", "Swaziland" */
};

/* One match. Strings are owned by the kb and valid until kb_free(). */
struct kb_hit {
	const char *entity;	/* canonical name: "Turkey", "Hulusi Akar",
				 * "United Nations", "Hamas"; for a role word
				 * the phrase as listed: "defence minister" */
	enum actor_type type;	/* ACTOR_COUNTRY, ACTOR_PERSON, ACTOR_ORG,
				 * ACTOR_ROLE (agent words) or ACTOR_PLACE */
	const char *code;	/* CAMEO code at the requested date: "TUR",
				 * "TURGOV", "IGOUNO"; a role word alone gives
				 * its agent code: "GOV", "GOVMIL" */
	const char *country;	/* ISO 3166-1 alpha-3 (or a former alpha-3
				 * such as "SUN") of the code, or NULL */
	const char *sector;	/* first role of the code after its country:
				 * "GOV", "MIL", "COP", "REB", "LEG", "JUD",
				 * "BUS", "MED", ...; NULL when none */
	int form;		/* enum kb_form */
};

/* A knowledge base holding the built-in tables. Fast (a few ms). Returns
 * NULL with a message when the embedded tables cannot be read (a build
 * fault). The caller frees it with kb_free(). */
struct kb *kb_new(void);
void kb_free(struct kb *kb);	/* NULL is a harmless no-op */

/* Load a PETRARCH/Phoenix actor dictionary (Phoenix.Countries.actors.txt,
 * Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt or one in
 * the same format) or agent dictionary (Phoenix.agents.txt). Entries add to
 * what is there; a phrase already known to the built-in tables keeps its
 * built-in meaning, and a phrase given twice in loaded files takes the later
 * one (as PETRARCH does). Bad lines are reported as "file:line: ...",
 * skipped and counted (kb_stats()): a code line with no actor, a bad code
 * or date ("[TURGOV 2015010-]"), an actor with no code, an agent line with
 * no "[...]", an unknown !SET!. Two leniencies for the Phoenix files: base
 * lines in a row with no code between them are one actor (a forgotten
 * '+'), and the stems MINIST, AUTHORIT, COMPAN, INDUSTR ending an agent
 * phrase stand for their words (minister(s), ministry, ministries, ...).
 * Returns 0 when every line was read, 1 when some lines were bad, -1 when the
 * file could not be read (nothing changes then). */
int kb_load_actors(struct kb *kb, const char *path);
int kb_load_agents(struct kb *kb, const char *path);

/* Same, from a buffer: 'name' is used in messages only. */
int kb_load_actors_buf(struct kb *kb, const char *name, const char *buf, size_t len);
int kb_load_agents_buf(struct kb *kb, const char *name, const char *buf, size_t len);

/* The longest phrase of the kb that starts at tok[i] among the 'n' tokens.
 * 'when' chooses among date-ranged codes: the code whose range holds the
 * date, else the undated code, else the range nearest to the date; NULL or
 * y == 0 gives the most recent code (open-ended, else latest ending).
 * When no phrase starts at tok[i] and tok[i] is hyphenated, its first part
 * may match alone ("Greek-Cypriot", "U.S.-led": 1 token, the first part's
 * actor). Returns the number of tokens matched (0 = none, *hit untouched)
 * and fills *hit. The cost is that of the tokens read, not of the kb's size. */
int kb_match(const struct kb *kb, const char *const *tok, int n, int i,
	     const struct date *when, struct kb_hit *hit /* OUT */);

/* The sector of a one-word role or agent word, singular or plural, any case:
 * "minister", "ministers", "army", "police", "rebels", "parliament",
 * "president", "ambassador", "envoy", "troops". Returns a static
 * three-letter code ("GOV", "MIL", "COP", "REB", "LEG", "JUD", ...) or NULL. */
const char *kb_sector(const struct kb *kb, const char *word);

/* True when the lemma (lower case) is a noun whose most frequent sense
 * names a person (WordNet's noun.person, read at build time): "landowner",
 * "prisoner", "student", "Kurd" ("kurd"). */
int kb_people_noun(const char *lemma);

/* Compose an actor code: ("TUR", "GOV") -> "TURGOV". Either part may be NULL
 * or empty. Writes at most 15 bytes and a NUL into buf (>= 16 bytes),
 * truncating; returns buf. */
const char *kb_code(const char *country, const char *sector, char *buf);

/* The canonical name of a country by its alpha-3 code, or NULL when the
 * code is unknown. We use the short English name of news usage, which is
 * ISO's common name where it has one and otherwise ISO's name, overridden in
 * data/countries.txt where news usage differs: "Turkey" rather than
 * "Türkiye", "South Korea" rather than "Korea, Republic of", "Russia" rather
 * than "Russian Federation". */
const char *kb_country_name(const struct kb *kb, const char *alpha3);

/* The length of the longest phrase at tok[i] that a table lists as naming
 * no actor ("Middle East", "Dow Jones": code "---"), which kb_match()
 * hides; 0 when the longest phrase there names an actor or there is none. */
int kb_names_nothing(const struct kb *kb, const char *const *tok, int n, int i);

/* Fold a phrase as kb_match() compares words: ASCII lower case, Latin
 * accents removed, typographic quotes made ASCII, abbreviation periods
 * dropped, runs of blanks made one: "Recep Tayyip  Erdoğan" -> "recep tayyip
 * erdogan", "U.S." -> "us". Useful to merge spellings of one name. Writes
 * into buf (size bytes); returns the length, or -1 when it does not fit. */
int kb_fold(const char *s, char *buf, size_t size);

/* Figures for reports and tests. */
struct kb_stats {
	size_t entries;		/* phrases that name something */
	size_t nodes;		/* trie nodes (phrase prefixes) */
	size_t countries;	/* country records */
	size_t bad_lines;	/* bad lines met by all loads so far */
	size_t bytes;		/* memory held, roughly */
};
void kb_stats(const struct kb *kb, struct kb_stats *st /* OUT */);

#endif
