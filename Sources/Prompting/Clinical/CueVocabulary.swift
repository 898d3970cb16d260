extension ClinicalParser {
    /// Negation and uncertainty cues, after CheXpert's and NegBio's patterns, as plain phrases.
    ///
    /// Choices where CheXpert is silent or odd:
    /// - "likely", "probable", "probably" are uncertain (a hedge is not a finding stated outright).
    /// - "unlikely" is negative: the reader leans absent, and the generator should not draw it.
    /// - "rule out", like CheXpert, is negative; "cannot rule out" is uncertain.
    /// - "no new X" is uncertain, as in CheXpert: an old X may still be there.
    enum CueVocabulary {
        private static func cue(_ effect: Cue.Effect, _ reach: Cue.Reach, normality: Bool = false,
                                overridesNegation: Bool = false, _ phrases: String...) -> VocabularyEntry {
            VocabularyEntry(.cue(Cue(effect: effect, reach: reach, isNormality: normality,
                                     overridesNegation: overridesNegation)), phrases)
        }

        static let entries: [VocabularyEntry] = [
            // Absence.
            cue(.negate, .forward, "no", "without", "negative for", "free of", "absence of", "no evidence of",
                "no evidence for", "no signs of", "no sign of", "no radiographic evidence of",
                "no radiographic signs of", "without evidence of", "without signs of", "clear of",
                "are clear of", "is clear of", "remain clear of", "remains clear of", "are free of", "is free of",
                "rather than",
                "resolution of", "interval resolution of", "removal of", "interval removal of", "no longer",
                "rule out", "ro", "neither", "there is no", "there are no", "no definite", "no obvious",
                "no visible", "no appreciable", "no significant", "no focal", "no residual", "no further",
                "without any", "no definitive", "no large", "no overt"),
            cue(.negate, .nearest, "not", "negative", "none", "absent", "unlikely", "excluded", "ruled out", "gone"),
            cue(.negate, .backward, "not seen", "is not seen", "are not seen", "not identified", "not visualized",
                "not visualised", "not demonstrated", "not present", "not appreciated", "not evident",
                "not detected", "no longer seen", "no longer visualized", "no longer present", "no longer evident",
                "has resolved", "have resolved", "resolved", "has cleared", "have cleared", "cleared", "removed",
                "has been removed", "have been removed", "was removed", "were removed", "is absent", "are absent",
                "not noted", "is not identified", "not appreciable", "is negative", "not found"),
            // Normal anatomy.
            cue(.negate, .nearest, normality: true, "normal", "unremarkable", "clear", "sharp", "intact",
                "within normal limits", "wnl", "normal in size", "normal size", "normal sized", "top normal",
                "upper normal", "within normal range", "well aerated", "well expanded and clear",
                "normal in size and contour", "normal in size and configuration", "normal in contour",
                "normal in size and shape", "within normal limits in size", "normal size and contour"),
            cue(.negate, .backward, normality: true, "not enlarged", "is not enlarged", "are not enlarged",
                "at the upper limits of normal", "at the upper limit of normal", "upper limits of normal",
                "upper limit of normal", "at upper limits of normal", "within the normal range",
                "not widened", "is not widened", "not dilated"),
            // Uncertainty that CheXpert matches before negation.
            cue(.doubt, .forward, overridesNegation: true, "cannot exclude", "can not exclude", "cant exclude",
                "cannot rule out", "can not rule out", "cant rule out", "could not exclude", "not rule out",
                "no new", "difficult to exclude"),
            cue(.doubt, .backward, overridesNegation: true, "cannot be excluded", "can not be excluded",
                "cant be excluded", "not be excluded", "not excluded", "cannot be ruled out", "can not be ruled out",
                "cant be ruled out", "not ruled out", "not be ruled out", "not entirely excluded",
                "cannot be entirely excluded", "cannot be completely excluded", "not completely excluded",
                "is not excluded", "are not excluded", "cannot be definitively excluded"),
            // Uncertainty.
            cue(.doubt, .forward, "possible", "possibility of", "question of", "may represent",
                "may reflect", "may indicate", "may be due to", "could represent", "could reflect", "could be due to",
                "might represent", "might reflect", "suspicious for", "suspicious of", "suspicion for",
                "suspicion of", "suspect", "concerning for", "concern for", "worrisome for", "suggestive of",
                "suggesting", "suggests", "suggest", "differential includes", "differential diagnosis includes",
                "differential considerations include", "differential diagnosis", "differential",
                "differential diagnosis would include", "evaluate for", "assess for", "eval for", "query",
                "presumably", "consider", "correlate for", "correlate clinically for", "clinical correlation for",
                "correlation for", "clinically correlate for", "may be related to", "could be related to",
                "possibly representing", "likely representing", "likely represents", "probably representing",
                "may also represent", "cannot distinguish", "indistinguishable from", "raising concern for",
                "which may represent", "which could represent"),
            cue(.doubt, .nearest, "questionable", "possibly", "likely", "most likely", "more likely", "probable",
                "probably",
                "suspected", "borderline", "presumed", "equivocal", "indeterminate", "less likely", "may be",
                "could be", "might be", "may", "could", "might", "potentially", "questionably", "uncertain",
                "not clearly seen", "poorly evaluated", "obscured", "would be", "can be", "maybe",
                "cannot be assessed", "not well evaluated", "not well seen", "is possible", "suspicious",
                "concerning", "worrisome"),
            cue(.doubt, .around, "versus", "vs", "or possibly"),
        ]
    }
}
