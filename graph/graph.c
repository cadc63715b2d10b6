/*
 * graph.c: the store as an igraph directed multigraph, at actor or country
 * level (see graph.h). The only file that includes igraph.h.
 */
#include "graph/graph.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <igraph.h>
#include <unistd.h>

#include "graph/merge.h"
#include "graph/store.h"
#include "util.h"

/*==== A string -> index map (open addressing) ====*/

struct strmap {
	char **keys;		/* owned; NULL = empty slot */
	size_t *vals;
	size_t n, cap;		/* entries in use, slots (a power of two) */
};

static uint64_t str_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void strmap_grow(struct strmap *m);

/* The slot of 'key': holding it, or the empty one where it would go. */
static size_t strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)str_hash(key) & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Index stored under 'key', or (size_t)-1. */
static size_t strmap_get(const struct strmap *m, const char *key)
{
	size_t i;
	if (!m->cap)
		return (size_t)-1;
	i = strmap_slot(m, key);
	return m->keys[i] ? m->vals[i] : (size_t)-1;
}

static void strmap_put(struct strmap *m, const char *key, size_t val)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap)
		strmap_grow(m);
	i = strmap_slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = xstrdup(key);
		m->n++;
	}
	m->vals[i] = val;
}

static void strmap_grow(struct strmap *m)
{
	struct strmap big;
	size_t i;

	big.cap = m->cap ? 2 * m->cap : 64;
	big.n = m->n;
	big.keys = xcalloc(big.cap, sizeof(*big.keys));
	big.vals = xcalloc(big.cap, sizeof(*big.vals));
	for (i = 0; i < m->cap; i++)
		if (m->keys[i]) {
			size_t j = strmap_slot(&big, m->keys[i]);
			big.keys[j] = m->keys[i];
			big.vals[j] = m->vals[i];
		}
	free(m->keys);
	free(m->vals);
	*m = big;
}

static void strmap_release(struct strmap *m)
{
	size_t i;
	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/*==== The graph ====*/

struct graph {
	enum graph_level level;
	struct graph_node *nodes;
	size_t nnodes, nodes_alloc;
	struct graph_edge *edges;
	size_t nedges, edges_alloc;
	size_t undated;		/* relations skipped for want of a date */
	size_t ngroups;		/* distinct graph_edge.group values */
	igraph_t ig;		/* the same multigraph, for analytics */
	int have_ig;
};

enum graph_level graph_level_of(const struct graph *g) { return g->level; }
size_t graph_node_count(const struct graph *g) { return g->nnodes; }
const struct graph_node *graph_node(const struct graph *g, size_t i) { return &g->nodes[i]; }
size_t graph_edge_count(const struct graph *g) { return g->nedges; }
const struct graph_edge *graph_edge(const struct graph *g, size_t i) { return &g->edges[i]; }
size_t graph_undated(const struct graph *g) { return g->undated; }
size_t graph_groups(const struct graph *g) { return g->ngroups; }

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void graph_free(struct graph *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->nnodes; i++) {
		struct graph_node *n = &g->nodes[i];
		free(n->id);
		free(n->label);
		free(n->code);
		free(n->country);
		free(n->first);
		free(n->last);
	}
	for (i = 0; i < g->nedges; i++) {
		struct graph_edge *e = &g->edges[i];
		free(e->id);
		free(e->relation);
		free(e->lemma);
		free(e->event);
		free(e->text);
		free(e->date);
		free(e->date_end);
		free(e->start);
		free(e->end);
		free(e->period);
		free(e->article);
		free(e->evidence);
		free(e->location);
	}
	free(g->nodes);
	free(g->edges);
	if (g->have_ig)
		igraph_destroy(&g->ig);
	free(g);
}

static const struct store_actor *find_actor(const struct store_actor *v, size_t n, long long id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].id == id)
			return &v[mid];
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The node key of an actor's country at country level, or NULL. */
static const char *country_key(const struct store_actor *a)
{
	if (a->country && *a->country)
		return a->country;
	if ((a->type == ACTOR_COUNTRY || a->type == ACTOR_ORG) && a->code && *a->code)
		return a->code;
	return NULL;
}

