extension ClinicalParser {
    /// Projection, patient position, sex and age found in a prompt, and which tokens said so.
    struct Demographics: Sendable {
        var view: ViewPosition?
        var supine = false
        var sex: Sex?
        var age: Int?
        /// Token indices used here; the finding stages skip them.
        var consumed: Set<Int> = []

        /// Reads demographics from the whole token stream (they may sit anywhere: "55F",
        /// "a 67-year-old man", "AP supine", "PA and lateral views").
        static func read(_ tokens: [Token]) -> Demographics {
            var reader = DemographicsReader(tokens: tokens)
            reader.readAges()
            reader.readSexWords()
            reader.readViews()
            return reader.result
        }
    }

    /// Working state for `Demographics.read`.
    private struct DemographicsReader {
        let tokens: [Token]
        var result = Demographics()

        init(tokens: [Token]) { self.tokens = tokens }

        private static let maleWords: Set<String> = ["man", "male", "gentleman", "boy", "m", "males", "gent"]
        private static let femaleWords: Set<String> = ["woman", "female", "lady", "girl", "f", "females"]
        /// Sex words that only mean sex right after an age ("55 M"); elsewhere "m" could be anything.
        private static let sexLetters: Set<String> = ["m", "f"]
        private static let yearUnits: Set<String> = ["year", "years", "yr", "yrs", "y"]
        private static let infantUnits: Set<String> = ["month", "months", "mo", "mos", "week", "weeks", "wk", "wks",
                                                       "day", "days", "newborn"]
        /// Words after "lateral"/"frontal" that show it names the projection, not a body part's side.
        private static let projectionFollowers: Set<String> = [
            "view", "views", "film", "films", "projection", "projections", "radiograph", "radiographs", "chest",
            "cxr", "image", "images", "x", "xray", "only", "and", "exam", "examination", "study", "radiography", "or",
        ]

        private func text(_ index: Int) -> String? {
            index >= 0 && index < tokens.count ? tokens[index].text : nil
        }

        // MARK: Age

        mutating func readAges() {
            for index in tokens.indices where tokens[index].kind == .number {
                readAge(startingAt: index)
            }
            // "age 40", "aged: 40".
            let ageWords: Set<String> = ["age", "aged"]
            for index in tokens.indices where tokens[index].kind == .word && ageWords.contains(tokens[index].text) {
                var next = index + 1
                if next < tokens.count, tokens[next].kind == .colon { next += 1 }
                guard next < tokens.count, tokens[next].kind == .number,
                      !result.consumed.contains(next) else { continue }
                setAge(tokens[next].value, span: [index, next])
            }
        }

        /// "67 year old", "67 yo M", "55F", "40 years of age", "6 month old".
        private mutating func readAge(startingAt index: Int) {
            guard index + 1 < tokens.count, tokens[index + 1].kind == .word else { return }
            let unit = tokens[index + 1].text
            var span = [index, index + 1]
            var isInfant = false
            if Self.yearUnits.contains(unit) || Self.infantUnits.contains(unit) {
                isInfant = Self.infantUnits.contains(unit)
                if text(index + 2) == "old" {
                    span.append(index + 2)
                } else if text(index + 2) == "of", text(index + 3) == "age" {
                    span += [index + 2, index + 3]
                } else if unit != "y" {
                    return                           // "in 2 years", "3 days": a duration, not an age
                }
            } else if unit == "yo" {
                // "67 yo", "67 y/o", "67 y.o."
            } else if Self.maleWords.contains(unit) || Self.femaleWords.contains(unit) {
                // "55F", "55 M", "72 male": the sex word stands in for the unit.
                setAge(tokens[index].value, span: [index])
                readSex(at: index + 1)
                return
            } else {
                return
            }
            setAge(isInfant ? 0 : tokens[index].value, span: span)
            if let last = span.last { readSex(at: last + 1) }
        }

        private mutating func setAge(_ value: Double?, span: [Int]) {
            for index in span { result.consumed.insert(index) }
            guard result.age == nil, let value, value >= 0, value <= 120 else { return }
            result.age = Int(value)
        }

        /// A sex word right after an age, where even a lone "M"/"F" counts.
        private mutating func readSex(at index: Int) {
            guard let word = text(index), tokens[index].kind == .word else { return }
            if Self.maleWords.contains(word) {
                setSex(.male, at: index)
            } else if Self.femaleWords.contains(word) {
                setSex(.female, at: index)
            }
        }

        // MARK: Sex

        mutating func readSexWords() {
            for index in tokens.indices where tokens[index].kind == .word && !result.consumed.contains(index) {
                let word = tokens[index].text
                guard !Self.sexLetters.contains(word) else { continue }
                if Self.maleWords.contains(word) {
                    setSex(.male, at: index)
                } else if Self.femaleWords.contains(word) {
                    setSex(.female, at: index)
                }
            }
        }

        private mutating func setSex(_ sex: Sex, at index: Int) {
            result.consumed.insert(index)
            if result.sex == nil { result.sex = sex }
        }

        // MARK: View

        mutating func readViews() {
            var explicitFrontal: ViewPosition?
            var portable = false
            var frontal = false
            var lateral = false
            var index = 0
            while index < tokens.count {
                defer { index += 1 }
                guard tokens[index].kind == .word, !result.consumed.contains(index) else { continue }
                let word = tokens[index].text
                let next = text(index + 1)
                switch word {
                case "pa", "posteroanterior":
                    explicitFrontal = explicitFrontal ?? .pa
                    result.consumed.insert(index)
                case "ap", "anteroposterior":
                    explicitFrontal = explicitFrontal ?? .ap
                    result.consumed.insert(index)
                case "postero" where next == "anterior", "antero" where next == "posterior":
                    explicitFrontal = explicitFrontal ?? (word == "postero" ? .pa : .ap)
                    result.consumed.formUnion([index, index + 1])
                    index += 1
                case "portable", "bedside":
                    portable = true
                    result.consumed.insert(index)
                case "supine", "semisupine":
                    result.supine = true
                    result.consumed.insert(index)
                case "frontal" where namesProjection(after: index):
                    frontal = true
                    result.consumed.insert(index)
                case "lateral" where namesProjection(after: index), "lat" where namesProjection(after: index):
                    lateral = true
                    result.consumed.insert(index)
                default:
                    break
                }
            }
            if result.supine {
                result.view = .ap
            } else if let explicitFrontal {
                result.view = explicitFrontal
            } else if portable {
                result.view = .ap
            } else if frontal {
                result.view = .pa
            } else if lateral {
                result.view = .lateral
            }
        }

        /// "lateral view", "PA and lateral", "lateral." name a projection; "lateral costophrenic
        /// angle" does not.
        private func namesProjection(after index: Int) -> Bool {
            guard index + 1 < tokens.count else { return true }
            let next = tokens[index + 1]
            if next.kind != .word && next.kind != .number { return true }
            return Self.projectionFollowers.contains(next.text)
        }
    }
}
