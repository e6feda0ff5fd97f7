import Testing
@Test func placeholderChanceryExtractionTests() { #expect(Bool(true)) }
