extension ClinicalParser {
    /// Words that describe a finding (where, how much, how many, what sort) or glue clauses.
    enum ModifierVocabulary {
        private static func entry(_ term: Term, _ phrases: String...) -> VocabularyEntry {
            VocabularyEntry(term, phrases)
        }

        private static func place(_ side: Side?, _ zone: Zone?, _ phrases: String...) -> VocabularyEntry {
            VocabularyEntry(.location(side: side, zone: zone), phrases)
        }

        static let sides: [VocabularyEntry] = [
            entry(.side(.right), "right", "r", "rt", "right sided", "right side", "right hemithorax"),
            entry(.side(.left), "left", "l", "lt", "left sided", "left side", "left hemithorax"),
            entry(.side(.bilateral), "bilateral", "bilaterally", "both", "both sides", "both lungs",
                  "right and left", "left and right", "bilat", "both hemithoraces", "diffuse", "diffusely"),
        ]

        static let locations: [VocabularyEntry] = [
            place(.right, .upper, "right upper lobe", "rul", "right apex", "right upper zone", "right upper lung"),
            place(.right, .middle, "right middle lobe", "rml", "middle lobe", "right mid lung", "right midlung",
                  "right mid zone"),
            place(.right, .lower, "right lower lobe", "rll", "right lower zone", "right lower lung"),
            place(.left, .upper, "left upper lobe", "lul", "left apex", "left upper zone", "left upper lung"),
            place(.left, .middle, "lingula", "lingular", "lingular segment", "left mid lung", "left midlung",
                  "left mid zone"),
            place(.left, .lower, "left lower lobe", "lll", "left lower zone", "left lower lung"),
            place(.bilateral, .basal, "bibasilar", "bibasal", "bibasally", "bibasilar", "both bases", "bases",
                  "lung bases", "bilateral bases", "bilateral lower lobes", "lower lobes"),
            place(.bilateral, .apical, "biapical", "apices", "lung apices", "both apices"),
            place(.bilateral, .hilar, "bihilar", "hila", "both hila"),
            place(.bilateral, .upper, "upper lobes", "bilateral upper lobes"),
            place(nil, .upper, "upper", "upper lobe", "upper zone", "upper lung", "upper lung zone",
                  "suprahilar", "upper lung field"),
            place(nil, .middle, "mid", "middle", "mid zone", "midlung", "mid lung", "mid lung zone",
                  "middle zone", "mid lung field"),
            place(nil, .lower, "lower", "lower lobe", "lower zone", "lower lung", "lower lung zone",
                  "infrahilar", "lower lung field"),
            place(nil, .apical, "apical", "apex", "apicolateral", "lung apex", "apically"),
            place(nil, .basal, "basal", "base", "basilar", "basally", "lung base", "basilar segment",
                  "subpulmonic", "costophrenic", "diaphragmatic", "infrapulmonary"),
            place(nil, .hilar, "hilar", "hilum", "hilus"),
            place(nil, .perihilar, "perihilar", "bat wing", "batwing", "butterfly", "central perihilar",
                  "parahilar"),
            place(nil, .retrocardiac, "retrocardiac", "behind the heart"),
        ]

        static let severities: [VocabularyEntry] = [
            entry(.severity(.mild), "small", "mild", "minimal", "trace", "tiny", "slight", "subtle", "mildly",
                  "minimally", "slightly", "minor", "very small", "small volume", "small amount of"),
            entry(.severity(.moderate), "moderate", "moderately", "moderate sized", "moderate size",
                  "moderate amount of", "medium", "medium sized", "intermediate"),
            entry(.severity(.severe), "large", "severe", "massive", "marked", "extensive", "substantial", "big",
                  "huge", "severely", "markedly", "massively", "extensively", "substantially", "large volume",
                  "sizable", "sizeable", "considerable", "very large", "large amount of", "giant", "enormous",
                  "dense"),
        ]

        static let counts: [VocabularyEntry] = [
            entry(.count(3), "multiple", "numerous", "several", "innumerable", "many", "countless"),
            entry(.count(2), "few", "a few", "couple", "a couple of", "two", "pair of"),
            entry(.count(1), "single", "solitary", "one", "a single", "isolated", "lone"),
            entry(.count(3), "three"), entry(.count(4), "four"), entry(.count(5), "five"), entry(.count(6), "six"),
            entry(.count(7), "seven"), entry(.count(8), "eight"), entry(.count(9), "nine"), entry(.count(10), "ten"),
        ]

