import Foundation

/// Monotonic time and the process's memory, for the measurements.
public enum Stopwatch {
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    public static func seconds(since t: UInt64) -> Double { Double(now() - t) / 1e9 }

    /// The process's CPU time (user and system, all threads), in nanoseconds.
    public static func cpuNow() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Wall and CPU time summed over many short intervals.
    public struct Accumulator {
        public private(set) var nanoseconds: UInt64 = 0
        public private(set) var cpuNanoseconds: UInt64 = 0
        private var cpuStart: UInt64 = 0
        public init() {}
        /// Starts an interval: returns the wall clock, notes the CPU clock.
        public mutating func start() -> UInt64 {
            cpuStart = Stopwatch.cpuNow()
            return Stopwatch.now()
        }
        public mutating func add(since t: UInt64) {
            nanoseconds += Stopwatch.now() - t
            if cpuStart > 0 { cpuNanoseconds += Stopwatch.cpuNow() - cpuStart }
        }
        public var seconds: Double { Double(nanoseconds) / 1e9 }
        public var cpuSeconds: Double { Double(cpuNanoseconds) / 1e9 }
    }

    /// Times `body`, in seconds.
    public static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t = now()
        let r = try body()
        return (r, seconds(since: t))
    }

    /// Times `body`: wall and CPU seconds.
    public static func time2<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
        let c = cpuNow(), t = now()
        let r = try body()
        return (r, seconds(since: t), Double(cpuNow() - c) / 1e9)
    }
}

public enum Memory {
    /// The process's own peak resident set since it started (or since `resetPeak`), in MiB:
    /// VmHWM, which begins anew at exec, unlike getrusage's `ru_maxrss`, which keeps the peak
    /// of the process before exec (under `swift run`, SwiftPM's own). getrusage off Linux.
    public static var ownPeakRSSMB: Double { status("VmHWM") ?? peakRSSMB }

    /// The process's peak resident set (getrusage's ru_maxrss), in MiB.
    public static var peakRSSMB: Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024
    }

    /// A field of /proc/self/status in MiB (VmRSS, VmHWM), or nil off Linux.
    public static func status(_ field: String) -> Double? {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in s.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return nil
    }

    /// Resets the kernel's peak-RSS mark (VmHWM) so a phase's own peak can be read.
    public static func resetPeak() {
        // Hand the previous phase's freed heap back first, so that it is not counted as this
        // phase's (glibc keeps freed pages otherwise).
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
        if let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            h.write("5".data(using: .utf8)!)
            try? h.close()
        }
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (not in the Glibc module map).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
