/*
 * gexf.c: writing the graph view as GEXF 1.3 (see gexf.h).
 */
#include "export/gexf.h"

#include <stdlib.h>
#include <string.h>

#include "export/xml.h"
#include "graph/graph.h"
#include "util.h"


static const char *const node_attrs[][2] = {
	{ "type", "string" }, { "code", "string" }, { "country", "string" },
	{ "first", "string" }, { "last", "string" }, { "indegree", "integer" },
	{ "outdegree", "integer" }, { "strength", "double" }, { "pagerank", "double" },
};

static const char *const edge_attrs[][2] = {
	{ "relation", "string" }, { "lemma", "string" }, { "event", "string" },
	{ "text", "string" }, { "date", "string" }, { "date_end", "string" },
	{ "article", "string" }, { "evidence", "string" }, { "location", "string" },
	{ "negated", "boolean" }, { "confidence", "double" }, { "count", "integer" },
};

static void attr_str(struct strbuf *sb, const char *key, const char *val)
{
	if (!val)
		return;
	sb_addf(sb, "          <attvalue for=\"%s\" value=\"", key);
	xml_escape(sb, val);
	sb_adds(sb, "\"/>\n");
}

static void attr_num(struct strbuf *sb, const char *key, double val)
{
	sb_addf(sb, "          <attvalue for=\"%s\" value=\"", key);
	xml_number(sb, val);
	sb_adds(sb, "\"/>\n");
}

static void spell(struct strbuf *sb, const char *start, const char *end)
{
	sb_addf(sb, "          <spell start=\"%s\" end=\"%s\"/>\n", start, end);
}

static void attributes(struct strbuf *sb, const char *cls, const char *const (*v)[2], size_t n)
{
	size_t i;

	sb_addf(sb, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
	for (i = 0; i < n; i++)
		sb_addf(sb, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
			v[i][0], v[i][0], v[i][1]);
	sb_adds(sb, "    </attributes>\n");
}

/* One GEXF edge standing for the graph edges idx[0..n-1] (one group). */
static void write_edge(struct strbuf *sb, const struct graph *g, const size_t *idx, size_t n)
{
	const struct graph_edge *e = graph_edge(g, idx[0]);
	double weight = 0;
	long count = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		weight += graph_edge(g, idx[i])->weight;
		count += graph_edge(g, idx[i])->count;
	}
	sb_adds(sb, "      <edge id=\"");
	if (graph_level_of(g) == GRAPH_COUNTRY)
		sb_addf(sb, "g%zu", e->group);	/* one edge per group */
	else
		xml_escape(sb, e->id);
	sb_adds(sb, "\" source=\"");
	xml_escape(sb, graph_node(g, e->source)->id);
	sb_adds(sb, "\" target=\"");
	xml_escape(sb, graph_node(g, e->target)->id);
	sb_adds(sb, "\" kind=\"");
	xml_escape(sb, e->relation);
	sb_adds(sb, "\" label=\"");
	xml_escape(sb, e->relation);
	sb_adds(sb, "\" weight=\"");
	xml_number(sb, weight);
	sb_adds(sb, "\">\n        <attvalues>\n");
	attr_str(sb, "relation", e->relation);
	attr_str(sb, "lemma", e->lemma);
	attr_str(sb, "event", e->event);
	attr_str(sb, "text", e->text);
	attr_str(sb, "date", e->date);
	attr_str(sb, "date_end", e->date_end);
	attr_str(sb, "article", e->article);
	attr_str(sb, "evidence", e->evidence);
	attr_str(sb, "location", e->location);
	attr_str(sb, "negated", e->negated ? "true" : "false");
	attr_num(sb, "confidence", e->confidence);
	attr_num(sb, "count", (double)count);
	for (i = 0; i < n; i++) {
		const struct graph_edge *p = graph_edge(g, idx[i]);
		sb_adds(sb, "          <attvalue for=\"weight\" value=\"");
		xml_number(sb, p->weight);
		sb_addf(sb, "\" start=\"%s\" end=\"%s\"/>\n", p->start, p->end);
	}
	sb_adds(sb, "        </attvalues>\n        <spells>\n");
	for (i = 0; i < n; i++)
		spell(sb, graph_edge(g, idx[i])->start, graph_edge(g, idx[i])->end);
	sb_adds(sb, "        </spells>\n      </edge>\n");
}

