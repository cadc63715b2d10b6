/*
 * xml.h: text escaping shared by the exports. Whatever bytes the store
 * holds, what these write is valid: invalid UTF-8 (overlong forms,
 * surrogates, truncated sequences) becomes U+FFFD, the non-characters
 * U+FFFE and U+FFFF become U+FFFD, and control characters other than tab,
 * newline and carriage return (C0, DEL and C1) are removed.
 */
#ifndef ENTENTE_XML_H
#define ENTENTE_XML_H

#include <stdio.h>

struct strbuf;

/* Append 's' cleaned as above, for XML text or a double-quoted attribute
 * value: & < > " escaped, tab, newline and carriage return written as
 * character references so attribute values keep them. NULL appends "". */
void xml_escape(struct strbuf *sb, const char *s);

/* Append 's' cleaned as above as a JSON string, quotes included; NULL
 * appends null. */
void xml_json_string(struct strbuf *sb, const char *s);

/* Append a number as JSON and XML read it: finite, "%.10g", C locale
 * digits; NaN and infinities are written as 0. */
void xml_number(struct strbuf *sb, double v);

/* Write sb to f and empty it once it holds EXPORT_FLUSH_AT bytes, or
 * whatever it holds when 'force'. 0, or -1 when the write fails. */
#define EXPORT_FLUSH_AT 65536
int export_flush(struct strbuf *sb, FILE *f, int force);

#endif
