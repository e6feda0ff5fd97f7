import Testing
@Test func placeholderChanceryCLITests() { #expect(Bool(true)) }
