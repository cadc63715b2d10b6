/*
 * gexf.h: the graph view as dynamic GEXF 1.3 (valid against gexf.rng; for
 * Gephi's timeline).
 *
 * mode="dynamic", timeformat="date". Each node has one spell from its first
 * to its last appearance. Each edge's kind (and label) is its relation
 * (event or lemma) so that Gephi does not merge different relations
 * between the same nodes. At actor level there is one edge per relation,
 * with its date as a spell. At country level the aggregated edges of one
 * group (same source, target, relation and negation) become one GEXF edge
 * with a spell per period. The dynamic attribute "weight" gives the weight
 * of each period (attvalues with start and end); the static weight
 * attribute is the total.
 */
#ifndef ENTENTE_GEXF_H
#define ENTENTE_GEXF_H

#include <stdio.h>

struct graph;

/* Write 'g' to 'f'. Returns 0, or -1 when writing failed (no message). */
int gexf_write(const struct graph *g, FILE *f);

#endif
