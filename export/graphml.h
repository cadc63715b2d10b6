/*
 * graphml.h: the graph view as GraphML 1.0 (valid against the GraphML XSD;
 * read by networkx, igraph and Gephi).
 *
 * Node data: label, type, code, country, first, last (days), indegree,
 * outdegree, strength, pagerank. Edge data: label and relation (event or
 * lemma), weight, count, lemma, event, text, date, date_end, start, end,
 * period, article, evidence, location, negated (boolean), confidence.
 * Absent values are left out. Every edge carries an id.
 */
#ifndef ENTENTE_GRAPHML_H
#define ENTENTE_GRAPHML_H

#include <stdio.h>

struct graph;

/* Write 'g' to 'f'. Returns 0, or -1 when writing failed (no message:
 * the caller names the file). */
int graphml_write(const struct graph *g, FILE *f);

#endif
