/*
 * store.c: the SQLite database (see store.h; schema in schemas/store.sql).
 * The only file that includes sqlite3.h. Every statement is prepared once
 * per connection, with bound parameters.
 */
#include "graph/store.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>
#include <sqlite3.h>

#include "graph/merge.h"
#include "util.h"

/* Mirrors schemas/store.sql byte for byte (tests/unit/test_store.c). */
static const char schema_sql[] =
	"-- store.sql: the SQLite schema of an entente database (schema version 1).\n"
	"-- graph/store.c carries the same text as a C string (test_store checks they\n"
	"-- are equal) and runs it when it creates a new database, then sets\n"
	"-- PRAGMA user_version = 1.  Dates are ISO 8601 strings: \"YYYY\", \"YYYY-MM\" or\n"
	"-- \"YYYY-MM-DD\"; date_lo/date_hi are the first and last day they cover.\n"
	"\n"
	"CREATE TABLE articles (\n"
	"\tid TEXT PRIMARY KEY,\t\t-- article id as the reader gave it\n"
	"\tdate TEXT,\t\t\t-- publication date as given, or NULL\n"
	"\tsource TEXT,\n"
	"\ttitle TEXT,\n"
	"\turl TEXT,\n"
	"\thash TEXT NOT NULL UNIQUE\t-- fnv1a64 of the text (or of the triples)\n"
	");\n"
	"\n"
	"CREATE TABLE actors (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tname TEXT NOT NULL,\t\t-- canonical name: \"Benjamin Gantz\", \"Turkey\"\n"
	"\tkey TEXT NOT NULL UNIQUE,\t-- merge key: \"country:TUR\", \"person:benjamin gantz\"\n"
	"\ttype TEXT NOT NULL,\t\t-- actor_type_name(): person, country, ...\n"
	"\tcode TEXT,\t\t\t-- first actor code seen (actor_codes has all)\n"
	"\tcountry TEXT,\t\t\t-- ISO 3166-1 alpha-3, or NULL\n"
	"\trole TEXT,\t\t\t-- first title seen, or NULL\n"
	"\tsurname TEXT,\t\t\t-- persons: folded last token of the name\n"
	"\tfirst TEXT,\t\t\t-- first and last day the actor was seen\n"
	"\tlast TEXT\n"
	");\n"
	"CREATE INDEX actors_surname ON actors(surname);\n"
	"\n"
	"CREATE TABLE actor_codes (\t\t-- codes of an actor over time\n"
	"\tactor INTEGER NOT NULL REFERENCES actors(id),\n"
	"\tcode TEXT NOT NULL,\n"
	"\tfirst TEXT,\n"
	"\tlast TEXT,\n"
	"\tcount INTEGER NOT NULL DEFAULT 0,\n"
	"\tPRIMARY KEY (actor, code)\n"
	");\n"
	"\n"
	"CREATE TABLE aliases (\t\t\t-- every surface form and entity name\n"
	"\tactor INTEGER NOT NULL REFERENCES actors(id),\n"
	"\ttext TEXT NOT NULL,\n"
	"\tfolded TEXT NOT NULL,\t\t-- lowercase, accents removed\n"
	"\tcount INTEGER NOT NULL DEFAULT 0,\n"
	"\tPRIMARY KEY (actor, text)\n"
	");\n"
	"CREATE INDEX aliases_folded ON aliases(folded);\n"
	"\n"
	"CREATE TABLE relations (\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\tsubject INTEGER NOT NULL REFERENCES actors(id),\n"
	"\tobject INTEGER NOT NULL REFERENCES actors(id),\n"
	"\ttext TEXT NOT NULL,\t\t-- relation as it stands: \"met with\"\n"
	"\tlemma TEXT NOT NULL,\t\t-- \"meet\"\n"
	"\tevent TEXT,\t\t\t-- PLOVER event type or NULL\n"
	"\tcameo TEXT,\n"
	"\tquad INTEGER,\n"
	"\tmode TEXT,\n"
	"\tdate TEXT,\n"
	"\tdate_end TEXT,\n"
	"\tprecision TEXT,\t\t\t-- day, month, year or NULL\n"
	"\tdate_source TEXT,\t\t-- text, article or NULL\n"
	"\tdate_lo TEXT,\t\t\t-- first day covered by date\n"
	"\tdate_hi TEXT,\t\t\t-- last day covered by date_end (or date)\n"
	"\tarticle TEXT NOT NULL REFERENCES articles(id),\n"
	"\tsentence INTEGER NOT NULL,\n"
	"\tevidence TEXT NOT NULL,\n"
	"\tnegated INTEGER NOT NULL DEFAULT 0,\n"
	"\tconfidence REAL NOT NULL DEFAULT 0,\n"
	"\tlocation TEXT,\t\t\t-- first argument with role \"location\"\n"
	"\targs TEXT NOT NULL DEFAULT '[]'\t-- JSON array of {role, text}\n"
	");\n"
	"CREATE INDEX relations_subject ON relations(subject);\n"
	"CREATE INDEX relations_object ON relations(object);\n"
	"CREATE INDEX relations_date ON relations(date_lo);\n"
	"\n"
	"CREATE TABLE mentions (\t\t\t-- which relation mentioned which actor, how\n"
	"\tid INTEGER PRIMARY KEY,\n"
	"\trelation INTEGER NOT NULL REFERENCES relations(id),\n"
	"\tarticle TEXT NOT NULL REFERENCES articles(id),\n"
	"\tactor INTEGER NOT NULL REFERENCES actors(id),\n"
	"\tside TEXT NOT NULL,\t\t-- subject or object\n"
	"\ttext TEXT NOT NULL,\n"
	"\tentity TEXT,\n"
	"\tcode TEXT,\n"
	"\tcountry TEXT,\n"
	"\trole TEXT\n"
	");\n"
	"CREATE INDEX mentions_actor ON mentions(actor);\n";

const char *store_schema_sql(void)
{
	return schema_sql;
}

/*==== Statements ====*/

