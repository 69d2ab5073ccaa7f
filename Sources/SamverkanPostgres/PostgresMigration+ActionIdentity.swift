extension PostgresMigration {
    /// `v9-action-identity`: corrections keep what they correct, as SQLite's namesake.
    ///
    /// - `action_items.continues_id`: the number (`#N`) an action item of a correction keeps.
    /// - `minutes_chain`: one row per record of a correction chain, with its root and whether it
    ///   is `superseded`. The record that counts is the latest approved record of its chain, or
    ///   the latest record when none is approved. The trigger keeps the table right on every
    ///   insert, approval and delete of minutes, whatever program writes.
    ///
    /// SQLite's namesake also fills in the chains and action numbers of corrections made before
    /// it; a PostgreSQL database holding corrections at `v8-feeds` is refused instead (copy it
    /// again from the SQLite file, which carries them).
    static let actionIdentity = PostgresMigration(
        name: "v9-action-identity",
        statements: [
            """
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM minutes WHERE amends_id IS NOT NULL) THEN
                    RAISE EXCEPTION 'corrected minutes without a correction chain: copy the database again from SQLite';
                END IF;
            END $$
            """,
            "ALTER TABLE action_items ADD COLUMN continues_id BIGINT \(references("action_items(id)"))",
            "CREATE INDEX action_items_continues ON action_items(continues_id) WHERE continues_id IS NOT NULL",
            """
            CREATE TABLE minutes_chain (
                minutes_id BIGINT PRIMARY KEY \(references("minutes(id)", cascade: true)),
                root_id BIGINT NOT NULL,
                superseded BIGINT NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))
            )
            """,
            "CREATE INDEX minutes_chain_root ON minutes_chain(root_id)",
            // Every record of the chain with root `root` is superseded but the one that counts:
            // approved before not approved, then the latest (SQLite's `ORDER BY approved_at IS NULL, id DESC`).
            """
            CREATE FUNCTION samverkan_recompute_chain(root BIGINT) RETURNS void LANGUAGE sql AS $$
                UPDATE minutes_chain SET superseded = CASE WHEN minutes_chain.minutes_id IS DISTINCT FROM (
                    SELECT c.minutes_id FROM minutes_chain c JOIN minutes x ON x.id = c.minutes_id
                    WHERE c.root_id = minutes_chain.root_id ORDER BY x.approved_at IS NULL, x.id DESC LIMIT 1) THEN 1 ELSE 0 END
                WHERE root_id = root
            $$
            """,
            """
            CREATE FUNCTION samverkan_minutes_chain() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO minutes_chain (minutes_id, root_id) VALUES (NEW.amends_id, NEW.amends_id)
                        ON CONFLICT (minutes_id) DO NOTHING;
                    INSERT INTO minutes_chain (minutes_id, root_id)
                        VALUES (NEW.id, (SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.amends_id))
                        ON CONFLICT (minutes_id) DO UPDATE SET root_id = EXCLUDED.root_id, superseded = 0;
                    PERFORM samverkan_recompute_chain((SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.id));
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM samverkan_recompute_chain((SELECT root_id FROM minutes_chain WHERE minutes_id = NEW.id));
                ELSE
                    DELETE FROM minutes_chain WHERE minutes_id = OLD.id;
                    PERFORM samverkan_recompute_chain((SELECT root_id FROM minutes_chain WHERE minutes_id = OLD.amends_id));
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER minutes_chain_insert AFTER INSERT ON minutes
            FOR EACH ROW WHEN (NEW.amends_id IS NOT NULL) EXECUTE FUNCTION samverkan_minutes_chain()
            """,
            """
            CREATE TRIGGER minutes_chain_approval AFTER UPDATE OF approved_at ON minutes
            FOR EACH ROW EXECUTE FUNCTION samverkan_minutes_chain()
            """,
            """
            CREATE TRIGGER minutes_chain_delete AFTER DELETE ON minutes
            FOR EACH ROW WHEN (OLD.amends_id IS NOT NULL) EXECUTE FUNCTION samverkan_minutes_chain()
            """,
        ])
}
