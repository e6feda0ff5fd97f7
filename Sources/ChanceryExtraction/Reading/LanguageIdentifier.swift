/// Identifies the language of a text. (Placeholder; the reading work replaces it.)
public enum LanguageIdentifier {
    public static func identify(_ text: String) -> Language? {
        let kk = text.unicodeScalars.filter { "әғқңөұүһі".unicodeScalars.contains($0) }.count
        let cyr = text.unicodeScalars.filter { (0x400...0x4FF).contains($0.value) }.count
        let lat = text.unicodeScalars.filter { ("a"..."z").contains(Character($0)) }.count
        if kk > 3 { return .kk }
        if cyr > lat { return .ru }
        if lat > 0 { return .en }
        return nil
    }
    public static func describe(_ text: String) -> String { "not Kazakh, Russian or English" }
}
