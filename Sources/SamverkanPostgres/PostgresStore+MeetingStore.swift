public import SamverkanStore

/// The shared engine of the one store API.
extension PostgresStore: MeetingStore {}