int gexf_write(const struct graph *g, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, ne = graph_edge_count(g), ngroups = graph_groups(g);
	size_t *order = NULL, *start = NULL;
	int country = graph_level_of(g) == GRAPH_COUNTRY, ret = -1;

	sb_adds(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
		"  <meta>\n    <creator>entente</creator>\n");
	sb_addf(&sb, "    <description>%s-level graph of relations</description>\n"
		"  </meta>\n", country ? "country" : "actor");
	sb_adds(&sb, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
		"timeformat=\"date\" timerepresentation=\"interval\">\n");
	attributes(&sb, "node", node_attrs, sizeof(node_attrs) / sizeof(node_attrs[0]));
	attributes(&sb, "edge", edge_attrs, sizeof(edge_attrs) / sizeof(edge_attrs[0]));
	sb_adds(&sb, "    <attributes class=\"edge\" mode=\"dynamic\">\n"
		"      <attribute id=\"weight\" title=\"weight\" type=\"double\"/>\n"
		"    </attributes>\n");
	sb_addf(&sb, "    <nodes count=\"%zu\">\n", graph_node_count(g));
	for (i = 0; i < graph_node_count(g); i++) {
		const struct graph_node *n = graph_node(g, i);

		sb_adds(&sb, "      <node id=\"");
		xml_escape(&sb, n->id);
		sb_adds(&sb, "\" label=\"");
		xml_escape(&sb, n->label);
		sb_adds(&sb, "\">\n        <attvalues>\n");
		attr_str(&sb, "type", actor_type_name(n->type));
		attr_str(&sb, "code", n->code);
		attr_str(&sb, "country", n->country);
		attr_str(&sb, "first", n->first);
		attr_str(&sb, "last", n->last);
		attr_num(&sb, "indegree", (double)n->in);
		attr_num(&sb, "outdegree", (double)n->out);
		attr_num(&sb, "strength", n->strength);
		attr_num(&sb, "pagerank", n->pagerank);
		sb_adds(&sb, "        </attvalues>\n");
		if (n->first) {
			sb_adds(&sb, "        <spells>\n");
			spell(&sb, n->first, n->last);
			sb_adds(&sb, "        </spells>\n");
		}
		sb_adds(&sb, "      </node>\n");
		if (export_flush(&sb, f, 0) < 0)
			goto out;
	}
	sb_addf(&sb, "    </nodes>\n    <edges count=\"%zu\">\n", country ? ngroups : ne);
	if (country) {
		/* Counting sort of the edges by group, keeping their order. */
		order = xmalloc((ne + 1) * sizeof(*order));
		start = xcalloc(ngroups + 1, sizeof(*start));
		for (i = 0; i < ne; i++)
			start[graph_edge(g, i)->group + 1]++;
		for (i = 0; i < ngroups; i++)
			start[i + 1] += start[i];
		{
			size_t *fill = xmalloc((ngroups + 1) * sizeof(*fill));
			memcpy(fill, start, (ngroups + 1) * sizeof(*fill));
			for (i = 0; i < ne; i++)
				order[fill[graph_edge(g, i)->group]++] = i;
			free(fill);
		}
		for (i = 0; i < ngroups; i++) {
			write_edge(&sb, g, order + start[i], start[i + 1] - start[i]);
			if (export_flush(&sb, f, 0) < 0)
				goto out;
		}
	} else {
		for (i = 0; i < ne; i++) {
			write_edge(&sb, g, &i, 1);
			if (export_flush(&sb, f, 0) < 0)
				goto out;
		}
	}
	sb_adds(&sb, "    </edges>\n  </graph>\n</gexf>\n");
	if (export_flush(&sb, f, 1) < 0)
		goto out;
	ret = 0;
out:
	free(order);
	free(start);
	sb_release(&sb);
	return ret;
}
