/*
 * token.h: splitting article text into tokens the way the Universal
 * Dependencies English treebank does (Penn style): punctuation apart,
 * clitics apart ("do" "n't", "Israel" "'s"), hyphenated words apart
 * ("Tel" "-" "Aviv"), abbreviations and initials kept whole ("U.S.", "Gen.",
 * "J."), numbers kept whole ("1,400", "4.25", "2022-10-27").
 */
#ifndef ENTENTE_TOKEN_H
#define ENTENTE_TOKEN_H

#include <stddef.h>
#include "util.h"

struct token {
	const char *form;	/* normalised form (ASCII quotes and dashes); owned by the list */
	size_t off, len;	/* the bytes of the text it came from */
	unsigned nl_before : 1;	/* a line break comes before it */
	unsigned blank_before : 1; /* a blank line (paragraph break) comes before it */
	unsigned space_before : 1; /* white space comes before it */
	size_t form_off_;	/* private: offset of form in the arena */
};

struct token_list {
	struct token *v;	/* tokens in text order */
	size_t n, alloc;
	struct strbuf arena;	/* private: the forms, NUL-separated */
};
#define TOKEN_LIST_INIT { NULL, 0, 0, STRBUF_INIT }

/* Tokenise text[0..len) (valid UTF-8) into 'out', replacing what it held.
 * Token pointers stay valid until the next call or token_list_release(). */
void tokenize(const char *text, size_t len, struct token_list *out);
void token_list_release(struct token_list *l);

/* True for abbreviations that keep their final period ("Mr.", "Jan.", "U.S."). */
int token_is_abbrev(const char *s, size_t n);

#endif
