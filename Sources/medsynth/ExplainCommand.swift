import ArgumentParser
import Foundation
import Prompting

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show what medsynth understands of a prompt text: view, sex, age, findings and CheXpert labels.",
        discussion: """
        Examples:
          medsynth explain "PA chest radiograph, 67-year-old man, moderate right pleural effusion, no pneumothorax"
          medsynth explain --json "AP supine, ETT in place, possible left lower lobe pneumonia"
        """)

    @Argument(help: "The prompt text.")
    var text: String

    @Flag(help: "Print JSON (view, sex, age, findings, labels, unparsed).")
    var json = false

    func run() throws {
        let reading = ClinicalParser.parse(text)
        if json {
            print(try ExplainJSON(reading).encoded())
            return
        }
        print("view:     \(reading.view?.rawValue ?? "not stated (PA)")\(reading.supine ? " supine" : "")")
        print("sex:      \(reading.sex?.rawValue ?? "not stated")")
        print("age:      \(reading.age.map(String.init) ?? "not stated")")
        print("findings:")
        for finding in reading.findings {
            let details = [finding.side?.rawValue, finding.zone?.rawValue, finding.severity?.rawValue, finding.kind,
                           finding.sizeCm.map { "\($0) cm" }, finding.count.map { "×\($0)" }].compactMap { $0 } + finding.qualifiers
            print("  \(label(finding.label)) \(finding.observation.rawValue)\(details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")")
        }
        if reading.findings.isEmpty { print("  none") }
        if !reading.unparsed.isEmpty { print("ignored:  \(reading.unparsed.map { "\"\($0)\"" }.joined(separator: ", "))") }
    }

    private func label(_ label: FindingLabel) -> String {
        switch label {
        case .positive: "[+]"
        case .negative: "[-]"
        case .uncertain: "[?]"
        }
    }
}

/// The `explain --json` document.
struct ExplainJSON: Encodable {
    var view: String?
    var supine: Bool
    var sex: String?
    var age: Int?
    var findings: [FindingJSON]
    var labels: [String: Int]
    var unparsed: [String]

    struct FindingJSON: Encodable {
        var observation: String
        var label: Int
        var side: String?
        var zone: String?
        var severity: String?
        var sizeCm: Double?
        var count: Int?
        var kind: String?
        var qualifiers: [String]
        var text: String

        // Absent attributes are written as null, so every finding has the same keys.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(observation, forKey: .observation)
            try c.encode(label, forKey: .label)
            try c.encode(side, forKey: .side)
            try c.encode(zone, forKey: .zone)
            try c.encode(severity, forKey: .severity)
            try c.encode(sizeCm, forKey: .sizeCm)
            try c.encode(count, forKey: .count)
            try c.encode(kind, forKey: .kind)
            try c.encode(qualifiers, forKey: .qualifiers)
            try c.encode(text, forKey: .text)
        }

        enum CodingKeys: String, CodingKey { case observation, label, side, zone, severity, sizeCm, count, kind, qualifiers, text }
    }

    init(_ reading: ClinicalReading) {
        view = reading.view?.rawValue
        supine = reading.supine
        sex = reading.sex?.rawValue
        age = reading.age
        findings = reading.findings.map {
            FindingJSON(observation: $0.observation.rawValue, label: $0.label.rawValue, side: $0.side?.rawValue,
                        zone: $0.zone?.rawValue, severity: $0.severity?.rawValue, sizeCm: $0.sizeCm, count: $0.count,
                        kind: $0.kind, qualifiers: $0.qualifiers, text: $0.text)
        }
        labels = Dictionary(uniqueKeysWithValues: reading.labels.map { ($0.key.rawValue, $0.value.rawValue) })
        unparsed = reading.unparsed
    }

    enum CodingKeys: String, CodingKey { case view, supine, sex, age, findings, labels, unparsed }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(view, forKey: .view)
        try c.encode(supine, forKey: .supine)
        try c.encode(sex, forKey: .sex)
        try c.encode(age, forKey: .age)
        try c.encode(findings, forKey: .findings)
        try c.encode(labels, forKey: .labels)
        try c.encode(unparsed, forKey: .unparsed)
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
