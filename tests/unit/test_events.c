/*
 * test_events.c: the event lexicon. It includes events.c (as cJSON's tests
 * include cJSON.c) to check every row of the compiled table.
 */
#include <stdio.h>
#include <string.h>

#include "../../ingest/events.c"
#include "testhelp.h"

/* Look up and check the PLOVER category, the CAMEO code and the quad. */
static void expect(const char *lemma, const char *prep, const char *obj,
		   const char *plover, const char *cameo, int quad)
{
	struct event_info e;
	char d[160];
	int r = event_lookup(lemma, prep, obj, &e);

	snprintf(d, sizeof(d), "(%s, %s, %s) finds an event", lemma, prep ? prep : "NULL",
		 obj ? obj : "NULL");
	test_cond(d, r == 0);
	if (r)
		return;
	snprintf(d, sizeof(d), "(%s, %s, %s) is %s", lemma, prep ? prep : "NULL",
		 obj ? obj : "NULL", plover);
	test_streq(d, e.plover, plover);
	if (cameo)
		test_streq(d, e.cameo, cameo);
	if (quad) {
		if (e.quad != quad)
			printf("  got quad %d, want %d\n", e.quad, quad);
		test_cond(d, e.quad == quad);
	}
}

static void none(const char *lemma, const char *prep, const char *obj)
{
	struct event_info e;
	char d[160];

	snprintf(d, sizeof(d), "(%s, %s, %s) has no event", lemma ? lemma : "NULL",
		 prep ? prep : "NULL", obj ? obj : "NULL");
	test_cond(d, event_lookup(lemma, prep, obj, &e) == -1);
}

static void test_examples(void)
{
	struct event_info e;

	/* the examples of the API */
	expect("expel", NULL, "ambassador", "SANCTION", "166", 4);
	expect("meet", "with", NULL, "CONSULT", "040", 1);
	test_cond("visit", event_lookup("visit", NULL, NULL, &e) == 0);
	test_streq("visit is CONSULT", e.plover, "CONSULT");
	test_streq("visit mode", e.mode, "visit");
	expect("hold", NULL, "talk", "CONSULT", "040", 1);
	expect("hold", NULL, "talks", "CONSULT", "040", 1);
	/* CAMEO 057 "sign formal agreement" is SUPPORT in PLOVER 2021 */
	expect("sign", NULL, "agreement", "SUPPORT", "057", 1);
	expect("attack", NULL, NULL, "ASSAULT", "190", 4);
	expect("accuse", NULL, NULL, "ACCUSE", "112", 3);
	expect("restore", NULL, "relation", "SUPPORT", "050", 1);
	none("say", NULL, NULL);
	none("say", "to", "reporter");
}

