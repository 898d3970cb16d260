import Foundation
import Prompting

/// The date written into DICOM files. Never the clock, so rebuilds give identical bytes:
/// `SOURCE_DATE_EPOCH` when set (reproducible-builds convention), else the prompt's `date`,
/// else 2000-01-01.
struct StudyDate: Codable, Sendable, Hashable {
    /// `YYYYMMDD`
    var date: String
    /// `HHMMSS`
    var time: String

    static let fallback = StudyDate(date: "20000101", time: "000000")

    static func resolve(for spec: PromptSpec, environment: [String: String] = ProcessInfo.processInfo.environment) -> StudyDate {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }), epoch >= 0 {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(epoch)))
            return StudyDate(date: String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!),
                             time: String(format: "%02d%02d%02d", parts.hour!, parts.minute!, parts.second!))
        }
        if let date = spec.date { return StudyDate(date: date.replacingOccurrences(of: "-", with: ""), time: "000000") }
        return fallback
    }
}
