import Yams

/// Typed access to YAML nodes that turns every mismatch into a located, readable error.
struct NodeReader {
    let file: String
    /// Lines before the YAML text starts in the file (front matter).
    let lineOffset: Int

    func error(_ node: Node?, _ message: String) -> PromptFileError {
        error(at: node?.mark, message)
    }

    func error(at mark: Mark?, _ message: String) -> PromptFileError {
        return PromptFileError(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1, message: message)
    }

    /// A short, user-facing name for what the node is, for "expected X, found Y" messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.null != nil && scalar.style == .plain { return "nothing" }
            return "'\(scalar.string.prefix(40))'"
        }
    }

    func text(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node, !(node.null != nil && scalar.style == .plain) else {
            throw error(node, "'\(key)' must be text, found \(describe(node))")
        }
        return scalar.string
    }

    func integer(_ node: Node, key: String, in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar = node, let value = node.int else {
            throw error(node, "'\(key)' must be a whole number in \(range.lowerBound)…\(range.upperBound), found \(describe(node))")
        }
        guard range.contains(value) else {
            throw error(node, "'\(key)' is \(value), outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func list(_ node: Node, key: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, "'\(key)' must be a list, found \(describe(node))")
        }
        return Array(sequence)
    }

    /// A value from a fixed set, matched case-insensitively, with a "did you mean".
    func choice<T>(_ node: Node, key: String, _ choices: [String: T], shown: [String]) throws -> T {
        let raw = try text(node, key: key)
        if let value = choices[raw.lowercased()] { return value }
        var message = "'\(key)' must be one of \(shown.joined(separator: ", ")), found '\(raw)'"
        if let guess = Spelling.closest(to: raw.lowercased(), in: Array(choices.keys)) {
            message += "; did you mean '\(guess)'?"
        }
        throw error(node, message)
    }

    /// The key/value pairs of a mapping; keys must be plain text and unique.
    func pairs(_ node: Node, what: String) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(what) must be a mapping of keys, found \(describe(node))")
        }
        var seen: Set<String> = []
        return try mapping.map { pair in
            guard case .scalar(let scalar) = pair.key else {
                throw error(pair.key, "keys must be plain names, found \(describe(pair.key))")
            }
            guard seen.insert(scalar.string).inserted else {
                throw error(pair.key, "key '\(scalar.string)' appears twice")
            }
            return (scalar.string, pair.key, pair.value)
        }
    }

    func unknownKey(_ key: String, at node: Node, known: [String]) -> PromptFileError {
        var message = "unknown key '\(key)'"
        if let guess = Spelling.closest(to: key, in: known) {
            message += "; did you mean '\(guess)'?"
        } else {
            message += "; expected one of \(known.joined(separator: ", "))"
        }
        return error(node, message)
    }
}

/// "Did you mean" suggestions by edit distance.
enum Spelling {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.sorted().map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(3, word.count / 3)) ? best.0 : nil
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment),
    /// since swapped letters are the commonest typo ("sedes" for "seeds").
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
