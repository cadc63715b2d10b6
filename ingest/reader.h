/*
 * reader.h: turning files into articles. A plain text file is one article;
 * a .jsonl file holds one article per line (keys id, date, title, text,
 * source, url; only text is required; other keys are ignored); a directory
 * is read recursively in name order; "-" is standard input. With 'lines'
 * set every input line is an article whose id is its line number from 1.
 *
 * Bad records (malformed JSON, no text, invalid UTF-8) are reported with
 * file and line, skipped, and counted; the rest is read.
 */
#ifndef ENTENTE_READER_H
#define ENTENTE_READER_H

#include <stddef.h>
#include "ingest/article.h"

/* Longest input line or file we accept (bytes), as SQLite bounds its input. */
#define READER_MAX_FILE ((size_t)1 << 30)

struct reader_opts {
	int lines;		/* every line is an article */
	int jsonl;		/* read every file (and stdin) as JSON lines */
	struct date date;	/* publication date for articles that give none */
};

struct reader_stats {
	size_t files;		/* files read */
	size_t articles;	/* articles delivered */
	size_t bad;		/* records skipped: malformed, unreadable, ... */
	size_t skipped_files;	/* files in directories that are not .txt/.jsonl */
};

/* Called once per article. The article is released after the call returns,
 * so copy what you keep. Return 0 to go on, -1 to stop reading. */
typedef int (*reader_fn)(struct article *a, void *ctx);

/* Read every path in order, calling fn for each article. Returns 0 when
 * everything was read, -1 when some file or record was bad (reported) or fn
 * asked to stop. 'st' may be NULL. */
int reader_run(char *const *paths, int npaths, const struct reader_opts *o,
	       reader_fn fn, void *ctx, struct reader_stats *st);

#endif
