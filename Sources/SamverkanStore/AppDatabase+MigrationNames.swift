internal import GRDB

extension AppDatabase {
    /// The names of the SQLite schema's migrations, in the order they are applied (for
    /// `samverkan db status` and `db copy`, which compare them with what a database holds).
    public static var migrationNames: [String] { migrator.migrations }
}
