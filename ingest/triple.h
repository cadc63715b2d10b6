/*
 * triple.h: what extraction produces and every later stage consumes: one
 * subject-relation-object statement read from one sentence of one article.
 *
 * All fields are public: a triple is a plain record. Every string is owned
 * by the triple (malloc'd) unless noted, and triple_release() frees them.
 */
#ifndef ENTENTE_TRIPLE_H
#define ENTENTE_TRIPLE_H

#include <stddef.h>

struct strbuf;

/* What kind of actor a mention names. */
enum actor_type {
	ACTOR_UNKNOWN = 0,	/* a phrase we could not type */
	ACTOR_PERSON,		/* a named person: "Hulusi Akar" */
	ACTOR_COUNTRY,		/* a state, its government or people: "Turkey" */
	ACTOR_ORG,		/* an organisation: "NATO", "Hamas" */
	ACTOR_ROLE,		/* an unnamed office holder or group: "ambassador" */
	ACTOR_PLACE,		/* a place that is not an actor: "Gaza" */
	ACTOR_THING		/* anything else: "relations", "talks" */
};
const char *actor_type_name(enum actor_type t);	/* "person", ... */
enum actor_type actor_type_from_name(const char *s); /* UNKNOWN if unknown */

/* A calendar date at some precision. y == 0 means no date. */
struct date {
	int y;			/* year, e.g. 2022; 0 = none */
	int m;			/* month 1-12; 0 = year precision */
	int d;			/* day 1-31; 0 = month (or year) precision */
};
/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" into buf (>= 11 bytes); returns
 * buf, or NULL for an empty date. */
const char *date_format(const struct date *dt, char *buf);
/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or a longer ISO 8601 timestamp
 * (time part ignored). Returns 0, or -1 when 's' is not such a date. */
int date_parse(const char *s, struct date *dt);
const char *date_precision_name(const struct date *dt); /* "day"/"month"/"year"/NULL */

/* One side of a triple: the phrase and the actor it names. */
struct mention {
	char *text;		/* the phrase as it stands in the sentence */
	char *entity;		/* canonical actor name; NULL when none */
	enum actor_type type;
	char *code;		/* CAMEO-style actor code (TUR, TURGOV, IGOUNO); NULL if unknown */
	char *country;		/* ISO 3166-1 alpha-3 of the actor's country; NULL if unknown */
	char *role;		/* title or office: "Defense Minister"; NULL if none */
};

/* An extra argument of the relation: time, place, source, mode, ... */
struct arg {
	char *role;		/* "time", "location", "source", "mode", "object2", ... */
	char *text;		/* the phrase as it stands */
};

enum date_source {
	DATE_SOURCE_NONE = 0,	/* no date at all */
	DATE_SOURCE_TEXT,	/* from a temporal expression of the clause */
	DATE_SOURCE_ARTICLE	/* the article's publication date */
};

struct triple {
	char *article;		/* article id */
	int sentence;		/* sentence index in the article, from 0 */
	struct mention subject;
	struct mention object;
	char *rel_text;		/* relation as it stands: "met with", "was designated as" */
	char *lemma;		/* lemma of the relation: "meet with" -> "meet" */
	char *event;		/* PLOVER 2021 event type, or NULL */
	char *cameo;		/* CAMEO event code, or NULL */
	int quad;		/* quad class 1-4 (verbal coop, material coop,
				 * verbal conflict, material conflict), 0 = none */
	char *mode;		/* NULL (asserted, past or present) or "future", "modal",
				 * "visit", ... */
	struct arg *args;	/* extra arguments; owned */
	size_t nargs, args_alloc;
	struct date date;	/* when it happened, as precise as the text allows */
	struct date date_end;	/* end of an interval, or empty */
	enum date_source date_source;
	int negated;		/* "did not meet" */
	double confidence;	/* in [0,1] */
	char *evidence;		/* the sentence */
};

void triple_init(struct triple *t);
void triple_release(struct triple *t);	/* frees every field; back to init */
void mention_release(struct mention *m);
void mention_copy(struct mention *dst, const struct mention *src); /* deep */
/* Add an argument; copies both strings. */
void triple_add_arg(struct triple *t, const char *role, const char *text);
const char *triple_arg(const struct triple *t, const char *role); /* first or NULL */

/* A growable list of triples; the list owns them. */
struct triple_list {
	struct triple *v;
	size_t n, alloc;
};
#define TRIPLE_LIST_INIT { NULL, 0, 0 }
struct triple *triple_list_push(struct triple_list *l); /* new initialised slot */
void triple_list_release(struct triple_list *l);

/* Append 't' as one JSON object (no newline), in the format described by
 * schemas/triple.schema.json. */
void triple_to_json(const struct triple *t, struct strbuf *out);

/* Parse one JSON object in the format triple_to_json() writes into 't'
 * (initialised; its old contents are released first). Missing fields stay
 * empty; "date_precision" is implied by "date". Returns 0, or -1 when
 * 'json' is not such an object (no message; 't' is left initialised). */
int triple_from_json(const char *json, struct triple *t);

#endif
