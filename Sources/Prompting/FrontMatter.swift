/// Splits text with YAML front matter (`---` … `---`, as static-site generators use) into
/// the YAML and the body.
struct FrontMatter {
    /// The YAML between the fences, or nil when the file has no front matter.
    var yaml: String?
    /// Number of lines before the YAML starts (for error positions).
    var yamlLineOffset: Int
    /// The text after the closing fence (or the whole file without front matter), trimmed.
    var body: String
    /// Line where the body starts.
    var bodyLine: Int

    static func split(_ text: String, file: String) throws -> FrontMatter {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool {
            let trimmed = line.trimmingTrailingWhitespace
            return trimmed == "---" || trimmed == "..."
        }
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text.trimmedText, bodyLine: 1)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            throw PromptFileError(file: file, line: 1, column: 1,
                                  message: "front matter opened with '---' is never closed; expected a line '---' after the keys")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body.trimmedText, bodyLine: close + 2)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, " \t\r".contains(self[index(before: end)]) {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}

extension StringProtocol {
    /// The text without surrounding whitespace and newlines.
    var trimmedText: String {
        String(self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
