/*
 * reader.c: files, directories and standard input into articles (reader.h).
 */
#include "ingest/reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "ingest/utf8.h"
#include "util.h"

struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct rd {
	struct dir_id *seen;	/* directories read so far */
	size_t nseen, seen_alloc;
	const struct reader_opts *o;
	reader_fn fn;
	void *ctx;
	struct reader_stats st;
	int stop;
};

void article_release(struct article *a)
{
	free(a->id);
	free(a->date);
	free(a->title);
	free(a->text);
	free(a->source);
	free(a->url);
	free(a->path);
	memset(a, 0, sizeof(*a));
}

static int deliver(struct rd *r, struct article *a)
{
	int ret;
	if (!a->pub.y && r->o->date.y)
		a->pub = r->o->date;
	r->st.articles++;
	ret = r->fn(a, r->ctx);
	article_release(a);
	if (ret < 0)
		r->stop = 1;
	return ret;
}

/* Id of a text file: its path without ".txt". */
static char *text_id(const char *path)
{
	size_t n = strlen(path);
	if (!strcmp(path, "-"))
		return xstrdup("stdin");
	if (ends_with(path, ".txt"))
		n -= 4;
	while (n > 2 && path[0] == '.' && path[1] == '/') {
		path += 2;
		n -= 2;
	}
	return xstrndup(path, n);
}

static void bad_utf8(struct rd *r, const char *path, size_t line)
{
	error("invalid UTF-8 at line %zu of '%s'; record skipped", line, path);
	r->st.bad++;
}

static void read_text(struct rd *r, const char *path, char *buf, size_t len)
{
	struct article a;
	size_t bad, bom = utf8_bom(buf, len);

	if (utf8_check(buf + bom, len - bom, &bad) < 0) {
		bad_utf8(r, path, utf8_line_of(buf, bom + bad));
		return;
	}
	memset(&a, 0, sizeof(a));
	a.id = text_id(path);
	a.text = xstrndup(buf + bom, len - bom);
	a.text_len = len - bom;
	a.path = xstrdup(path);
	deliver(r, &a);
}

static void read_lines(struct rd *r, const char *path, char *buf, size_t len)
{
	size_t off = utf8_bom(buf, len), line = 0, bad;
	char idbuf[32];

	while (off < len && !r->stop) {
		char *nl = memchr(buf + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - buf) : len, n = end - off;
		struct article a;

		line++;
		if (n && buf[off + n - 1] == '\r')
			n--;
		if (utf8_check(buf + off, n, &bad) < 0) {
			bad_utf8(r, path, line);
		} else if (n) {
			memset(&a, 0, sizeof(a));
			snprintf(idbuf, sizeof(idbuf), "%zu", line);
			a.id = xstrdup(idbuf);
			a.text = xstrndup(buf + off, n);
			a.text_len = n;
			a.path = xstrdup(path);
			a.line = line;
			deliver(r, &a);
		}
		off = end + 1;
	}
}

/* A string member of a JSON object, or NULL; numbers are written as text. */
static char *json_str(const cJSON *o, const char *key, int *wrong_type)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	char num[64];

	if (!v || cJSON_IsNull(v))
		return NULL;
	if (cJSON_IsString(v))
		return xstrdup(v->valuestring);
	if (cJSON_IsNumber(v)) {
		if (v->valuedouble == (double)(long long)v->valuedouble)
			snprintf(num, sizeof(num), "%lld", (long long)v->valuedouble);
		else
			snprintf(num, sizeof(num), "%g", v->valuedouble);
		return xstrdup(num);
	}
	*wrong_type = 1;
	return NULL;
}

