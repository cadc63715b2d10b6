/*
 * merge.h: deciding which actor a mention names, so that the graph has one
 * node per real-world actor ("Gantz", "Benjamin Gantz" and "Israeli Defense
 * Minister Benjamin Gantz" are one node; "Turkey", "Turkish", "Ankara" and
 * "Türkiye" with code TUR are one node "Turkey").
 *
 * The rules (the store applies them, see store_add_article()):
 *  - countries merge by ISO code whatever the sector (key "country:TUR" for
 *    TUR and TURGOV); without one, by folded name;
 *  - organisations and places merge by folded canonical name and country
 *    ("organization:=bank of england|GBR"), never by code alone: codes
 *    such as BUS or GBRPTY name a sector shared by many actors; a firm's
 *    name without its legal form ("Texaco Inc" = "Texaco");
 *  - persons merge when their full names are equal after folding (case and
 *    accents: Erdogan = Erdoğan): key "person:recep tayyip erdogan";
 *  - a one-token person name ("Gantz") joins the only known person with
 *    that surname whose country and role do not conflict; among several,
 *    only evidence decides (a full-name mention in the same article, then
 *    same country and same role); otherwise it stays a node of its own;
 *  - roles ("ambassador") merge by folded name and country;
 *  - unknown phrases and things ("relations", "talks") merge by folded text
 *    under key "thing:..." and keep their type so exports can drop them.
 * This module holds no state and never touches the database.
 */
#ifndef ENTENTE_MERGE_H
#define ENTENTE_MERGE_H

#include <stddef.h>
#include "ingest/triple.h"

/* Lowercase, accents removed (Latin-1 and Latin Extended-A letters to
 * ASCII, combining marks dropped), '.' and apostrophes dropped, '-' and
 * '_' read as spaces, runs of spaces collapsed and trimmed. Other
 * characters are kept as they are. The caller frees the result. */
char *merge_fold(const char *s);

/* The name an actor is known by: the entity when set, else the text; for
 * a person with a role but no entity, what follows the role in the text
 * ("Turkish President Erdogan", role "President": "Erdogan"). */
const char *merge_name(const struct mention *m);

/* True when the actor type is a real actor (not unknown or thing). */
int merge_is_actor(enum actor_type t);

/* The merge key of a mention (see above): a country by its ISO code
 * whatever the sector ("Ankara", TURGOV, is "country:TUR"); a country
 * without one "country:=<folded name>"; an organisation or place
 * "<type>:=<folded name>" (organisations: merge_org_core() of it),
 * followed by "|<country>" when it has one. The caller frees it. */
char *merge_key(const struct mention *m);

/* A firm's name without its legal form: "merrill lynch" of the folded
 * "merrill lynch and co inc", "texaco" of "texaco inc" (trailing inc, co,
 * corp, ltd, plc, ag, spa, sa, nv, gmbh, llc, and the "and", "&" or
 * "the" before them); never empty when 'folded' is not. The caller frees
 * it. */
char *merge_org_core(const char *folded);

/* Number of space-separated tokens of a folded name. */
size_t merge_tokens(const char *folded);

/* The last token of a folded name, as a new string. */
char *merge_surname(const char *folded);

/* True when the mention's country or role contradicts the given ones
 * (both set and different after folding). */
int merge_conflict(const struct mention *m, const char *country, const char *role);

/* A known person that a one-token name might refer to. */
struct merge_cand {
	long long id;		/* actor id in the store */
	const char *country;	/* or NULL */
	const char *role;	/* or NULL */
	int in_article;		/* named in full in the same article */
};

/* Choose among the known persons whose surname is the one-token name of
 * 'm'. Returns the index in 'c' of the person it names, or -1 when none
 * or when the evidence does not single one out. */
int merge_pick(const struct mention *m, const struct merge_cand *c, size_t n);

#endif
