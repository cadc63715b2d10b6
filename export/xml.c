/*
 * xml.c: escaping text for the XML and JSON exports (see xml.h).
 */
#include "export/xml.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#define REPLACEMENT 0xFFFDu

/* Decode the UTF-8 sequence at s (n bytes left). Returns its length (at
 * least 1) and sets *cp, REPLACEMENT for anything invalid. */
static size_t utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0], v, min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return i;	/* resynchronise on the next lead byte */
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ||
	    v == 0xFFFE || v == 0xFFFF)
		v = REPLACEMENT;
	*cp = v;
	return len;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	char b[4];

	if (cp < 0x80) {
		sb_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		sb_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		sb_add(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		sb_add(sb, b, 4);
	}
}

/* Control characters that neither format gets. */
static int dropped(unsigned cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	       (cp >= 0x7F && cp <= 0x9F);
}

void xml_escape(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);

	while (n) {
		unsigned cp;
		size_t len = utf8_next(p, n, &cp);

		p += len, n -= len;
		if (dropped(cp))
			continue;
		switch (cp) {
		case '&': sb_adds(sb, "&amp;"); break;
		case '<': sb_adds(sb, "&lt;"); break;
		case '>': sb_adds(sb, "&gt;"); break;
		case '"': sb_adds(sb, "&quot;"); break;
		case '\t': sb_adds(sb, "&#9;"); break;
		case '\n': sb_adds(sb, "&#10;"); break;
		case '\r': sb_adds(sb, "&#13;"); break;
		default: put_utf8(sb, cp);
		}
	}
}

void xml_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (!s) {
		sb_adds(sb, "null");
		return;
	}
	n = strlen(s);
	sb_addc(sb, '"');
	while (n) {
		unsigned cp;
		size_t len = utf8_next(p, n, &cp);

		p += len, n -= len;
		if (dropped(cp))
			continue;
		switch (cp) {
		case '"': sb_adds(sb, "\\\""); break;
		case '\\': sb_adds(sb, "\\\\"); break;
		case '\t': sb_adds(sb, "\\t"); break;
		case '\n': sb_adds(sb, "\\n"); break;
		case '\r': sb_adds(sb, "\\r"); break;
		case 0x2028: sb_adds(sb, "\\u2028"); break;	/* safe for JavaScript too */
		case 0x2029: sb_adds(sb, "\\u2029"); break;
		default: put_utf8(sb, cp);
		}
	}
	sb_addc(sb, '"');
}

void xml_number(struct strbuf *sb, double v)
{
	if (!isfinite(v))
		v = 0;
	sb_addf(sb, "%.10g", v);
}

int export_flush(struct strbuf *sb, FILE *f, int force)
{
	if (sb->len && (force || sb->len >= EXPORT_FLUSH_AT)) {
		if (fwrite(sb->buf, 1, sb->len, f) != sb->len)
			return -1;
		sb_reset(sb);
	}
	return 0;
}
