-- store.sql: the SQLite schema of an entente database (schema version 1).
-- graph/store.c carries the same text as a C string (test_store checks they
-- are equal) and runs it when it creates a new database, then sets
-- PRAGMA user_version = 1.  Dates are ISO 8601 strings: "YYYY", "YYYY-MM" or
-- "YYYY-MM-DD"; date_lo/date_hi are the first and last day they cover.

CREATE TABLE articles (
	id TEXT PRIMARY KEY,		-- article id as the reader gave it
	date TEXT,			-- publication date as given, or NULL
	source TEXT,
	title TEXT,
	url TEXT,
	hash TEXT NOT NULL UNIQUE	-- fnv1a64 of the text (or of the triples)
);

CREATE TABLE actors (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,		-- canonical name: "Benjamin Gantz", "Turkey"
	key TEXT NOT NULL UNIQUE,	-- merge key: "country:TUR", "person:benjamin gantz"
	type TEXT NOT NULL,		-- actor_type_name(): person, country, ...
	code TEXT,			-- first actor code seen (actor_codes has all)
	country TEXT,			-- ISO 3166-1 alpha-3, or NULL
	role TEXT,			-- first title seen, or NULL
	surname TEXT,			-- persons: folded last token of the name
	first TEXT,			-- first and last day the actor was seen
	last TEXT
);
CREATE INDEX actors_surname ON actors(surname);

CREATE TABLE actor_codes (		-- codes of an actor over time
	actor INTEGER NOT NULL REFERENCES actors(id),
	code TEXT NOT NULL,
	first TEXT,
	last TEXT,
	count INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (actor, code)
);

CREATE TABLE aliases (			-- every surface form and entity name
	actor INTEGER NOT NULL REFERENCES actors(id),
	text TEXT NOT NULL,
	folded TEXT NOT NULL,		-- lowercase, accents removed
	count INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (actor, text)
);
CREATE INDEX aliases_folded ON aliases(folded);

CREATE TABLE relations (
	id INTEGER PRIMARY KEY,
	subject INTEGER NOT NULL REFERENCES actors(id),
	object INTEGER NOT NULL REFERENCES actors(id),
	text TEXT NOT NULL,		-- relation as it stands: "met with"
	lemma TEXT NOT NULL,		-- "meet"
	event TEXT,			-- PLOVER event type or NULL
	cameo TEXT,
	quad INTEGER,
	mode TEXT,
	date TEXT,
	date_end TEXT,
	precision TEXT,			-- day, month, year or NULL
	date_source TEXT,		-- text, article or NULL
	date_lo TEXT,			-- first day covered by date
	date_hi TEXT,			-- last day covered by date_end (or date)
	article TEXT NOT NULL REFERENCES articles(id),
	sentence INTEGER NOT NULL,
	evidence TEXT NOT NULL,
	negated INTEGER NOT NULL DEFAULT 0,
	confidence REAL NOT NULL DEFAULT 0,
	location TEXT,			-- first argument with role "location"
	args TEXT NOT NULL DEFAULT '[]'	-- JSON array of {role, text}
);
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);
CREATE INDEX relations_date ON relations(date_lo);

CREATE TABLE mentions (			-- which relation mentioned which actor, how
	id INTEGER PRIMARY KEY,
	relation INTEGER NOT NULL REFERENCES relations(id),
	article TEXT NOT NULL REFERENCES articles(id),
	actor INTEGER NOT NULL REFERENCES actors(id),
	side TEXT NOT NULL,		-- subject or object
	text TEXT NOT NULL,
	entity TEXT,
	code TEXT,
	country TEXT,
	role TEXT
);
CREATE INDEX mentions_actor ON mentions(actor);
