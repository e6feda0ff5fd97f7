/// Decodes article bytes into text. (Placeholder: UTF-8 only; the reading work replaces it.)
public enum ArticleDecoder {
    public static func decode(_ bytes: [UInt8]) throws(ArticleError) -> String {
        if bytes.isEmpty { throw .empty }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw .invalidEncoding(offset: 0) }
        return s
    }
}
