/*
 * sentence.h: cutting an article's tokens into sentences. Ends at . ? !
 * (and a closing quote or bracket after them) before a capital, a digit or
 * an opening quote; abbreviations and initials do not end sentences; line
 * breaks before a capital end them (news text puts paragraphs and headlines
 * on lines of their own). A dateline ("ANKARA (AA) -") opening a paragraph is
 * left out of the sentence.
 */
#ifndef ENTENTE_SENTENCE_H
#define ENTENTE_SENTENCE_H

#include <stddef.h>
#include "ingest/token.h"

/* Longest sentence, in tokens: longer runs are cut (they are lists, tables
 * or text without punctuation, and would only slow the parser down). */
#define SENTENCE_MAX_TOKENS 200

struct sentence {
	size_t first;		/* index of its first token */
	size_t n;		/* number of tokens */
	size_t off, end;	/* byte span in the text: [off, end) */
};

struct sentence_list {
	struct sentence *v;
	size_t n, alloc;
};
#define SENTENCE_LIST_INIT { NULL, 0, 0 }

/* Split 'tl' (tokens of 'text') into sentences, replacing what 'out' held. */
void sentence_split(const char *text, const struct token_list *tl,
		    struct sentence_list *out);
void sentence_list_release(struct sentence_list *l);

/* The sentence's text with runs of white space (line breaks included)
 * collapsed to one space, into sb (replacing its content). */
void sentence_text(const char *text, const struct sentence *s, struct strbuf *sb);

#endif