static void test_lexicon(void)
{
	struct event_info e;

	/* spelling, case and number */
	expect("criticise", NULL, NULL, "ACCUSE", "111", 3);
	expect("Condemn", NULL, NULL, "ACCUSE", "111", 3);
	expect("mobilise", NULL, NULL, "MOBILIZE", "154", 4);
	expect("cut", NULL, "ties", "SANCTION", "161", 4);
	none("hold", NULL, "cease-fire");	/* falls to "hold" alone */
	expect("observe", NULL, "cease-fire", "RETREAT", "0871", 2);

	/* the object decides */
	expect("expel", NULL, NULL, "COERCE", "174", 4);
	expect("expel", NULL, "peacekeepers", "SANCTION", "1661", 4);
	expect("release", NULL, "hostage", "RETREAT", "0841", 2);
	none("release", NULL, "report");
	expect("withdraw", NULL, "troops", "RETREAT", "087", 2);
	test_cond("withdraw troops", event_lookup("withdraw", NULL, "troops", &e) == 0);
	test_streq("withdraw troops mode", e.mode, "withdraw");
	expect("withdraw", NULL, "ambassador", "SANCTION", "161", 4);
	expect("send", NULL, "aid", "AID", "070", 2);
	expect("send", NULL, "weapons", "AID", "072", 2);
	none("send", NULL, "letter");
	expect("launch", NULL, "airstrikes", "ASSAULT", "195", 4);
	expect("seize", NULL, "town", "COERCE", "192", 4);
	expect("seize", NULL, "tanker", "COERCE", "1711", 4);

	/* the particle decides */
	expect("call", "on", NULL, "REQUEST", "020", 1);
	expect("call on", NULL, NULL, "REQUEST", "020", 1);
	expect("close", NULL, "embassies", "SANCTION", "161", 4);
	none("call", NULL, NULL);
	expect("step", "down", NULL, "CONCEDE", "0831", 2);
	expect("crack", "down", NULL, "ASSAULT", "175", 4);
	expect("break", "off", "talks", "SANCTION", "164", 4);

	/* one of each category */
	expect("agree", NULL, NULL, "AGREE", "030", 1);
	expect("praise", NULL, NULL, "SUPPORT", "051", 1);
	expect("concede", NULL, NULL, "CONCEDE", "080", 2);
	expect("cooperate", NULL, NULL, "COOPERATE", "060", 2);
	expect("aid", NULL, NULL, "AID", "070", 2);
	expect("retreat", NULL, NULL, "RETREAT", "0874", 2);
	expect("urge", NULL, NULL, "REQUEST", "020", 1);
	expect("demand", NULL, NULL, "REQUEST", "100", 3);
	expect("reject", NULL, NULL, "REJECT", "120", 3);
	expect("veto", NULL, NULL, "REJECT", "129", 3);
	expect("threaten", NULL, NULL, "THREATEN", "130", 3);
	expect("warn", NULL, NULL, "THREATEN", "130", 3);
	expect("protest", NULL, NULL, "PROTEST", "140", 4);
	expect("deploy", NULL, "troops", "MOBILIZE", "154", 4);
	expect("sanction", NULL, NULL, "COERCE", "163", 4);	/* 163 is COERCE in PLOVER */
	expect("suspend", NULL, "talks", "SANCTION", "164", 4);
	expect("arrest", NULL, NULL, "COERCE", "173", 4);
	test_cond("arrest", event_lookup("arrest", NULL, NULL, &e) == 0);
	test_streq("arrest mode", e.mode, "arrest");
	expect("bomb", NULL, NULL, "ASSAULT", "195", 4);
	expect("kill", NULL, NULL, "ASSAULT", NULL, 4);
	expect("invade", NULL, NULL, "ASSAULT", "190", 4);
	expect("shell", NULL, NULL, "ASSAULT", "194", 4);
	expect("investigate", NULL, NULL, "ACCUSE", "090", 3);

	/* the verbs news uses most, alone or with their usual object */
	{
		static const char *const common[][2] = {
			{ "meet", NULL }, { "visit", NULL }, { "host", NULL }, { "talk", NULL },
			{ "discuss", NULL }, { "negotiate", NULL }, { "agree", NULL },
			{ "sign", NULL }, { "ratify", NULL }, { "cooperate", NULL },
			{ "support", NULL }, { "praise", NULL }, { "thank", NULL }, { "aid", NULL },
			{ "send", "aid" }, { "deliver", "weapons" }, { "withdraw", NULL },
			{ "retreat", NULL }, { "release", NULL }, { "concede", NULL },
			{ "request", NULL }, { "urge", NULL }, { "demand", NULL },
			{ "accuse", NULL }, { "blame", NULL }, { "criticise", NULL },
			{ "condemn", NULL }, { "deny", NULL }, { "reject", NULL }, { "veto", NULL },
			{ "threaten", NULL }, { "warn", NULL }, { "protest", NULL },
			{ "sanction", NULL }, { "expel", NULL }, { "recall", "ambassador" },
			{ "suspend", NULL }, { "cut", "ties" }, { "mobilise", NULL },
			{ "deploy", NULL }, { "arrest", NULL }, { "detain", NULL }, { "seize", NULL },
			{ "attack", NULL }, { "bomb", NULL }, { "strike", NULL }, { "kill", NULL },
			{ "invade", NULL }, { "shell", NULL }, { NULL, NULL }
		};
		int i, missing = 0;
		for (i = 0; common[i][0]; i++)
			if (event_lookup(common[i][0], NULL, common[i][1], &e) < 0) {
				printf("  no event for '%s %s'\n", common[i][0],
				       common[i][1] ? common[i][1] : "");
				missing++;
			}
		test_cond("every common verb has an event", missing == 0);
	}

	none("frobnicate", NULL, NULL);
	none(NULL, NULL, NULL);
	none("", NULL, NULL);
}

static void test_codes(void)
{
	struct event_info e;
	int i, bad = 0, sorted = 1;

	test_cond("0841", event_from_cameo("0841", &e) == 0);
	test_streq("0841 is RETREAT", e.plover, "RETREAT");
	test_streq("0841 mode", e.mode, "release");
	test_cond("0841 quad", e.quad == 2);
	test_cond("0813", event_from_cameo("0813", &e) == 0 && !strcmp(e.plover, "RETREAT"));
	test_cond("083", event_from_cameo("083", &e) == 0 && !strcmp(e.plover, "CONCEDE"));
	test_cond("1712", event_from_cameo("1712", &e) == 0 && !strcmp(e.plover, "ASSAULT"));
	test_cond("1711", event_from_cameo("1711", &e) == 0 && !strcmp(e.plover, "COERCE"));
	test_cond("192", event_from_cameo("192", &e) == 0 && !strcmp(e.plover, "COERCE"));
	test_cond("193", event_from_cameo("193", &e) == 0 && !strcmp(e.plover, "ASSAULT"));
	test_cond("043 is a visit", event_from_cameo("043", &e) == 0 && !strcmp(e.mode, "visit"));
	test_cond("1823 has no mode", event_from_cameo("1823", &e) == 0 && e.mode == NULL);
	test_cond("020 quad 1", event_from_cameo("020", &e) == 0 && e.quad == 1);
	test_cond("100 quad 3", event_from_cameo("100", &e) == 0 && e.quad == 3);
	test_cond("010 is no event", event_from_cameo("010", &e) == -1);
	test_cond("21 is no code", event_from_cameo("210", &e) == -1);
	test_cond("abc is no code", event_from_cameo("abc", &e) == -1);
	test_cond("NULL is no code", event_from_cameo(NULL, &e) == -1);

	/* every row of the compiled lexicon */
	test_cond("a few hundred rows", event_lexicon_size() >= 500);
	for (i = 0; i < NVERBS; i++) {
		if (verbs[i].cameo && event_from_cameo(verbs[i].cameo, &e) < 0) {
			printf("  row %s/%s/%s: code %s\n", verbs[i].lemma,
			       verbs[i].prep ? verbs[i].prep : "", verbs[i].obj ? verbs[i].obj : "",
			       verbs[i].cameo);
			bad++;
		}
		if (i && strcmp(verbs[i - 1].lemma, verbs[i].lemma) > 0)
			sorted = 0;
	}
	test_cond("every row has a PLOVER category", bad == 0);
	test_cond("rows are sorted by lemma", sorted);
}

int main(void)
{
	test_examples();
	test_lexicon();
	test_codes();
	return test_report();
}
