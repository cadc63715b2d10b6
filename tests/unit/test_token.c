/*
 * test_token.c: the tokenizer and the sentence splitter on news text.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/sentence.h"
#include "ingest/token.h"
#include "ingest/utf8.h"
#include "testhelp.h"
#include "util.h"

/* The tokens of 'text' joined by '|', sentences ended by '#'. */
static char *toks(const char *text)
{
	struct token_list tl = TOKEN_LIST_INIT;
	struct sentence_list sl = SENTENCE_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	size_t s, i;

	tokenize(text, strlen(text), &tl);
	sentence_split(text, &tl, &sl);
	for (s = 0; s < sl.n; s++) {
		for (i = 0; i < sl.v[s].n; i++) {
			if (i)
				sb_addc(&sb, '|');
			sb_adds(&sb, tl.v[sl.v[s].first + i].form);
		}
		sb_addc(&sb, '#');
	}
	token_list_release(&tl);
	sentence_list_release(&sl);
	return sb_detach(&sb);
}

#define CHECK(text, want) do { \
	char *got_ = toks(text); \
	test_streq(text, got_, want); \
	free(got_); \
} while (0)

int main(void)
{
	/* clitics, possessives, punctuation */
	CHECK("Turkey expelled Israel's ambassador.",
	      "Turkey|expelled|Israel|'s|ambassador|.#");
	CHECK("They don't know; we can't say.",
	      "They|do|n't|know|;|we|ca|n't|say|.#");
	CHECK("The countries' envoys won't come.",
	      "The|countries|'|envoys|wo|n't|come|.#");
	CHECK("It cannot be.", "It|can|not|be|.#");
	CHECK("Israel 's envoy, 'the' man.", "Israel|'s|envoy|,|'|the|'|man|.#");
	/* curly quotes and apostrophes become ASCII; dashes become -- */
	CHECK("\xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D she said \xE2\x80\x94 again.",
	      "\"|It|'s|over|,|\"|she|said|--|again|.#");
	/* abbreviations, initials and numbers stay whole */
	CHECK("Mr. Smith met Gen. J. Jones in the U.S. on Jan. 5.",
	      "Mr.|Smith|met|Gen.|J.|Jones|in|the|U.S.|on|Jan.|5|.#");
	CHECK("Aid of $4.25 or \xC2\xA3" "1,400 (10%) came at 10:30 p.m. on 2022-10-27.",
	      "Aid|of|$|4.25|or|\xC2\xA3|1,400|(|10|%|)|came|at|10:30|p.m.|on|2022-10-27|.#");
	/* hyphenated words split as in the treebank */
	CHECK("F-16 jets and S-400 missiles.", "F-16|jets|and|S-400|missiles|.#");
	CHECK("Sheikh Tamim al-Thani met el-Sisi.", "Sheikh|Tamim|al-Thani|met|el-Sisi|.#");
	CHECK("Kim Jong-un met Moon Jae-in. Anti-war groups met.",
	      "Kim|Jong-un|met|Moon|Jae-in|.#Anti|-|war|groups|met|.#");
	CHECK("Tel-Aviv and the U.S.-led pro-Western talks.",
	      "Tel-Aviv|and|the|U.S.|-|led|pro|-|Western|talks|.#");
	/* sentence ends */
	CHECK("He left. She stayed! Why? No. 10 said so.",
	      "He|left|.#She|stayed|!#Why|?#No.|10|said|so|.#");
	CHECK("He said: \"We agree.\" Then he left.",
	      "He|said|:|\"|We|agree|.|\"#Then|he|left|.#");
	CHECK("\"Go.\" \"No,\" he said.", "\"|Go|.|\"#\"|No|,|\"|he|said|.#");
	CHECK("Talks were held in the U.S. The end came later.",
	      "Talks|were|held|in|the|U.S.#The|end|came|later|.#");
	/* lines are paragraphs; a headline without a period ends at the line */
	CHECK("Turkey, Israel agree on ties\nGantz met Akar.",
	      "Turkey|,|Israel|agree|on|ties#Gantz|met|Akar|.#");
	CHECK("Talks went on\nuntil late.", "Talks|went|on|until|late|.#");
	/* datelines are left out */
	CHECK("ANKARA (AA) - Gantz met Akar.", "Gantz|met|Akar|.#");
	CHECK("WASHINGTON, May 3 (Reuters) - Officials met.", "Officials|met|.#");
	CHECK("Canadian Press - VANCOUVER (CP) - The sister spoke.",
	      "The|sister|spoke|.#");
	CHECK("Israel - Turkey ties are good.", "Israel|-|Turkey|ties|are|good|.#");
	/* a byte-order mark is skipped, odd spaces are spaces */
	CHECK("\xEF\xBB\xBFGantz\xC2\xA0met Akar.", "Gantz|met|Akar|.#");
	CHECK("", "");

	/* offsets point into the text */
	{
		const char *t = "Israel\xE2\x80\x99s envoy";
		struct token_list tl = TOKEN_LIST_INIT;
		tokenize(t, strlen(t), &tl);
		test_cond("three tokens", tl.n == 3);
		test_cond("'s spans the curly apostrophe", tl.n == 3 && tl.v[1].off == 6 && tl.v[1].len == 4);
		test_streq("normalised", tl.n == 3 ? tl.v[1].form : NULL, "'s");
		token_list_release(&tl);
	}
	/* UTF-8 checks */
	{
		size_t bad = 0;
		test_cond("valid", utf8_check("T\xC3\xBCrkiye", 8, &bad) == 0);
		test_cond("truncated", utf8_check("T\xC3", 2, &bad) < 0 && bad == 1);
		test_cond("overlong", utf8_check("\xC0\xAF", 2, &bad) < 0 && bad == 0);
		test_cond("surrogate", utf8_check("a\xED\xA0\x80", 4, &bad) < 0 && bad == 1);
		test_cond("NUL", utf8_check("a\0b", 3, &bad) < 0 && bad == 1);
		test_cond("line of offset", utf8_line_of("a\nb\nc", 4) == 3);
	}
	return test_report();
}
