/// transformers' `Trie.split`, ported step for step: cuts text at the added tokens, taking
/// the earliest match and, among matches starting there, the longest, with the same
/// look-ahead behaviour as the Python code (so unusual overlaps split identically).
struct AddedTokenSplitter: Sendable {
    private struct Node: Sendable {
        var children: [Unicode.Scalar: Int] = [:]
        var terminal = false
    }

    private var nodes = [Node()]

    init(tokens: [String]) {
        for token in tokens where !token.isEmpty { insert(token) }
    }

    private mutating func insert(_ word: String) {
        var node = 0
        for scalar in word.unicodeScalars {
            if let next = nodes[node].children[scalar] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[scalar] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].terminal = true
    }

    /// Splits `text` into pieces; the added tokens come out as pieces of their own.
    func split(_ text: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        // Partial matches in progress, in order of their start: (start, trie node).
        var states: [(start: Int, node: Int)] = []
        var offsets = [0]
        var skip = 0
        for (current, character) in text.enumerated() {
            if skip > 0 && current < skip { continue }
            var toRemove = Set<Int>()
            var reset = false
            var k = 0
            while k < states.count {
                var start = states[k].start
                let node = states[k].node
                if nodes[node].terminal {
                    // A match ended before `current`; look for a longer one among states that
                    // started no later, exactly as the Python implementation does.
                    var end = 0
                    for look in states {
                        if look.start > start { break }
                        var lookNode = look.node
                        var lookahead: Int
                        if look.start < start {
                            lookahead = current + 1
                            end = current + 1
                        } else {
                            lookahead = current
                            end = current
                        }
                        var next: Unicode.Scalar? = lookahead < text.count ? text[lookahead] : nil
                        if nodes[lookNode].terminal {
                            start = look.start
                            end = lookahead
                            skip = lookahead
                        }
                        while let nextScalar = next, let child = nodes[lookNode].children[nextScalar] {
                            lookNode = child
                            lookahead += 1
                            if nodes[lookNode].terminal {
                                start = look.start
                                end = lookahead
                                skip = lookahead
                            }
                            if lookahead == text.count { break }
                            next = text[lookahead]
                        }
                    }
                    offsets.append(start)
                    offsets.append(end)
                    reset = true
                    break
                } else if let child = nodes[node].children[character] {
                    states[k].node = child
                } else {
                    toRemove.insert(states[k].start)
                }
                k += 1
            }
            if reset {
                states = []
            } else if !toRemove.isEmpty {
                states.removeAll { toRemove.contains($0.start) }
            }
            if current >= skip, let child = nodes[0].children[character] {
                states.append((current, child))
            }
        }
        for state in states where nodes[state.node].terminal {
            offsets.append(state.start)
            offsets.append(text.count)
            break
        }
        return Self.cut(text, offsets: offsets)
    }

    /// `Trie.cut_text`.
    private static func cut(_ text: [Unicode.Scalar], offsets: [Int]) -> [[Unicode.Scalar]] {
        var pieces: [[Unicode.Scalar]] = []
        var start = 0
        for end in offsets + [text.count] {
            if start > end { continue }  // the Python code logs this as a bug and skips it
            if start == end { continue }
            pieces.append(Array(text[start..<end]))
            start = end
        }
        return pieces
    }
}
