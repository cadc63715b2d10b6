/*
 * conllu.c: reading and writing CoNLL-U (see conllu.h). The reader walks
 * the input with a bounded cursor, copies each sentence's lines into its
 * own buffer and splits the columns there.
 */
#include "ingest/conllu.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void conllu_reader_init(struct conllu_reader *r, const char *name,
			const char *data, size_t len)
{
	r->name = name;
	r->p = data;
	r->len = len;
	r->off = 0;
	r->line = 0;
	r->errors = 0;
}

void conllu_sent_init(struct conllu_sent *s)
{
	memset(s, 0, sizeof(*s));
}

void conllu_sent_release(struct conllu_sent *s)
{
	free(s->form);
	free(s->lemma);
	free(s->upos);
	free(s->xpos);
	free(s->head);
	free(s->deprel);
	free(s->buf);
	conllu_sent_init(s);
}

static void sent_grow(struct conllu_sent *s, int n)
{
	if (n <= s->alloc)
		return;
	s->alloc = n < 64 ? 64 : n * 2;
	s->form = xrealloc(s->form, s->alloc * sizeof(*s->form));
	s->lemma = xrealloc(s->lemma, s->alloc * sizeof(*s->lemma));
	s->upos = xrealloc(s->upos, s->alloc * sizeof(*s->upos));
	s->xpos = xrealloc(s->xpos, s->alloc * sizeof(*s->xpos));
	s->head = xrealloc(s->head, s->alloc * sizeof(*s->head));
	s->deprel = xrealloc(s->deprel, s->alloc * sizeof(*s->deprel));
}

/* Next line as [*start, *start + *n) without the newline; 0 at the end. */
static int next_line(struct conllu_reader *r, const char **start, size_t *n)
{
	const char *nl;

	if (r->off >= r->len)
		return 0;
	*start = r->p + r->off;
	nl = memchr(*start, '\n', r->len - r->off);
	*n = nl ? (size_t)(nl - *start) : r->len - r->off;
	r->off += *n + (nl ? 1 : 0);
	if (*n && (*start)[*n - 1] == '\r')
		(*n)--;
	r->line++;
	return 1;
}

/* Skip to the blank line that ends a bad sentence. */
static void skip_sentence(struct conllu_reader *r)
{
	const char *l;
	size_t n;

	while (next_line(r, &l, &n))
		if (n == 0)
			break;
}

static int bad(struct conllu_reader *r, size_t line, const char *what)
{
	error("malformed CoNLL-U at line %zu of '%s': %s", line, r->name, what);
	r->errors++;
	return -1;
}

static int parse_int(const char *s, int *out)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = (int)v;
	return 0;
}

