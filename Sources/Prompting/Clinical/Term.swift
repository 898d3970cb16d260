extension ClinicalParser {
    /// What one observation a mention stands for, and how the mention reads on its own.
    struct MentionTarget: Sendable, Hashable {
        var observation: Observation
        var kind: String? = nil
        var qualifier: String? = nil
        var zone: Zone? = nil
        /// Label of the bare mention. CheXpert reads "vascular congestion" as uncertain edema and
        /// "extubated" plainly says the tube is out.
        var baseLabel: FindingLabel = .positive
    }

    /// What a matched phrase means to the parser.
    enum MentionRole: Sendable, Hashable {
        /// A finding stated outright ("effusion", "PTX", "ET tube").
        case finding([MentionTarget])
        /// A structure that is a finding only with a predicate or a normality cue: "heart size"
        /// means nothing until it is "enlarged" (→ `affirmed`) or "normal" (→ negative).
        case anatomy(Observation, affirmed: FindingLabel)
        /// "lungs": only "clear"/"normal" says anything (Lung Opacity negative, No Finding).
        case lungs
        /// "chest radiograph", "study": only "normal"/"unremarkable" says anything (No Finding).
        case wholeStudy
        /// "acute cardiopulmonary process", "abnormality": negated, it means No Finding.
        case abnormality
    }

    /// Whether a cue denies or doubts, and which mentions it reaches.
    struct Cue: Sendable, Hashable {
        enum Effect: Sendable, Hashable { case negate, doubt }
        enum Reach: Sendable, Hashable {
            /// "no X", "possible X".
            case forward
            /// "X is not seen", "X cannot be excluded".
            case backward
            /// "likely X" and "X is likely": what follows if anything does, else what precedes.
            case nearest
            /// "X versus Y": the mention before it and those after it.
            case around
        }

        var effect: Effect
        var reach: Reach
        /// "normal", "clear", "unremarkable": these also speak about bare anatomy ("heart size is
        /// normal"), where "no" does not ("no mediastinal shift").
        var isNormality = false
        /// CheXpert matches "cannot exclude", "no new" before negation, so they win over it.
        var overridesNegation = false

        var label: FindingLabel { effect == .negate ? .negative : .uncertain }
    }

    /// How a clause is tied to the one before it.
    enum Join: Sendable, Hashable {
        case start, comma, colon, and, or, with, without, but
    }

    /// The meaning of one matched word or phrase.
    enum Term: Sendable, Hashable {
        case mention(MentionRole)
        case cue(Cue)
        /// Explicit side ("left", "R", "bilateral", "bibasilar").
        case side(Side)
        /// A place, with the side it implies ("right upper lobe", "bases" → bilateral, basal).
        case location(side: Side?, zone: Zone?)
        case severity(Severity)
        /// "multiple" (3), "two" (2), "solitary" (1).
        case count(Int)
        /// A qualifier from `Finding.qualifiers`' vocabulary.
        case qualifier(String)
        /// A sub-kind said apart from the finding word ("fracture of the left 5th rib").
        case kindHint(String)
        /// "enlarged", "widened", "prominent": affirms a bare anatomy mention.
        case predicate
        /// "stable", "unchanged": CheXpert reads a stable heart/mediastinum as uncertain.
        case stability
        /// "is present", "seen", "noted", "new": states a finding, so a list's negation stops.
        case affirmation
        /// "in", "at", "on": a location after a preposition belongs to the preceding finding.
        case preposition
        case conjunction(Join)
        /// Length unit in centimetres: "cm" 1, "mm" 0.1.
        case unit(Double)
        /// The "x" of "2 x 3 cm".
        case times
        /// A known finding CheXpert does not label ("pericardial effusion", "emphysema"):
        /// swallowed so its words are not misread, and reported as unparsed.
        case unsupported
        /// Words that carry nothing here ("the", "chest radiograph", "demonstrates").
        case filler
    }
}
