/*
 * sentence.c: sentence boundaries over a token list (see sentence.h).
 */
#include "ingest/sentence.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int is_final(const char *f)
{
	return !strcmp(f, ".") || !strcmp(f, "?") || !strcmp(f, "!") ||
	       !strcmp(f, "...");
}

static int is_closer(const char *f)
{
	return !strcmp(f, "\"") || !strcmp(f, "'") || !strcmp(f, ")") ||
	       !strcmp(f, "]");
}

/* A straight double quote that closes: glued to the word before it. */
static int is_closing_quote(const struct token *t)
{
	return !strcmp(t->form, "\"") && !t->space_before;
}

static int starts_upper_or_digit(const char *f)
{
	unsigned char c = (unsigned char)f[0];
	return isupper(c) || isdigit(c) || c >= 0x80;
}

/* Words that begin sentences often, used to tell "in the U.S. The..." */
static int is_starter(const char *f)
{
	static const char *const w[] = {
		"The", "A", "An", "He", "She", "It", "They", "We", "I", "But",
		"In", "On", "At", "This", "That", "These", "Those", "His", "Her",
		"Their", "Its", "There", "However", "Meanwhile", "And", "As",
		"After", "When", "If", "Officials", NULL
	};
	const char *const *p;
	for (p = w; *p; p++)
		if (!strcmp(*p, f))
			return 1;
	return 0;
}

static int all_caps_word(const char *f)
{
	size_t i, letters = 0;
	for (i = 0; f[i]; i++) {
		unsigned char c = (unsigned char)f[i];
		if (islower(c))
			return 0;
		if (isupper(c))
			letters++;
	}
	return letters >= 2;
}

/* Length of a dateline at tokens [i, end): "ANKARA (AA) -", "VANCOUVER (CP) -",
 * "WASHINGTON, May 3 (Reuters) -", "Canadian Press - VANCOUVER (CP) -".
 * Returns the number of tokens to skip, or 0. */
static size_t dateline_len(const struct token_list *tl, size_t i, size_t end)
{
	size_t j, caps = 0, paren = 0;
	for (j = i; j < end && j < i + 12; j++) {
		const char *f = tl->v[j].form;
		if (!strcmp(f, "-") || !strcmp(f, "--") || !strcmp(f, ":")) {
			/* the dash stands apart: "ANKARA (AA) - Turkish", not "U.S.-led" */
			if (j == i || !tl->v[j].space_before ||
			    (j + 1 < end && !tl->v[j + 1].space_before))
				return 0;
			/* "Canadian Press - VANCOUVER (CP) -": a source, then the dateline */
			if (j + 1 < end && j - i <= 3) {
				size_t more = dateline_len(tl, j + 1, end);
				if (more)
					return j + 1 - i + more;
			}
			if ((!caps && !paren) || (!all_caps_word(tl->v[i].form) && !paren))
				return 0;
			return j + 1 - i;
		}
		if (all_caps_word(f))
			caps++;
		else if (!strcmp(f, "("))
			paren++;
		else if (!strcmp(f, ")") || !strcmp(f, ",") || isdigit((unsigned char)f[0]))
			;
		else if (!isupper((unsigned char)f[0]))
			return 0;
	}
	return 0;
}

static void push(struct sentence_list *out, const struct token_list *tl,
		 size_t first, size_t end)
{
	struct sentence *s;
	if (end <= first)
		return;
	ALLOC_GROW(out->v, out->n + 1, out->alloc);
	s = &out->v[out->n++];
	s->first = first;
	s->n = end - first;
	s->off = tl->v[first].off;
	s->end = tl->v[end - 1].off + tl->v[end - 1].len;
}

void sentence_split(const char *text, const struct token_list *tl,
		    struct sentence_list *out)
{
	size_t i, start = 0, skip;
	int para_start = 1;

	(void)text;
	out->n = 0;
	for (i = 0; i < tl->n; i++) {
		const struct token *t = &tl->v[i];
		int cut = 0;

		if (i > start) {
			const char *prev = tl->v[i - 1].form;
			if (t->blank_before) {
				cut = 1;
			} else if (t->nl_before && (starts_upper_or_digit(t->form) ||
						    !strcmp(t->form, "\"") || is_final(prev))) {
				cut = 1;
			} else if (is_final(prev) && !is_closing_quote(t) &&
				   (starts_upper_or_digit(t->form) || !strcmp(t->form, "\"") ||
				    !strcmp(t->form, "("))) {
				cut = 1;
			} else if (is_closer(prev) && i >= start + 2 &&
				   is_final(tl->v[i - 2].form) &&
				   (starts_upper_or_digit(t->form) ||
				    (!strcmp(t->form, "\"") && t->space_before))) {
				cut = 1;
			} else if (token_is_abbrev(prev, strlen(prev)) && strchr(prev, '.') != strrchr(prev, '.') &&
				   is_starter(t->form)) {
				cut = 1;	/* "... in the U.S. The talks ..." */
			} else if (i - start >= SENTENCE_MAX_TOKENS) {
				cut = 1;
			}
		}
		if (cut) {
			push(out, tl, start, i);
			start = i;
			para_start = t->nl_before;
		}
		if (i == start && para_start) {
			skip = dateline_len(tl, i, tl->n);
			if (skip) {
				i += skip - 1;
				start = i + 1;
			}
			para_start = 0;
		}
	}
	push(out, tl, start, tl->n);
}

void sentence_list_release(struct sentence_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

void sentence_text(const char *text, const struct sentence *s, struct strbuf *sb)
{
	size_t i;
	int space = 0;

	sb_reset(sb);
	for (i = s->off; i < s->end; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && sb->len)
			sb_addc(sb, ' ');
		space = 0;
		sb_addc(sb, (char)c);
	}
	if (!sb->buf)
		sb_adds(sb, "");
}
