/*
 * util.h: small helpers every module may use: checked allocation, a growable
 * string buffer, error reporting, and the exit codes of the command line.
 */
#ifndef ENTENTE_UTIL_H
#define ENTENTE_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Exit codes of ./entente (as jq keeps them in an enum). */
enum exit_code {
	EXIT_OK = 0,		/* everything was read and written */
	EXIT_DATA = 1,		/* some input was bad: reported and skipped */
	EXIT_USAGE = 2,		/* unknown option or missing argument */
	EXIT_SYSTEM = 3		/* cannot open, read or write a file, out of memory */
};

/* Allocation that never returns NULL: on failure it prints and exits. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Is s one of the strings of the NULL-ended list (compared exactly)? */
int str_in(const char *s, const char *const *list);

/* Grow an array 'p' of 'alloc' items so that it holds at least 'nr'. */
#define ALLOC_GROW(p, nr, alloc) do { \
	if ((size_t)(nr) > (size_t)(alloc)) { \
		size_t alloc_new_ = (alloc) < 8 ? 8 : (size_t)(alloc) * 2; \
		if (alloc_new_ < (size_t)(nr)) \
			alloc_new_ = (size_t)(nr); \
		(p) = xrealloc((p), alloc_new_ * sizeof(*(p))); \
		(alloc) = alloc_new_; \
	} \
} while (0)

/* A growable NUL-terminated byte string; all fields may be read, only the
 * functions below change them. An initialised strbuf is {NULL, 0, 0}. */
struct strbuf {
	char *buf;		/* NUL-terminated when len > 0 or after any add */
	size_t len;		/* bytes in use, not counting the NUL */
	size_t alloc;		/* bytes allocated */
};
#define STRBUF_INIT { NULL, 0, 0 }
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);	/* len = 0, keeps the memory */
void sb_release(struct strbuf *sb);	/* frees the memory, back to INIT */
char *sb_detach(struct strbuf *sb);	/* caller owns the string (never NULL) */
const char *sb_str(const struct strbuf *sb);	/* "" when empty */

/* Messages at the edge: "entente: error: ..." on stderr. error() returns -1
 * so that library code may 'return error(...)'. die() exits EXIT_SYSTEM. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Read a whole file (or stdin for "-") into a NUL-terminated buffer.
 * Returns 0 and sets *pbuf, *plen; the caller frees *pbuf. -1 on error, with
 * a message already printed. */
int read_file(const char *path, char **pbuf, size_t *plen);

/* True when 's' ends with 'suffix'. */
int ends_with(const char *s, const char *suffix);

/* Time since an arbitrary start, in seconds (monotonic clock). */
double now_seconds(void);

#include "banned.h"	/* last: the system headers above must not see it */

#endif
