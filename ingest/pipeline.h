/*
 * pipeline.h: one article in, its triples out. Tokenises, splits sentences,
 * tags and parses each, extracts clauses (extract.h), names their actors
 * (actors.h), dates them (dates.h) and types their events (events.h).
 */
#ifndef ENTENTE_PIPELINE_H
#define ENTENTE_PIPELINE_H

#include "ingest/article.h"
#include "ingest/triple.h"

struct pipeline;

struct pipeline_opts {
	const char *model;	/* model file, or NULL for the built-in one */
	const char **actors;	/* PETRARCH/Phoenix actor dictionaries to load */
	int nactors;
	const char **agents;	/* agent dictionaries to load */
	int nagents;
	double min_confidence;	/* triples below it are left out */
};

/* NULL with a message when the model or a dictionary cannot be read.
 * Dictionary lines that are bad are reported and skipped: *bad_lines (may
 * be NULL) tells whether there were any. */
struct pipeline *pipeline_new(const struct pipeline_opts *o, int *bad_lines);
void pipeline_free(struct pipeline *p);	/* NULL is a no-op */

/* Append the triples of 'a' to 'out'. Returns 0, or -1 on error. */
int pipeline_run(struct pipeline *p, const struct article *a, struct triple_list *out);

/* Work done so far, for progress and benchmarks. */
struct pipeline_stats {
	size_t articles, sentences, tokens, triples;
};
void pipeline_stats(const struct pipeline *p, struct pipeline_stats *st);

#endif
