import Foundation

extension ClinicalParser {
    /// Reads one sentence: settles cue scope across its clauses, builds each clause's findings,
    /// lends stray descriptors to a neighbour ("effusion, small, on the left"), carries a side into
    /// "and"-joined clauses ("left lower lobe atelectasis and effusion"), and collects what it could
    /// not place.
    struct SentenceReader {
        let characters: [Character]

        struct Result {
            var findings: [Finding] = []
            var unparsed: [String] = []
        }

        /// Observations that take the side of an "and"/"with" neighbour when they state none.
        private static let lateral: Set<Observation> = [
            .lungOpacity, .lungLesion, .edema, .consolidation, .pneumonia, .atelectasis, .pneumothorax,
            .pleuralEffusion, .pleuralOther, .fracture,
        ]

        func read(_ sentence: [Clause]) -> Result {
            var analyses = mergingLeadingDescriptors(sentence).map(ClauseAnalysis.init)
            CueScope.apply(to: &analyses)

            var perClause: [[Finding]] = []
            var attachedBackward = Set<Int>()
            for (index, analysis) in analyses.enumerated() {
                let text = self.text(of: analysis.clause)
                var findings = FindingBuilder(analysis: analysis, text: text).build()
                if isDescriptorOnly(analysis),
                   let target = perClause.indices.last(where: { hasLateralFinding(perClause[$0]) }) {
                    lend(analysis, to: &perClause[target])
                    attachedBackward.insert(index)
                }
                if [.and, .with, .or].contains(analysis.clause.join), !namesPlace(analysis),
                   let previous = perClause.last {
                    inheritPlace(from: previous, into: &findings)
                }
                perClause.append(findings)
            }

            var result = Result()
            for (index, analysis) in analyses.enumerated() {
                result.findings += perClause[index]
                let produced = !perClause[index].isEmpty || attachedBackward.contains(index) || analysis.lentCue
                    || analysis.clause.items.contains(where: \.isDemographic)
                let headsProducedClause = index + 1 < analyses.count && analyses[index + 1].clause.join == .colon
                    && !perClause[index + 1].isEmpty && isHeading(analysis)
                if !produced, !headsProducedClause, hasUnplacedContent(analysis) {
                    let text = self.text(of: analysis.clause)
                    if !text.isEmpty { result.unparsed.append(text) }
                }
            }
            return result
        }

        private func text(of clause: Clause) -> String {
            let start = max(0, min(clause.start, characters.count))
            let end = max(start, min(clause.end, characters.count))
            return String(characters[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // MARK: Stray descriptors

        /// A clause of nothing but side, place, severity or qualifier words.
        private func isDescriptorOnly(_ analysis: ClauseAnalysis) -> Bool {
            guard analysis.mentions.isEmpty, !analysis.hasOwnCue else { return false }
            var sawDescriptor = false
            for item in analysis.clause.items {
                switch item.content {
                case .term(.side), .term(.location), .term(.severity), .term(.qualifier):
                    sawDescriptor = true
                case .term(.filler), .term(.preposition), .term(.times):
                    continue
                default:
                    return false
                }
            }
            return sawDescriptor
        }

        /// "right upper and lower lobe opacities", "small, right effusion": descriptors before a
        /// finding belong to it, so the clauses are joined back together.
        private func mergingLeadingDescriptors(_ clauses: [Clause]) -> [Clause] {
            var result: [Clause] = []
            var carried: Clause?
            for clause in clauses {
                var clause = clause
                if let leading = carried {
                    if [.and, .or, .comma].contains(clause.join) {
                        clause = Clause(items: leading.items + clause.items, join: leading.join,
                                        start: leading.start, end: clause.end)
                    } else {
                        result.append(leading)
                    }
                    carried = nil
                }
                let analysis = ClauseAnalysis(clause)
                if isDescriptorOnly(analysis), clause.items.count <= 6 {
                    carried = clause
                } else {
                    result.append(clause)
                }
            }
            if let carried { result.append(carried) }
            return result
        }

        private func hasLateralFinding(_ findings: [Finding]) -> Bool {
            findings.contains { Self.lateral.contains($0.observation) }
        }

        /// "Pleural effusion, small, on the left": fills in what the earlier finding left unsaid.
        private func lend(_ analysis: ClauseAnalysis, to findings: inout [Finding]) {
            guard let index = findings.lastIndex(where: { Self.lateral.contains($0.observation) }) else { return }
            var finding = findings[index]
            for modifier in analysis.modifiers {
                switch modifier.kind {
                case .side(let side): finding.side = finding.side ?? side
                case .location(let side, let zone):
                    finding.side = finding.side ?? side
                    finding.zone = finding.zone ?? zone
                case .severity(let severity): finding.severity = finding.severity ?? severity
                case .qualifier(let qualifier):
                    let fits = FindingBuilder.qualifierTargets[qualifier]?.contains(finding.observation) ?? false
                    if fits, !finding.qualifiers.contains(qualifier) { finding.qualifiers.append(qualifier) }
                case .count, .size, .kindHint: break
                }
            }
            findings[index] = finding
        }

        // MARK: Shared side

        private func namesPlace(_ analysis: ClauseAnalysis) -> Bool {
            analysis.modifiers.contains {
                switch $0.kind {
                case .side, .location: return true
                default: return false
                }
            }
        }

        /// "left lower lobe consolidation and effusion": the effusion is on the left too, when the
        /// previous clause names exactly one side (and zone).
        private func inheritPlace(from previous: [Finding], into findings: inout [Finding]) {
            let placed = previous.filter { Self.lateral.contains($0.observation) }
            let sides = Set(placed.compactMap(\.side))
            let zones = Set(placed.compactMap(\.zone))
            for index in findings.indices where Self.lateral.contains(findings[index].observation) {
                if findings[index].side == nil, sides.count == 1 { findings[index].side = sides.first }
                if findings[index].zone == nil, zones.count == 1, findings[index].observation != .pneumothorax {
                    findings[index].zone = zones.first
                }
            }
        }

        // MARK: Unparsed

        /// "Left lung:", "Lungs:", "Chest:": a heading of known words only.
        private func isHeading(_ analysis: ClauseAnalysis) -> Bool {
            analysis.clause.items.allSatisfy { item in
                switch item.content {
                case .term(.mention), .term(.side), .term(.location), .term(.filler), .term(.preposition), .demographic:
                    return true
                default:
                    return false
                }
            }
        }

        /// Words the parser could not use: unknown words, stray numbers, findings outside CheXpert,
        /// anatomy with nothing said about it, descriptors with nothing to describe.
        private func hasUnplacedContent(_ analysis: ClauseAnalysis) -> Bool {
            for (index, item) in analysis.clause.items.enumerated() {
                switch item.content {
                case .unknownWord: return true
                case .number: if !analysis.usedNumbers.contains(index) { return true }
                case .demographic: continue
                case .term(let term):
                    switch term {
                    case .unsupported, .predicate:
                        return true
                    case .side, .location, .severity, .qualifier, .kindHint:
                        // "without tension": a denied descriptor was understood.
                        if !analysis.hasOwnCue { return true }
                    case .mention(let role):
                        switch role {
                        case .wholeStudy, .abnormality: continue
                        case .finding, .anatomy, .lungs: return true
                        }
                    case .cue, .count, .stability, .affirmation, .preposition, .conjunction, .unit, .times, .filler:
                        continue
                    }
                }
            }
            return false
        }
    }
}
