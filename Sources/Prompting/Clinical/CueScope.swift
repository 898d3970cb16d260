extension ClinicalParser {
    /// Carries negation and uncertainty across the clauses of one sentence.
    ///
    /// - A cue scopes forward over a list: "no pneumothorax, effusion, or consolidation" negates all
    ///   three. "or" always continues the list; "and"/"with" continue it only into a bare clause
    ///   (no side, size, severity or verb of its own); a comma continues it only when the list goes
    ///   on to end in "and"/"or" — so "no pneumothorax, moderate right effusion" and the prompt-style
    ///   "no effusion, cardiomegaly" leave the second finding positive.
    /// - A trailing cue reaches back over bare clauses joined by "and"/"or" ("heart size and
    ///   mediastinal contours are normal"), and over the heading before a colon ("Heart: normal").
    /// - "A or B" with no cue at all is uncertain for both, as in CheXpert.
    enum CueScope {
        static func apply(to clauses: inout [ClauseAnalysis]) {
            carryForward(&clauses)
            reachBack(&clauses)
            markAlternatives(&clauses)
        }

        /// Negation beats plain doubt, but CheXpert's pre-negation uncertainty ("cannot exclude",
        /// "no new") beats negation; a normality cue beats an absence cue so anatomy can use it.
        static func strongest(_ cues: [Cue]) -> Cue? {
            cues.max { rank($0) < rank($1) }
        }

        private static func rank(_ cue: Cue) -> Int {
            if cue.overridesNegation { return 4 }
            if cue.effect == .negate { return cue.isNormality ? 3 : 2 }
            return 1
        }

        private static func carryForward(_ clauses: inout [ClauseAnalysis]) {
            var pending: (cue: Cue, source: Int)?
            for index in clauses.indices {
                if clauses[index].hasOwnCue {
                    pending = clauses[index].forwardCue.map { ($0, index) }
                    continue
                }
                guard let carried = pending, continuesList(clauses, at: index) else {
                    pending = nil
                    continue
                }
                clauses[index].inheritedCue = carried.cue
                if !clauses[index].mentions.isEmpty { clauses[carried.source].lentCue = true }
            }
        }

        private static func continuesList(_ clauses: [ClauseAnalysis], at index: Int) -> Bool {
            let clause = clauses[index]
            switch clause.clause.join {
            case .or: return true
            case .and, .with: return clause.isBare
            case .comma: return clause.isBare && listEndsInConjunction(clauses, after: index)
            case .start, .colon, .without, .but: return false
            }
        }

        /// "A, B, or C": from a comma-joined clause, the list must go on through bare clauses to an
        /// "or" (or to "and" plus a bare clause).
        private static func listEndsInConjunction(_ clauses: [ClauseAnalysis], after index: Int) -> Bool {
            var next = index + 1
            while next < clauses.count {
                let clause = clauses[next]
                switch clause.clause.join {
                case .comma:
                    guard clause.isBare, !clause.hasOwnCue else { return false }
                    next += 1
                case .or:
                    return true
                case .and:
                    return clause.isBare && !clause.hasOwnCue
                default:
                    return false
                }
            }
            return false
        }

        private static func reachBack(_ clauses: inout [ClauseAnalysis]) {
            for index in clauses.indices {
                guard let cue = clauses[index].backwardCue else { continue }
                guard [.and, .or, .colon].contains(clauses[index].clause.join) else { continue }
                var previous = index - 1
                while previous >= 0 {
                    let candidate = clauses[previous]
                    // Before a colon is a heading ("Right lung: clear"), whatever words it holds.
                    let isHeading = previous == index - 1 && clauses[index].clause.join == .colon
                    guard !candidate.hasOwnCue, candidate.inheritedCue == nil, candidate.isBare || isHeading,
                          !candidate.mentions.isEmpty else { break }
                    clauses[previous].inheritedCue = cue
                    clauses[index].lentCue = true
                    guard [.comma, .and, .or].contains(candidate.clause.join) else { break }
                    previous -= 1
                }
            }
        }

        private static func markAlternatives(_ clauses: inout [ClauseAnalysis]) {
            for index in clauses.indices.dropFirst() where clauses[index].clause.join == .or {
                guard isUncuedFinding(clauses[index]), isUncuedFinding(clauses[index - 1]) else { continue }
                clauses[index].isAlternative = true
                var previous = index - 1
                while previous >= 0, isUncuedFinding(clauses[previous]) {
                    clauses[previous].isAlternative = true
                    guard clauses[previous].clause.join == .comma, previous > 0,
                          clauses[previous].isBare else { break }
                    previous -= 1
                }
            }
        }

        /// A clause stating a finding (not a device: "ETT or NG tube" lists, it does not hedge)
        /// with no cue of its own or from a list.
        private static func isUncuedFinding(_ clause: ClauseAnalysis) -> Bool {
            guard !clause.hasOwnCue, clause.inheritedCue == nil else { return false }
            return clause.mentions.contains { slot in
                if case .finding(let targets) = slot.role {
                    return targets.contains { $0.observation != .supportDevices }
                }
                if case .anatomy = slot.role { return true }
                return false
            }
        }
    }
}