enum stmt_id {
	S_ART_BY_ID, S_ART_BY_HASH, S_ART_INS,
	S_ACT_BY_KEY, S_ACT_BY_ALIAS, S_ACT_BY_SURNAME, S_ACT_INS,
	S_ACT_SEEN, S_ACT_RENAME, S_ACT_REKEY, S_ALIAS_ADD, S_CODE_ADD,
	S_REL_INS, S_MEN_INS,
	S_FIRM_PERSONS, S_KEY_RANGE, S_MV_SUBJ, S_MV_OBJ, S_MV_MEN, S_MV_ALIAS, S_DEL_ALIAS,
	S_MV_CODE, S_DEL_CODE, S_MV_DAYS, S_DEL_ACTOR,
	S_NSTMT
};

static const char *const stmt_sql[S_NSTMT] = {
	[S_ART_BY_ID] = "SELECT 1 FROM articles WHERE id = ?1",
	[S_ART_BY_HASH] = "SELECT 1 FROM articles WHERE hash = ?1",
	[S_ART_INS] = "INSERT INTO articles (id, date, source, title, url, hash) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_ACT_BY_KEY] = "SELECT id FROM actors WHERE key = ?1",
	/* persons of two words or more, with no code or title: the names
	 * that may be an organisation's (store_settle()) */
	[S_FIRM_PERSONS] = "SELECT p.id, substr(p.key, 8) FROM actors p "
		"WHERE p.type = 'person' AND p.code IS NULL AND p.role IS NULL "
		"AND substr(p.key, 1, 7) = 'person:' AND instr(substr(p.key, 8), ' ') > 0 "
		"AND instr(substr(p.key, 8), '|') = 0 "
		"AND NOT EXISTS (SELECT 1 FROM actor_codes c WHERE c.actor = p.id) ORDER BY p.id",
	/* keys from ?1 up to ?2: "organization:=<name>" and what follows it */
	[S_KEY_RANGE] = "SELECT id, key FROM actors WHERE key >= ?1 AND key < ?2 "
		"AND type = 'organization'",
	[S_MV_SUBJ] = "UPDATE relations SET subject = ?2 WHERE subject = ?1",
	[S_MV_OBJ] = "UPDATE relations SET object = ?2 WHERE object = ?1",
	[S_MV_MEN] = "UPDATE mentions SET actor = ?2 WHERE actor = ?1",
	[S_MV_ALIAS] = "INSERT INTO aliases (actor, text, folded, count) "
		"SELECT ?2, text, folded, count FROM aliases WHERE actor = ?1 AND 1 "
		"ON CONFLICT (actor, text) DO UPDATE SET count = count + excluded.count",
	[S_DEL_ALIAS] = "DELETE FROM aliases WHERE actor = ?1",
	[S_MV_CODE] = "INSERT INTO actor_codes (actor, code, first, last, count) "
		"SELECT ?2, code, first, last, count FROM actor_codes WHERE actor = ?1 AND 1 "
		"ON CONFLICT (actor, code) DO UPDATE SET "
		"first = coalesce(min(first, excluded.first), first, excluded.first), "
		"last = coalesce(max(last, excluded.last), last, excluded.last), "
		"count = count + excluded.count",
	[S_DEL_CODE] = "DELETE FROM actor_codes WHERE actor = ?1",
	[S_MV_DAYS] = "UPDATE actors SET "
		"first = (SELECT min(first) FROM actors WHERE id IN (?1, ?2)), "
		"last = (SELECT max(last) FROM actors WHERE id IN (?1, ?2)) WHERE id = ?2",
	[S_DEL_ACTOR] = "DELETE FROM actors WHERE id = ?1",
	[S_ACT_BY_ALIAS] = "SELECT DISTINCT a.id FROM aliases l JOIN actors a "
		"ON a.id = l.actor WHERE l.folded = ?1 AND a.type = ?2 "
		"ORDER BY a.id LIMIT 2",
	[S_ACT_BY_SURNAME] = "SELECT id, key, country, role FROM actors "
		"WHERE surname = ?1 AND type = 'person' ORDER BY id",
	[S_ACT_INS] = "INSERT INTO actors (name, key, type, code, country, role, "
		"surname, first, last) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_ACT_SEEN] = "UPDATE actors SET "
		"first = coalesce(min(first, ?2), first, ?2), "
		"last = coalesce(max(last, ?3), last, ?3), "
		"code = coalesce(code, ?4), country = coalesce(country, ?5), "
		"role = coalesce(role, ?6) WHERE id = ?1",
	[S_ACT_RENAME] = "UPDATE actors SET name = ?2, key = ?3, surname = ?4 "
		"WHERE id = ?1",
	[S_ACT_REKEY] = "UPDATE actors SET key = ?2, code = coalesce(code, ?3) "
		"WHERE id = ?1 AND substr(key, 1, length(?4)) = ?4",
	[S_ALIAS_ADD] = "INSERT INTO aliases (actor, text, folded, count) "
		"VALUES (?1, ?2, ?3, 1) ON CONFLICT (actor, text) "
		"DO UPDATE SET count = count + 1",
	[S_CODE_ADD] = "INSERT INTO actor_codes (actor, code, first, last, count) "
		"VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT (actor, code) DO UPDATE SET "
		"first = coalesce(min(first, excluded.first), first, excluded.first), "
		"last = coalesce(max(last, excluded.last), last, excluded.last), "
		"count = count + 1",
	[S_REL_INS] = "INSERT INTO relations (subject, object, text, lemma, event, "
		"cameo, quad, mode, date, date_end, precision, date_source, date_lo, "
		"date_hi, article, sentence, evidence, negated, confidence, location, "
		"args) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
		"?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
	[S_MEN_INS] = "INSERT INTO mentions (relation, article, actor, side, text, "
		"entity, code, country, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
};

struct store {
	sqlite3 *db;			/* the connection */
	char *path;			/* for messages */
	sqlite3_stmt *stmt[S_NSTMT];	/* prepared on first use */
};

static int db_error(struct store *st, const char *what)
{
	return error("%s in '%s': %s", what, st->path, sqlite3_errmsg(st->db));
}

