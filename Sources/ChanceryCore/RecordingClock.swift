import Foundation

/// The time of recording (transaction time): `SOURCE_DATE_EPOCH` when set, so that two
/// runs over the same files give byte-identical logs, else the system clock.
public enum RecordingClock {
    /// Now, or the epoch in `SOURCE_DATE_EPOCH`, as RFC 3339 UTC (`2026-01-01T00:00:00Z`).
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let s = environment["SOURCE_DATE_EPOCH"], let secs = Int64(s.trimmingCharacters(in: .whitespaces)) {
            return format(Date(timeIntervalSince1970: TimeInterval(secs)))
        }
        return format(Date())
    }

    /// RFC 3339 UTC with whole seconds.
    public static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
