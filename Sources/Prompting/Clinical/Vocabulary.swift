extension ClinicalParser {
    /// The parser's whole vocabulary in one lexicon. Where two phrases of the same length start
    /// alike, the earlier table wins: findings, then cues, then modifiers, then filler.
    enum ClinicalVocabulary {
        static let lexicon = Lexicon(FindingVocabulary.entries + CueVocabulary.entries
            + ModifierVocabulary.entries + FillerVocabulary.entries)
    }
}