/* The prepared statement 'id', reset and with its bindings cleared. */
static sqlite3_stmt *stmt_get(struct store *st, enum stmt_id id)
{
	sqlite3_stmt *s = st->stmt[id];

	if (!s) {
		if (sqlite3_prepare_v2(st->db, stmt_sql[id], -1, &st->stmt[id], NULL)
		    != SQLITE_OK) {
			db_error(st, "cannot prepare statement");
			return NULL;
		}
		return st->stmt[id];
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

static int bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Run a statement that returns no rows (or whose rows we do not need). */
static int stmt_done(struct store *st, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	if (rc != SQLITE_DONE)
		return db_error(st, "cannot write");
	return 0;
}

static int exec_sql(struct store *st, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("cannot run '%s' on '%s': %s", sql, st->path,
		      msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/*==== Opening ====*/

static int store_open_flags(struct store **out, const char *path, int flags)
{
	struct store *st = xcalloc(1, sizeof(*st));
	sqlite3_stmt *s = NULL;
	int version = -1, ntables = 0;

	*out = NULL;
	st->path = xstrdup(path);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		error("cannot open database '%s': %s", path,
		      st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		error("cannot read '%s' as an entente database: %s", path,
		      sqlite3_errmsg(st->db));
		goto fail;
	}
	version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s,
			       NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
		db_error(st, "cannot read the schema");
		goto fail;
	}
	ntables = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	if (version == 0 && ntables == 0) {
		char buf[64];
		if (!(flags & SQLITE_OPEN_CREATE)) {
			error("'%s' is an empty database, not an entente store", path);
			goto fail;
		}
		snprintf(buf, sizeof(buf), "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
		if (exec_sql(st, "BEGIN") < 0)
			goto fail;
		if (exec_sql(st, schema_sql) < 0 || exec_sql(st, buf) < 0 ||
		    exec_sql(st, "COMMIT") < 0) {
			exec_sql(st, "ROLLBACK");
			goto fail;
		}
	} else if (version != STORE_SCHEMA_VERSION) {
		if (version == 0)
			error("'%s' is an SQLite database but not an entente store", path);
		else
			error("'%s' has store schema version %d; this entente reads version %d%s",
			      path, version, STORE_SCHEMA_VERSION,
			      version > STORE_SCHEMA_VERSION ? " (made by a newer entente?)" : "");
		goto fail;
	}
	*out = st;
	return 0;
fail:
	sqlite3_finalize(s);
	store_close(st);
	return -1;
}

int store_open(struct store **out, const char *path)
{
	return store_open_flags(out, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

int store_open_existing(struct store **out, const char *path)
{
	struct stat sbuf;

	*out = NULL;
	if (stat(path, &sbuf) < 0)
		return error("cannot open database '%s': %s", path, strerror(errno));
	return store_open_flags(out, path, SQLITE_OPEN_READONLY);
}

void store_close(struct store *st)
{
	size_t i;

	if (!st)
		return;
	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	free(st->path);
	free(st);
}

int store_begin(struct store *st)
{
	return exec_sql(st, "BEGIN IMMEDIATE");
}

int store_commit(struct store *st)
{
	return exec_sql(st, "COMMIT");
}

int store_rollback(struct store *st)
{
	return exec_sql(st, "ROLLBACK");
}

/*==== Dates ====*/

static int days_in(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* First (hi == 0) or last day covered by 'dt', into buf[11]; NULL if none. */
static const char *day_bound(const struct date *dt, int hi, char *buf)
{
	int m, d;

	if (!dt->y)
		return NULL;
	m = dt->m ? dt->m : hi ? 12 : 1;
	d = dt->d ? dt->d : hi ? days_in(dt->y, m) : 1;
	snprintf(buf, 11, "%04d-%02d-%02d", dt->y, m, d);
	return buf;
}

/*==== Writing ====*/

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void article_hash(const struct article *a, const struct triple *v, size_t n,
			 char *buf /* 32 bytes */)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	if (a->text && a->text_len) {
		h = fnv1a(h, a->text, a->text_len);
	} else {
		struct strbuf sb = STRBUF_INIT;
		for (i = 0; i < n; i++) {
			sb_reset(&sb);
			triple_to_json(&v[i], &sb);
			sb_addc(&sb, '\n');
			h = fnv1a(h, sb.buf, sb.len);
		}
		sb_release(&sb);
	}
	snprintf(buf, 32, "fnv1a64:%016llx", (unsigned long long)h);
}

static int row_exists(struct store *st, enum stmt_id id, const char *val)
{
	sqlite3_stmt *s = stmt_get(st, id);
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, val);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		return db_error(st, "cannot read");
	return 0;
}

/* The id of the actor with merge key 'key', 0 if none, -1 on error. */
static long long actor_by_key(struct store *st, const char *key)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_BY_KEY);
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return sqlite3_column_int64(s, 0);
	return rc == SQLITE_DONE ? 0 : db_error(st, "cannot read actors");
}

/* The only actor of type 'type' with an alias folding to 'folded'. */
static long long actor_by_alias(struct store *st, const char *folded, enum actor_type type)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_BY_ALIAS);
	long long id = 0;
	int rc, n = 0;

	if (!s)
		return -1;
	bind_text(s, 1, folded);
	bind_text(s, 2, actor_type_name(type));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		n++;
	}
	if (rc != SQLITE_DONE)
		return db_error(st, "cannot read aliases");
	return n == 1 ? id : 0;
}

/* Persons whose surname is 'surname', split into full names (more than one
 * token: *pc) and the one-token node of that name (*pbare, 0 if none). */
struct surname_rows {
	struct merge_cand *c;
	size_t n, alloc;
	char **strs;		/* owned copies of the candidates' strings */
	size_t nstrs, strs_alloc;
	long long bare;		/* actor keyed "person:<surname>", or 0 */
	const char *bare_country, *bare_role;
};

static const char *keep_str(struct surname_rows *r, const unsigned char *s)
{
	if (!s)
		return NULL;
	ALLOC_GROW(r->strs, r->nstrs + 1, r->strs_alloc);
	return r->strs[r->nstrs++] = xstrdup((const char *)s);
}

