import Testing
@Test func placeholderChanceryDomainTests() { #expect(Bool(true)) }
