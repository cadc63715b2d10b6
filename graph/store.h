/*
 * store.h: the SQLite database of articles, actors, their aliases and the
 * relations between them (schema: schemas/store.sql). This module is the
 * only one that speaks SQL; everything goes through prepared statements.
 *
 * Writing: store_add_article() merges each mention into an actor (rules in
 * graph/merge.h) and records the relation, its mentions and the aliases.
 * Wrap batches in store_begin()/store_commit(): a run killed mid-way leaves
 * the database as it was before the unfinished batch.
 *
 * Reading: the store_*_list() functions fill plain arrays the caller frees
 * with the matching *_free(); every string in them is owned by the array.
 */
#ifndef ENTENTE_STORE_H
#define ENTENTE_STORE_H

#include <stddef.h>
#include "ingest/article.h"
#include "ingest/triple.h"

#define STORE_SCHEMA_VERSION 1

struct store;		/* opaque: defined in store.c */

/* The schema text run on a new database (equal to schemas/store.sql). */
const char *store_schema_sql(void);

/* Open or create the database at 'path'; a new one gets the schema. An
 * existing one must carry PRAGMA user_version STORE_SCHEMA_VERSION, else
 * -1 with a message naming the file. On success *out owns the connection. */
int store_open(struct store **out, const char *path);
/* Open an existing database read-only; -1 (with a message) when 'path'
 * does not exist: queries and exports never create a database. */
int store_open_existing(struct store **out, const char *path);
void store_close(struct store *st);		/* NULL is a no-op */

int store_begin(struct store *st);		/* 0 or -1, message printed */
int store_commit(struct store *st);
int store_rollback(struct store *st);

/* Store one article and its triples, merging mentions into actors. Returns
 * 1 when stored, 0 when the same article (same id, or same content hash)
 * is already there (nothing is added), -1 on error (message printed; the
 * caller should roll back the batch). The triples' article ids are not
 * consulted: they all belong to 'a'. A triple whose subject or object has
 * neither text nor entity is skipped. Nothing is taken from the caller. */
int store_add_article(struct store *st, const struct article *a,
		      const struct triple *v, size_t n);

/* Read triples as JSON lines (triple_from_json(), one object a line, at
 * most STORE_TRIPLE_LINE_MAX bytes, "-" for stdin) and store them, one
 * article per run of lines with the same article id, in one transaction
 * (not to be called inside store_begin()). Articles carry only their id;
 * their hash is that of their triples. *padded (may be NULL) counts the
 * articles stored. Returns 0, or -1 (message names the file and line;
 * nothing stored). */
#define STORE_TRIPLE_LINE_MAX (1 << 20)
int store_add_triples_file(struct store *st, const char *path, size_t *padded);

/* Settle what single articles could not decide, once a run has stored
 * its articles (inside a transaction of the caller's): a person of two
 * words or more with no code or title whose name is exactly one
 * organisation's ("Merrill Lynch" beside "Merrill Lynch and Co Inc") is
 * that organisation, and is merged into it with its mentions, relations,
 * aliases and codes. The order articles came in does not matter. Sets
 * *pmerged to the number of actors merged; 0 or -1 (message printed). */
int store_settle(struct store *st, long *pmerged);

/*==== Reading ====*/

struct store_actor {
	long long id;
	char *name;		/* canonical name */
	enum actor_type type;
	char *code;		/* or NULL */
	char *country;		/* or NULL */
	char *role;		/* or NULL */
	char *first, *last;	/* days first and last seen, or NULL */
	long nrel;		/* relations it takes part in */
};

/* All actors, by id. */
int store_actor_list(struct store *st, struct store_actor **pv, size_t *pn);
void store_actor_free(struct store_actor *v, size_t n);

/* Ids of the actors one of whose aliases (or canonical name) equals 'name'
 * after folding (merge_fold()); *pv is NULL when there are none. When no
 * alias matches, actors whose folded name ends with the folded 'name' as a
 * last token ("Gantz" -> "Benjamin Gantz") are returned instead. */
int store_actor_find(struct store *st, const char *name, long long **pv, size_t *pn);

/* One row of an actor's aliases or codes, most frequent first. */
struct store_count {
	char *text;		/* alias, code or country */
	long count;
	char *first, *last;	/* codes: period used; NULL otherwise */
};
enum store_count_kind {
	STORE_ALIASES,		/* surface forms and entity names */
	STORE_CODES,		/* actor codes over time */
	STORE_COUNTRIES,	/* countries its mentions gave */
	STORE_PARTNERS		/* text = partner's name, count = relations */
};
int store_actor_counts(struct store *st, long long actor, enum store_count_kind kind,
		       struct store_count **pv, size_t *pn);
void store_count_free(struct store_count *v, size_t n);

struct store_relation {
	long long id;
	long long subject, object;	/* actor ids */
	char *text, *lemma, *event, *cameo, *mode;	/* event, cameo, mode may be NULL */
	int quad;
	char *date, *date_end, *precision, *date_source;	/* may be NULL */
	char *date_lo, *date_hi;	/* days covered, NULL when undated */
	char *article;
	int sentence;
	char *evidence;
	int negated;
	double confidence;
	char *location;		/* or NULL */
	char *args;		/* JSON array */
};

/* Which relations to read. Dates are "YYYY[-MM[-DD]]" strings or NULL. */
struct store_filter {
	const char *since;	/* relations whose period ends on or after it */
	const char *until;	/* ... starts on or before it */
	const char *at;		/* as of that day: starts on or before it */
	int dated_only;		/* skip undated relations */
	const long long *actors_a;	/* when set: relations with a subject or */
	size_t nactors_a;		/* object among these ... */
	const long long *actors_b;	/* ... and (when set) the other side */
	size_t nactors_b;		/* among these */
};

/* Relations matching 'f' (NULL: all), oldest first (undated last), then by
 * id. */
int store_relation_list(struct store *st, const struct store_filter *f,
			struct store_relation **pv, size_t *pn);
void store_relation_free(struct store_relation *v, size_t n);

/* Numbers of articles, actors, relations, mentions, aliases. */
struct store_stats {
	long articles, actors, relations, mentions, aliases;
};
int store_stats(struct store *st, struct store_stats *out);

#endif