static void surname_rows_release(struct surname_rows *r)
{
	size_t i;
	for (i = 0; i < r->nstrs; i++)
		free(r->strs[i]);
	free(r->strs);
	free(r->c);
	memset(r, 0, sizeof(*r));
}

static int persons_by_surname(struct store *st, const char *surname, struct surname_rows *r)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_BY_SURNAME);
	char *bare_key;
	int rc;

	if (!s)
		return -1;
	{
		struct strbuf sb = STRBUF_INIT;
		sb_addf(&sb, "person:%s", surname);
		bare_key = sb_detach(&sb);
	}
	bind_text(s, 1, surname);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		const char *key = (const char *)sqlite3_column_text(s, 1);
		const char *country = keep_str(r, sqlite3_column_text(s, 2));
		const char *role = keep_str(r, sqlite3_column_text(s, 3));

		if (key && !strcmp(key, bare_key)) {
			r->bare = id;
			r->bare_country = country;
			r->bare_role = role;
			continue;
		}
		ALLOC_GROW(r->c, r->n + 1, r->alloc);
		r->c[r->n].id = id;
		r->c[r->n].country = country;
		r->c[r->n].role = role;
		r->c[r->n].in_article = 0;
		r->n++;
	}
	free(bare_key);
	if (rc != SQLITE_DONE)
		return db_error(st, "cannot read actors");
	return 0;
}

static long long actor_insert(struct store *st, const struct mention *m, const char *key,
			      const char *surname)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_INS);

	if (!s)
		return -1;
	bind_text(s, 1, merge_name(m));
	bind_text(s, 2, key);
	bind_text(s, 3, actor_type_name(m->type));
	bind_text(s, 4, m->code);
	bind_text(s, 5, m->country);
	bind_text(s, 6, m->role);
	bind_text(s, 7, surname);
	if (stmt_done(st, s) < 0)
		return -1;
	return sqlite3_last_insert_rowid(st->db);
}

/* The one-token node 'id' turns out to be the person 'm' names in full. */
static int actor_rename(struct store *st, long long id, const struct mention *m,
			const char *key, const char *surname)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_RENAME);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, merge_name(m));
	bind_text(s, 3, key);
	bind_text(s, 4, surname);
	return stmt_done(st, s);
}

/* Give the uncoded actor 'id' the code of 'm' and its key; 1 when done,
 * 0 when 'id' already has a code, -1 on error. */
static int actor_rekey(struct store *st, long long id, const struct mention *m,
		       const char *key)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_REKEY);
	struct strbuf prefix = STRBUF_INIT;
	int r;

	if (!s)
		return -1;
	sb_addf(&prefix, "%s:=", actor_type_name(m->type));
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, key);
	bind_text(s, 3, m->code);
	bind_text(s, 4, prefix.buf);
	r = stmt_done(st, s);
	sb_release(&prefix);
	if (r < 0)
		return -1;
	return sqlite3_changes(st->db) == 1;
}

/* Persons named in full in the same article (or by a surname that was
 * resolved to one of them). */
struct article_ctx {
	long long *ids;
	size_t n, alloc;
};

static int ctx_has(const struct article_ctx *ctx, long long id)
{
	size_t i;
	for (i = 0; i < ctx->n; i++)
		if (ctx->ids[i] == id)
			return 1;
	return 0;
}

/* Find or create the actor 'm' names (rules in merge.h). */
static long long resolve(struct store *st, const struct mention *m, struct article_ctx *ctx)
{
	char *key = merge_key(m), *folded = NULL, *surname = NULL;
	struct surname_rows rows;
	long long id = 0;
	size_t i;
	int named = 0;		/* 'm' names a person known by a full name */

	memset(&rows, 0, sizeof(rows));
	if (m->type == ACTOR_PERSON) {
		folded = merge_fold(merge_name(m));
		surname = merge_surname(folded);
		if (persons_by_surname(st, surname, &rows) < 0)
			goto fail;
		if (merge_tokens(folded) <= 1) {
			int pick;
			for (i = 0; i < rows.n; i++)
				rows.c[i].in_article = ctx_has(ctx, rows.c[i].id);
			pick = merge_pick(m, rows.c, rows.n);
			if (pick >= 0) {
				id = rows.c[pick].id;
				named = 1;	/* vouches for later bare names too */
				goto out;
			}
			if (rows.bare && merge_conflict(m, rows.bare_country, rows.bare_role)) {
				/* The one-token node of this name is someone else:
				 * this one is keyed by its country (or role) too. */
				struct strbuf sb = STRBUF_INIT;
				char *r = merge_fold(m->role);
				sb_addf(&sb, "%s|%s", key, m->country && *m->country ? m->country : r);
				free(r);
				free(key);
				key = sb_detach(&sb);
			}
		}
	}
	if ((id = actor_by_key(st, key)) != 0)
		goto out;
	if (m->type == ACTOR_COUNTRY) {
		/* Without a code: the only country known by that name. With
		 * one: such a country not yet coded takes the code. (Not for
		 * organisations: "the Finance Ministry" of one article is not
		 * the only one known by that name of another.) */
		char *f = merge_fold(merge_name(m));
		id = actor_by_alias(st, f, m->type);
		free(f);
		if (id < 0)
			goto fail;
		if (id && m->code && *m->code) {
			int r = actor_rekey(st, id, m, key);
			if (r < 0)
				goto fail;
			if (!r)
				id = 0;
		}
		if (id)
			goto out;
	}
	if (m->type == ACTOR_PERSON && merge_tokens(folded) > 1 && rows.bare &&
	    !merge_conflict(m, rows.bare_country, rows.bare_role)) {
		/* A one-token node of this surname and no other full name that
		 * could claim it: it was this person all along. */
		if (!rows.n) {
			id = rows.bare;
			if (actor_rename(st, id, m, key, surname) < 0)
				goto fail;
			goto out;
		}
	}
	id = actor_insert(st, m, key, m->type == ACTOR_PERSON ? surname : NULL);
	goto out;
fail:
	id = -1;
out:
	if (id > 0 && (named || (folded && merge_tokens(folded) > 1)) && !ctx_has(ctx, id)) {
		ALLOC_GROW(ctx->ids, ctx->n + 1, ctx->alloc);
		ctx->ids[ctx->n++] = id;
	}
	surname_rows_release(&rows);
	free(key);
	free(folded);
	free(surname);
	return id;
}

