namespace EdgeAgent.Storage;

/// <summary>
/// The schema as ordered migration steps. A step once released is never edited: a change is a new step.
/// Times are Unix milliseconds (UTC).
/// </summary>
internal static class StoreSchema
{
    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<StoreMigration> Migrations { get; } =
    [
        new(1, "predictions, alerts, quality counters, model state", """
            CREATE TABLE predictions (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                time_ms       INTEGER NOT NULL,
                model_version TEXT    NOT NULL,
                window_id     INTEGER NOT NULL,
                score         REAL    NOT NULL,
                values_json   TEXT    NOT NULL,
                quality_flags INTEGER NOT NULL DEFAULT 0,
                thinned       INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_predictions_time ON predictions (time_ms);

            CREATE TABLE alerts (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                rule            TEXT    NOT NULL,
                severity        INTEGER NOT NULL,
                state           INTEGER NOT NULL CHECK (state IN (0, 1, 2)),
                text            TEXT    NOT NULL,
                raised_ms       INTEGER NOT NULL,
                acknowledged_ms INTEGER,
                cleared_ms      INTEGER
            );
            CREATE INDEX ix_alerts_state ON alerts (state, cleared_ms);

            CREATE TABLE quality_counters (
                channel    TEXT    NOT NULL,
                kind       TEXT    NOT NULL,
                count      INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL,
                PRIMARY KEY (channel, kind)
            ) WITHOUT ROWID;

            CREATE TABLE model_state (
                key        TEXT    NOT NULL PRIMARY KEY,
                value      TEXT    NOT NULL,
                version    INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "outbox with per-stream sequence numbers and a send state per row", """
            CREATE TABLE outbox_streams (
                stream   TEXT    NOT NULL PRIMARY KEY,
                last_seq INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                stream          TEXT    NOT NULL REFERENCES outbox_streams (stream),
                seq             INTEGER NOT NULL,
                payload         BLOB    NOT NULL,
                state           INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1)),
                send_count      INTEGER NOT NULL DEFAULT 0,
                created_ms      INTEGER NOT NULL,
                last_attempt_ms INTEGER,
                UNIQUE (stream, seq)
            );
            CREATE INDEX ix_outbox_state ON outbox (state, id);
            """),
    ];

    /// <summary>The version a store has once every step is applied.</summary>
    public static int LatestVersion => Migrations[^1].Version;
}
