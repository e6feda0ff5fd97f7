/// The scalars `CueText` prepares byte by byte: for each, its lower-case form (the prepared
/// form is that with `ё` → `е`, `’` → `'`, `-` → space) and whether it is a letter and
/// whether its prepared form belongs to a word.
///
/// The table is built from the standard library's own answers (`String.lowercased()`,
/// `Character.isLetter`, `Character.isNumber`), so that the byte-level preparation gives
/// exactly what the character-level one gives. It covers only scalars for which that is
/// certain: Latin up to Latin Extended-B, Cyrillic without its combining marks, and the
/// usual punctuation, spaces and currency signs; none of them joins a neighbour into one
/// `Character` (only CR LF does, which `CueText` checks itself), none has a canonical
/// equivalent spelled otherwise, and each lower-cases to one covered scalar. Text with any
/// other scalar takes the character-level path.
enum CueScalars {
    /// Scalars below this are looked up in `table`; the others are not covered.
    static let limit = 0x2200

    /// Set for a covered scalar.
    static let covered: UInt32 = 1 << 31
    /// Set when the prepared scalar is a letter, a digit or `'` (it belongs to a word).
    static let wordFlag: UInt32 = 1 << 30
    /// Set when the prepared scalar is a letter or a digit.
    static let letterOrNumberFlag: UInt32 = 1 << 29
    /// Set when the scalar itself (as a `Character`) is a letter.
    static let letterFlag: UInt32 = 1 << 28
    /// The lower-case scalar's value.
    static let scalarMask: UInt32 = 0x1F_FFFF

    /// One entry per scalar below `limit`: 0 when not covered, else `covered`, the flags
    /// and the lower-case scalar.
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: limit)
        for v in 0..<UInt32(limit) {
            if let e = entry(v) { t[Int(v)] = e }
        }
        return t
    }()

    /// Whether `v` is in the blocks the table may cover.
    static func inCoveredBlocks(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x24F, 0x400...0x482, 0x48A...0x4FF, 0x2002...0x200B, 0x2010...0x2027, 0x202F...0x205E,
             0x20A0...0x20C0, 0x2116, 0x2122:
            return true
        default:
            return false
        }
    }

    /// The prepared form of one scalar after lower-casing.
    static func replaced(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x451: return 0x435      // ё → е
        case 0x2019: return 0x27      // ’ → '
        case 0x2D: return 0x20        // - → space
        default: return v
        }
    }

    /// The table entry of `v`, or `nil` when the byte-level preparation cannot be sure to
    /// give what the character-level one gives.
    static func entry(_ v: UInt32) -> UInt32? {
        guard inCoveredBlocks(v), let s = Unicode.Scalar(v) else { return nil }
        let lowered = Array(String(s).lowercased().unicodeScalars)
        guard lowered.count == 1, inCoveredBlocks(lowered[0].value) else { return nil }
        let f = replaced(lowered[0].value)
        guard let fs = Unicode.Scalar(f) else { return nil }
        // The prepared form prepares to itself (a window of words is prepared again).
        let again = Array(String(fs).lowercased().unicodeScalars)
        guard again.count == 1, replaced(again[0].value) == f else { return nil }
        let ch = Character(fs)
        var e = covered | lowered[0].value
        if ch.isLetter || ch.isNumber { e |= letterOrNumberFlag | wordFlag }
        if ch == "'" { e |= wordFlag }
        if Character(s).isLetter { e |= letterFlag }
        return e
    }

    /// The entry of a scalar of covered text (0 for any other).
    @inline(__always)
    static func entry(covered v: UInt32) -> UInt32 {
        Int(v) < limit ? table[Int(v)] : 0
    }

    /// Whether the scalar of covered text is a letter (`Character.isLetter`).
    @inline(__always)
    static func isLetter(covered v: UInt32) -> Bool {
        entry(covered: v) & letterFlag != 0
    }

    /// The lower-case form of a scalar of covered text (`String.lowercased()`, one scalar).
    @inline(__always)
    static func lowered(covered v: UInt32) -> UInt32 {
        entry(covered: v) & scalarMask
    }

    /// Whether a covered scalar is in `CharacterSet.whitespaces` (space separators, tab and,
    /// in Foundation's set, the zero-width space).
    @inline(__always)
    static func isTrimmedSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0xA0 || (v >= 0x2002 && v <= 0x200B) || v == 0x202F || v == 0x205F
    }
}
