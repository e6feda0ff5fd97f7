import Testing
@Test func placeholderChanceryCoreTests() { #expect(Bool(true)) }
