public import SamverkanDomain

extension Occurrence.Reason {
    /// The reason in words, e.g. "Midsommarafton" or "Sommaruppehåll".
    public func text(_ phrases: Phrasebook) -> String {
        switch self {
        case .holiday(let kind): return phrases.text("holiday.\(kind.rawValue)")
        case .breakPeriod(let name): return name
        case .weekend: return phrases.text("holiday.weekend")
        }
    }
}