static int alias_add(struct store *st, long long actor, const char *text)
{
	sqlite3_stmt *s;
	char *f;
	int r;

	if (!text || !*text)
		return 0;
	if (!(s = stmt_get(st, S_ALIAS_ADD)))
		return -1;
	f = merge_fold(text);
	sqlite3_bind_int64(s, 1, actor);
	bind_text(s, 2, text);
	bind_text(s, 3, f);
	r = stmt_done(st, s);
	free(f);
	return r;
}

/* Record that 'actor' was named by 'm' on the days lo..hi. */
static int actor_seen(struct store *st, long long actor, const struct mention *m,
		      const char *lo, const char *hi)
{
	sqlite3_stmt *s = stmt_get(st, S_ACT_SEEN);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, actor);
	bind_text(s, 2, lo);
	bind_text(s, 3, hi);
	bind_text(s, 4, m->code && *m->code ? m->code : NULL);
	bind_text(s, 5, m->country && *m->country ? m->country : NULL);
	bind_text(s, 6, m->role && *m->role ? m->role : NULL);
	if (stmt_done(st, s) < 0)
		return -1;
	if (alias_add(st, actor, m->text) < 0)
		return -1;
	if (m->entity && (!m->text || strcmp(m->entity, m->text)) &&
	    alias_add(st, actor, m->entity) < 0)
		return -1;
	if (m->code && *m->code) {
		if (!(s = stmt_get(st, S_CODE_ADD)))
			return -1;
		sqlite3_bind_int64(s, 1, actor);
		bind_text(s, 2, m->code);
		bind_text(s, 3, lo);
		bind_text(s, 4, hi);
		if (stmt_done(st, s) < 0)
			return -1;
	}
	return 0;
}

static int mention_insert(struct store *st, long long rel, const char *article,
			  long long actor, const char *side, const struct mention *m)
{
	sqlite3_stmt *s = stmt_get(st, S_MEN_INS);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, rel);
	bind_text(s, 2, article);
	sqlite3_bind_int64(s, 3, actor);
	bind_text(s, 4, side);
	bind_text(s, 5, m->text ? m->text : "");
	bind_text(s, 6, m->entity);
	bind_text(s, 7, m->code);
	bind_text(s, 8, m->country);
	bind_text(s, 9, m->role);
	return stmt_done(st, s);
}

static char *args_json(const struct triple *t)
{
	cJSON *arr = cJSON_CreateArray();
	char *s;
	size_t i;

	for (i = 0; i < t->nargs; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "role", t->args[i].role ? t->args[i].role : "");
		cJSON_AddStringToObject(o, "text", t->args[i].text ? t->args[i].text : "");
		cJSON_AddItemToArray(arr, o);
	}
	s = cJSON_PrintUnformatted(arr);
	cJSON_Delete(arr);
	return s ? s : xstrdup("[]");
}

static const char *const date_source_names[] = { NULL, "text", "article" };

static int relation_add(struct store *st, const struct article *a, const struct triple *t,
			long long subj, long long obj)
{
	sqlite3_stmt *s = stmt_get(st, S_REL_INS);
	char d[11], de[11], lo[11], hi[11], *args;
	const struct date *end = t->date_end.y ? &t->date_end : &t->date;
	long long rel;
	int r;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, subj);
	sqlite3_bind_int64(s, 2, obj);
	bind_text(s, 3, t->rel_text ? t->rel_text : "");
	bind_text(s, 4, t->lemma ? t->lemma : "");
	bind_text(s, 5, t->event);
	bind_text(s, 6, t->cameo);
	if (t->quad)
		sqlite3_bind_int(s, 7, t->quad);
	bind_text(s, 8, t->mode);
	bind_text(s, 9, date_format(&t->date, d));
	bind_text(s, 10, date_format(&t->date_end, de));
	bind_text(s, 11, date_precision_name(&t->date));
	if ((unsigned)t->date_source < 3)
		bind_text(s, 12, date_source_names[t->date_source]);
	bind_text(s, 13, day_bound(&t->date, 0, lo));
	bind_text(s, 14, t->date.y ? day_bound(end, 1, hi) : NULL);
	bind_text(s, 15, a->id);
	sqlite3_bind_int(s, 16, t->sentence);
	bind_text(s, 17, t->evidence ? t->evidence : "");
	sqlite3_bind_int(s, 18, t->negated != 0);
	sqlite3_bind_double(s, 19, t->confidence);
	bind_text(s, 20, triple_arg(t, "location"));
	args = args_json(t);
	bind_text(s, 21, args);
	free(args);
	if (stmt_done(st, s) < 0)
		return -1;
	rel = sqlite3_last_insert_rowid(st->db);
	r = mention_insert(st, rel, a->id, subj, "subject", &t->subject);
	if (!r)
		r = mention_insert(st, rel, a->id, obj, "object", &t->object);
	return r;
}

static int article_insert(struct store *st, const struct article *a, const char *hash)
{
	sqlite3_stmt *s = stmt_get(st, S_ART_INS);

	if (!s)
		return -1;
	bind_text(s, 1, a->id);
	bind_text(s, 2, a->date);
	bind_text(s, 3, a->source);
	bind_text(s, 4, a->title);
	bind_text(s, 5, a->url);
	bind_text(s, 6, hash);
	return stmt_done(st, s);
}

/* One person mention that is a bare surname, resolved in the second pass
 * so that a full name later in the article can vouch for it. */
static int is_bare_person(const struct mention *m)
{
	char *f;
	int r;

	if (m->type != ACTOR_PERSON)
		return 0;
	f = merge_fold(merge_name(m));
	r = merge_tokens(f) <= 1;
	free(f);
	return r;
}

