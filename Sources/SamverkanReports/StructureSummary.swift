import SamverkanDomain

/// One structure as `samverkan structures --format json` prints it.
///
/// This is a documented, stable format (see README, "structures JSON"): fields are only ever
/// added. Keys with no value are left out.
public struct StructureSummary: Codable, Sendable, Equatable {
    public struct Reference: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    public struct Member: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
        /// `region`, `municipality` or `other`.
        public var principal: String
        /// For care centres: `regional` or `private`.
        public var `operator`: String?
        public var provider: String?
        public var illustrative: Bool?
    }

    public struct Participant: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var role: String?
        public var organisation: String
        public var email: String?
    }

    public struct FrequencySummary: Codable, Sendable, Equatable {
        /// `weekly`, `monthly`, `months`, `dates` or `rrule`.
        public var type: String
        /// The RRULE libical expands (absent for `dates`).
        public var rrule: String?
        /// The decided dates (only for `dates`).
        public var dates: [String]?
        /// In words, in the requested language.
        public var text: String
    }

    public struct Agenda: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var focusAreas: [Int]
        public var grantPoints: [Int]
    }

    public struct BreakSummary: Codable, Sendable, Equatable {
        public var name: String
        /// `MM-DD`.
        public var from: String
        /// `MM-DD`.
        public var to: String
    }

    public struct Activity: Codable, Sendable, Equatable {
        public var id: String
        public var activity: String
        public var responsible: String
        public var decidedBy: String?
        /// A date, `YYYY-MM`, a year, `ongoing` or `depends-on-national-work`.
        public var timePlan: String
        /// `not-started`, `started`, `partly` or `done`.
        public var status: String
        public var followUp: String?
    }

    public var id: String
    public var name: String
    public var kind: String
    public var generated: Bool
    public var municipality: String?
    public var careCentre: String?
    public var members: [Member]
    public var participants: [Participant]
    public var chair: Reference?
    public var secretary: Reference?
    public var frequency: FrequencySummary
    public var starts: String
    public var until: String?
    public var time: String
    public var durationMinutes: Int
    public var timeZone: String
    public var place: String?
    public var videoLink: String?
    public var standingAgenda: [Agenda]
    public var focusAreas: [Int]
    public var grantPoints: [Int]
    public var holidayPolicy: String
    public var breaks: [BreakSummary]
    public var activities: [Activity]
    /// The next planned meeting on or after today, ISO 8601 with offset.
    public var nextMeeting: String?
}

/// The whole `structures --format json` document.
public struct StructureListing: Codable, Sendable, Equatable {
    /// Rises only if a field changes meaning or is removed.
    public var schemaVersion: Int
    public var region: StructureSummary.Reference
    public var structures: [StructureSummary]
}
