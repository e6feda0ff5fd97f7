import Testing
@Test func placeholderChanceryProjectionsTests() { #expect(Bool(true)) }
