extension ClinicalParser {
    /// Words for the 14 observations, following CheXpert's mention lists where they are known
    /// (infiltrate and airspace disease are Lung Opacity; vascular congestion is uncertain Edema;
    /// fibrosis is Pleural Other).
    enum FindingVocabulary {
        private static func finding(_ observation: Observation, kind: String? = nil, qualifier: String? = nil,
                                    zone: Zone? = nil, baseLabel: FindingLabel = .positive,
                                    _ phrases: String...) -> VocabularyEntry {
            let target = MentionTarget(observation: observation, kind: kind, qualifier: qualifier,
                                       zone: zone, baseLabel: baseLabel)
            return VocabularyEntry(.mention(.finding([target])), pluralize: true, phrases)
        }

        private static func device(_ kind: String?, _ phrases: String...) -> VocabularyEntry {
            let target = MentionTarget(observation: .supportDevices, kind: kind)
            return VocabularyEntry(.mention(.finding([target])), pluralize: true, phrases)
        }

        private static func anatomy(_ observation: Observation, affirmed: FindingLabel = .positive,
                                    _ phrases: String...) -> VocabularyEntry {
            VocabularyEntry(.mention(.anatomy(observation, affirmed: affirmed)), pluralize: true, phrases)
        }

        static let entries: [VocabularyEntry] = [
            finding(.pleuralEffusion, "effusion", "pleural effusion", "pleural fluid", "hydrothorax",
                    "hemothorax", "haemothorax", "pleural fluid collection"),
            VocabularyEntry(.mention(.finding([MentionTarget(observation: .pneumothorax),
                                               MentionTarget(observation: .pleuralEffusion)])),
                            pluralize: true, ["hydropneumothorax", "hydro pneumothorax"]),
            finding(.pneumothorax, "pneumothorax", "pneumothoraces", "ptx", "pneumothoraxes"),
            finding(.consolidation, "consolidation", "consolidative", "consolidated", "consolidating",
                    "airspace consolidation", "air space consolidation"),
            finding(.consolidation, qualifier: "air bronchograms", "air bronchogram", "air bronchography"),
            finding(.lungOpacity, "opacity", "opacification", "opacified", "opacifying", "haziness", "hazy",
                    "hazy opacity", "ground glass", "ground glass opacity", "ground glass opacification",
                    "ggo", "infiltrate", "infiltration", "infiltrative", "density", "increased density",
                    "airspace disease", "air space disease", "airspace process", "air space process",
                    "interstitial marking", "interstitial markings", "interstitial opacity",
                    "reticular opacity", "reticulation", "parenchymal scarring", "scarring", "scar",
                    "peribronchial thickening", "peribronchial cuffing", "decreased translucency"),
            finding(.lungLesion, kind: "nodule", "nodule", "nodular opacity", "nodular density",
                    "nodular opacification", "nodularity", "lesion", "cavitary lesion", "granuloma",
                    "calcified granuloma", "metastasis", "metastases", "metastatic disease",
                    "pulmonary nodule", "lung nodule"),
            finding(.lungLesion, kind: "mass", "mass", "tumor", "tumour", "neoplasm", "carcinoma",
                    "malignancy", "cancer", "lung cancer", "lump", "cavitary mass", "lung mass"),
            finding(.edema, "edema", "oedema", "pulmonary edema", "interstitial edema", "alveolar edema",
                    "heart failure", "chf", "congestive heart failure", "fluid overload", "volume overload"),
            finding(.edema, qualifier: "kerley b lines", "kerley b line", "kerley line", "kerley b",
                    "septal line"),
            finding(.edema, baseLabel: .uncertain, "vascular congestion", "pulmonary vascular congestion",
                    "pulmonary venous congestion", "venous congestion", "pulmonary congestion", "congestion",
                    "pulmonary venous hypertension", "cephalization", "vascular redistribution"),
            finding(.atelectasis, "atelectasis", "atelectases", "atelectatic", "atelectatic change",
                    "collapse", "collapsed", "volume loss", "subsegmental atelectasis"),
            finding(.pneumonia, "pneumonia", "bronchopneumonia", "infection", "infectious process",
                    "infectious", "pneumonic process"),
            finding(.cardiomegaly, "cardiomegaly", "cardiac enlargement", "cardiomegalia"),
            finding(.enlargedCardiomediastinum, "mediastinal widening", "widened mediastinum",
                    "mediastinal enlargement"),
            finding(.pleuralOther, kind: "thickening", "pleural thickening", "pleural plaque",
                    "calcified pleural plaque", "pleural calcification", "fibrothorax", "pleural scarring",
                    "pleural scar", "pleural parenchymal scarring", "pleuroparenchymal scarring",
                    "pleural parenchymal scar"),
            finding(.pleuralOther, kind: "thickening", zone: .apical, "apical cap", "apical capping"),
            finding(.pleuralOther, "fibrosis", "pulmonary fibrosis"),
            finding(.fracture, "fracture", "fx", "fxs", "fractured", "broken", "fracture deformity",
                    "compression fracture"),
            finding(.fracture, kind: "rib", "rib fracture", "rib fx", "fractured rib", "broken rib"),
            finding(.fracture, kind: "clavicle", "clavicle fracture", "clavicular fracture", "clavicle fx",
                    "fractured clavicle"),
            finding(.fracture, baseLabel: .uncertain, "osseous abnormality", "bony abnormality",
                    "osseous injury", "acute osseous abnormality", "acute bony abnormality"),

            device("endotracheal tube", "endotracheal tube", "et tube", "ett", "et", "endotracheal",
                   "intubated", "endotracheal intubation", "et tube tip", "ett tip"),
            VocabularyEntry(.mention(.finding([MentionTarget(observation: .supportDevices, kind: "endotracheal tube",
                                                             baseLabel: .negative)])), ["extubated", "extubation"]),
            device("central line", "central line", "central venous line", "central venous catheter",
                   "central catheter", "cvc", "cvl", "picc", "picc line", "port", "portacath", "port a cath",
                   "mediport", "power port", "chest port", "internal jugular line", "internal jugular catheter",
                   "ij line", "ij catheter", "subclavian line", "subclavian catheter", "swan ganz catheter",
                   "swan ganz", "pulmonary artery catheter", "dialysis catheter", "hemodialysis catheter",
                   "triple lumen catheter", "venous catheter", "central venous access"),
            device("nasogastric tube", "nasogastric tube", "nasogastric", "ng tube", "ngt", "ng", "og tube",
                   "og", "orogastric tube", "orogastric", "feeding tube", "enteric tube", "dobhoff",
                   "dobhoff tube", "dobbhoff", "dobbhoff tube", "nasoenteric tube", "gastric tube",
                   "nasoduodenal tube", "nasojejunal tube"),
            device("chest tube", "chest tube", "chest drain", "pleural drain", "pleural catheter", "pigtail",
                   "pigtail catheter", "pigtail drain", "thoracostomy tube", "intercostal drain",
                   "pleural tube", "pleurx", "pleurx catheter"),
            device("pacemaker", "pacemaker", "pacer", "icd", "aicd", "defibrillator", "cardiac device",
                   "pacemaker lead", "pacer lead", "pacing lead", "pacing wire", "cardiac pacemaker",
                   "pacemaker generator", "biventricular pacemaker", "loop recorder",
                   "dual chamber pacemaker", "pacemaker defibrillator", "cardiac resynchronization device"),
            device(nil, "support device", "lines and tubes", "tubes and lines", "support line", "tube",
                   "catheter", "tracheostomy", "tracheostomy tube", "trach", "sternotomy wire",
                   "median sternotomy wire", "sternal wire", "surgical clip", "stent", "valve replacement",
                   "prosthetic valve", "hardware", "surgical hardware", "monitoring lead", "ecg lead",
                   "ekg lead", "device", "drain", "cannula", "ecmo cannula", "intra aortic balloon pump",
                   "iabp", "lvad"),

            anatomy(.cardiomegaly, "heart", "heart size", "cardiac size", "cardiac silhouette", "cardiac contour",
                    "cardiac shadow", "heart shadow", "cardiac", "cardiac diameter", "cardiothoracic ratio",
                    "heart silhouette", "cardiac outline"),
            anatomy(.enlargedCardiomediastinum, "mediastinum", "mediastinal", "cardiomediastinal silhouette",
                    "cardiomediastinal contour", "cardiomediastinum", "cardiomediastinal", "mediastinal contour",
                    "mediastinal silhouette", "superior mediastinum", "mediastinal width",
                    "cardiomediastinal size", "cardio mediastinal silhouette", "mediastinal configuration"),
            anatomy(.edema, affirmed: .uncertain, "pulmonary vascularity", "pulmonary vasculature", "vascularity",
                    "vasculature", "pulmonary vessel", "vascular marking", "pulmonary vascular marking",
                    "pulmonary vascular pattern"),
            anatomy(.pleuralEffusion, affirmed: .uncertain, "costophrenic angle", "costophrenic sulcus",
                    "cp angle", "pleural space", "costophrenic recess", "pleural surface"),
            anatomy(.fracture, affirmed: .uncertain, "osseous structure", "bony structure", "bone", "osseous",
                    "bony", "skeleton", "bony thorax", "visualized osseous structure", "osseous thorax"),

            VocabularyEntry(.mention(.lungs), pluralize: true, ["lung", "lung field", "lung parenchyma", "parenchyma"]),
            VocabularyEntry(.mention(.wholeStudy), pluralize: true, [
                "chest", "chest radiograph", "chest x ray", "chest xray", "chest film", "chest radiography",
                "radiograph", "cxr", "study", "exam", "examination", "film", "x ray", "xray", "image",
                "chest xr", "chest exam", "radiographic examination", "chest examination",
            ]),
            VocabularyEntry(.mention(.abnormality), pluralize: true, [
                "abnormality", "acute abnormality", "acute cardiopulmonary abnormality",
                "acute cardiopulmonary process", "acute cardiopulmonary disease", "acute cardiopulmonary finding",
                "acute cardiopulmonary pathology", "acute cardiopulmonary", "cardiopulmonary process",
                "cardiopulmonary abnormality", "cardiopulmonary disease", "acute intrathoracic process",
                "acute intrathoracic abnormality", "acute process", "acute disease", "active disease",
                "acute finding", "acute pulmonary process", "acute pulmonary disease", "acute pathology",
                "finding", "pathology", "disease", "significant abnormality", "acute cardiac or pulmonary process",
                "acute chest pathology", "acute intrathoracic pathology", "acute pulmonary abnormality",
                "acute lung disease", "focal lung disease", "active pulmonary disease", "acute chest disease",
            ]),
        ]
    }
}
