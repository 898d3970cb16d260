extension ClinicalParser {
    /// One word, number or punctuation mark of the input, with where it sits in the original text.
    struct Token: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case word
            case number
            /// `,` `(` `)` `[` `]`: ends a clause.
            case comma
            /// `:`: ends a clause; "Heart: normal" reads the right side back onto the left.
            case colon
            /// `.` `!` `;` and line breaks: ends a sentence and every cue's scope.
            case sentenceEnd
            /// `?` written right after a word ("pneumonia?"): uncertainty about what precedes it.
            case trailingQuery
            /// `?` written before a word ("? pneumonia"): uncertainty about what follows it.
            case leadingQuery
        }

        /// Lower-cased text (words) or the digits (numbers).
        var text: String
        var kind: Kind
        /// Character offsets into the original text, for quoting clauses back.
        var start: Int
        var end: Int
        /// Numeric value of a `.number` token.
        var value: Double?
    }

    /// Splits text into tokens. Only ASCII digits count as digits; any other character that is
    /// neither a letter nor punctuation we know separates tokens, so NULs and emoji are harmless.
    enum Tokenizer {
        static func tokenize(_ characters: [Character]) -> [Token] {
            var tokens: [Token] = []
            var index = 0
            let count = characters.count
            while index < count {
                let character = characters[index]
                if isWordCharacter(character) {
                    let runEnd = endOfRun(characters, from: index)
                    tokens.append(contentsOf: splitRun(characters, start: index, end: runEnd))
                    index = runEnd
                    continue
                }
                if let kind = punctuationKind(characters, at: index) {
                    tokens.append(Token(text: String(character), kind: kind, start: index, end: index + 1))
                } else if character == "/" {
                    tokens.append(Token(text: "/", kind: .word, start: index, end: index + 1))
                }
                index += 1
            }
            return AbbreviationRewriter.rewrite(tokens)
        }

        private static func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || isDigit(character)
        }

        static func isDigit(_ character: Character) -> Bool {
            character.isASCII && character.isWholeNumber
        }

        private static func isApostrophe(_ character: Character) -> Bool {
            character == "'" || character == "\u{2019}" || character == "\u{2018}"
        }

        /// A run is letters and digits, plus apostrophes inside words ("can't") and decimal points
        /// between digits ("2.5").
        private static func endOfRun(_ characters: [Character], from start: Int) -> Int {
            var index = start
            while index < characters.count {
                let character = characters[index]
                if isWordCharacter(character) {
                    index += 1
                } else if index + 1 < characters.count, index > start {
                    let previous = characters[index - 1], next = characters[index + 1]
                    if character == "." && isDigit(previous) && isDigit(next) {
                        index += 1
                    } else if isApostrophe(character) && previous.isLetter && next.isLetter {
                        index += 1
                    } else {
                        break
                    }
                } else {
                    break
                }
            }
            return index
        }

        /// Splits a run where digits meet letters ("2.5cm", "55F", "67yo"), keeping ordinals whole
        /// ("5th"), and drops apostrophes and a possessive "'s".
        private static func splitRun(_ characters: [Character], start: Int, end: Int) -> [Token] {
            var pieces: [Token] = []
            var pieceStart = start
            var text = ""
            var pieceIsNumber = isDigit(characters[start])
            func flush(at index: Int) {
                guard !text.isEmpty else { return }
                pieces.append(Token(text: text, kind: pieceIsNumber ? .number : .word,
                                    start: pieceStart, end: index,
                                    value: pieceIsNumber ? Double(text) : nil))
                text = ""
            }
            var index = start
            while index < end {
                let character = characters[index]
                if isApostrophe(character) {
                    // "patient's" -> "patient"; "can't" -> "cant".
                    if index + 2 == end, characters[index + 1] == "s" || characters[index + 1] == "S" {
                        break
                    }
                    index += 1
                    continue
                }
                let isNumberCharacter = isDigit(character) || (character == "." && pieceIsNumber)
                if isNumberCharacter != pieceIsNumber {
                    flush(at: index)
                    pieceStart = index
                    pieceIsNumber = isNumberCharacter
                }
                text += character.lowercased()
                index += 1
            }
            flush(at: end)
            return mergeOrdinals(pieces)
        }

        private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

        /// "5" + "th" -> the word "5th", so ordinals are never read as counts or ages.
        private static func mergeOrdinals(_ pieces: [Token]) -> [Token] {
            var merged: [Token] = []
            for piece in pieces {
                if piece.kind == .word, ordinalSuffixes.contains(piece.text),
                   let last = merged.last, last.kind == .number, last.end == piece.start {
                    merged[merged.count - 1] = Token(text: last.text + piece.text, kind: .word,
                                                     start: last.start, end: piece.end)
                } else {
                    merged.append(piece)
                }
            }
            return merged
        }

        private static func punctuationKind(_ characters: [Character], at index: Int) -> Token.Kind? {
            switch characters[index] {
            case ",", "(", ")", "[", "]": return .comma
            case ":": return .colon
            case ".", "!", ";", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": return .sentenceEnd
            case "?":
                let attached = index > 0 && isWordCharacter(characters[index - 1])
                return attached ? .trailingQuery : .leadingQuery
            default: return nil
            }
        }
    }
}
