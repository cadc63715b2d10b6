/*
 * graph.h: a filtered view of the store as a directed multigraph, for the
 * exports and for analytics. graph.c is the only file that includes
 * igraph.h; the igraph object stays inside struct graph.
 *
 * Nodes and edges are plain records (all fields public, read-only for the
 * caller, owned by the graph). Only dated relations become edges.
 *
 * Levels:
 *  - GRAPH_ACTOR: one node per actor touched by an edge (id "a<actor id>"),
 *    one edge per relation (id "r<relation id>", weight 1, count 1);
 *  - GRAPH_COUNTRY: people, roles and institutions are replaced by their
 *    country's node (id = ISO code, label = the store's country actor name
 *    when there is one); organisations without a country keep a node of
 *    their own (id = their code); actors with neither (unknown phrases,
 *    things, persons of unknown country) are dropped. Edges with the same
 *    source, target, relation, negation and period (the month of the date,
 *    or its year for year-precision dates) are aggregated into one edge
 *    (id "e<n>") whose count and weight are the number of relations; its
 *    article, evidence and lemma are those of the first of them.
 */
#ifndef ENTENTE_GRAPH_H
#define ENTENTE_GRAPH_H

#include <stddef.h>
#include "ingest/triple.h"

struct store;

enum graph_level { GRAPH_ACTOR = 0, GRAPH_COUNTRY };

struct graph_options {
	enum graph_level level;
	const char *since, *until, *at;	/* as in struct store_filter, or NULL */
	int actors_only;		/* drop unknown phrases and things */
};

struct graph_node {
	char *id;		/* "a12" or "TUR" */
	char *label;		/* canonical name */
	enum actor_type type;
	char *code;		/* or NULL */
	char *country;		/* or NULL */
	char *first, *last;	/* first and last day of its edges */
	long in, out;		/* in- and out-degree (edges, loops counted) */
	double strength;	/* sum of the weights of its edges */
	double pagerank;	/* weighted PageRank in this view */
};

struct graph_edge {
	char *id;		/* "r57" or "e3" */
	size_t source, target;	/* node indices */
	char *relation;		/* event when there is one, else lemma */
	char *lemma, *event;	/* event may be NULL */
	char *text;		/* the relation as it stands */
	char *date;		/* "YYYY[-MM[-DD]]"; the period at country level */
	char *date_end;		/* or NULL */
	char *start, *end;	/* first and last day covered */
	char *period;		/* "YYYY-MM" (or "YYYY" for year-precision dates) */
	char *article;
	char *evidence;
	char *location;		/* or NULL */
	int negated;
	double confidence;	/* in [0,1]; mean over aggregated relations */
	double weight;		/* relations it stands for */
	long count;		/* the same, as an integer */
	size_t group;		/* edges with the same source, target, relation
				 * and negation share it: 0 .. graph_groups()-1,
				 * numbered in order of first appearance */
};

struct graph;		/* opaque: defined in graph.c */

/* Build the view of 'st' that 'opt' asks for (NULL: actor level, all).
 * Returns 0 and sets *out (caller frees with graph_free()), or -1 with a
 * message. */
int graph_load(struct graph **out, struct store *st, const struct graph_options *opt);
void graph_free(struct graph *g);		/* NULL is a no-op */

enum graph_level graph_level_of(const struct graph *g);
size_t graph_node_count(const struct graph *g);
const struct graph_node *graph_node(const struct graph *g, size_t i);
size_t graph_edge_count(const struct graph *g);
const struct graph_edge *graph_edge(const struct graph *g, size_t i);
/* Number of distinct edge groups (see graph_edge.group). */
size_t graph_groups(const struct graph *g);
/* Relations left out because they had no date. */
size_t graph_undated(const struct graph *g);

#endif
