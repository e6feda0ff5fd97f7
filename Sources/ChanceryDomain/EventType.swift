/// The type names of the export's `type` field.
public enum EventType: String, Sendable, CaseIterable, Hashable {
    case visitStarted = "VisitStarted"
    case talksHeld = "TalksHeld"
    case agreementSigned = "AgreementSigned"
    case tradeFigureReported = "TradeFigureReported"
    case eventCorroborated = "EventCorroborated"
    case eventRetracted = "EventRetracted"

    /// The four types that state a fact about a relationship (not bookkeeping).
    public static let domainTypes: [EventType] = [.visitStarted, .talksHeld, .agreementSigned, .tradeFigureReported]

    /// Whether this type states a fact (rather than corroborating or retracting one).
    public var isDomain: Bool { EventType.domainTypes.contains(self) }

    /// The payload schema version this build writes.
    public var currentVersion: Int { 1 }
}