int store_add_article(struct store *st, const struct article *a,
		      const struct triple *v, size_t n)
{
	struct article_ctx ctx = { NULL, 0, 0 };
	long long *ids = NULL;	/* subject, object actor of each triple */
	char hash[32];
	size_t i;
	int pass, r;

	if (!a->id || !*a->id)
		return error("article without an id in '%s'", st->path);
	if ((r = row_exists(st, S_ART_BY_ID, a->id)) != 0)
		return r < 0 ? -1 : 0;
	article_hash(a, v, n, hash);
	if ((r = row_exists(st, S_ART_BY_HASH, hash)) != 0)
		return r < 0 ? -1 : 0;
	if (exec_sql(st, "SAVEPOINT store_article") < 0)
		return -1;
	if (article_insert(st, a, hash) < 0)
		goto fail;
	ids = xcalloc(2 * n + 1, sizeof(*ids));
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < 2 * n; i++) {
			const struct triple *t = &v[i / 2];
			const struct mention *m = i % 2 ? &t->object : &t->subject;
			char lo[11], hi[11];
			const char *plo, *phi;
			const struct date *end = t->date_end.y ? &t->date_end : &t->date;

			if (!*merge_name(&t->subject) || !*merge_name(&t->object))
				continue;	/* a relation needs two named sides */
			if (is_bare_person(m) != pass)
				continue;
			if ((ids[i] = resolve(st, m, &ctx)) < 0)
				goto fail;
			if (t->date.y) {
				plo = day_bound(&t->date, 0, lo);
				phi = day_bound(end, 1, hi);
			} else {
				plo = day_bound(&a->pub, 0, lo);
				phi = day_bound(&a->pub, 1, hi);
			}
			if (actor_seen(st, ids[i], m, plo, phi) < 0)
				goto fail;
		}
	}
	for (i = 0; i < n; i++)
		if (ids[2 * i] && ids[2 * i + 1] &&
		    relation_add(st, a, &v[i], ids[2 * i], ids[2 * i + 1]) < 0)
			goto fail;
	free(ids);
	free(ctx.ids);
	return exec_sql(st, "RELEASE store_article") < 0 ? -1 : 1;
fail:
	free(ids);
	free(ctx.ids);
	exec_sql(st, "ROLLBACK TO store_article");
	exec_sql(st, "RELEASE store_article");
	return -1;
}

/*==== Triples from JSON lines ====*/

static int add_run(struct store *st, const char *id, struct triple_list *l, size_t *padded)
{
	struct article a;
	int r;

	memset(&a, 0, sizeof(a));
	a.id = (char *)id;
	r = store_add_article(st, &a, l->v, l->n);
	if (r > 0 && padded)
		(*padded)++;
	triple_list_release(l);
	return r < 0 ? -1 : 0;
}

int store_add_triples_file(struct store *st, const char *path, size_t *padded)
{
	struct triple_list l = TRIPLE_LIST_INIT;
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL, *id = NULL;
	size_t cap = 0, ln = 0;
	ssize_t len;
	int ret = -1;

	if (padded)
		*padded = 0;
	if (!f)
		return error("cannot open '%s': %s", path, strerror(errno));
	if (store_begin(st) < 0)
		goto out;
	while ((len = getline(&line, &cap, f)) >= 0) {
		struct triple t;

		ln++;
		if (len > STORE_TRIPLE_LINE_MAX) {
			error("line %zu of '%s' is longer than %d bytes", ln, path,
			      STORE_TRIPLE_LINE_MAX);
			goto rollback;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		triple_init(&t);
		if (triple_from_json(line, &t) < 0) {
			error("cannot parse triple at line %zu of '%s'", ln, path);
			goto rollback;
		}
		if (!t.article)
			t.article = xstrdup("");
		if (id && strcmp(id, t.article)) {
			if (add_run(st, id, &l, padded) < 0) {
				triple_release(&t);
				goto rollback;
			}
			free(id);
			id = NULL;
		}
		if (!id)
			id = xstrdup(t.article);
		*triple_list_push(&l) = t;
	}
	if (ferror(f)) {
		error("cannot read '%s': %s", path, strerror(errno));
		goto rollback;
	}
	if (id && add_run(st, id, &l, padded) < 0)
		goto rollback;
	if (store_commit(st) < 0)
		goto rollback;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
	if (padded)
		*padded = 0;
out:
	triple_list_release(&l);
	free(id);
	free(line);
	if (f != stdin)
		fclose(f);
	return ret;
}

/*==== Reading ====*/

static char *col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Prepare a one-off statement; -1 with a message. */
static int prepare(struct store *st, const char *sql, sqlite3_stmt **ps)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, ps, NULL) != SQLITE_OK) {
		*ps = NULL;
		return db_error(st, "cannot prepare query");
	}
	return 0;
}

int store_actor_list(struct store *st, struct store_actor **pv, size_t *pn)
{
	sqlite3_stmt *s;
	struct store_actor *v = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	*pv = NULL;
	*pn = 0;
	if (prepare(st, "SELECT a.id, a.name, a.type, a.code, a.country, a.role, "
		    "a.first, a.last, (SELECT count(*) FROM relations r WHERE "
		    "r.subject = a.id OR r.object = a.id) FROM actors a ORDER BY a.id",
		    &s) < 0)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_actor *a;
		char *type;

		ALLOC_GROW(v, n + 1, alloc);
		a = &v[n++];
		a->id = sqlite3_column_int64(s, 0);
		a->name = col_str(s, 1);
		type = col_str(s, 2);
		a->type = actor_type_from_name(type);
		free(type);
		a->code = col_str(s, 3);
		a->country = col_str(s, 4);
		a->role = col_str(s, 5);
		a->first = col_str(s, 6);
		a->last = col_str(s, 7);
		a->nrel = (long)sqlite3_column_int64(s, 8);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_actor_free(v, n);
		return db_error(st, "cannot read actors");
	}
	*pv = v;
	*pn = n;
	return 0;
}

