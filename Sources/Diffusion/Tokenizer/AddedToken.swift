/// A token matched in raw text before any normalization (transformers' `AddedToken`):
/// CLIP's special tokens and whatever a tokenizer config adds.
struct AddedToken: Sendable, Equatable {
    var content: String
    var id: Int
    /// Eat whitespace to the left / right of the token.
    var lstrip = false
    var rstrip = false
    /// Only match when the token is not glued to other text.
    var singleWord = false
    var special = false
}
