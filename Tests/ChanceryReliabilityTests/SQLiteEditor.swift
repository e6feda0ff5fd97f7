import Foundation

/// An attacker with the database file: a python3 process (its `sqlite3` module) that drops
/// the append-only triggers and edits rows, one JSON command per line on stdin, one JSON
/// answer per line on stdout. Kept outside the library on purpose: it goes around it.
final class SQLiteEditor {
    static var available: Bool { python != nil }
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = #"""
import json, sqlite3, sys

def flip_char(s, pos):
    if not s:
        return "x"
    i = pos % len(s)
    c = s[i]
    if c in "0123456789":
        n = str((int(c) + 1) % 10)
    elif c in "abcdef" and all(ch in "0123456789abcdef" for ch in s):
        n = "0123456789abcdef"[(int(c, 16) + 1) % 16]
    elif "a" <= c <= "y" or "A" <= c <= "Y":
        n = chr(ord(c) + 1)
    elif c in "zZ":
        n = chr(ord(c) - 25)
    else:
        n = "X" if c != "X" else "Y"
    return s[:i] + n + s[i + 1:]

def changed(column, value, pos):
    if value is None:
        return {"occurred_until": "2025-12-31", "published": "2025-01-01"}.get(column, "x")
    if isinstance(value, int):
        return value + (1 if column == "version" else 1000)
    if isinstance(value, bytes):
        if not value:
            return b"x"
        i = pos % len(value)
        return value[:i] + bytes([value[i] ^ 1]) + value[i + 1:]
    return flip_char(value, pos)

def row(db, table, key, v):
    cur = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", (v,))
    r = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], r)) if r else None

def insert(db, table, values):
    cols = list(values)
    db.execute(f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", [values[c] for c in cols])

def shift(db, table, key, start):
    db.execute(f"UPDATE {table} SET {key} = {key} + 1000000 WHERE {key} >= ?", (start,))
    db.execute(f"UPDATE {table} SET {key} = {key} - 999999 WHERE {key} >= 1000000")

def forge(table, r, pos):
    r = dict(r)
    if table == "events":
        r["id"] = flip_char(r["id"], pos)
        r["stream_version"] += 1000
    else:
        r["sha256"] = flip_char(r["sha256"], pos)
    return r

def handle(c):
    db = sqlite3.connect(c["db"], isolation_level=None)
    try:
        op, table, key = c["op"], c.get("table"), c.get("key")
        detail = ""
        if op != "sql":
            db.execute("BEGIN")
        if op == "drop_triggers":
            for t in ["events_no_update", "events_no_delete", "articles_no_update", "articles_no_delete"]:
                db.execute(f"DROP TRIGGER IF EXISTS {t}")
        elif op == "mutate":
            r = row(db, table, key, c["at"])
            old = r[c["column"]]
            new = c["value"] if "value" in c else changed(c["column"], old, c.get("pos", 0))
            if new == old:
                raise ValueError("no change")
            db.execute(f"UPDATE {table} SET {c['column']} = ? WHERE {key} = ?", (new, c["at"]))
            detail = f"{old!r:.40} -> {new!r:.40}"
        elif op == "delete":
            db.execute(f"DELETE FROM {table} WHERE {key} = ?", (c["at"],))
        elif op == "swap":
            a, b = c["a"], c["b"]
            db.execute(f"UPDATE {table} SET {key} = -1 WHERE {key} = ?", (a,))
            db.execute(f"UPDATE {table} SET {key} = ? WHERE {key} = ?", (a, b))
            db.execute(f"UPDATE {table} SET {key} = ? WHERE {key} = -1", (b,))
        elif op == "insert":
            r = forge(table, row(db, table, key, c["copy"]), c.get("pos", 0))
            shift(db, table, key, c["at"])
            r[key] = c["at"]
            insert(db, table, r)
        elif op == "sql":
            db.executescript(c["sql"])
        if db.in_transaction:
            db.execute("COMMIT")
        return {"ok": True, "detail": detail}
    except Exception as e:
        if db.in_transaction:
            db.execute("ROLLBACK")
        return {"ok": False, "error": str(e)}
    finally:
        db.close()

for line in sys.stdin:
    if not line.strip():
        continue
    print(json.dumps(handle(json.loads(line))), flush=True)
"""#

    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer = [UInt8]()

    init() throws {
        guard let python = Self.python else { throw Unavailable() }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    struct Unavailable: Error {}

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    struct Answer {
        var ok: Bool
        var text: String
    }

    /// Sends one command and waits for its answer.
    @discardableResult
    func send(_ command: [String: Any]) throws -> Answer {
        var data = try JSONSerialization.data(withJSONObject: command)
        data.append(0x0A)
        try input.fileHandleForWriting.write(contentsOf: data)
        while !buffer.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw Unavailable() }
            buffer.append(contentsOf: chunk)
        }
        let i = buffer.firstIndex(of: 0x0A)!
        let line = Data(buffer[..<i])
        buffer.removeSubrange(...i)
        let obj = try JSONSerialization.jsonObject(with: line) as? [String: Any] ?? [:]
        let ok = obj["ok"] as? Bool ?? false
        return Answer(ok: ok, text: (ok ? obj["detail"] : obj["error"]) as? String ?? "")
    }
}
