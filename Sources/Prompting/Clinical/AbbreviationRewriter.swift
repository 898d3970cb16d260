extension ClinicalParser {
    /// Rewrites the slash and dot shorthands of reports ("y/o", "w/o", "b/l", "vs.") into single
    /// words, so later stages see "yo", "without", "bilateral" and "vs" and never a stray period
    /// that would end the sentence; drops the numbers of numbered lists ("1.", "2)").
    enum AbbreviationRewriter {
        /// Slash shorthands: letters on both sides of a "/" written together.
        private static let slashForms: [String: String] = [
            "y/o": "yo", "w/o": "without", "b/l": "bilateral", "s/p": "sp",
            "r/o": "ro", "h/o": "ho", "and/or": "or", "c/w": "consistent with",
        ]

        /// Words a period may follow without ending the sentence.
        private static let dottedAbbreviations: Set<String> = [
            "vs", "v", "approx", "pt", "dr", "eg", "ie", "yr", "yrs", "mo",
        ]

        static func rewrite(_ tokens: [Token]) -> [Token] {
            var output: [Token] = []
            output.reserveCapacity(tokens.count)
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                // "y.o." and "y.o" -> "yo".
                if token.kind == .word, token.text == "y", index + 2 < tokens.count,
                   tokens[index + 1].text == ".", tokens[index + 2].text == "o",
                   isContiguous(tokens, index, index + 2) {
                    var skip = 3
                    if index + 3 < tokens.count, tokens[index + 3].text == ".",
                       isContiguous(tokens, index + 2, index + 3) {
                        skip = 4
                    }
                    output.append(merged(tokens[index...(index + skip - 1)], text: "yo"))
                    index += skip
                    continue
                }
                if token.kind == .word, index + 2 < tokens.count, tokens[index + 1].text == "/",
                   tokens[index + 2].kind == .word,
                   let replacement = slashForms["\(token.text)/\(tokens[index + 2].text)"] {
                    output.append(contentsOf: replacement.split(separator: " ").map {
                        merged(tokens[index...(index + 2)], text: String($0))
                    })
                    index += 3
                    continue
                }
                if token.text == "/" {
                    // "w/ effusion" means with; any other slash separates alternatives.
                    if let previous = output.last, previous.text == "w", previous.end == token.start {
                        output[output.count - 1].text = "with"
                    } else {
                        output.append(Token(text: "or", kind: .word, start: token.start, end: token.end))
                    }
                    index += 1
                    continue
                }
                if isListMarker(tokens, at: index, after: output.last) {
                    index += 1
                    continue
                }
                if token.kind == .sentenceEnd, token.text == ".", let previous = output.last,
                   previous.kind == .word, dottedAbbreviations.contains(previous.text), previous.end == token.start {
                    index += 1
                    continue
                }
                output.append(token)
                index += 1
            }
            return output
        }

        /// "1." or "2)" opening a numbered item of an impression list.
        private static func isListMarker(_ tokens: [Token], at index: Int, after previous: Token?) -> Bool {
            let token = tokens[index]
            guard token.kind == .number, !token.text.contains("."), index + 1 < tokens.count else { return false }
            let next = tokens[index + 1]
            guard next.text == "." || next.text == ")", next.start == token.end else { return false }
            return next.text == ")" || previous == nil || previous?.kind == .sentenceEnd || previous?.kind == .colon
        }

        private static func isContiguous(_ tokens: [Token], _ from: Int, _ to: Int) -> Bool {
            guard from < to else { return true }
            for index in from..<to where tokens[index].end != tokens[index + 1].start { return false }
            return true
        }

        private static func merged(_ tokens: ArraySlice<Token>, text: String) -> Token {
            Token(text: text, kind: .word, start: tokens.first!.start, end: tokens.last!.end)
        }
    }
}
