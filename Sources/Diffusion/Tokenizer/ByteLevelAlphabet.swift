/// GPT-2/CLIP's `bytes_to_unicode`: every byte gets a printable character, the printable
/// Latin-1 bytes themselves and the other 68 bytes U+0100 onwards, so BPE works on text
/// without whitespace or control characters.
enum ByteLevelAlphabet {
    static let characters: [Character] = {
        let printable = Array(0x21...0x7e) + Array(0xa1...0xac) + Array(0xae...0xff)
        var table = [Character?](repeating: nil, count: 256)
        for byte in printable { table[byte] = Character(Unicode.Scalar(UInt8(byte))) }
        var extra = 0
        for byte in 0..<256 where table[byte] == nil {
            table[byte] = Character(Unicode.Scalar(UInt32(256 + extra))!)
            extra += 1
        }
        return table.map { $0! }
    }()

    /// The byte-level symbols of a piece of text: one per UTF-8 byte.
    static func symbols(for text: String) -> [String] {
        text.utf8.map { String(characters[Int($0)]) }
    }
}
