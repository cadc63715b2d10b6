/*
 * testhelp.h: the unit-test macros, after redis's testhelp.h.
 * test_cond(desc, cond) counts and reports; test_report() returns the exit
 * status for main().
 */
#ifndef ENTENTE_TESTHELP_H
#define ENTENTE_TESTHELP_H

#include <stdio.h>
#include <string.h>

static int test_failed_ = 0, test_passed_ = 0;

#define test_cond(descr, _c) do { \
	if (_c) { \
		test_passed_++; \
	} else { \
		test_failed_++; \
		printf("FAILED %s:%d: %s\n", __FILE__, __LINE__, descr); \
	} \
} while (0)

#define test_streq(descr, a, b) do { \
	const char *ta_ = (a), *tb_ = (b); \
	int ok_ = ta_ && tb_ ? strcmp(ta_, tb_) == 0 : ta_ == tb_; \
	if (!ok_) \
		printf("  got '%s', want '%s'\n", ta_ ? ta_ : "(null)", tb_ ? tb_ : "(null)"); \
	test_cond(descr, ok_); \
} while (0)

#define test_report() ( \
	printf("%d passed, %d failed\n", test_passed_, test_failed_), \
	test_failed_ ? 1 : 0)

#endif
