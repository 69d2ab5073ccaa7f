extension LocalDate {
    /// Parses `YYYY-MM-DD` (the form SQLite and the configuration store), without allocating:
    /// a report reads hundreds of thousands of dates, and this is the overload a `String` takes.
    /// - Returns: nil unless the text is exactly ten characters of that form and a real day.
    public init?(iso text: String) {
        var text = text
        guard let (year, month, day) = text.withUTF8(Self.isoFields) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of `YYYY-MM-DD` bytes.
    package static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }
}