static void read_jsonl(struct rd *r, const char *path, char *buf, size_t len)
{
	size_t off = utf8_bom(buf, len), line = 0, bad;

	while (off < len && !r->stop) {
		char *nl = memchr(buf + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - buf) : len, n = end - off, i;
		cJSON *o;
		struct article a;
		int wrong = 0;

		line++;
		off = end + 1;
		for (i = 0; i < n && strchr(" \t\r", buf[end - n + i]); i++)
			;
		if (i == n)
			continue;	/* blank line */
		if (utf8_check(buf + end - n, n, &bad) < 0) {
			bad_utf8(r, path, line);
			continue;
		}
		o = cJSON_ParseWithLength(buf + end - n, n);
		if (!o || !cJSON_IsObject(o)) {
			error("malformed JSON at line %zu of '%s'; record skipped", line, path);
			r->st.bad++;
			cJSON_Delete(o);
			continue;
		}
		memset(&a, 0, sizeof(a));
		a.text = json_str(o, "text", &wrong);
		if (!a.text || wrong) {
			error("no \"text\" string at line %zu of '%s'; record skipped",
			      line, path);
			r->st.bad++;
			article_release(&a);
			cJSON_Delete(o);
			continue;
		}
		a.text_len = strlen(a.text);
		a.id = json_str(o, "id", &wrong);
		a.date = json_str(o, "date", &wrong);
		a.title = json_str(o, "title", &wrong);
		a.source = json_str(o, "source", &wrong);
		a.url = json_str(o, "url", &wrong);
		if (wrong)
			warning("line %zu of '%s': some fields are not strings; ignored",
				line, path);
		if (a.id && !*a.id) {	/* an empty id is no id */
			free(a.id);
			a.id = NULL;
		}
		if (!a.id) {
			char idbuf[32];
			snprintf(idbuf, sizeof(idbuf), ":%zu", line);
			a.id = text_id(path);
			a.id = xrealloc(a.id, strlen(a.id) + strlen(idbuf) + 1);
			memcpy(a.id + strlen(a.id), idbuf, strlen(idbuf) + 1);
		}
		if (a.date && *a.date && date_parse(a.date, &a.pub) < 0) {
			warning("line %zu of '%s': date '%s' is not ISO 8601; ignored",
				line, path, a.date);
			memset(&a.pub, 0, sizeof(a.pub));
		}
		a.path = xstrdup(path);
		a.line = line;
		cJSON_Delete(o);
		deliver(r, &a);
	}
}

static int is_jsonl(const struct rd *r, const char *path)
{
	return r->o->jsonl || ends_with(path, ".jsonl");
}

static void read_path(struct rd *r, const char *path, int from_dir);

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_dir(struct rd *r, const char *path)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	struct stat st;

	/* a directory reached twice (a symlink loop, a link to a parent) is
	 * read once */
	if (stat(path, &st) == 0) {
		for (i = 0; i < r->nseen; i++)
			if (r->seen[i].dev == st.st_dev && r->seen[i].ino == st.st_ino) {
				warning("skipping '%s': directory already read", path);
				r->st.skipped_files++;
				return;
			}
		ALLOC_GROW(r->seen, r->nseen + 1, r->seen_alloc);
		r->seen[r->nseen].dev = st.st_dev;
		r->seen[r->nseen++].ino = st.st_ino;
	}
	d = opendir(path);

	if (!d) {
		error("cannot open directory '%s': %s", path, strerror(errno));
		r->st.bad++;
		return;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		ALLOC_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;
		sb_adds(&sb, path);
		if (sb.len && sb.buf[sb.len - 1] != '/')
			sb_addc(&sb, '/');
		sb_adds(&sb, names[i]);
		if (!r->stop)
			read_path(r, sb.buf, 1);
		sb_release(&sb);
		free(names[i]);
	}
	free(names);
}

static void read_path(struct rd *r, const char *path, int from_dir)
{
	struct stat st;
	char *buf;
	size_t len;

	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		read_dir(r, path);
		return;
	}
	if (from_dir && !r->o->lines && !is_jsonl(r, path) && !ends_with(path, ".txt")) {
		warning("skipping '%s': not a .txt or .jsonl file", path);
		r->st.skipped_files++;
		return;
	}
	if (strcmp(path, "-") && stat(path, &st) == 0 && (size_t)st.st_size > READER_MAX_FILE) {
		error("'%s' is larger than %zu bytes; skipped", path, READER_MAX_FILE);
		r->st.bad++;
		return;
	}
	if (read_file(path, &buf, &len) < 0) {
		r->st.bad++;
		return;
	}
	r->st.files++;
	if (r->o->lines)
		read_lines(r, path, buf, len);
	else if (is_jsonl(r, path))
		read_jsonl(r, path, buf, len);
	else
		read_text(r, path, buf, len);
	free(buf);
}

int reader_run(char *const *paths, int npaths, const struct reader_opts *o,
	       reader_fn fn, void *ctx, struct reader_stats *st)
{
	struct rd r;
	int i;
	static char *const stdin_path[] = { (char *)"-" };

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.fn = fn;
	r.ctx = ctx;
	if (npaths == 0) {
		paths = stdin_path;
		npaths = 1;
	}
	for (i = 0; i < npaths && !r.stop; i++)
		read_path(&r, paths[i], 0);
	if (st)
		*st = r.st;
	free(r.seen);
	return (r.st.bad || r.stop) ? -1 : 0;
}