int conllu_next(struct conllu_reader *r, struct conllu_sent *s)
{
	const char *l;
	size_t n, used = 0;
	size_t id_off, text_off;
	int have_id = 0, have_text = 0;
	size_t first_off = r->off;
	size_t start_line;
	size_t *offs = NULL;
	int nw = 0, i;

	/* skip blank lines between sentences */
	for (;;) {
		size_t save = r->off, save_line = r->line;
		if (!next_line(r, &l, &n))
			return 0;
		if (n) {
			r->off = save;
			r->line = save_line;
			break;
		}
	}
	first_off = r->off;
	start_line = r->line + 1;
	/* the sentence's bytes fit in a buffer as long as the input span */
	{
		const char *end = r->p + r->len;
		const char *q = r->p + first_off;
		const char *blank = NULL;
		while (q < end) {
			const char *nl = memchr(q, '\n', end - q);
			const char *e = nl ? nl : end;
			if (e == q || (e - q == 1 && *q == '\r')) {
				blank = q;
				break;
			}
			q = nl ? nl + 1 : end;
		}
		size_t span = (size_t)((blank ? blank : end) - (r->p + first_off));
		if (span + 2 > s->buf_alloc) {
			s->buf_alloc = span + 64;
			s->buf = xrealloc(s->buf, s->buf_alloc);
		}
	}
	s->line = start_line;
	s->n = 0;
	s->sent_id = s->text = NULL;
	id_off = text_off = 0;
	while (next_line(r, &l, &n)) {
		char *cols[10], *c;
		int k;

		if (n == 0)
			break;
		if (n > CONLLU_MAX_LINE) {
			skip_sentence(r);
			free(offs);
			return bad(r, r->line, "line too long");
		}
		c = s->buf + used;
		memcpy(c, l, n);
		c[n] = '\0';
		used += n + 1;
		if (l[0] == '#') {
			if (n > 12 && !strncmp(c, "# sent_id = ", 12)) {
				id_off = (size_t)(c + 12 - s->buf);
				have_id = 1;
			} else if (n > 9 && !strncmp(c, "# text = ", 9)) {
				text_off = (size_t)(c + 9 - s->buf);
				have_text = 1;
			}
			continue;
		}
		for (k = 0; k < 10; k++) {
			cols[k] = c;
			c = strchr(c, '\t');
			if (!c)
				break;
			*c++ = '\0';
		}
		if (k < 9) {
			size_t ln = r->line;
			if (n)
				skip_sentence(r);
			free(offs);
			return bad(r, ln, "expected 10 tab-separated columns");
		}
		if (strchr(cols[0], '-') || strchr(cols[0], '.'))
			continue;
		{
			int id, h;
			if (parse_int(cols[0], &id) < 0 || id != nw + 1) {
				size_t ln = r->line;
				skip_sentence(r);
				free(offs);
				return bad(r, ln, "word ID out of sequence");
			}
			if (nw >= CONLLU_MAX_TOKENS) {
				size_t ln = r->line;
				skip_sentence(r);
				free(offs);
				return bad(r, ln, "sentence too long");
			}
			if (!strcmp(cols[6], "_"))
				h = -1;
			else if (parse_int(cols[6], &h) < 0) {
				size_t ln = r->line;
				skip_sentence(r);
				free(offs);
				return bad(r, ln, "bad HEAD column");
			}
			sent_grow(s, nw + 1);
			offs = xrealloc(offs, (size_t)(nw + 1) * 5 * sizeof(*offs));
			offs[nw * 5 + 0] = (size_t)(cols[1] - s->buf);
			offs[nw * 5 + 1] = (size_t)(cols[2] - s->buf);
			offs[nw * 5 + 2] = (size_t)(cols[3] - s->buf);
			offs[nw * 5 + 3] = (size_t)(cols[4] - s->buf);
			offs[nw * 5 + 4] = (size_t)(cols[7] - s->buf);
			s->head[nw] = h;
			nw++;
		}
	}
	for (i = 0; i < nw; i++) {
		s->form[i] = s->buf + offs[i * 5 + 0];
		s->lemma[i] = s->buf + offs[i * 5 + 1];
		s->upos[i] = s->buf + offs[i * 5 + 2];
		s->xpos[i] = s->buf + offs[i * 5 + 3];
		s->deprel[i] = s->buf + offs[i * 5 + 4];
		if (s->head[i] > nw) {
			free(offs);
			return bad(r, start_line, "HEAD beyond the sentence");
		}
	}
	free(offs);
	s->n = nw;
	if (have_id)
		s->sent_id = s->buf + id_off;
	if (have_text)
		s->text = s->buf + text_off;
	if (nw == 0)
		return bad(r, start_line, "sentence without words");
	return 1;
}

static const char *col(const char *const *a, int i)
{
	return a && a[i] && a[i][0] ? a[i] : "_";
}

void conllu_write(FILE *f, const char *sent_id, const char *text, int n,
		  const char *const *form, const char *const *lemma,
		  const char *const *upos, const char *const *xpos,
		  const int *head, const char *const *deprel)
{
	int i;

	if (sent_id)
		fprintf(f, "# sent_id = %s\n", sent_id);
	if (text)
		fprintf(f, "# text = %s\n", text);
	for (i = 0; i < n; i++) {
		fprintf(f, "%d\t%s\t%s\t%s\t%s\t_\t", i + 1, col(form, i),
			col(lemma, i), col(upos, i), col(xpos, i));
		if (head && head[i] >= 0)
			fprintf(f, "%d", head[i]);
		else
			fputc('_', f);
		fprintf(f, "\t%s\t_\t_\n", col(deprel, i));
	}
	fputc('\n', f);
}
