/*
 * json.h: the graph view as JSON in networkx's node-link form, described
 * by schemas/graph.schema.json:
 *
 *   {"directed": true, "multigraph": true,
 *    "graph": {"name": "entente", "level": "actor"|"country"},
 *    "nodes": [{"id", "label", "type", "code", "country", "first", "last",
 *               "indegree", "outdegree", "strength", "pagerank"}, ...],
 *    "edges": [{"source", "target", "key", "id", "relation", "lemma",
 *               "event", "text", "date", "date_end", "start", "end",
 *               "period", "article", "evidence", "location", "negated",
 *               "confidence", "weight", "count"}, ...]}
 *
 * The links are under "edges", the default of networkx >= 3.6, so
 * networkx.node_link_graph(json.load(f)) loads it as a MultiDiGraph. With
 * networkx 3.4 or 3.5 pass edges="edges"; before 3.4, link="edges".
 * Every link has a date. Absent values are null.
 */
#ifndef ENTENTE_JSON_H
#define ENTENTE_JSON_H

#include <stdio.h>

struct graph;

/* Write 'g' to 'f'. Returns 0, or -1 when writing failed (no message). */
int json_write(const struct graph *g, FILE *f);

#endif
