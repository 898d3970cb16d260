/// The vocabulary the clinical parser maps radiology text onto: CheXpert's 14 observations
/// and the attributes a finding can carry. Every generator and export speaks these types.

/// One of CheXpert's 14 observations; the raw value is CheXpert's exact column name.
public enum Observation: String, CaseIterable, Codable, Sendable, Hashable {
    case noFinding = "No Finding"
    case enlargedCardiomediastinum = "Enlarged Cardiomediastinum"
    case cardiomegaly = "Cardiomegaly"
    case lungOpacity = "Lung Opacity"
    case lungLesion = "Lung Lesion"
    case edema = "Edema"
    case consolidation = "Consolidation"
    case pneumonia = "Pneumonia"
    case atelectasis = "Atelectasis"
    case pneumothorax = "Pneumothorax"
    case pleuralEffusion = "Pleural Effusion"
    case pleuralOther = "Pleural Other"
    case fracture = "Fracture"
    case supportDevices = "Support Devices"

    /// File-name form of the observation, e.g. `pleural-effusion` (used for mask files).
    public var slug: String {
        rawValue.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}

/// CheXpert label values: 1 positive, 0 negative, −1 uncertain.
public enum FindingLabel: Int, Codable, Sendable, Comparable {
    case negative = 0
    case positive = 1
    case uncertain = -1

    public static func < (a: FindingLabel, b: FindingLabel) -> Bool { a.rank < b.rank }
    /// Order used when one observation is mentioned twice: positive beats uncertain beats negative.
    private var rank: Int { self == .positive ? 2 : self == .uncertain ? 1 : 0 }
}

/// Patient side. On PA and AP views the patient's left is on the image's right.
public enum Side: String, Codable, Sendable, CaseIterable { case left, right, bilateral }

/// Lung zone a finding is placed in.
public enum Zone: String, Codable, Sendable, CaseIterable {
    case upper, middle, lower, apical, basal, hilar, perihilar, retrocardiac
}

/// Severity words collapse onto three grades: small/mild/trace, moderate, large/severe/massive.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case mild, moderate, severe

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Projection of the radiograph.
public enum ViewPosition: String, Codable, Sendable, CaseIterable {
    case pa = "PA", ap = "AP", lateral = "LATERAL"
}

/// Patient sex as far as the image is concerned.
public enum Sex: String, Codable, Sendable, CaseIterable { case male, female }

/// One observation found in the text, with everything the text said about it.
public struct Finding: Codable, Sendable, Hashable {
    public var observation: Observation
    public var label: FindingLabel
    public var side: Side?
    public var zone: Zone?
    public var severity: Severity?
    /// Size in centimetres when the text gives one ("2 cm nodule", "15 mm").
    public var sizeCm: Double?
    /// Count when the text gives one ("three nodules"); "multiple" is 3.
    public var count: Int?
    /// Sub-kind, from a fixed vocabulary: `nodule`, `mass` (lesions); `endotracheal tube`,
    /// `central line`, `nasogastric tube`, `chest tube`, `pacemaker` (devices); `rib`,
    /// `clavicle` (fractures); `thickening` (pleural other); nil when not stated.
    public var kind: String?
    /// Extra qualifiers from a fixed vocabulary: `tension`, `healed`, `displaced`,
    /// `air bronchograms`, `kerley b lines`, `loculated`.
    public var qualifiers: [String]
    /// The phrase of the input text this finding came from.
    public var text: String

    public init(observation: Observation, label: FindingLabel, side: Side? = nil, zone: Zone? = nil,
                severity: Severity? = nil, sizeCm: Double? = nil, count: Int? = nil,
                kind: String? = nil, qualifiers: [String] = [], text: String = "") {
        self.observation = observation
        self.label = label
        self.side = side
        self.zone = zone
        self.severity = severity
        self.sizeCm = sizeCm
        self.count = count
        self.kind = kind
        self.qualifiers = qualifiers
        self.text = text
    }
}

/// What the clinical parser understood of one prompt text.
public struct ClinicalReading: Codable, Sendable, Hashable {
    public var view: ViewPosition?
    /// True for "AP supine" and "supine" films.
    public var supine: Bool
    public var sex: Sex?
    public var age: Int?
    public var findings: [Finding]
    /// Parts of the text the parser could not place, so users see what was ignored.
    public var unparsed: [String]

    public init(view: ViewPosition? = nil, supine: Bool = false, sex: Sex? = nil, age: Int? = nil,
                findings: [Finding] = [], unparsed: [String] = []) {
        self.view = view
        self.supine = supine
        self.sex = sex
        self.age = age
        self.findings = findings
        self.unparsed = unparsed
    }

    /// CheXpert labels for every observation mentioned. `No Finding` is 1 when nothing but
    /// support devices is positive or uncertain, and 0 otherwise.
    public var labels: [Observation: FindingLabel] {
        var result: [Observation: FindingLabel] = [:]
        for finding in findings where finding.observation != .noFinding {
            result[finding.observation] = max(result[finding.observation] ?? finding.label, finding.label)
        }
        let abnormal = result.contains { $0.key != .supportDevices && $0.value != .negative }
        result[.noFinding] = abnormal ? .negative : .positive
        return result
    }

    /// Findings that act on the image (positive or uncertain), one per observation and side.
    public var present: [Finding] { findings.filter { $0.label != .negative && $0.observation != .noFinding } }
}