        static let qualifiers: [VocabularyEntry] = [
            entry(.qualifier("tension"), "tension", "tension physiology", "under tension"),
            entry(.qualifier("healed"), "healed", "healing", "old", "remote", "chronic", "prior healed"),
            entry(.qualifier("displaced"), "displaced", "displacement"),
            entry(.qualifier("loculated"), "loculated", "loculation", "loculations", "encapsulated"),
            // Swallowed so "non-displaced" never reads as displaced.
            entry(.filler, "non displaced", "nondisplaced", "undisplaced", "not displaced", "no displacement",
                  "without displacement", "non loculated"),
            entry(.kindHint("rib"), "rib", "ribs", "costal"),
            entry(.kindHint("clavicle"), "clavicle", "clavicles", "clavicular"),
        ]

        static let predicates: [VocabularyEntry] = [
            entry(.predicate, "enlarged", "enlargement", "enlarging", "widened", "widening", "wide", "prominent",
                  "prominence", "increased", "engorged", "engorgement", "indistinct", "indistinctness", "blunting",
                  "blunted", "dilated", "dilatation", "dilation", "increase in size", "increased in size",
                  "obliterated", "obliteration", "effaced", "effacement"),
            entry(.stability, "stable", "unchanged", "stably", "similar", "no change", "not changed",
                  "without change", "no significant change", "no interval change", "grossly stable",
                  "similar to prior", "unchanged from prior", "stable appearance"),
        ]

        static let affirmations: [VocabularyEntry] = [
            entry(.affirmation, "present", "is present", "are present", "seen", "is seen", "are seen", "noted",
                  "is noted", "are noted", "identified", "demonstrated", "visualized", "visible", "evident",
                  "apparent", "appreciated", "persists", "persist", "persistent", "persisting", "has increased",
                  "increasing", "decreased", "decreasing", "improved", "improving", "worse", "worsened",
                  "worsening", "new", "newly", "developing", "again seen", "again noted", "redemonstrated",
                  "re demonstrated", "consistent with", "compatible with", "in keeping with", "represents",
                  "there is", "there are", "residual", "resolving", "in place", "in position", "in good position",
                  "in satisfactory position", "in standard position", "projects", "projecting", "terminates",
                  "terminating", "ends", "courses", "coursing", "interval development of", "interval increase in",
                  "development of", "evidence of", "findings of", "signs of", "suggestion of", "demonstrates",
                  "shows", "reveals", "showing", "revealing", "with tip", "tip", "tips"),
        ]

        static let connectives: [VocabularyEntry] = [
            entry(.preposition, "in", "at", "on", "within", "of", "involving", "along", "over", "overlying",
                  "from", "near", "adjacent to", "at the level of", "into", "throughout", "located in",
                  "seen in", "noted in", "in the region of", "predominantly in", "predominantly at"),
            entry(.conjunction(.and), "and", "plus", "as well as", "in addition to"),
            entry(.conjunction(.or), "or", "nor", "either"),
            entry(.conjunction(.with), "with", "along with", "together with", "associated with",
                  "accompanied by", "w"),
            entry(.conjunction(.but), "but", "however", "although", "though", "whereas", "while", "otherwise",
                  "except for", "apart from", "aside from", "other than", "yet"),
            entry(.unit(1), "cm", "cms", "centimeter", "centimeters", "centimetre", "centimetres"),
            entry(.unit(0.1), "mm", "millimeter", "millimeters", "millimetre", "millimetres"),
            entry(.times, "x", "by"),
        ]

        /// Known findings outside CheXpert's 14, kept whole so their words are not misread
        /// ("pericardial effusion" is not a pleural effusion) and reported back as unparsed.
        static let unsupported: [VocabularyEntry] = [
            VocabularyEntry(.unsupported, pluralize: true, [
                "pericardial effusion", "pericardial fluid", "emphysema", "subcutaneous emphysema", "copd",
                "hyperinflation", "hyperinflated", "hyperexpanded", "hyperexpansion", "low lung volume",
                "hiatal hernia", "hernia", "scoliosis", "kyphosis", "aortic calcification", "calcified aorta",
                "tortuous aorta", "atherosclerotic calcification", "atherosclerosis", "pneumomediastinum",
                "pneumoperitoneum", "free air", "bronchiectasis", "elevated hemidiaphragm", "hemidiaphragm elevation",
                "eventration", "degenerative change", "osteopenia", "interstitial lung disease",
                "lymphadenopathy", "adenopathy", "bulla", "bullae", "bleb", "cavity", "cyst", "mediastinal shift",
                "tracheal deviation", "aortic knob", "aortic arch", "unfolded aorta", "tortuosity",
            ]),
        ]

        static let entries: [VocabularyEntry] = sides + locations + severities + counts + qualifiers
            + predicates + affirmations + connectives + unsupported
    }
}
