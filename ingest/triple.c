/*
 * triple.c: the triple record: lifecycle, dates, and its JSON form
 * (schemas/triple.schema.json).
 */
#include "ingest/triple.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "util.h"

static const char *const type_names[] = {
	"unknown", "person", "country", "organization", "role", "place", "thing"
};

const char *actor_type_name(enum actor_type t)
{
	if ((unsigned)t >= sizeof(type_names) / sizeof(type_names[0]))
		return "unknown";
	return type_names[t];
}

enum actor_type actor_type_from_name(const char *s)
{
	size_t i;
	for (i = 0; s && i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (!strcmp(s, type_names[i]))
			return (enum actor_type)i;
	return ACTOR_UNKNOWN;
}

/*==== Dates ====*/

const char *date_format(const struct date *dt, char *buf)
{
	if (!dt->y)
		return NULL;
	if (!dt->m)
		snprintf(buf, 11, "%04d", dt->y);
	else if (!dt->d)
		snprintf(buf, 11, "%04d-%02d", dt->y, dt->m);
	else
		snprintf(buf, 11, "%04d-%02d-%02d", dt->y, dt->m, dt->d);
	return buf;
}

static int digits(const char *s, int n, int *out)
{
	int i, v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int date_parse(const char *s, struct date *dt)
{
	struct date r = { 0, 0, 0 };

	if (!s || digits(s, 4, &r.y) < 0 || r.y == 0)
		return -1;
	s += 4;
	if (*s == '-') {
		if (digits(s + 1, 2, &r.m) < 0 || r.m < 1 || r.m > 12)
			return -1;
		s += 3;
		if (*s == '-') {
			if (digits(s + 1, 2, &r.d) < 0 || r.d < 1 ||
			    r.d > days_in_month(r.y, r.m))
				return -1;
			s += 3;
		}
	}
	if (*s && *s != 'T' && *s != ' ')
		return -1;
	*dt = r;
	return 0;
}

const char *date_precision_name(const struct date *dt)
{
	if (!dt->y)
		return NULL;
	return !dt->m ? "year" : !dt->d ? "month" : "day";
}

/*==== Lifecycle ====*/

void triple_init(struct triple *t)
{
	memset(t, 0, sizeof(*t));
}

void mention_release(struct mention *m)
{
	free(m->text);
	free(m->entity);
	free(m->code);
	free(m->country);
	free(m->role);
	memset(m, 0, sizeof(*m));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void mention_copy(struct mention *dst, const struct mention *src)
{
	dst->text = dup_or_null(src->text);
	dst->entity = dup_or_null(src->entity);
	dst->type = src->type;
	dst->code = dup_or_null(src->code);
	dst->country = dup_or_null(src->country);
	dst->role = dup_or_null(src->role);
}

void triple_release(struct triple *t)
{
	size_t i;

	free(t->article);
	mention_release(&t->subject);
	mention_release(&t->object);
	free(t->rel_text);
	free(t->lemma);
	free(t->event);
	free(t->cameo);
	free(t->mode);
	for (i = 0; i < t->nargs; i++) {
		free(t->args[i].role);
		free(t->args[i].text);
	}
	free(t->args);
	free(t->evidence);
	triple_init(t);
}

void triple_add_arg(struct triple *t, const char *role, const char *text)
{
	ALLOC_GROW(t->args, t->nargs + 1, t->args_alloc);
	t->args[t->nargs].role = xstrdup(role);
	t->args[t->nargs].text = xstrdup(text);
	t->nargs++;
}

const char *triple_arg(const struct triple *t, const char *role)
{
	size_t i;
	for (i = 0; i < t->nargs; i++)
		if (!strcmp(t->args[i].role, role))
			return t->args[i].text;
	return NULL;
}

struct triple *triple_list_push(struct triple_list *l)
{
	ALLOC_GROW(l->v, l->n + 1, l->alloc);
	triple_init(&l->v[l->n]);
	return &l->v[l->n++];
}

void triple_list_release(struct triple_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		triple_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

/*==== JSON ====*/

/* Written directly rather than through cJSON trees: this runs once per
 * triple and was a tenth of extraction's time. Strings are UTF-8 already
 * (the readers check it); quotes, backslashes and control characters are
 * escaped, so the output is always valid JSON. */
static void jw_str(struct strbuf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run;

	if (!s) {
		sb_adds(out, "null");
		return;
	}
	sb_addc(out, '"');
	for (run = s; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		sb_add(out, run, (size_t)(s - run));
		run = s + 1;
		sb_addc(out, '\\');
		switch (c) {
		case '"': sb_addc(out, '"'); break;
		case '\\': sb_addc(out, '\\'); break;
		case '\n': sb_addc(out, 'n'); break;
		case '\t': sb_addc(out, 't'); break;
		case '\r': sb_addc(out, 'r'); break;
		case '\b': sb_addc(out, 'b'); break;
		case '\f': sb_addc(out, 'f'); break;
		default:
			sb_adds(out, "u00");
			sb_addc(out, hex[c >> 4]);
			sb_addc(out, hex[c & 15]);
		}
	}
	sb_add(out, run, (size_t)(s - run));
	sb_addc(out, '"');
}

static void jw_key(struct strbuf *out, const char *key, int first)
{
	if (!first)
		sb_addc(out, ',');
	sb_addc(out, '"');
	sb_adds(out, key);
	sb_adds(out, "\":");
}

static void jw_field(struct strbuf *out, const char *key, const char *val, int first)
{
	jw_key(out, key, first);
	jw_str(out, val);
}

static void jw_mention(struct strbuf *out, const char *key, const struct mention *m)
{
	jw_key(out, key, 0);
	sb_addc(out, '{');
	jw_field(out, "text", m->text ? m->text : "", 1);
	jw_field(out, "entity", m->entity, 0);
	jw_field(out, "type", actor_type_name(m->type), 0);
	jw_field(out, "code", m->code, 0);
	jw_field(out, "country", m->country, 0);
	jw_field(out, "role", m->role, 0);
	sb_addc(out, '}');
}

static const char *const date_source_names[] = { NULL, "text", "article" };

void triple_to_json(const struct triple *t, struct strbuf *out)
{
	char buf[11];
	size_t i;

	sb_addc(out, '{');
	jw_field(out, "article", t->article ? t->article : "", 1);
	jw_key(out, "sentence", 0);
	sb_addf(out, "%d", t->sentence);
	jw_mention(out, "subject", &t->subject);
	jw_key(out, "relation", 0);
	sb_addc(out, '{');
	jw_field(out, "text", t->rel_text ? t->rel_text : "", 1);
	jw_field(out, "lemma", t->lemma ? t->lemma : "", 0);
	jw_field(out, "event", t->event, 0);
	jw_field(out, "cameo", t->cameo, 0);
	jw_key(out, "quad", 0);
	if (t->quad)
		sb_addf(out, "%d", t->quad);
	else
		sb_adds(out, "null");
	sb_addc(out, '}');
	jw_mention(out, "object", &t->object);
	jw_key(out, "args", 0);
	sb_addc(out, '[');
	for (i = 0; i < t->nargs; i++) {
		if (i)
			sb_addc(out, ',');
		sb_addc(out, '{');
		jw_field(out, "role", t->args[i].role, 1);
		jw_field(out, "text", t->args[i].text, 0);
		sb_addc(out, '}');
	}
	sb_addc(out, ']');
	jw_field(out, "date", date_format(&t->date, buf), 0);
	jw_field(out, "date_end", date_format(&t->date_end, buf), 0);
	jw_field(out, "date_precision", date_precision_name(&t->date), 0);
	jw_field(out, "date_source", date_source_names[t->date_source], 0);
	jw_field(out, "mode", t->mode, 0);
	jw_key(out, "negated", 0);
	sb_adds(out, t->negated ? "true" : "false");
	jw_key(out, "confidence", 0);
	sb_addf(out, "%.15g", (double)(int)(t->confidence * 1000 + 0.5) / 1000);
	jw_field(out, "evidence", t->evidence ? t->evidence : "", 0);
	sb_addc(out, '}');
}


static char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) && v->valuestring ? xstrdup(v->valuestring) : NULL;
}

static int json_date(const cJSON *o, const char *key, struct date *dt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	if (!v || cJSON_IsNull(v))
		return 0;
	return cJSON_IsString(v) ? date_parse(v->valuestring, dt) : -1;
}

static int mention_from_json(const cJSON *o, struct mention *m)
{
	char *type;

	if (!cJSON_IsObject(o))
		return -1;
	m->text = json_str(o, "text");
	m->entity = json_str(o, "entity");
	type = json_str(o, "type");
	m->type = actor_type_from_name(type);
	free(type);
	m->code = json_str(o, "code");
	m->country = json_str(o, "country");
	m->role = json_str(o, "role");
	return 0;
}

int triple_from_json(const char *json, struct triple *t)
{
	cJSON *o = cJSON_Parse(json);
	const cJSON *rel, *v, *a;
	char *src;

	triple_release(t);
	if (!cJSON_IsObject(o))
		goto fail;
	t->article = json_str(o, "article");
	v = cJSON_GetObjectItemCaseSensitive(o, "sentence");
	t->sentence = cJSON_IsNumber(v) ? v->valueint : 0;
	if (mention_from_json(cJSON_GetObjectItemCaseSensitive(o, "subject"), &t->subject) < 0 ||
	    mention_from_json(cJSON_GetObjectItemCaseSensitive(o, "object"), &t->object) < 0)
		goto fail;
	rel = cJSON_GetObjectItemCaseSensitive(o, "relation");
	if (!cJSON_IsObject(rel))
		goto fail;
	t->rel_text = json_str(rel, "text");
	t->lemma = json_str(rel, "lemma");
	t->event = json_str(rel, "event");
	t->cameo = json_str(rel, "cameo");
	v = cJSON_GetObjectItemCaseSensitive(rel, "quad");
	t->quad = cJSON_IsNumber(v) ? v->valueint : 0;
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(o, "args")) {
		char *role = json_str(a, "role"), *text = json_str(a, "text");
		if (role && text)
			triple_add_arg(t, role, text);
		free(role);
		free(text);
	}
	if (json_date(o, "date", &t->date) < 0 || json_date(o, "date_end", &t->date_end) < 0)
		goto fail;
	src = json_str(o, "date_source");
	t->date_source = !src ? DATE_SOURCE_NONE : !strcmp(src, "text") ? DATE_SOURCE_TEXT :
			 !strcmp(src, "article") ? DATE_SOURCE_ARTICLE : DATE_SOURCE_NONE;
	free(src);
	t->mode = json_str(o, "mode");
	t->negated = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "negated"));
	v = cJSON_GetObjectItemCaseSensitive(o, "confidence");
	t->confidence = cJSON_IsNumber(v) ? v->valuedouble : 0;
	t->evidence = json_str(o, "evidence");
	cJSON_Delete(o);
	return 0;
fail:
	cJSON_Delete(o);
	triple_release(t);
	return -1;
}
