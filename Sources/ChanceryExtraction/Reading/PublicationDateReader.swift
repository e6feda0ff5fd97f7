import ChanceryDomain
/// Reads the publication date from an article's date line. (Placeholder.)
public enum PublicationDateReader {
    public static func read(_ text: String, language: Language) -> FuzzyDate? { nil }
}