/* The period of a relation: its month, or its year for a year date. */
static char *period_of(const struct store_relation *r)
{
	const char *d = r->date ? r->date : r->date_lo;
	size_t len = strlen(d);
	return xstrndup(d, len >= 7 ? 7 : 4);
}

static void period_bounds(const char *period, char **start, char **end)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char buf[16];
	int y = atoi(period), m = strlen(period) >= 7 ? atoi(period + 5) : 0, d;

	snprintf(buf, sizeof(buf), "%04d-%02d-01", y, m ? m : 1);
	*start = xstrdup(buf);
	if (!m)
		m = 12;
	d = dm[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
	*end = xstrdup(buf);
}

/* The node for key 'key', made from actor 'a' when new. */
static size_t node_for(struct graph *g, struct strmap *map, const char *key,
		       const struct store_actor *a, const struct strmap *country_names,
		       const struct store_actor *actors)
{
	size_t i = strmap_get(map, key);
	struct graph_node *n;

	if (i != (size_t)-1)
		return i;
	ALLOC_GROW(g->nodes, g->nnodes + 1, g->nodes_alloc);
	n = &g->nodes[g->nnodes];
	memset(n, 0, sizeof(*n));
	n->id = xstrdup(key);
	if (g->level == GRAPH_ACTOR) {
		n->label = xstrdup(a->name);
		n->type = a->type;
		n->code = dup_or_null(a->code);
		n->country = dup_or_null(a->country);
	} else if (a->country && *a->country) {
		size_t c = strmap_get(country_names, key);
		n->label = xstrdup(c != (size_t)-1 ? actors[c].name : key);
		n->type = ACTOR_COUNTRY;
		n->code = xstrdup(key);
		n->country = xstrdup(key);
	} else {		/* an organisation (or country) known by code only */
		n->label = xstrdup(a->type == ACTOR_COUNTRY ? key : a->name);
		n->type = a->type;
		n->code = xstrdup(key);
		n->country = a->type == ACTOR_COUNTRY ? xstrdup(key) : NULL;
	}
	strmap_put(map, key, g->nnodes);
	return g->nnodes++;
}

static void edge_fill(struct graph_edge *e, const struct store_relation *r)
{
	e->relation = xstrdup(r->event ? r->event : r->lemma);
	e->lemma = xstrdup(r->lemma);
	e->event = dup_or_null(r->event);
	e->text = xstrdup(r->text);
	e->article = xstrdup(r->article);
	e->evidence = xstrdup(r->evidence);
	e->location = dup_or_null(r->location);
	e->negated = r->negated;
	e->confidence = r->confidence < 0 ? 0 : r->confidence > 1 ? 1 : r->confidence;
	e->weight = 1;
	e->count = 1;
	e->period = period_of(r);
}

static void widen(char **lo, char **hi, const char *start, const char *end)
{
	if (!*lo || strcmp(start, *lo) < 0) {
		free(*lo);
		*lo = xstrdup(start);
	}
	if (!*hi || strcmp(end, *hi) > 0) {
		free(*hi);
		*hi = xstrdup(end);
	}
}

/* Country nodes the store has no name for get the ISO 3166 name from
 * Debian's iso-codes (common name when there is one); without the file
 * they keep their code as label. */
#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

