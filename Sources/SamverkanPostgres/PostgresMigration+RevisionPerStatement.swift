extension PostgresMigration {
    /// `v13-pg-revision-per-statement` (PostgreSQL only; no SQLite namesake, no table or column
    /// changes): the meeting register's revision (`register_revision`, `v8-feeds`) grows once per
    /// statement that changes `meetings` or `meeting_decisions`, not once per row.
    ///
    /// Every row bumping the one revision row made a new version of it within the writing
    /// transaction, each found by walking the versions before it: deriving the national register
    /// (~180,000 meetings) in one transaction did not end within ten minutes; per statement it
    /// takes seconds. The revision still grows with every change (a statement that changes no
    /// row leaves it), which is all its readers (subscription feeds) ask of it.
    static let revisionPerStatement = PostgresMigration(
        name: "v13-pg-revision-per-statement",
        statements: [
            """
            CREATE FUNCTION samverkan_register_revision_per_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF EXISTS (SELECT 1 FROM changed_old) THEN
                        UPDATE register_revision SET revision = revision + 1 WHERE id = 1;
                    END IF;
                ELSIF EXISTS (SELECT 1 FROM changed_new) THEN
                    UPDATE register_revision SET revision = revision + 1 WHERE id = 1;
                END IF;
                RETURN NULL;
            END $$
            """
        ]
            + ["meetings", "meeting_decisions"].flatMap { table in
                [("INSERT", "NEW TABLE AS changed_new"), ("UPDATE", "NEW TABLE AS changed_new"), ("DELETE", "OLD TABLE AS changed_old")]
                    .flatMap { event, transition in
                        [
                            "DROP TRIGGER \(table)_\(event.lowercased())_revision ON \(table)",
                            """
                            CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                            REFERENCING \(transition) FOR EACH STATEMENT EXECUTE FUNCTION samverkan_register_revision_per_statement()
                            """,
                        ]
                    }
            }
            + ["DROP FUNCTION samverkan_register_revision()"])
}
