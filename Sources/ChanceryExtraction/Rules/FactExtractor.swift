/// Runs the rule sets over an article. (Placeholder: no rules yet.)
public enum FactExtractor {
    public static func extract(_ article: Article) -> [Candidate] { [] }
}
