import Yams

/// Parses a YAML stream into its documents, turning libyaml's errors into located ones.
enum YAMLDocuments {
    static func compose(_ yaml: String, reader: NodeReader) throws -> [Node] {
        do {
            // Each scalar is resolved only for the keys we read, so nothing here walks
            // alias-expanded trees; TextGuards has bounded aliases and nesting already.
            let parser = try Parser(yaml: yaml)
            var documents: [Node] = []
            while let node = try parser.nextRoot() {
                documents.append(node)
            }
            return documents
        } catch let error as YamlError {
            throw locate(error, yaml: yaml, reader: reader)
        }
    }

    /// libyaml reports a duplicate key at its mapping; point at the second occurrence instead.
    private static func secondOccurrence(of key: String, in yaml: String, from line: Int) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= line {
            let trimmed = text.drop { $0 == " " || $0 == "-" }
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
            seen += 1
            if seen == 2 { return (index + 1, text.count - trimmed.count + 1) }
        }
        return nil
    }

    private static func locate(_ error: YamlError, yaml: String, reader: NodeReader) -> PromptFileError {
        func at(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> PromptFileError {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + reader.lineOffset))" }
            return PromptFileError(file: reader.file, line: mark.line + reader.lineOffset, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return at(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return at(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return at(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let place = duplicates.first.flatMap { secondOccurrence(of: $0, in: yaml, from: context.mark.line) }
                ?? (context.mark.line, context.mark.column)
            return PromptFileError(file: reader.file, line: place.line + reader.lineOffset, column: place.column,
                                   message: "key '\(duplicates.joined(separator: "', '"))' appears twice")
        case .reader(let problem, _, _, _): return PromptFileError(file: reader.file, line: 0, column: 0, message: "invalid YAML: \(problem)")
        default: return PromptFileError(file: reader.file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }
}
