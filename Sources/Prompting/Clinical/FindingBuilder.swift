extension ClinicalParser {
    /// Turns one analysed clause into findings: a label from the cue that reaches each mention, and
    /// side, zone, severity, size, count, kind and qualifiers from the words around it.
    struct FindingBuilder {
        let analysis: ClauseAnalysis
        /// The clause as written, trimmed, for `Finding.text`.
        let text: String
        /// For each modifier of the clause, the index of the mention it describes.
        private let owners: [Int?]

        init(analysis: ClauseAnalysis, text: String) {
            self.analysis = analysis
            self.text = text
            self.owners = FindingBuilder.modifierOwners(analysis)
        }

        /// Observations that have no side (the heart and mediastinum are midline).
        private static let midline: Set<Observation> = [.cardiomegaly, .enlargedCardiomediastinum, .noFinding]

        /// Which observations each qualifier can describe.
        static let qualifierTargets: [String: Set<Observation>] = [
            "tension": [.pneumothorax],
            "healed": [.fracture],
            "displaced": [.fracture],
            "air bronchograms": [.consolidation],
            "kerley b lines": [.edema],
            "loculated": [.pleuralEffusion, .pneumothorax],
        ]

        /// Findings of this clause; a clause saying only "normal" gives a No Finding.
        func build() -> [Finding] {
            var findings: [Finding] = []
            for (slotIndex, slot) in analysis.mentions.enumerated() {
                let attached = analysis.modifiers.indices
                    .filter { owners[$0] == slotIndex }
                    .map { analysis.modifiers[$0] }
                let cue = effectiveCue(for: slot)
                switch slot.role {
                case .finding(let targets):
                    for target in targets {
                        // "ETT in normal position", "sternotomy wires intact": normal placement, not absence.
                        let deviceInPlace = target.observation == .supportDevices && cue?.isNormality == true
                        let label = Self.combine(deviceInPlace ? nil : cue, base: target.baseLabel)
                        findings.append(describe(target, label: label, attached: attached, slotIndex: slotIndex))
                    }
                case .anatomy(let observation, let affirmed):
                    if let label = anatomyLabel(cue: cue, affirmed: affirmed, attached: attached) {
                        findings.append(describe(MentionTarget(observation: observation), label: label,
                                                 attached: attached, slotIndex: slotIndex))
                    }
                case .lungs:
                    if let cue, cue.isNormality, cue.effect == .negate {
                        findings.append(Finding(observation: .lungOpacity, label: .negative, text: text))
                        findings.append(Finding(observation: .noFinding, label: .positive, text: text))
                    }
                case .wholeStudy:
                    if let cue, cue.isNormality, cue.effect == .negate {
                        findings.append(Finding(observation: .noFinding, label: .positive, text: text))
                    }
                case .abnormality:
                    if let cue, cue.effect == .negate {
                        findings.append(Finding(observation: .noFinding, label: .positive, text: text))
                    }
                }
            }
            if analysis.mentions.isEmpty, !analysis.lentCue, statesOnlyNormality {
                findings.append(Finding(observation: .noFinding, label: .positive, text: text))
            }
            return findings
        }

        // MARK: Labels

        private func effectiveCue(for slot: MentionSlot) -> Cue? {
            if let own = slot.ownCue { return own }
            if let inherited = analysis.inheritedCue { return inherited }
            return analysis.isAlternative ? Cue(effect: .doubt, reach: .nearest) : nil
        }

        static func combine(_ cue: Cue?, base: FindingLabel) -> FindingLabel {
            guard let cue else { return base }
            if cue.effect == .negate || base == .negative { return .negative }
            return .uncertain
        }

        /// "heart size" says nothing alone: "enlarged"/"large" affirm it, "normal" denies it,
        /// "borderline" doubts it, and CheXpert reads "stable"/"unchanged" heart size as uncertain.
        private func anatomyLabel(cue: Cue?, affirmed: FindingLabel, attached: [Modifier]) -> FindingLabel? {
            let items = analysis.clause.items
            let hasPredicate = items.contains { if case .predicate? = $0.term { return true } else { return false } }
            let hasSeverity = attached.contains { if case .severity = $0.kind { return true } else { return false } }
            if hasPredicate || hasSeverity { return Self.combine(cue, base: affirmed) }
            if let cue, cue.isNormality || cue.effect == .doubt { return cue.label }
            if items.contains(where: { if case .stability? = $0.term { return true } else { return false } }) {
                return .uncertain
            }
            return nil
        }

        /// "Normal." / "Otherwise unremarkable." with nothing else in the clause.
        private var statesOnlyNormality: Bool {
            var sawNormality = false
            for item in analysis.clause.items {
                switch item.content {
                case .term(.cue(let cue)):
                    guard cue.isNormality else { return false }
                    sawNormality = true
                case .term(.filler), .term(.preposition), .demographic:
                    continue
                default:
                    return false
                }
            }
            return sawNormality
        }

        // MARK: Attributes

        private func describe(_ target: MentionTarget, label: FindingLabel, attached: [Modifier],
                              slotIndex: Int) -> Finding {
            let observation = target.observation
            var finding = Finding(observation: observation, label: label, kind: target.kind, text: text)
            var explicitSide: Side?, impliedSide: Side?
            var qualifiers: [String] = target.qualifier.map { [$0] } ?? []
            finding.zone = target.zone
            for modifier in attached {
                switch modifier.kind {
                case .side(let side): explicitSide = explicitSide ?? side
                case .location(let side, let zone):
                    impliedSide = impliedSide ?? side
                    finding.zone = finding.zone ?? zone
                case .severity(let severity): finding.severity = max(finding.severity ?? severity, severity)
                case .size(let size): finding.sizeCm = max(finding.sizeCm ?? size, size)
                case .count(let count):
                    let slot = analysis.mentions[slotIndex]
                    if count == 1 || slot.isPlural { finding.count = count }
                case .qualifier, .kindHint: break
                }
            }
            finding.side = explicitSide ?? impliedSide ?? clauseWideSide()
            finding.zone = finding.zone ?? clauseWideZone()
            qualifiers += qualifiersReaching(slotIndex, observation: observation)
            let fitting = qualifiers.filter { Self.qualifierTargets[$0]?.contains(observation) ?? false }
            finding.qualifiers = Self.unique(fitting)
            if observation == .fracture, finding.kind == nil {
                finding.kind = analysis.modifiers.lazy.compactMap { modifier -> String? in
                    if case .kindHint(let kind) = modifier.kind { return kind } else { return nil }
                }.first
            }
            if observation == .lungLesion {
                let isMass = target.kind == "mass" || (finding.sizeCm ?? 0) > 3
                finding.kind = isMass ? "mass" : "nodule"
            }
            if observation == .supportDevices {
                // "terminates 4 cm above the carina", "over the mid SVC" place the tip, not the device.
                finding.sizeCm = nil
                finding.severity = nil
                finding.zone = nil
            }
            if Self.midline.contains(observation) {
                finding.side = nil
                finding.zone = nil
            }
            return finding
        }

        /// Qualifiers attached to this mention, plus those attached to a mention they cannot
        /// describe but this one can ("tension pneumothorax and opacity": wherever "tension"
        /// lands, only the pneumothorax takes it).
        private func qualifiersReaching(_ slotIndex: Int, observation: Observation) -> [String] {
            var result: [String] = []
            for (index, modifier) in analysis.modifiers.enumerated() {
                guard case .qualifier(let qualifier) = modifier.kind else { continue }
                let fits = Self.qualifierTargets[qualifier] ?? []
                if owners[index] == slotIndex {
                    result.append(qualifier)
                } else if fits.contains(observation), let owner = owners[index],
                          !slotObservations(owner).contains(where: fits.contains) {
                    result.append(qualifier)
                }
            }
            return result
        }

        private func slotObservations(_ slotIndex: Int) -> [Observation] {
            switch analysis.mentions[slotIndex].role {
            case .finding(let targets): return targets.map(\.observation)
            case .anatomy(let observation, _): return [observation]
            case .lungs: return [.lungOpacity]
            case .wholeStudy, .abnormality: return []
            }
        }

        /// The one side the clause names, for mentions that have none of their own nearby
        /// ("opacity in the right lower lobe concerning for pneumonia").
        private func clauseWideSide() -> Side? {
            let explicit = Set(analysis.modifiers.compactMap { m -> Side? in
                if case .side(let side) = m.kind { return side } else { return nil }
            })
            if explicit.count == 1 { return explicit.first }
            guard explicit.isEmpty else { return nil }
            let implied = Set(analysis.modifiers.compactMap { m -> Side? in
                if case .location(let side?, _) = m.kind { return side } else { return nil }
            })
            return implied.count == 1 ? implied.first : nil
        }

        private func clauseWideZone() -> Zone? {
            let zones = Set(analysis.modifiers.compactMap { m -> Zone? in
                if case .location(_, let zone?) = m.kind { return zone } else { return nil }
            })
            return zones.count == 1 ? zones.first : nil
        }

        /// For each modifier, the mention it describes: a count the mention after it; a word after
        /// a preposition the mention before it ("opacity in the left lower lobe"); otherwise the
        /// next mention, or the previous one when none follows.
        private static func modifierOwners(_ analysis: ClauseAnalysis) -> [Int?] {
            let mentions = analysis.mentions
            let items = analysis.clause.items
            // "chest radiograph" and "no acute process" never carry a side or a size.
            let holders = mentions.indices.filter {
                switch mentions[$0].role {
                case .wholeStudy, .abnormality: return false
                case .finding, .anatomy, .lungs: return true
                }
            }
            return analysis.modifiers.map { modifier in
                let position = modifier.position
                let previous = holders.last { mentions[$0].itemIndex < position }
                let next = holders.first { mentions[$0].itemIndex > position }
                if case .count = modifier.kind {
                    guard let next, mentions[next].itemIndex - position <= 3 else { return nil }
                    return next
                }
                guard let previous else { return next }
                guard let next else { return previous }
                return trails(items, from: mentions[previous].itemIndex, to: position) ? previous : next
            }
        }

        /// "opacity in the right lower lobe": a preposition, then only filler and other
        /// descriptors, lie between the mention and the descriptor.
        private static func trails(_ items: [Item], from mention: Int, to position: Int) -> Bool {
            var sawPreposition = false
            for index in (mention + 1)..<position {
                switch items[index].content {
                case .term(.preposition): sawPreposition = true
                case .term(.filler), .term(.side), .term(.location), .term(.severity), .term(.qualifier),
                     .term(.kindHint), .number, .term(.unit), .term(.times):
                    continue
                default: return false
                }
            }
            return sawPreposition
        }

        private static func unique(_ values: [String]) -> [String] {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }
        }
    }
}
