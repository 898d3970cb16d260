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
            throw locate(error, reader: reader)
        }
    }

    private static func locate(_ error: YamlError, reader: NodeReader) -> PromptFileError {
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
            return at(context.mark, "key '\(duplicates.joined(separator: "', '"))' appears twice", nil)
        case .reader(let problem, _, _, _): return PromptFileError(file: reader.file, line: 0, column: 0, message: "invalid YAML: \(problem)")
        default: return PromptFileError(file: reader.file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }
}
