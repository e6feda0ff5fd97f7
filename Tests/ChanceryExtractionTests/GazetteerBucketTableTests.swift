import Testing
@testable import ChanceryExtraction

/// The flat bucket table answers exactly what the dictionary of buckets answers.
@Suite struct GazetteerBucketTableTests {
    @Test func everyBucketInOrder() {
        let index = GazetteerIndex.shared
        #expect(!index.buckets.isEmpty)
        for (key, ids) in index.buckets {
            var seen: [Int32] = []
            index.bucketTable.forEach(key) { seen.append($0) }
            #expect(seen == ids)
        }
    }

    @Test(arguments: [0, 1, 0x41, 0xFFFF_FFFF_FFFF_FFFF, 0x0430 | (0x0431 << 21)] as [UInt64])
    func absentKeys(_ key: UInt64) {
        let index = GazetteerIndex.shared
        var seen: [Int32] = []
        index.bucketTable.forEach(key) { seen.append($0) }
        #expect(seen == (index.buckets[key] ?? []))
    }

    @Test func smallTable() {
        let table = BucketTable([7: [3, 1, 2], 23: [5], 39: []])
        var a: [Int32] = [], b: [Int32] = [], c: [Int32] = [], d: [Int32] = []
        table.forEach(7) { a.append($0) }
        table.forEach(23) { b.append($0) }
        table.forEach(39) { c.append($0) }
        table.forEach(8) { d.append($0) }
        #expect(a == [3, 1, 2] && b == [5] && c.isEmpty && d.isEmpty)
        BucketTable().forEach(7) { _ in Issue.record("an empty table has no bucket") }
    }
}
