/// The gazetteer's entry buckets in a flat open-addressing table: the same buckets as
/// `GazetteerIndex.buckets`, in the same order, looked up with a multiplicative hash and
/// no array copy (the scan looks up to three keys for every token).
struct BucketTable: Sendable {
    private var keys: [UInt64] = []
    /// For each slot, its bucket's range in `pool` (empty slot: `lo == -1`).
    private var lo: [Int32] = []
    private var hi: [Int32] = []
    private var pool: [Int32] = []
    private var mask = 0

    init() {}

    /// The table of `buckets`.
    init(_ buckets: [UInt64: [Int32]]) {
        var size = 16
        while size < buckets.count * 2 { size *= 2 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        lo = [Int32](repeating: -1, count: size)
        hi = [Int32](repeating: -1, count: size)
        for (key, ids) in buckets {
            var s = BucketTable.slot(key, mask)
            while lo[s] >= 0 { s = (s + 1) & mask }
            keys[s] = key
            lo[s] = Int32(pool.count)
            pool += ids
            hi[s] = Int32(pool.count)
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Calls `body` with each entry id of `key`'s bucket, in order.
    @inline(__always)
    func forEach(_ key: UInt64, _ body: (Int32) -> Void) {
        guard mask > 0 else { return }
        var s = BucketTable.slot(key, mask)
        while lo[s] >= 0 {
            if keys[s] == key {
                for k in Int(lo[s])..<Int(hi[s]) { body(pool[k]) }
                return
            }
            s = (s + 1) & mask
        }
    }
}
