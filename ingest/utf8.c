/*
 * utf8.c: UTF-8 validation and decoding (see utf8.h).
 */
#include "ingest/utf8.h"

int utf8_decode(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = p[0], min;
	int len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; c &= 0x07; min = 0x10000;
	} else {
		goto bad;
	}
	if ((size_t)len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 0;
}

int utf8_check(const char *s, size_t n, size_t *bad_off)
{
	size_t i = 0;
	unsigned cp;

	while (i < n) {
		int len;
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				goto bad;
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (!len)
			goto bad;
		i += (size_t)len;
	}
	return 0;
bad:
	if (bad_off)
		*bad_off = i;
	return -1;
}

size_t utf8_line_of(const char *s, size_t off)
{
	size_t i, line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

size_t utf8_bom(const char *s, size_t n)
{
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		return 3;
	return 0;
}
