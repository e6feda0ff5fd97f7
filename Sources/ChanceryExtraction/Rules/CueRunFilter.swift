/// Which letters, and which pairs of letters, start a run of letters and digits in a
/// prepared `CueText`: a cue whose first letter (or first two) starts no run cannot occur
/// there, neither as a word prefix nor as a phrase at a word boundary, and is rejected
/// without a search. Letters and digits are hashed into 256 bits, so a set bit only says
/// "maybe".
struct CueRunFilter {
    private var singles: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pairs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// While building: whether the last scalar added is a letter or digit, and the first
    /// scalar of a run that has only that one so far.
    private var previousInRun = false
    private var runStart: UInt32?

    /// An empty filter, to build with `add`.
    init() {}

    /// The filter of prepared bytes (covered scalars in their prepared form only).
    init(prepared b: UnsafeBufferPointer<UInt8>) {
        CueScalars.table.withUnsafeBufferPointer { table in
            var i = 0
            while i < b.count {
                let (v, len) = CueRunFilter.decode(b, i)
                i += len
                add(v, inRun: Int(v) < CueScalars.limit && table[Int(v)] & CueScalars.letterOrNumberFlag != 0)
            }
        }
    }

    /// Adds the next scalar of the prepared text (`inRun`: it is a letter or a digit).
    @inline(__always)
    mutating func add(_ v: UInt32, inRun: Bool) {
        if let s = runStart {
            if inRun { CueRunFilter.set(&pairs, CueRunFilter.hash(s, v)) }
            runStart = nil
        }
        if inRun && !previousInRun {
            CueRunFilter.set(&singles, CueRunFilter.hash(v))
            runStart = v
        }
        previousInRun = inRun
    }

    /// What the filter tests of a cue: the hash of its first scalar when that is a letter
    /// or digit in prepared form, and the hash of its first two when the second is too.
    struct Key: Sendable {
        var first: UInt8?
        var pair: UInt8?

        /// The key of a cue (lower case; its dashes as they are or as spaces, the key is the
        /// same: neither is a letter or a digit).
        init(_ cue: UnsafeBufferPointer<UInt8>) {
            guard !cue.isEmpty else { return }
            let (c0, l0) = CueRunFilter.decode(cue, 0)
            guard CueRunFilter.qualifies(c0) else { return }
            first = CueRunFilter.hash(c0)
            guard l0 < cue.count else { return }
            let (c1, _) = CueRunFilter.decode(cue, l0)
            guard CueRunFilter.qualifies(c1) else { return }
            pair = CueRunFilter.hash(c0, c1)
        }
    }

    /// Whether a cue (lower case; its dashes as they are or as spaces, the answer is the
    /// same) may occur at a run start. Always true for a cue that does not start with a
    /// letter or digit in prepared form.
    func mayStart(_ cue: UnsafeBufferPointer<UInt8>) -> Bool { mayStart(Key(cue)) }

    /// `mayStart` for a cue's key.
    @inline(__always)
    func mayStart(_ key: Key) -> Bool {
        guard let f = key.first else { return true }
        if !CueRunFilter.test(singles, f) { return false }
        guard let p = key.pair else { return true }
        return CueRunFilter.test(pairs, p)
    }

    /// A letter or digit the prepared text can hold as it is.
    @inline(__always)
    private static func qualifies(_ v: UInt32) -> Bool {
        guard Int(v) < CueScalars.limit else { return false }
        let e = CueScalars.table[Int(v)]
        return e & CueScalars.letterOrNumberFlag != 0 && CueScalars.replaced(e & CueScalars.scalarMask) == v
    }

    @inline(__always)
    private static func hash(_ v: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: v ^ (v >> 8)) }

    @inline(__always)
    private static func hash(_ a: UInt32, _ b: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: (a &* 31) &+ b ^ (b >> 8)) }

    @inline(__always)
    private static func set(_ bits: inout (UInt64, UInt64, UInt64, UInt64), _ h: UInt8) {
        let m = UInt64(1) << UInt64(h & 63)
        switch h >> 6 {
        case 0: bits.0 |= m
        case 1: bits.1 |= m
        case 2: bits.2 |= m
        default: bits.3 |= m
        }
    }

    @inline(__always)
    private static func test(_ bits: (UInt64, UInt64, UInt64, UInt64), _ h: UInt8) -> Bool {
        let m = UInt64(1) << UInt64(h & 63)
        switch h >> 6 {
        case 0: return bits.0 & m != 0
        case 1: return bits.1 & m != 0
        case 2: return bits.2 & m != 0
        default: return bits.3 & m != 0
        }
    }

    /// The scalar at byte `i` of valid UTF-8 and its length.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, 1) }
        if c0 < 0xE0 { return (((c0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F), 2) }
        if c0 < 0xF0 { return (((c0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F), 3) }
        return (((c0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6) | (UInt32(b[i + 3]) & 0x3F), 4)
    }
}
