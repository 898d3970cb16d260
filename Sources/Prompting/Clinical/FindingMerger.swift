extension ClinicalParser {
    /// Folds repeated mentions into one finding per observation and side.
    ///
    /// Positive beats uncertain beats negative. A mention with no side joins the single sided
    /// finding of its observation ("small left effusion ... the effusion is loculated"); devices
    /// and fractures also keep their kinds apart ("ETT and NG tube"). No Finding survives only when
    /// nothing but support devices is positive or uncertain.
    enum FindingMerger {
        static func merge(_ findings: [Finding]) -> [Finding] {
            var merged: [Finding] = []
            for finding in findings where finding.observation != .noFinding {
                if let index = merged.firstIndex(where: { sameKey($0, finding) }) {
                    merged[index] = combine(merged[index], finding)
                } else {
                    merged.append(finding)
                }
            }
            merged = foldUnspecified(merged, by: { $0.side == nil }, into: { a, b in
                a.observation == b.observation && a.side != nil && kindKey(a) == kindKey(b)
            })
            merged = foldUnspecified(merged, by: { kindKey($0) == nil && hasKinds($0.observation) }, into: { a, b in
                a.observation == b.observation && kindKey(a) != nil && (a.side == b.side || b.side == nil)
            })
            let abnormal = merged.contains { $0.observation != .supportDevices && $0.label != .negative }
            if !abnormal, let normal = findings.first(where: { $0.observation == .noFinding }) {
                merged.append(Finding(observation: .noFinding, label: .positive, text: normal.text))
            }
            return merged
        }

        private static func hasKinds(_ observation: Observation) -> Bool {
            observation == .supportDevices || observation == .fracture
        }

        /// Devices and fractures are told apart by kind; lesions and pleural findings are not.
        private static func kindKey(_ finding: Finding) -> String? {
            hasKinds(finding.observation) ? finding.kind : nil
        }

        private static func sameKey(_ a: Finding, _ b: Finding) -> Bool {
            a.observation == b.observation && a.side == b.side && kindKey(a) == kindKey(b)
        }

        /// Merges each finding matching `isLoose` into the one finding `fits` accepts, when there is
        /// exactly one.
        private static func foldUnspecified(_ findings: [Finding], by isLoose: (Finding) -> Bool,
                                            into fits: (Finding, Finding) -> Bool) -> [Finding] {
            var result = findings
            var index = 0
            while index < result.count {
                let loose = result[index]
                guard isLoose(loose) else { index += 1; continue }
                let homes = result.indices.filter { $0 != index && fits(result[$0], loose) }
                guard homes.count == 1, let home = homes.first else { index += 1; continue }
                result[home] = combine(result[home], loose)
                result.remove(at: index)
            }
            return result
        }

        /// One finding from two mentions of it. Details of a negative mention are not lent to a
        /// present one ("right pneumothorax; no tension pneumothorax" stays without tension).
        static func combine(_ a: Finding, _ b: Finding) -> Finding {
            let (winner, other) = b.label > a.label ? (b, a) : (a, b)
            var result = winner
            let lend = other.label != .negative || winner.label == .negative
            result.side = winner.side ?? other.side
            guard lend else { return result }
            result.zone = winner.zone ?? other.zone
            result.severity = [winner.severity, other.severity].compactMap { $0 }.max()
            result.sizeCm = [winner.sizeCm, other.sizeCm].compactMap { $0 }.max()
            result.count = [winner.count, other.count].compactMap { $0 }.max()
            if winner.observation == .lungLesion, other.kind == "mass" {
                result.kind = "mass"
            } else {
                result.kind = winner.kind ?? other.kind
            }
            for qualifier in other.qualifiers where !result.qualifiers.contains(qualifier) {
                result.qualifiers.append(qualifier)
            }
            return result
        }
    }
}
