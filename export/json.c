/*
 * json.c: writing the graph view as node-link JSON (see json.h). Written
 * directly rather than through cJSON so that a large graph is streamed.
 */
#include "export/json.h"

#include "export/xml.h"
#include "graph/graph.h"
#include "util.h"


static void field_str(struct strbuf *sb, const char *key, const char *val)
{
	sb_addf(sb, ", \"%s\": ", key);
	xml_json_string(sb, val);
}

static void field_num(struct strbuf *sb, const char *key, double val)
{
	sb_addf(sb, ", \"%s\": ", key);
	xml_number(sb, val);
}

int json_write(const struct graph *g, FILE *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int ret = -1;

	sb_addf(&sb, "{\"directed\": true, \"multigraph\": true,\n"
		" \"graph\": {\"name\": \"entente\", \"level\": \"%s\"},\n"
		" \"nodes\": [",
		graph_level_of(g) == GRAPH_COUNTRY ? "country" : "actor");
	for (i = 0; i < graph_node_count(g); i++) {
		const struct graph_node *n = graph_node(g, i);

		sb_adds(&sb, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		xml_json_string(&sb, n->id);
		field_str(&sb, "label", n->label);
		field_str(&sb, "type", actor_type_name(n->type));
		field_str(&sb, "code", n->code);
		field_str(&sb, "country", n->country);
		field_str(&sb, "first", n->first);
		field_str(&sb, "last", n->last);
		field_num(&sb, "indegree", (double)n->in);
		field_num(&sb, "outdegree", (double)n->out);
		field_num(&sb, "strength", n->strength);
		field_num(&sb, "pagerank", n->pagerank);
		sb_addc(&sb, '}');
		if (export_flush(&sb, f, 0) < 0)
			goto out;
	}
	sb_adds(&sb, "],\n \"edges\": [");
	for (i = 0; i < graph_edge_count(g); i++) {
		const struct graph_edge *e = graph_edge(g, i);

		sb_adds(&sb, i ? ",\n  {\"source\": " : "\n  {\"source\": ");
		xml_json_string(&sb, graph_node(g, e->source)->id);
		field_str(&sb, "target", graph_node(g, e->target)->id);
		field_str(&sb, "key", e->id);
		field_str(&sb, "id", e->id);
		field_str(&sb, "relation", e->relation);
		field_str(&sb, "lemma", e->lemma);
		field_str(&sb, "event", e->event);
		field_str(&sb, "text", e->text);
		field_str(&sb, "date", e->date);
		field_str(&sb, "date_end", e->date_end);
		field_str(&sb, "start", e->start);
		field_str(&sb, "end", e->end);
		field_str(&sb, "period", e->period);
		field_str(&sb, "article", e->article);
		field_str(&sb, "evidence", e->evidence);
		field_str(&sb, "location", e->location);
		sb_addf(&sb, ", \"negated\": %s", e->negated ? "true" : "false");
		field_num(&sb, "confidence", e->confidence);
		field_num(&sb, "weight", e->weight);
		field_num(&sb, "count", (double)e->count);
		sb_addc(&sb, '}');
		if (export_flush(&sb, f, 0) < 0)
			goto out;
	}
	sb_adds(&sb, "]}\n");
	if (export_flush(&sb, f, 1) < 0)
		goto out;
	ret = 0;
out:
	sb_release(&sb);
	return ret;
}
