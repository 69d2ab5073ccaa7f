extension PostgresMigration {
    /// `v10-signatures`: each signatory's signature of minutes on its own row, so minutes can be
    /// partly signed. Approvals made before it become one signature per approver (each name
    /// once, in the order given) on the day of approval, as in SQLite's namesake. Signatures are
    /// never changed, and those of approved minutes are read-only like the minutes themselves.
    static let signatures = PostgresMigration(
        name: "v10-signatures",
        statements: [
            """
            CREATE TABLE minutes_signatures (
                minutes_id BIGINT NOT NULL \(references("minutes(id)", cascade: true)),
                position BIGINT NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL CHECK (name <> ''),
                signed_on TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (minutes_id, position),
                UNIQUE (minutes_id, name)
            )
            """,
            // `approved_by` holds one name a line; the position is the line's among the non-empty ones.
            """
            INSERT INTO minutes_signatures (minutes_id, position, name, signed_on, recorded_at)
            SELECT id, position, name, approved_on, approved_at FROM (
                SELECT m.id, m.approved_on, m.approved_at, line.name,
                       row_number() OVER (PARTITION BY m.id ORDER BY line.n) - 1 AS position,
                       row_number() OVER (PARTITION BY m.id, line.name ORDER BY line.n) AS occurrence
                FROM minutes m, regexp_split_to_table(m.approved_by, chr(10)) WITH ORDINALITY AS line(name, n)
                WHERE m.approved_at IS NOT NULL AND line.name <> ''
            ) AS lines
            WHERE occurrence = 1
            """,
            "CREATE INDEX minutes_signatures_minutes ON minutes_signatures(minutes_id)",
            """
            CREATE FUNCTION samverkan_refuse_signature_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'signatures are never changed' USING ERRCODE = 'integrity_constraint_violation';
            END $$
            """,
            """
            CREATE TRIGGER minutes_signatures_no_update BEFORE UPDATE ON minutes_signatures
            FOR EACH ROW EXECUTE FUNCTION samverkan_refuse_signature_change()
            """,
            """
            CREATE TRIGGER minutes_signatures_approved_read_only BEFORE INSERT OR DELETE ON minutes_signatures
            FOR EACH ROW EXECUTE FUNCTION samverkan_refuse_approved_child()
            """,
        ])
}
