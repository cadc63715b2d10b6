/*
 * graphml.c: writing the graph view as GraphML (see graphml.h). Written by
 * hand rather than with igraph's writer, which gives edges no ids, writes
 * Inf and stops midway on control characters.
 */
#include "export/graphml.h"

#include <string.h>

#include "export/xml.h"
#include "graph/graph.h"
#include "util.h"


static const struct key {
	const char *id, *domain, *name, *type;
} keys[] = {
	{ "level", "graph", "level", "string" },
	{ "label", "node", "label", "string" },
	{ "type", "node", "type", "string" },
	{ "code", "node", "code", "string" },
	{ "country", "node", "country", "string" },
	{ "first", "node", "first", "string" },
	{ "last", "node", "last", "string" },
	{ "indegree", "node", "indegree", "int" },
	{ "outdegree", "node", "outdegree", "int" },
	{ "strength", "node", "strength", "double" },
	{ "pagerank", "node", "pagerank", "double" },
	{ "elabel", "edge", "label", "string" },
	{ "weight", "edge", "weight", "double" },
	{ "count", "edge", "count", "int" },
	{ "relation", "edge", "relation", "string" },
	{ "lemma", "edge", "lemma", "string" },
	{ "event", "edge", "event", "string" },
	{ "text", "edge", "text", "string" },
	{ "date", "edge", "date", "string" },
	{ "date_end", "edge", "date_end", "string" },
	{ "start", "edge", "start", "string" },
	{ "end", "edge", "end", "string" },
	{ "period", "edge", "period", "string" },
	{ "article", "edge", "article", "string" },
	{ "evidence", "edge", "evidence", "string" },
	{ "location", "edge", "location", "string" },
	{ "negated", "edge", "negated", "boolean" },
	{ "confidence", "edge", "confidence", "double" },
};

static void data_str(struct strbuf *sb, const char *key, const char *val)
{
	if (!val)
		return;
	sb_addf(sb, "      <data key=\"%s\">", key);
	xml_escape(sb, val);
	sb_adds(sb, "</data>\n");
}

static void data_num(struct strbuf *sb, const char *key, double val)
{
	sb_addf(sb, "      <data key=\"%s\">", key);
	xml_number(sb, val);
	sb_adds(sb, "</data>\n");
}

int graphml_write(const struct graph *g, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int ret = -1;

	sb_adds(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
		"    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
		"    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
		"http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		sb_addf(&sb, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
			keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
	sb_addf(&sb, "  <graph id=\"entente\" edgedefault=\"directed\">\n"
		"    <data key=\"level\">%s</data>\n",
		graph_level_of(g) == GRAPH_COUNTRY ? "country" : "actor");
	for (i = 0; i < graph_node_count(g); i++) {
		const struct graph_node *n = graph_node(g, i);

		sb_adds(&sb, "    <node id=\"");
		xml_escape(&sb, n->id);
		sb_adds(&sb, "\">\n");
		data_str(&sb, "label", n->label);
		data_str(&sb, "type", actor_type_name(n->type));
		data_str(&sb, "code", n->code);
		data_str(&sb, "country", n->country);
		data_str(&sb, "first", n->first);
		data_str(&sb, "last", n->last);
		data_num(&sb, "indegree", (double)n->in);
		data_num(&sb, "outdegree", (double)n->out);
		data_num(&sb, "strength", n->strength);
		data_num(&sb, "pagerank", n->pagerank);
		sb_adds(&sb, "    </node>\n");
		if (export_flush(&sb, f, 0) < 0)
			goto out;
	}
	for (i = 0; i < graph_edge_count(g); i++) {
		const struct graph_edge *e = graph_edge(g, i);

		sb_adds(&sb, "    <edge id=\"");
		xml_escape(&sb, e->id);
		sb_adds(&sb, "\" source=\"");
		xml_escape(&sb, graph_node(g, e->source)->id);
		sb_adds(&sb, "\" target=\"");
		xml_escape(&sb, graph_node(g, e->target)->id);
		sb_adds(&sb, "\">\n");
		data_str(&sb, "elabel", e->relation);
		data_num(&sb, "weight", e->weight);
		data_num(&sb, "count", (double)e->count);
		data_str(&sb, "relation", e->relation);
		data_str(&sb, "lemma", e->lemma);
		data_str(&sb, "event", e->event);
		data_str(&sb, "text", e->text);
		data_str(&sb, "date", e->date);
		data_str(&sb, "date_end", e->date_end);
		data_str(&sb, "start", e->start);
		data_str(&sb, "end", e->end);
		data_str(&sb, "period", e->period);
		data_str(&sb, "article", e->article);
		data_str(&sb, "evidence", e->evidence);
		data_str(&sb, "location", e->location);
		data_str(&sb, "negated", e->negated ? "true" : "false");
		data_num(&sb, "confidence", e->confidence);
		sb_adds(&sb, "    </edge>\n");
		if (export_flush(&sb, f, 0) < 0)
			goto out;
	}
	sb_adds(&sb, "  </graph>\n</graphml>\n");
	if (export_flush(&sb, f, 1) < 0)
		goto out;
	ret = 0;
out:
	sb_release(&sb);
	return ret;
}