void store_actor_free(struct store_actor *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].code);
		free(v[i].country);
		free(v[i].role);
		free(v[i].first);
		free(v[i].last);
	}
	free(v);
}

static int id_query(struct store *st, const char *sql, const char *a1, const char *a2,
		    long long **pv, size_t *pn)
{
	sqlite3_stmt *s;
	long long *v = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	if (prepare(st, sql, &s) < 0)
		return -1;
	bind_text(s, 1, a1);
	bind_text(s, 2, a2);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, n + 1, alloc);
		v[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_error(st, "cannot read actors");
	}
	*pv = v;
	*pn = n;
	return 0;
}

int store_actor_find(struct store *st, const char *name, long long **pv, size_t *pn)
{
	char *f = merge_fold(name);
	int r;

	*pv = NULL;
	*pn = 0;
	r = id_query(st, "SELECT actor FROM aliases WHERE folded = ?1 "
		     "UNION SELECT id FROM actors WHERE code = ?2 ORDER BY 1",
		     f, name, pv, pn);
	if (!r && !*pn)
		r = id_query(st, "SELECT id FROM actors WHERE surname = ?1 "
			     "AND type = 'person' ORDER BY id", f, NULL, pv, pn);
	/* a name inside a longer phrase: "Benjamin Gantz" in "his Israeli
	 * counterpart Benjamin Gantz" (the phrases are the aliases) */
	if (!r && !*pn)
		r = id_query(st, "SELECT DISTINCT a.actor FROM aliases a JOIN actors b "
			     "ON b.id = a.actor WHERE b.type IN ('person', 'organization', 'country') "
			     "AND (' ' || a.folded || ' ') LIKE ('% ' || ?1 || ' %') ORDER BY 1",
			     f, NULL, pv, pn);
	free(f);
	return r;
}

int store_actor_counts(struct store *st, long long actor, enum store_count_kind kind,
		       struct store_count **pv, size_t *pn)
{
	static const char *const sql[] = {
		[STORE_ALIASES] = "SELECT text, count, NULL, NULL FROM aliases "
			"WHERE actor = ?1 ORDER BY count DESC, text",
		[STORE_CODES] = "SELECT code, count, first, last FROM actor_codes "
			"WHERE actor = ?1 ORDER BY first, code",
		[STORE_COUNTRIES] = "SELECT country, count(*), NULL, NULL FROM mentions "
			"WHERE actor = ?1 AND country IS NOT NULL GROUP BY country "
			"ORDER BY 2 DESC, 1",
		[STORE_PARTNERS] = "SELECT a.name, count(*), NULL, NULL FROM relations r "
			"JOIN actors a ON a.id = CASE WHEN r.subject = ?1 THEN r.object "
			"ELSE r.subject END WHERE (r.subject = ?1 OR r.object = ?1) "
			"AND r.subject != r.object GROUP BY a.id ORDER BY 2 DESC, 1 LIMIT 10",
	};
	sqlite3_stmt *s;
	struct store_count *v = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	*pv = NULL;
	*pn = 0;
	if ((unsigned)kind >= sizeof(sql) / sizeof(sql[0]))
		return error("unknown actor count kind %d", (int)kind);
	if (prepare(st, sql[kind], &s) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, actor);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, n + 1, alloc);
		v[n].text = col_str(s, 0);
		if (!v[n].text)
			v[n].text = xstrdup("");
		v[n].count = (long)sqlite3_column_int64(s, 1);
		v[n].first = col_str(s, 2);
		v[n].last = col_str(s, 3);
		n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_count_free(v, n);
		return db_error(st, "cannot read actor details");
	}
	*pv = v;
	*pn = n;
	return 0;
}

void store_count_free(struct store_count *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].first);
		free(v[i].last);
	}
	free(v);
}

/* "YYYY[-MM[-DD]]" -> its first or last day; -1 if not a date. */
static int filter_day(const char *s, int hi, char *buf)
{
	struct date d;

	if (date_parse(s, &d) < 0)
		return error("invalid date '%s' (want YYYY, YYYY-MM or YYYY-MM-DD)", s);
	day_bound(&d, hi, buf);
	return 0;
}

static char *ids_json(const long long *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	sb_addc(&sb, '[');
	for (i = 0; i < n; i++)
		sb_addf(&sb, "%s%lld", i ? "," : "", v[i]);
	sb_addc(&sb, ']');
	return sb_detach(&sb);
}

int store_relation_list(struct store *st, const struct store_filter *f,
			struct store_relation **pv, size_t *pn)
{
	static const char sql[] =
		"SELECT id, subject, object, text, lemma, event, cameo, mode, quad, "
		"date, date_end, precision, date_source, date_lo, date_hi, article, "
		"sentence, evidence, negated, confidence, location, args "
		"FROM relations WHERE (?1 IS NULL OR date_hi >= ?1) "
		"AND (?2 IS NULL OR date_lo <= ?2) AND (?3 IS NULL OR date_lo <= ?3) "
		"AND (?4 = 0 OR date_lo IS NOT NULL) AND (?5 IS NULL OR "
		"(subject IN (SELECT value FROM json_each(?5)) AND "
		" (?6 IS NULL OR object IN (SELECT value FROM json_each(?6)))) OR "
		"(object IN (SELECT value FROM json_each(?5)) AND "
		" (?6 IS NULL OR subject IN (SELECT value FROM json_each(?6))))) "
		"ORDER BY date_lo IS NULL, date_lo, id";
	static const struct store_filter none;
	char since[11], until[11], at[11], *ja = NULL, *jb = NULL;
	struct store_relation *v = NULL;
	size_t n = 0, alloc = 0;
	sqlite3_stmt *s = NULL;
	int rc, ret = -1;

