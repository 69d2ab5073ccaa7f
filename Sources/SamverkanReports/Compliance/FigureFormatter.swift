/// How report figures are written: percentages with one decimal, days with at most one, with a
/// decimal comma (Swedish) or point.
public struct FigureFormatter: Sendable, Hashable {
    /// Whether to write `83,3` (Swedish Excel) rather than `83.3`.
    public var decimalComma: Bool
    /// What an undefined figure (nothing to divide by) is written as.
    public var none: String

    public init(decimalComma: Bool, none: String = "–") {
        self.decimalComma = decimalComma
        self.none = none
    }

    /// A share 0…1 as a percentage with one decimal, e.g. `83,3`; ``none`` for nil.
    public func percent(_ share: Double?) -> String {
        guard let share else { return none }
        return decimal(share * 100, places: 1)
    }

    /// A number with one decimal when it has one (`7`, `7,5`); ``none`` for nil.
    public func days(_ value: Double?) -> String {
        guard let value else { return none }
        return value == value.rounded() ? String(Int(value)) : decimal(value, places: 1)
    }

    /// A value rounded half away from zero to `places` decimals, always written with them.
    public func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = String(abs(scaled) / scale)
        let fraction = String(abs(scaled) % scale)
        let text =
            places == 0 ? whole : whole + (decimalComma ? "," : ".") + String(repeating: "0", count: places - fraction.count) + fraction
        return scaled < 0 ? "-" + text : text
    }

    /// A share rounded to four decimals, as JSON carries it.
    public static func rounded(_ share: Double?) -> Double? {
        share.map { ($0 * 10_000).rounded() / 10_000 }
    }
}
