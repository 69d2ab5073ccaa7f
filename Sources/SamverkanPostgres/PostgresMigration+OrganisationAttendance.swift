extension PostgresMigration {
    /// `v11-organisation-attendance`: member organisations marked present without a configured
    /// person (`minutes_organisation_attendance`, with who came), read-only under approved
    /// minutes like every child table of minutes.
    ///
    /// The summary columns of `v3-report-summary` now count a present organisation row like a
    /// present person: the summary function reads both tables, and the new table has the same
    /// summary trigger as `minutes_attendance`. There is nothing to backfill.
    static let organisationAttendance = PostgresMigration(
        name: "v11-organisation-attendance",
        statements: [
            """
            CREATE TABLE minutes_organisation_attendance (
                minutes_id BIGINT NOT NULL \(references("minutes(id)", cascade: true)),
                position BIGINT NOT NULL,
                organisation_id TEXT NOT NULL,
                principal TEXT NOT NULL CHECK (principal IN ('region', 'municipality', 'other')),
                present BIGINT NOT NULL CHECK (present IN (0, 1)),
                attendee TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (minutes_id, organisation_id)
            )
            """,
            """
            CREATE TRIGGER minutes_organisation_attendance_approved_read_only BEFORE INSERT OR UPDATE OR DELETE
            ON minutes_organisation_attendance FOR EACH ROW EXECUTE FUNCTION samverkan_refuse_approved_child()
            """,
            """
            CREATE OR REPLACE FUNCTION samverkan_attendance_summary_of(target BIGINT) RETURNS void LANGUAGE sql AS $$
                WITH attending AS (
                    SELECT principal, organisation_id FROM minutes_attendance
                        WHERE minutes_id = target AND (present = 1 OR substitute <> '')
                    UNION ALL
                    SELECT principal, organisation_id FROM minutes_organisation_attendance
                        WHERE minutes_id = target AND present = 1)
                UPDATE minutes SET
                    present_sides = (
                        SELECT COALESCE(MAX(CASE WHEN principal = 'region' THEN 1 ELSE 0 END), 0)
                             + 2 * COALESCE(MAX(CASE WHEN principal = 'municipality' THEN 1 ELSE 0 END), 0)
                        FROM attending),
                    present_organisations = (
                        SELECT COALESCE(string_agg(organisation_id, chr(31) ORDER BY organisation_id COLLATE "C"), '')
                        FROM (SELECT DISTINCT organisation_id FROM attending) AS organisations)
                WHERE id = target
            $$
            """,
            """
            CREATE TRIGGER minutes_organisation_attendance_summary AFTER INSERT OR UPDATE OR DELETE
            ON minutes_organisation_attendance FOR EACH ROW EXECUTE FUNCTION minutes_attendance_summary()
            """,
        ])
}
