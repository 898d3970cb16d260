import Foundation

/// Checks that run on the raw bytes before YAML parsing, so hostile files (binary junk,
/// NUL bytes, alias bombs, absurd nesting) fail fast with a located error instead of
/// crashing, hanging or exhausting memory inside the parser.
enum TextGuards {
    /// Decodes UTF-8 text fit for YAML or throws at the first offending byte.
    static func decode(_ data: Data, file: String) throws -> String {
        guard data.count <= PromptLimits.maxFileBytes else {
            throw PromptFileError(file: file, line: 0, column: 0,
                                  message: "file is \(data.count) bytes; prompt files are limited to \(PromptLimits.maxFileBytes) bytes")
        }
        let bytes = [UInt8](data)
        var position = TextPosition()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    throw position.error(file, "NUL byte; prompt files must be plain UTF-8 text")
                }
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" {
                    throw position.error(file, "control character U+\(String(format: "%04X", scalar.value)); prompt files must be plain UTF-8 text, not binary data")
                }
                position.advance(over: scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw position.error(file, "invalid UTF-8; prompt files must be plain UTF-8 text, not binary data")
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // A BOM is legal but not content.
        return text
    }

    /// Rejects documents nested deeper than any prompt file needs, or with more aliases than
    /// any prompt file needs; `lineOffset` maps positions back to the whole file.
    static func checkStructure(_ yaml: String, file: String, lineOffset: Int) throws {
        var flowDepth = 0, aliases = 0
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let location = (line: lineIndex + 1 + lineOffset, column: indent + 1)
            // "- - - x" nests one block level per dash on a single line.
            let leadingDashes = scalars.prefix { $0 == " " || $0 == "-" }.filter { $0 == "-" }.count
            if indent > PromptLimits.maxNesting * 4 || leadingDashes > PromptLimits.maxNesting {
                let why = leadingDashes > PromptLimits.maxNesting ? "\(leadingDashes) nested list markers" : "indented \(indent) columns"
                throw PromptFileError(file: file, line: location.line, column: location.column,
                                      message: "nesting is too deep (\(why)); prompt files need only a few levels")
            }
            var quote: Unicode.Scalar?
            var previous: Unicode.Scalar = " "
            for (column, scalar) in scalars.enumerated() {
                defer { previous = scalar }
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "\"" where " [{,:-".unicodeScalars.contains(previous), "'" where " [{,:-".unicodeScalars.contains(previous):
                    quote = scalar
                case "#" where previous == " " || column == 0: break
                case "[", "{":
                    flowDepth += 1
                    if flowDepth > PromptLimits.maxNesting {
                        throw PromptFileError(file: file, line: location.line, column: column + 1,
                                              message: "nesting is deeper than \(PromptLimits.maxNesting) levels; prompt files need only a few")
                    }
                case "]", "}": flowDepth = max(0, flowDepth - 1)
                case "*" where " [{,:-\t".unicodeScalars.contains(previous) || column == 0:
                    aliases += 1
                    if aliases > PromptLimits.maxAliases {
                        throw PromptFileError(file: file, line: location.line, column: column + 1,
                                              message: "more than \(PromptLimits.maxAliases) aliases (*name); refusing a possible alias bomb")
                    }
                default: break
                }
                if scalar == "#" && (previous == " " || column == 0) && quote == nil { break }
            }
        }
    }
}

/// Line and column (1-based, counted in Unicode scalars) while walking a text.
struct TextPosition {
    var line = 1
    var column = 1

    mutating func advance(over scalar: Unicode.Scalar) {
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    func error(_ file: String, _ message: String) -> PromptFileError {
        PromptFileError(file: file, line: line, column: column, message: message)
    }
}
