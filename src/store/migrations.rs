//! The delivery log's schema, as the steps that build it. `PRAGMA user_version` says how many have
//! run, so a newer hookctl opens a log made by an older one and brings it up to date.

/// Each step runs once, in order, inside a transaction. Never edit a released step: add one.
pub const STEPS: &[&str] = &[
    // 1: the records.
    "CREATE TABLE deliveries (
        seq              INTEGER PRIMARY KEY AUTOINCREMENT,
        id               TEXT NOT NULL UNIQUE,
        created_at       TEXT NOT NULL,
        created_ms       INTEGER NOT NULL,
        source           TEXT NOT NULL,
        event_type       TEXT,
        provider         TEXT,
        target           TEXT NOT NULL,
        attempt          INTEGER NOT NULL,
        status           TEXT NOT NULL,
        duration_ms      REAL,
        error            TEXT,
        method           TEXT NOT NULL,
        url              TEXT NOT NULL,
        request_headers  TEXT NOT NULL,
        request_body     BLOB NOT NULL,
        response_status  INTEGER,
        response_headers TEXT,
        response_body    BLOB,
        replay_of        TEXT,
        tunnel           TEXT
    );",
    // 2: what `logs` filters on.
    "CREATE INDEX deliveries_created ON deliveries (created_ms);
     CREATE INDEX deliveries_status ON deliveries (status, created_ms);
     CREATE INDEX deliveries_event ON deliveries (event_type, created_ms);
     CREATE INDEX deliveries_source ON deliveries (source, created_ms);",
    // 3: a retry names its delivery's first attempt, so `logs stats` counts deliveries.
    "ALTER TABLE deliveries ADD COLUMN retry_of TEXT;",
    // 4: `listen` notes each forwarding attempt of a buffered delivery before it starts, so that
    // a redelivery after a kill tells the target may have it twice.
    "CREATE TABLE attempts (
        id      TEXT PRIMARY KEY,
        tries   INTEGER NOT NULL,
        last_ms INTEGER NOT NULL
    ) WITHOUT ROWID;",
];
