/*
 * utf8.h: checking and decoding UTF-8 text from untrusted input.
 */
#ifndef ENTENTE_UTF8_H
#define ENTENTE_UTF8_H

#include <stddef.h>

/* Returns 0 when s[0..n) is valid UTF-8 (no overlongs, no surrogates, no
 * NUL bytes); otherwise -1 with *bad_off set to the first bad byte. */
int utf8_check(const char *s, size_t n, size_t *bad_off);

/* Decode one code point at s[0..n); returns its length in bytes (1-4), or 0
 * when the bytes are not valid UTF-8 (then *cp = 0xFFFD). n must be > 0. */
int utf8_decode(const char *s, size_t n, unsigned *cp);

/* Line number (from 1) of byte offset 'off' in s. */
size_t utf8_line_of(const char *s, size_t off);

/* Skip a leading byte-order mark: returns 3 when s starts with one, else 0. */
size_t utf8_bom(const char *s, size_t n);

#endif
