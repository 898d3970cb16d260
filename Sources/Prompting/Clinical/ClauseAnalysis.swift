extension ClinicalParser {
    /// A mention inside a clause, with the cue of its own clause that reaches it.
    struct MentionSlot: Sendable {
        var itemIndex: Int
        var role: MentionRole
        var isPlural: Bool
        var ownCue: Cue?
    }

    /// A descriptive word or number and the item position it sits at.
    struct Modifier: Sendable {
        enum Kind: Sendable {
            case side(Side)
            case location(side: Side?, zone: Zone?)
            case severity(Severity)
            case count(Int)
            case size(Double)
            case qualifier(String)
            case kindHint(String)
        }

        var position: Int
        var kind: Kind
    }

    /// What one clause says on its own: its mentions, its cues and whom they reach, its modifiers.
    /// Cross-clause scope (lists, "X and Y are normal") is settled later by `CueScope`.
    struct ClauseAnalysis: Sendable {
        let clause: Clause
        var mentions: [MentionSlot] = []
        var modifiers: [Modifier] = []
        var hasOwnCue = false
        /// The cue that may carry on into the next clauses of a list ("no A, B, or C").
        var forwardCue: Cue?
        /// The cue that may reach back over the previous clauses ("A and B are normal").
        var backwardCue: Cue?
        /// No descriptive word of its own, so it can be an item of a neighbour's list.
        var isBare = true
        /// Set by `CueScope`: the cue a list carried into this clause.
        var inheritedCue: Cue?
        /// Set by `CueScope`: "A or B" with no other cue (CheXpert reads both as uncertain).
        var isAlternative = false
        /// Set by `CueScope`: this clause's cue reached another clause.
        var lentCue = false
        /// Item indices of numbers read as sizes or counts.
        var usedNumbers: Set<Int> = []

        init(_ clause: Clause) {
            self.clause = clause
            for (index, item) in clause.items.enumerated() {
                guard let term = item.term else { continue }
                if case .mention(let role) = term {
                    mentions.append(MentionSlot(itemIndex: index, role: role, isPlural: item.isPlural))
                } else if case .cue = term {
                    hasOwnCue = true
                }
                if ClauseAnalysis.breaksList(term) { isBare = false }
            }
            readModifiers()
            reachOwnCues()
        }

        // MARK: Cues within the clause

        private func cue(at index: Int) -> Cue? {
            if case .cue(let cue)? = clause.items[index].term { return cue }
            return nil
        }

        /// Assigns each cue to the mentions it reaches and notes which cue a list may carry on.
        private mutating func reachOwnCues() {
            let cuePositions = clause.items.indices.filter { cue(at: $0) != nil }
            let mentionPositions = mentions.map(\.itemIndex)
            var reached: [[Cue]] = Array(repeating: [], count: mentions.count)
            var lastForward: (cue: Cue, lastTarget: Int?)?
            for (order, position) in cuePositions.enumerated() {
                guard let cue = cue(at: position) else { continue }
                let previousCue = order > 0 ? cuePositions[order - 1] : -1
                // A cue reaches up to the next cue that has a mention before it, so stacked cues
                // ("no suspicious nodules") both reach the mention and the stronger one wins.
                let firstAfter = Self.countAtOrBefore(position, in: mentionPositions)
                var nextCue = clause.items.count
                if firstAfter < mentionPositions.count {
                    let laterCue = Self.countAtOrBefore(mentionPositions[firstAfter], in: cuePositions)
                    if laterCue < cuePositions.count { nextCue = cuePositions[laterCue] }
                }
                let after = Array(firstAfter..<Self.countAtOrBefore(nextCue - 1, in: mentionPositions))
                let before = Array(Self.countAtOrBefore(previousCue, in: mentionPositions)..<firstAfter)
                var targets: [Int] = []
                var reachesForward = false
                switch cue.reach {
                case .forward:
                    targets = chain(after, fromStart: true)
                    reachesForward = true
                case .backward:
                    targets = chain(before, fromStart: false)
                case .nearest:
                    reachesForward = !after.isEmpty
                    targets = reachesForward ? chain(after, fromStart: true) : chain(before, fromStart: false)
                case .around:
                    targets = (before.last.map { [$0] } ?? []) + chain(after, fromStart: true)
                    reachesForward = true
                }
                for target in targets { reached[target].append(cue) }
                if order == cuePositions.count - 1 {
                    lastForward = reachesForward ? (cue, targets.last) : nil
                }
                if backwardCue == nil, !reachesForward { backwardCue = cue }
            }
            for index in mentions.indices { mentions[index].ownCue = CueScope.strongest(reached[index]) }
            // A list carries on what its last item was given: "no suspicious nodules or masses"
            // carries the negation, not the doubt.
            if let (cue, lastTarget) = lastForward {
                forwardCue = lastTarget.flatMap { mentions[$0].ownCue } ?? cue
            }
        }

        /// How many of the ascending `positions` are at or before `position` — the index of the
        /// first one after it. Binary search keeps long clauses linear-ish.
        private static func countAtOrBefore(_ position: Int, in positions: [Int]) -> Int {
            var low = 0, high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] <= position { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The first mention of `candidates` (nearest to the cue), then the following ones as long
        /// as nothing but filler separates them ("no effusion pneumothorax" reaches both; "no
        /// effusion moderate cardiomegaly" does not reach the cardiomegaly).
        private func chain(_ candidates: [Int], fromStart: Bool) -> [Int] {
            let ordered = fromStart ? candidates : candidates.reversed()
            guard let first = ordered.first else { return [] }
            var result = [first]
            for next in ordered.dropFirst() {
                let a = mentions[result.last!].itemIndex, b = mentions[next].itemIndex
                let between = (min(a, b) + 1)..<max(a, b)
                if between.contains(where: { clause.items[$0].term.map(ClauseAnalysis.breaksList) ?? false }) { break }
                result.append(next)
            }
            return result
        }

        /// Words that state or describe something, so a clause holding them is not a mere list item.
        static func breaksList(_ term: Term) -> Bool {
            switch term {
            case .side, .location, .severity, .count, .qualifier, .predicate, .stability, .affirmation, .cue, .unit:
                return true
            case .mention, .kindHint, .preposition, .conjunction, .times, .unsupported, .filler:
                return false
            }
        }

        // MARK: Modifiers

        private mutating func readModifiers() {
            let items = clause.items
            for (index, item) in items.enumerated() {
                switch item.term {
                case .side(let side)?: modifiers.append(Modifier(position: index, kind: .side(side)))
                case .location(let side, let zone)?:
                    modifiers.append(Modifier(position: index, kind: .location(side: side, zone: zone)))
                case .severity(let severity)?: modifiers.append(Modifier(position: index, kind: .severity(severity)))
                case .count(let count)?: modifiers.append(Modifier(position: index, kind: .count(count)))
                case .qualifier(let qualifier)?:
                    modifiers.append(Modifier(position: index, kind: .qualifier(qualifier)))
                case .kindHint(let kind)?: modifiers.append(Modifier(position: index, kind: .kindHint(kind)))
                default: break
                }
            }
            readSizes()
            readNumericCounts()
            modifiers.sort { $0.position < $1.position }
        }

        private func term(at index: Int) -> Term? {
            index >= 0 && index < clause.items.count ? clause.items[index].term : nil
        }

        private func number(at index: Int) -> Double? {
            guard index >= 0, index < clause.items.count,
                  case .number(let value) = clause.items[index].content else { return nil }
            return value
        }

        /// "2 cm", "15 mm", "2 x 3 cm" (the largest dimension), "2.5cm".
        private mutating func readSizes() {
            var index = 0
            while index < clause.items.count {
                guard let first = number(at: index) else { index += 1; continue }
                var values = [first]
                var cursor = index + 1
                while case .times? = term(at: cursor), let next = number(at: cursor + 1) {
                    values.append(next)
                    cursor += 2
                }
                if case .unit(let centimetres)? = term(at: cursor) {
                    let size = values.max()! * centimetres
                    if size.isFinite, size > 0, size < 100 {
                        modifiers.append(Modifier(position: index, kind: .size(size)))
                    }
                    for used in stride(from: index, through: cursor - 1, by: 2) { usedNumbers.insert(used) }
                    index = cursor + 1
                } else {
                    index = max(index + 1, cursor - 1)      // the chain's last number may start a size
                }
            }
        }

        /// "3 nodules": a bare number shortly before a mention.
        private mutating func readNumericCounts() {
            for index in clause.items.indices where !usedNumbers.contains(index) {
                guard let value = number(at: index), value >= 1, value <= 99, value == value.rounded() else { continue }
                let window = (index + 1)..<min(index + 4, clause.items.count)
                let mentionFollows = window.contains { position in mentions.contains { $0.itemIndex == position } }
                guard mentionFollows else { continue }
                modifiers.append(Modifier(position: index, kind: .count(Int(value))))
                usedNumbers.insert(index)
            }
        }
    }
}
