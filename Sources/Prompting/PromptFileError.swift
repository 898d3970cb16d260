/// A problem in a prompt file or site config, located to the line and column where it is.
public struct PromptFileError: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    /// Path of the file, relative to the site root (as the user would type it).
    public var file: String
    /// 1-based line; 0 when the problem is the whole file (unreadable, too large).
    public var line: Int
    /// 1-based column; 0 when not known.
    public var column: Int
    /// What was wrong and what was expected.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `prompts/a.yaml:3:7: error: …`, the form editors and terminals turn into links.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
