import Foundation

/// Why a path given to `ingest` yields no article.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case noArticles(directory: String)
    case unreadable(path: String, reason: String)
    case symlinkLoop(path: String)

    public var description: String {
        switch self {
        case .missing(let p): return "\(p): no such file or directory"
        case .noArticles(let d): return "\(d): directory holds no .txt article"
        case .unreadable(let p, let r): return "\(p): cannot read (\(r))"
        case .symlinkLoop(let p): return "\(p): symbolic link loop"
        }
    }
}

/// Turns the paths given to `ingest` into article files: files as given, directories
/// searched recursively for `*.txt`, all in sorted path order so that two runs over the
/// same files give the same log.
public enum ArticleFiles {
    /// The article files, or an error per path that gave none.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [InputError]) {
        var files = [String]()
        var errors = [InputError]()
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                if (try? fm.destinationOfSymbolicLink(atPath: p)) != nil {
                    errors.append(.symlinkLoop(path: p))
                } else {
                    errors.append(.missing(path: p))
                }
                continue
            }
            if isDir.boolValue {
                var found = [String]()
                var visited = Set<String>()
                walk(p, into: &found, visited: &visited)
                if found.isEmpty { errors.append(.noArticles(directory: p)) }
                files.append(contentsOf: found)
            } else {
                files.append(p)
            }
        }
        return (files.sorted(), errors)
    }

    private static func walk(_ dir: String, into out: inout [String], visited: inout Set<String>) {
        let real = (dir as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for n in names.sorted() where !n.hasPrefix(".") {
            let full = (dir as NSString).appendingPathComponent(n)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
            if isDir.boolValue { walk(full, into: &out, visited: &visited) }
            else if n.lowercased().hasSuffix(".txt") { out.append(full) }
        }
    }
}
