extension ClinicalParser {
    /// One understood (or not understood) unit of a clause: a matched phrase, an unknown word, a
    /// number, or tokens the demographics stage used.
    struct Item: Sendable {
        enum Content: Sendable {
            case term(Term)
            case unknownWord
            case number(Double?)
            case demographic
        }

        var content: Content
        /// Token indices covered.
        var tokens: Range<Int>
        var isPlural = false

        var term: Term? {
            if case .term(let term) = content { return term }
            return nil
        }

        var isDemographic: Bool {
            if case .demographic = content { return true }
            return false
        }
    }

    /// A stretch of a sentence between commas, conjunctions and clause-opening cues.
    struct Clause: Sendable {
        var items: [Item]
        /// How this clause attaches to the previous one in its sentence.
        var join: Join
        /// Character span in the original text, for `Finding.text` and `unparsed`.
        var start: Int
        var end: Int
    }

    /// Cuts the token stream into sentences of clauses and matches every phrase on the way.
    enum ClauseSegmenter {
        static func segment(_ tokens: [Token], demographics: Demographics) -> [[Clause]] {
            var sentences: [[Clause]] = []
            var clauses: [Clause] = []
            var items: [Item] = []
            var join = Join.start

            func closeClause(then nextJoin: Join) {
                if let first = items.first, let last = items.last {
                    clauses.append(Clause(items: items, join: clauses.isEmpty ? .start : join,
                                          start: tokens[first.tokens.lowerBound].start,
                                          end: tokens[last.tokens.upperBound - 1].end))
                    items = []
                    join = nextJoin
                } else {
                    // Nothing since the last boundary (", and"): keep the weightier join.
                    join = strongest(join, nextJoin)
                }
            }
            func closeSentence() {
                closeClause(then: .start)
                if !clauses.isEmpty { sentences.append(clauses) }
                clauses = []
                join = .start
            }

            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                if demographics.consumed.contains(index) {
                    items.append(Item(content: .demographic, tokens: index..<(index + 1)))
                    index += 1
                    continue
                }
                switch token.kind {
                case .sentenceEnd:
                    closeSentence()
                    index += 1
                    continue
                case .comma:
                    closeClause(then: .comma)
                    index += 1
                    continue
                case .colon:
                    closeClause(then: .colon)
                    index += 1
                    continue
                case .trailingQuery:
                    let query = Cue(effect: .doubt, reach: .backward)
                    items.append(Item(content: .term(.cue(query)), tokens: index..<(index + 1)))
                    closeSentence()                    // "Pneumonia? Effusion." — the query ends its sentence.
                    index += 1
                    continue
                case .leadingQuery:
                    let query = Cue(effect: .doubt, reach: .forward)
                    items.append(Item(content: .term(.cue(query)), tokens: index..<(index + 1)))
                    index += 1
                    continue
                case .word, .number:
                    break
                }
                let usable = { (position: Int) in !demographics.consumed.contains(position) }
                guard let match = ClinicalVocabulary.lexicon.match(tokens, at: index, usable: usable) else {
                    let content: Item.Content = token.kind == .number ? .number(token.value)
                        : isOrdinal(token) ? .term(.filler) : .unknownWord
                    items.append(Item(content: content, tokens: index..<(index + 1)))
                    index += 1
                    continue
                }
                let range = index..<(index + match.length)
                index += match.length
                switch match.term {
                case .conjunction where joinsPlaces(before: items.last, after: index, tokens, demographics):
                    // "right mid and lower lung zones": one finding in two places, not two clauses.
                    items.append(Item(content: .term(.filler), tokens: range))
                case .conjunction(let conjunction):
                    closeClause(then: conjunction)
                case .cue(let cue) where opensClause(cue, firstWord: token.text):
                    closeClause(then: .without)
                    items.append(Item(content: .term(match.term), tokens: range, isPlural: match.isPlural))
                default:
                    items.append(Item(content: .term(match.term), tokens: range, isPlural: match.isPlural))
                }
            }
            closeSentence()
            return sentences
        }

        /// "small effusion without pneumothorax": "without" starts a clause of its own, so the
        /// negation cannot reach back over the effusion.
        private static func opensClause(_ cue: Cue, firstWord: String) -> Bool {
            cue.effect == .negate && cue.reach == .forward && firstWord == "without"
        }

        /// An "and"/"or" between two place words or two ordinals ("6th and 7th rib fractures").
        private static func joinsPlaces(before previous: Item?, after index: Int, _ tokens: [Token],
                                        _ demographics: Demographics) -> Bool {
            guard let previous, index < tokens.count else { return false }
            if isOrdinal(tokens[previous.tokens.lowerBound]), isOrdinal(tokens[index]) { return true }
            guard isPlace(previous.term) else { return false }
            let next = ClinicalVocabulary.lexicon.match(tokens, at: index) { !demographics.consumed.contains($0) }
            return isPlace(next?.term)
        }

        /// "5th", "11th": the tokenizer keeps ordinals as words that start with a digit.
        private static func isOrdinal(_ token: Token) -> Bool {
            token.kind == .word && (token.text.first.map(Tokenizer.isDigit) ?? false)
        }

        private static func isPlace(_ term: Term?) -> Bool {
            switch term {
            case .side?, .location?: return true
            default: return false
            }
        }

        private static func strongest(_ a: Join, _ b: Join) -> Join {
            let order: [Join] = [.start, .comma, .colon, .with, .and, .or, .without, .but]
            return order.firstIndex(of: a)! >= order.firstIndex(of: b)! ? a : b
        }
    }
}
