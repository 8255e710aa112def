-- 001: the first schema. {{id}} and {{blob}} are replaced per database
-- (store.go, dialect), so SQLite and PostgreSQL share every other word.

-- imports: one row per planmap import run.
CREATE TABLE imports (
	id {{id}},
	started TEXT NOT NULL,
	finished TEXT,
	planmap_version TEXT NOT NULL,
	options TEXT NOT NULL,
	roots TEXT NOT NULL,
	new_files INTEGER NOT NULL DEFAULT 0,
	changed_files INTEGER NOT NULL DEFAULT 0,
	unchanged_files INTEGER NOT NULL DEFAULT 0,
	missing_files INTEGER NOT NULL DEFAULT 0
);

-- documents: one reading of one content (hash) at one path by one planmap
-- version with one set of reading options. The path is part of it because
-- a document's name (from its path) is in its action IDs, and a manifest
-- names files by path. A reading is never updated.
CREATE TABLE documents (
	id {{id}},
	content_hash TEXT NOT NULL,
	path TEXT NOT NULL,
	reader TEXT NOT NULL,
	planmap_version TEXT NOT NULL,
	options TEXT NOT NULL,
	format TEXT NOT NULL,
	size BIGINT NOT NULL,
	pages INTEGER NOT NULL,
	title TEXT NOT NULL,
	status TEXT NOT NULL,
	error TEXT NOT NULL,
	warnings TEXT NOT NULL,
	metadata TEXT NOT NULL,
	plan TEXT,
	read_at TEXT NOT NULL,
	UNIQUE (content_hash, path, reader)
);

-- files: every path a document was seen at, its current content and
-- whether it has gone (missing). outcome holds what a file came to when
-- that is not a stored reading (unreadable, too large, timed out).
CREATE TABLE files (
	path TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	format TEXT NOT NULL,
	size BIGINT NOT NULL,
	version INTEGER NOT NULL,
	outcome TEXT,
	missing INTEGER NOT NULL DEFAULT 0,
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	import_id BIGINT NOT NULL,
	seq INTEGER NOT NULL
);
CREATE INDEX files_order ON files (import_id, seq);
CREATE INDEX files_content ON files (content_hash);

-- versions: each content a path has had; all but the newest are superseded.
CREATE TABLE versions (
	path TEXT NOT NULL,
	version INTEGER NOT NULL,
	content_hash TEXT NOT NULL,
	seen_at TEXT NOT NULL,
	superseded INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (path, version)
);

-- The plan of an ok reading, one row per record, for queries. The export
-- reads documents.plan, which holds the same records whole.
CREATE TABLE objectives (
	document_id BIGINT NOT NULL REFERENCES documents (id),
	position INTEGER NOT NULL,
	code TEXT NOT NULL,
	title TEXT NOT NULL,
	PRIMARY KEY (document_id, position)
);

CREATE TABLE actions (
	document_id BIGINT NOT NULL REFERENCES documents (id),
	position INTEGER NOT NULL,
	action_id TEXT NOT NULL,
	ref TEXT NOT NULL,
	objective_code TEXT NOT NULL,
	text TEXT NOT NULL,
	due TEXT NOT NULL,
	due_date TEXT NOT NULL,
	priority TEXT NOT NULL,
	status TEXT NOT NULL,
	leads TEXT NOT NULL,
	partners TEXT NOT NULL,
	page INTEGER NOT NULL,
	PRIMARY KEY (document_id, position)
);

CREATE TABLE milestones (
	document_id BIGINT NOT NULL REFERENCES documents (id),
	action_position INTEGER NOT NULL,
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	due TEXT NOT NULL,
	due_date TEXT NOT NULL,
	status TEXT NOT NULL,
	lead TEXT NOT NULL,
	page INTEGER NOT NULL,
	PRIMARY KEY (document_id, action_position, position)
);

CREATE TABLE organisations (
	document_id BIGINT NOT NULL REFERENCES documents (id),
	position INTEGER NOT NULL,
	canonical TEXT NOT NULL,
	kind TEXT NOT NULL,
	PRIMARY KEY (document_id, position)
);

CREATE TABLE organisation_aliases (
	document_id BIGINT NOT NULL,
	org_position INTEGER NOT NULL,
	alias TEXT NOT NULL,
	PRIMARY KEY (document_id, org_position, alias)
);

CREATE TABLE themes (
	document_id BIGINT NOT NULL REFERENCES documents (id),
	action_position INTEGER NOT NULL,
	theme TEXT NOT NULL,
	PRIMARY KEY (document_id, action_position, theme)
);

-- blobs: the bytes of each distinct queued document, by content.
CREATE TABLE blobs (
	content_hash TEXT PRIMARY KEY,
	data {{blob}} NOT NULL
);

-- queue: documents waiting for a worker (import --enqueue). A running job
-- whose lease (unix milliseconds, database clock) has passed is free again.
CREATE TABLE queue (
	id {{id}},
	content_hash TEXT NOT NULL,
	reader TEXT NOT NULL,
	path TEXT NOT NULL,
	format TEXT NOT NULL,
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	lease_until BIGINT NOT NULL DEFAULT 0,
	worker TEXT NOT NULL DEFAULT '',
	enqueued_at TEXT NOT NULL,
	UNIQUE (content_hash, path, reader)
);
CREATE INDEX queue_state ON queue (reader, state, id);
