/*
 * article.h: one news article as the readers deliver it.
 * All fields are public; strings are owned by the article.
 */
#ifndef ENTENTE_ARTICLE_H
#define ENTENTE_ARTICLE_H

#include <stddef.h>
#include "ingest/triple.h"

struct article {
	char *id;		/* "1", "guardian-3", or the file name */
	char *date;		/* publication date as given (ISO 8601), or NULL */
	struct date pub;	/* parsed publication date; y == 0 if none */
	char *title;		/* or NULL */
	char *text;		/* body, valid UTF-8, NUL-terminated */
	size_t text_len;
	char *source;		/* or NULL */
	char *url;		/* or NULL */
	char *path;		/* file it came from ("-" for stdin) */
	size_t line;		/* line in that file, from 1; 0 for whole files */
};

void article_release(struct article *a);

#endif
