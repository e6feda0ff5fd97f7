/// `FactExtractor.isCurrency` for covered text (see `CueText.covered`), on scalars: there
/// each character is one scalar and `CueScalars` lower-cases it, so the twelve characters
/// after and before a mention are twelve scalars.
enum CurrencyWords {
    static let after: [[UInt32]] = ["доллар", "dollar", "$"].map(scalars)
    static let before: [[UInt32]] = ["долларов", "доллара", "доллар"].map(scalars)

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Whether the mention at `range` names a currency's country: "доллар…", "dollar…" or
    /// "$" right after it, "… долларов/доллара/доллар" right before it.
    static func isCurrency(_ range: Range<String.Index>, in text: String) -> Bool {
        let us = text.unicodeScalars
        // After: twelve characters, leading spaces dropped, lower-cased.
        var next = [UInt32]()
        next.reserveCapacity(12)
        var i = range.upperBound
        while i < us.endIndex && next.count < 12 {
            next.append(CueScalars.lowered(covered: us[i].value))
            us.formIndex(after: &i)
        }
        let lead = next.prefix { $0 == 0x20 || $0 == 0xA0 }.count
        let rest = next[lead...]
        for a in after where rest.starts(with: a) { return true }
        // Before: twelve characters, trailing spaces dropped, lower-cased.
        var prev = [UInt32]()
        prev.reserveCapacity(12)
        var j = range.lowerBound
        while j > us.startIndex && prev.count < 12 {
            us.formIndex(before: &j)
            prev.append(CueScalars.lowered(covered: us[j].value))
        }
        // `prev` is reversed: its trailing spaces come first.
        let trail = prev.prefix { $0 == 0x20 || $0 == 0xA0 }.count
        let reversedRest = prev[trail...]
        for b in before where reversedRest.starts(with: b.reversed()) { return true }
        return false
    }
}