static void name_countries(struct graph *g)
{
	char *buf = NULL;
	size_t len, i;
	cJSON *root = NULL;
	const cJSON *c;

	for (i = 0; i < g->nnodes; i++)
		if (g->nodes[i].type == ACTOR_COUNTRY && !strcmp(g->nodes[i].label, g->nodes[i].id))
			break;
	if (i == g->nnodes || access(ISO_3166_JSON, R_OK) < 0 ||
	    read_file(ISO_3166_JSON, &buf, &len) < 0)
		return;
	root = cJSON_Parse(buf);
	free(buf);
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(root, "3166-1")) {
		const cJSON *a3 = cJSON_GetObjectItemCaseSensitive(c, "alpha_3");
		const cJSON *nm = cJSON_GetObjectItemCaseSensitive(c, "common_name");

		if (!cJSON_IsString(nm))
			nm = cJSON_GetObjectItemCaseSensitive(c, "name");
		if (!cJSON_IsString(a3) || !cJSON_IsString(nm))
			continue;
		for (i = 0; i < g->nnodes; i++) {
			struct graph_node *n = &g->nodes[i];
			if (n->type == ACTOR_COUNTRY && !strcmp(n->label, n->id) &&
			    !strcmp(n->id, a3->valuestring)) {
				free(n->label);
				n->label = xstrdup(nm->valuestring);
			}
		}
	}
	cJSON_Delete(root);
}

/* Degrees, strengths and PageRank through igraph. */
static int graph_analyse(struct graph *g)
{
	igraph_vector_int_t ev, deg;
	igraph_vector_t w, res;
	igraph_real_t value;
	size_t i;
	int ret = -1;

	igraph_set_error_handler(igraph_error_handler_printignore);
	if (igraph_vector_int_init(&ev, 2 * (igraph_integer_t)g->nedges))
		return error("out of memory building the graph");
	for (i = 0; i < g->nedges; i++) {
		VECTOR(ev)[2 * i] = (igraph_integer_t)g->edges[i].source;
		VECTOR(ev)[2 * i + 1] = (igraph_integer_t)g->edges[i].target;
	}
	if (igraph_create(&g->ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED)) {
		igraph_vector_int_destroy(&ev);
		return error("cannot build the graph");
	}
	igraph_vector_int_destroy(&ev);
	g->have_ig = 1;
	if (!g->nnodes)
		return 0;
	igraph_vector_int_init(&deg, 0);
	igraph_vector_init(&w, (igraph_integer_t)g->nedges);
	igraph_vector_init(&res, 0);
	for (i = 0; i < g->nedges; i++)
		VECTOR(w)[i] = g->edges[i].weight;
	if (igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_OUT, 1))
		goto out;
	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].out = (long)VECTOR(deg)[i];
	if (igraph_degree(&g->ig, &deg, igraph_vss_all(), IGRAPH_IN, 1))
		goto out;
	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].in = (long)VECTOR(deg)[i];
	if (igraph_strength(&g->ig, &res, igraph_vss_all(), IGRAPH_ALL, 1, &w))
		goto out;
	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].strength = VECTOR(res)[i];
	if (igraph_pagerank(&g->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
			    igraph_vss_all(), 1, 0.85, &w, NULL))
		goto out;
	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].pagerank = round(VECTOR(res)[i] * 1e6) / 1e6; /* stable digits */
	ret = 0;
out:
	if (ret < 0)
		error("cannot compute node degrees");
	igraph_vector_int_destroy(&deg);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&res);
	return ret;
}

