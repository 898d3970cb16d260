extension ClinicalParser {
    /// Words that carry nothing for the 14 observations: report boilerplate, grammar, device-tip
    /// landmarks, descriptors of texture. A clause made only of these (and of things the parser
    /// understood) is not reported as unparsed.
    enum FillerVocabulary {
        static let words: [String] = [
            // Grammar.
            "the", "a", "an", "any", "some", "this", "that", "these", "those", "is", "are", "was", "were", "be",
            "been", "being", "am", "has", "have", "had", "there", "it", "its", "which", "who", "what", "as", "to",
            "for", "than", "then", "now", "still", "again", "so", "such", "very", "only", "just", "here", "each",
            "other", "another", "same", "all", "also", "additionally", "i", "we", "you", "please", "thank", "note",
            "if", "does", "do",
            "did", "can", "will", "shall", "would", "should", "their", "his", "her", "he", "she", "they",
            // Report boilerplate.
            "patient", "pt", "pts", "history", "ho", "indication", "indications", "comparison", "compared",
            "technique", "impression", "report", "reason", "clinical", "clinically", "view", "views", "projection",
            "projections", "upright", "erect", "semi", "semiupright", "sitting", "radiographic", "radiographically",
            "radiology", "status", "post", "sp", "prior", "previous", "previously", "since", "interval", "today",
            "current", "currently", "recent", "recently", "dated", "date", "available", "obtained", "provided",
            "performed", "submitted", "examined", "evaluation", "evaluated", "further", "followup", "follow", "up",
            "ct", "recommended", "recommend", "correlation", "indicated", "given", "limited", "technically",
            "suboptimal", "rotation", "rotated", "inspiration", "inspiratory", "effort", "poor", "lordotic",
            "mr", "mrs", "ms", "male", "female", "yo", "year", "years", "old", "aged", "age", "xr", "images",
            "radiographs", "films", "portable", "frontal", "lateral", "lat", "bedside",
            "demonstrate", "show", "reveal", "depicts", "depict", "illustrates", "overall", "essentially",
            "grossly", "findings", "finding", "prompt", "generate", "synthetic",
            "synthesize", "depicting", "showing", "picture", "case", "example", "typical", "classic", "classical",
            "appearance", "appears", "appear", "appearing", "remain", "remains", "remained", "well", "expanded",
            "inflated", "aerated", "consistent", "compatible", "keeping", "visualized", "definitely",
            "acute", "focal", "definite", "obvious", "significant", "appreciable", "discrete", "overt", "frank",
            "pulmonary", "pleural", "sided", "side", "sides", "region", "regions", "area", "areas", "zone", "zones",
            "field", "fields", "aspect", "portion", "portions", "segment", "segments", "lobe", "lobes", "lobar",
            "posterior", "anterior", "medial", "superior", "inferior", "dependent", "peripheral", "central",
            "subsegmental", "segmental", "patchy", "streaky", "linear", "plate", "like", "platelike", "discoid",
            "bandlike", "band", "airspace", "air", "space", "alveolar", "interstitial", "reticular", "nodular",
            "confluent", "ill", "defined", "poorly", "faint", "vague", "early", "superimposed", "underlying",
            "associated", "component", "element", "degree", "amount", "volume", "volumes", "size", "sized",
            "measuring", "measures", "measure", "measured", "approximately", "about", "approx", "roughly",
            "greater", "less", "more", "most", "thorax", "thoracic", "hemithorax", "cardiopulmonary",
            "intrathoracic", "process", "changes", "postoperative", "postsurgical", "surgical", "calcified",
            "noncalcified", "cavitary", "spiculated", "rounded", "round", "ovoid", "irregular", "smooth",
            "well circumscribed", "circumscribed", "dominant", "index", "parenchymal", "airway", "airways",
            "layering", "meniscus", "meniscus sign", "dependent", "free", "flowing", "fluid", "opaque", "radiopaque",
            "lucent", "lucency",
            "pleural based", "subpleural", "peripherally", "centrally", "predominantly", "predominant",
            "bronchial", "vascular", "septal", "sign", "signs", "evidence", "suggestion", "question",
            // Device tips and landmarks.
            "carina", "svc", "cavoatrial", "junction", "atrium", "atrial", "ventricle", "ventricular", "vena",
            "cava", "jugular", "ij", "internal", "external", "subclavian", "brachiocephalic", "stomach", "gastric",
            "esophagus", "esophageal", "gastroesophageal", "duodenum", "diaphragm", "hemidiaphragm",
            "hemidiaphragms", "below", "above", "beyond", "distal", "proximal", "level", "expected", "appropriate",
            "appropriately", "satisfactory", "standard", "good", "position", "positioned", "course", "via",
            "approach", "lead", "leads", "wire", "wires", "side", "hole", "soft", "tissue", "tissues", "trachea",
            "tracheal", "midline", "thoracic inlet", "clavicular heads", "heads", "aorta", "aortic", "right atrium",
            "left atrium", "right ventricle", "left ventricle",
            "ra", "rv", "lv", "op", "postop", "preop", "larger", "smaller", "largest", "smallest", "greatest",
            "generator", "pocket", "tip", "tips", "inserted", "placed", "placement", "advanced", "withdrawn",
            "retracted", "repositioned", "terminating", "insertion", "chest wall", "wall", "spine", "vertebral",
            "thoracolumbar", "shoulder", "shoulders", "humerus", "scapula", "sternum", "axilla", "neck",
            "abdomen", "upper abdomen", "bowel", "gas", "visualized portions",
        ]

        static let entries: [VocabularyEntry] = [VocabularyEntry(.filler, words)]
    }
}