	*pv = NULL;
	*pn = 0;
	if (!f)
		f = &none;
	if ((f->since && filter_day(f->since, 0, since) < 0) ||
	    (f->until && filter_day(f->until, 1, until) < 0) ||
	    (f->at && filter_day(f->at, 1, at) < 0))
		return -1;
	if (prepare(st, sql, &s) < 0)
		return -1;
	bind_text(s, 1, f->since ? since : NULL);
	bind_text(s, 2, f->until ? until : NULL);
	bind_text(s, 3, f->at ? at : NULL);
	sqlite3_bind_int(s, 4, f->dated_only != 0);
	if (f->actors_a) {
		ja = ids_json(f->actors_a, f->nactors_a);
		bind_text(s, 5, ja);
	}
	if (f->actors_b) {
		jb = ids_json(f->actors_b, f->nactors_b);
		bind_text(s, 6, jb);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_relation *r;

		ALLOC_GROW(v, n + 1, alloc);
		r = &v[n++];
		r->id = sqlite3_column_int64(s, 0);
		r->subject = sqlite3_column_int64(s, 1);
		r->object = sqlite3_column_int64(s, 2);
		r->text = col_str(s, 3);
		r->lemma = col_str(s, 4);
		r->event = col_str(s, 5);
		r->cameo = col_str(s, 6);
		r->mode = col_str(s, 7);
		r->quad = sqlite3_column_int(s, 8);
		r->date = col_str(s, 9);
		r->date_end = col_str(s, 10);
		r->precision = col_str(s, 11);
		r->date_source = col_str(s, 12);
		r->date_lo = col_str(s, 13);
		r->date_hi = col_str(s, 14);
		r->article = col_str(s, 15);
		r->sentence = sqlite3_column_int(s, 16);
		r->evidence = col_str(s, 17);
		r->negated = sqlite3_column_int(s, 18);
		r->confidence = sqlite3_column_double(s, 19);
		r->location = col_str(s, 20);
		r->args = col_str(s, 21);
	}
	if (rc != SQLITE_DONE) {
		db_error(st, "cannot read relations");
		store_relation_free(v, n);
		goto out;
	}
	*pv = v;
	*pn = n;
	ret = 0;
out:
	sqlite3_finalize(s);
	free(ja);
	free(jb);
	return ret;
}

void store_relation_free(struct store_relation *v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		struct store_relation *r = &v[i];
		free(r->text);
		free(r->lemma);
		free(r->event);
		free(r->cameo);
		free(r->mode);
		free(r->date);
		free(r->date_end);
		free(r->precision);
		free(r->date_source);
		free(r->date_lo);
		free(r->date_hi);
		free(r->article);
		free(r->evidence);
		free(r->location);
		free(r->args);
	}
	free(v);
}

/* Move everything of actor 'from' to actor 'into' and delete 'from'. */
static int actor_merge_into(struct store *st, long long from, long long into)
{
	static const enum stmt_id steps[] = {
		S_MV_SUBJ, S_MV_OBJ, S_MV_MEN, S_MV_ALIAS, S_DEL_ALIAS, S_MV_CODE,
		S_DEL_CODE, S_MV_DAYS, S_DEL_ACTOR
	};
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		sqlite3_stmt *s = stmt_get(st, steps[i]);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, from);
		if (sqlite3_bind_parameter_count(s) >= 2)
			sqlite3_bind_int64(s, 2, into);
		if (stmt_done(st, s) < 0)
			return -1;
	}
	return 0;
}

/* The one organisation keyed "organization:=<name>" (with or without
 * "|<country>"): its id, 0 when none or several, -1 on error. */
static long long org_named(struct store *st, const char *name)
{
	sqlite3_stmt *s = stmt_get(st, S_KEY_RANGE);
	struct strbuf lo = STRBUF_INIT, hi = STRBUF_INIT;
	long long id = 0;
	int rc, n = 0;

	if (!s)
		return -1;
	sb_addf(&lo, "organization:=%s", name);
	sb_addf(&hi, "organization:=%s}", name);	/* '}' follows '|' */
	bind_text(s, 1, lo.buf);
	bind_text(s, 2, hi.buf);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 1);
		/* "merrill lynch" or "merrill lynch|USA", not "merrill lynch
		 * capital markets" */
		if (!k || (k[lo.len] && k[lo.len] != '|'))
			continue;
		id = sqlite3_column_int64(s, 0);
		n++;
	}
	sqlite3_reset(s);
	sb_release(&lo);
	sb_release(&hi);
	if (rc != SQLITE_DONE)
		return db_error(st, "cannot read actors");
	return n == 1 ? id : 0;
}

int store_settle(struct store *st, long *pmerged)
{
	sqlite3_stmt *s;
	struct cand { long long id; char *name; } *v = NULL;
	size_t n = 0, alloc = 0, i;
	int rc, ret = 0;

	*pmerged = 0;
	if (!(s = stmt_get(st, S_FIRM_PERSONS)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ALLOC_GROW(v, n + 1, alloc);
		v[n].id = sqlite3_column_int64(s, 0);
		v[n].name = xstrdup((const char *)sqlite3_column_text(s, 1));
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		ret = db_error(st, "cannot read actors");
	for (i = 0; !ret && i < n; i++) {
		long long org = org_named(st, v[i].name);
		if (org < 0 || (org > 0 && actor_merge_into(st, v[i].id, org) < 0))
			ret = -1;
		else if (org > 0)
			(*pmerged)++;
	}
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	return ret;
}

int store_stats(struct store *st, struct store_stats *out)
{
	static const char sql[] = "SELECT (SELECT count(*) FROM articles), "
		"(SELECT count(*) FROM actors), (SELECT count(*) FROM relations), "
		"(SELECT count(*) FROM mentions), (SELECT count(*) FROM aliases)";
	sqlite3_stmt *s;
	int ret = -1;

	if (prepare(st, sql, &s) < 0)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->articles = (long)sqlite3_column_int64(s, 0);
		out->actors = (long)sqlite3_column_int64(s, 1);
		out->relations = (long)sqlite3_column_int64(s, 2);
		out->mentions = (long)sqlite3_column_int64(s, 3);
		out->aliases = (long)sqlite3_column_int64(s, 4);
		ret = 0;
	} else {
		db_error(st, "cannot count rows");
	}
	sqlite3_finalize(s);
	return ret;
}