int graph_load(struct graph **out, struct store *st, const struct graph_options *opt)
{
	static const struct graph_options defaults;
	struct store_actor *actors = NULL;
	struct store_relation *rels = NULL;
	size_t nactors = 0, nrels = 0, i;
	struct strmap nodes = { 0 }, aggr = { 0 }, country_names = { 0 };
	struct store_filter f;
	struct strbuf key = STRBUF_INIT;
	struct graph *g = xcalloc(1, sizeof(*g));
	int ret = -1;

	*out = NULL;
	if (!opt)
		opt = &defaults;
	g->level = opt->level;
	memset(&f, 0, sizeof(f));
	f.since = opt->since;
	f.until = opt->until;
	f.at = opt->at;
	if (store_actor_list(st, &actors, &nactors) < 0 ||
	    store_relation_list(st, &f, &rels, &nrels) < 0)
		goto out;
	if (g->level == GRAPH_COUNTRY)	/* a label for each country code */
		for (i = 0; i < nactors; i++)
			if (actors[i].type == ACTOR_COUNTRY && country_key(&actors[i]) &&
			    strmap_get(&country_names, country_key(&actors[i])) == (size_t)-1)
				strmap_put(&country_names, country_key(&actors[i]), i);
	for (i = 0; i < nrels; i++) {
		const struct store_relation *r = &rels[i];
		const struct store_actor *sa = find_actor(actors, nactors, r->subject);
		const struct store_actor *oa = find_actor(actors, nactors, r->object);
		struct graph_edge *e;
		size_t s, t;

		if (!r->date_lo) {
			g->undated++;
			continue;
		}
		if (!sa || !oa)
			continue;
		if (opt->actors_only && (!merge_is_actor(sa->type) || !merge_is_actor(oa->type)))
			continue;
		if (g->level == GRAPH_ACTOR) {
			sb_reset(&key);
			sb_addf(&key, "a%lld", sa->id);
			s = node_for(g, &nodes, key.buf, sa, NULL, actors);
			sb_reset(&key);
			sb_addf(&key, "a%lld", oa->id);
			t = node_for(g, &nodes, key.buf, oa, NULL, actors);
		} else {
			const char *ks = country_key(sa), *kt = country_key(oa);
			char *period;
			size_t j;

			if (!ks || !kt)
				continue;
			s = node_for(g, &nodes, ks, sa, &country_names, actors);
			t = node_for(g, &nodes, kt, oa, &country_names, actors);
			period = period_of(r);
			sb_reset(&key);
			sb_addf(&key, "%zu|%zu|%s|%d|%s", s, t, r->event ? r->event : r->lemma,
				r->negated, period);
			free(period);
			if ((j = strmap_get(&aggr, key.buf)) != (size_t)-1) {
				e = &g->edges[j];
				e->confidence = (e->confidence * (double)e->count + r->confidence) /
						(double)(e->count + 1);
				e->count++;
				e->weight++;
				continue;
			}
			strmap_put(&aggr, key.buf, g->nedges);
		}
		ALLOC_GROW(g->edges, g->nedges + 1, g->edges_alloc);
		e = &g->edges[g->nedges];
		memset(e, 0, sizeof(*e));
		e->source = s;
		e->target = t;
		edge_fill(e, r);
		sb_reset(&key);
		if (g->level == GRAPH_ACTOR) {
			sb_addf(&key, "r%lld", r->id);
			e->date = xstrdup(r->date);
			e->date_end = dup_or_null(r->date_end);
			e->start = xstrdup(r->date_lo);
			e->end = xstrdup(r->date_hi);
		} else {
			sb_addf(&key, "e%zu", g->nedges);
			e->date = xstrdup(e->period);
			period_bounds(e->period, &e->start, &e->end);
		}
		e->id = xstrdup(key.buf);
		g->nedges++;
	}
	strmap_release(&aggr);
	for (i = 0; i < g->nedges; i++) {
		struct graph_edge *e = &g->edges[i];
		size_t j;

		sb_reset(&key);
		sb_addf(&key, "%zu|%zu|%s|%d", e->source, e->target, e->relation, e->negated);
		if ((j = strmap_get(&aggr, key.buf)) == (size_t)-1) {
			j = g->ngroups++;
			strmap_put(&aggr, key.buf, j);
		}
		e->group = j;
		widen(&g->nodes[e->source].first, &g->nodes[e->source].last, e->start, e->end);
		widen(&g->nodes[e->target].first, &g->nodes[e->target].last, e->start, e->end);
	}
	if (g->level == GRAPH_COUNTRY)
		name_countries(g);
	if (graph_analyse(g) < 0)
		goto out;
	*out = g;
	g = NULL;
	ret = 0;
out:
	graph_free(g);
	store_actor_free(actors, nactors);
	store_relation_free(rels, nrels);
	strmap_release(&nodes);
	strmap_release(&aggr);
	strmap_release(&country_names);
	sb_release(&key);
	return ret;
}
