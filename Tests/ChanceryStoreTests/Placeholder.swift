import Testing
@Test func placeholderChanceryStoreTests() { #expect(Bool(true)) }
