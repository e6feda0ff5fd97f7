/// The store's schema as ordered migrations. Each runs once, in its own transaction, and is
/// recorded in `schema_migrations`; a shipped migration is never edited, only followed.
enum Schema {
    struct Migration {
        let version: Int
        let name: String
        let sql: String
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "articles and events", sql: """
        CREATE TABLE articles (
            n INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            bytes BLOB NOT NULL,
            language TEXT NOT NULL,
            published TEXT,
            ingested_at TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            stream TEXT NOT NULL,
            stream_version INTEGER NOT NULL,
            type TEXT NOT NULL,
            version INTEGER NOT NULL,
            occurred TEXT NOT NULL,
            occurred_until TEXT,
            recorded_at TEXT NOT NULL,
            payload TEXT NOT NULL,
            source TEXT NOT NULL,
            article TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            UNIQUE (stream, stream_version)
        );
        CREATE INDEX events_by_type ON events(type, seq);
        CREATE INDEX events_by_article ON events(article);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
        CREATE TRIGGER articles_no_update BEFORE UPDATE ON articles
            BEGIN SELECT RAISE(ABORT, 'articles are append-only: UPDATE refused'); END;
        CREATE TRIGGER articles_no_delete BEFORE DELETE ON articles
            BEGIN SELECT RAISE(ABORT, 'articles are append-only: DELETE refused'); END;
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """),
        Migration(version: 2, name: "projections", sql: """
        CREATE TABLE projection_state (
            projection TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (projection, key)
        ) WITHOUT ROWID;
        CREATE TABLE projection_checkpoints (projection TEXT PRIMARY KEY, seq INTEGER NOT NULL);
        """),
        // Reading one pair's events (history and state at a past seq) without scanning the others.
        Migration(version: 3, name: "events by stream", sql: """
        CREATE INDEX events_by_stream ON events(stream, seq);
        """),
    ]

    static var latestVersion: Int { migrations.last!.version }
}
