@testable import Prompting

/// One report sentence or prompt and what `ClinicalParser` must read from it.
///
/// `labels` lists every observation the text mentions; any other observation the parser
/// reports (No Finding aside) is a mismatch. No Finding is checked only when listed. The
/// attribute dictionaries check the first non-negative finding of that observation.
struct ClinicalCase: Sendable {
    var text: String
    var labels: [Observation: FindingLabel]
    var sides: [Observation: Side] = [:]
    var zones: [Observation: Zone] = [:]
    var severities: [Observation: Severity] = [:]
    var kinds: [Observation: String] = [:]
    var sizes: [Observation: Double] = [:]
    var counts: [Observation: Int] = [:]
    var qualifiers: [Observation: [String]] = [:]
    var view: ViewPosition? = nil
    var supine: Bool? = nil
    var sex: Sex? = nil
    var age: Int? = nil
    var unparsed: [String]? = nil

    /// Every way `reading` differs from this case, one line each.
    func mismatches(in reading: ClinicalReading) -> [String] {
        var problems: [String] = []
        let actual = reading.labels
        for (observation, label) in labels.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where actual[observation] != label {
            let got = actual[observation].map { "\($0)" } ?? "nothing"
            problems.append("\(observation.rawValue): expected \(label), got \(got)")
        }
        for (observation, label) in actual.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where observation != .noFinding && labels[observation] == nil {
            problems.append("\(observation.rawValue): unexpected \(label)")
        }
        func show<Value>(_ value: Value?) -> String { value.map { "\($0)" } ?? "nil" }
        func check<Value: Equatable>(_ name: String, _ expected: [Observation: Value], _ value: (Finding) -> Value?) {
            for (observation, want) in expected.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let candidates = reading.findings.filter { $0.observation == observation }
                let finding = candidates.first { $0.label != .negative } ?? candidates.first
                let got = finding.flatMap(value)
                if got != want {
                    problems.append("\(observation.rawValue) \(name): expected \(want), got \(show(got))")
                }
            }
        }
        check("side", sides) { $0.side }
        check("zone", zones) { $0.zone }
        check("severity", severities) { $0.severity }
        check("kind", kinds) { $0.kind }
        check("size", sizes) { $0.sizeCm }
        check("count", counts) { $0.count }
        check("qualifiers", qualifiers.mapValues { $0.sorted() }) { $0.qualifiers.sorted() }
        if let view, reading.view != view { problems.append("view: expected \(view), got \(show(reading.view))") }
        if let supine, reading.supine != supine { problems.append("supine: expected \(supine), got \(reading.supine)") }
        if let sex, reading.sex != sex { problems.append("sex: expected \(sex), got \(show(reading.sex))") }
        if let age, reading.age != age { problems.append("age: expected \(age), got \(show(reading.age))") }
        if let unparsed, reading.unparsed != unparsed {
            problems.append("unparsed: expected \(unparsed), got \(reading.unparsed)")
        }
        return problems
    }
}

/// Report sentences and prompts, written the way radiologists and users write them.
let clinicalCorpus: [ClinicalCase] = effusionCases + pneumothoraxCases + airspaceCases + lesionCases
    + edemaCases + atelectasisCases + cardiacCases + pleuralOtherCases + fractureCases + deviceCases
    + normalCases + negationCases + uncertaintyCases + demographicCases + placeCases + mixedCases
    + reportPhrasingCases

// MARK: - Pleural effusion

private let effusionCases: [ClinicalCase] = [
    ClinicalCase(text: "Moderate right pleural effusion.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .right], severities: [.pleuralEffusion: .moderate]),
    ClinicalCase(text: "Small bilateral pleural effusions.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .bilateral], severities: [.pleuralEffusion: .mild]),
    ClinicalCase(text: "Large left-sided pleural fluid collection with adjacent compressive atelectasis.",
                 labels: [.pleuralEffusion: .positive, .atelectasis: .positive],
                 sides: [.pleuralEffusion: .left, .atelectasis: .left], severities: [.pleuralEffusion: .severe]),
    ClinicalCase(text: "Massive right hydrothorax.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .right], severities: [.pleuralEffusion: .severe]),
    ClinicalCase(text: "Trace left effusion", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .left], severities: [.pleuralEffusion: .mild]),
    ClinicalCase(text: "Loculated right pleural effusion along the lateral chest wall.",
                 labels: [.pleuralEffusion: .positive], sides: [.pleuralEffusion: .right],
                 qualifiers: [.pleuralEffusion: ["loculated"]]),
    ClinicalCase(text: "Blunting of the right costophrenic angle.", labels: [.pleuralEffusion: .uncertain],
                 sides: [.pleuralEffusion: .right]),
    ClinicalCase(text: "The costophrenic angles are sharp.", labels: [.pleuralEffusion: .negative]),
    ClinicalCase(text: "Small pericardial effusion.", labels: [:], unparsed: ["Small pericardial effusion"]),
    ClinicalCase(text: "Tiny left pleural effusion has resolved.", labels: [.pleuralEffusion: .negative]),
    ClinicalCase(text: "Moderate-to-large right effusion", labels: [.pleuralEffusion: .positive],
                 severities: [.pleuralEffusion: .severe]),
    ClinicalCase(text: "Right hydropneumothorax.", labels: [.pneumothorax: .positive, .pleuralEffusion: .positive],
                 sides: [.pneumothorax: .right, .pleuralEffusion: .right]),
]

// MARK: - Pneumothorax

private let pneumothoraxCases: [ClinicalCase] = [
    ClinicalCase(text: "Small right apical pneumothorax.", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .right], zones: [.pneumothorax: .apical], severities: [.pneumothorax: .mild]),
    ClinicalCase(text: "Large left tension pneumothorax with mediastinal shift to the right.",
                 labels: [.pneumothorax: .positive], sides: [.pneumothorax: .left],
                 severities: [.pneumothorax: .severe], qualifiers: [.pneumothorax: ["tension"]],
                 unparsed: ["mediastinal shift to the right"]),
    ClinicalCase(text: "tiny R PTX", labels: [.pneumothorax: .positive], sides: [.pneumothorax: .right],
                 severities: [.pneumothorax: .mild]),
    ClinicalCase(text: "Left pneumothorax measuring 2 cm at the apex.", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .left], zones: [.pneumothorax: .apical], sizes: [.pneumothorax: 2]),
    ClinicalCase(text: "No pneumothorax.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "Pneumothorax is not seen.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "The previously seen right pneumothorax has resolved.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "Small right pneumothorax without tension.", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .right], qualifiers: [.pneumothorax: []], unparsed: []),
    ClinicalCase(text: "Bilateral pneumothoraces, larger on the left.", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .bilateral]),
    ClinicalCase(text: "Left apical pneumothorax cannot be excluded.", labels: [.pneumothorax: .uncertain],
                 sides: [.pneumothorax: .left], zones: [.pneumothorax: .apical]),
    ClinicalCase(text: "Moderate left pneumothorax, under tension.", labels: [.pneumothorax: .positive],
                 severities: [.pneumothorax: .moderate], qualifiers: [.pneumothorax: ["tension"]]),
]

// MARK: - Consolidation, pneumonia, lung opacity

private let airspaceCases: [ClinicalCase] = [
    ClinicalCase(text: "Right lower lobe consolidation with air bronchograms.", labels: [.consolidation: .positive],
                 sides: [.consolidation: .right], zones: [.consolidation: .lower],
                 qualifiers: [.consolidation: ["air bronchograms"]]),
    ClinicalCase(text: "Dense consolidation in the lingula.", labels: [.consolidation: .positive],
                 sides: [.consolidation: .left], zones: [.consolidation: .middle],
                 severities: [.consolidation: .severe]),
    ClinicalCase(text: "Right middle lobe pneumonia.", labels: [.pneumonia: .positive],
                 sides: [.pneumonia: .right], zones: [.pneumonia: .middle]),
    ClinicalCase(text: "Findings consistent with multifocal pneumonia.", labels: [.pneumonia: .positive]),
    ClinicalCase(text: "Patchy left basilar airspace disease.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .left], zones: [.lungOpacity: .basal]),
    ClinicalCase(text: "Bilateral interstitial infiltrates.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .bilateral]),
    ClinicalCase(text: "Hazy opacity in the right upper lobe.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .right], zones: [.lungOpacity: .upper]),
    ClinicalCase(text: "Diffuse bilateral ground-glass opacities.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .bilateral]),
    ClinicalCase(text: "Increased haziness at the left base.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .left], zones: [.lungOpacity: .basal]),
    ClinicalCase(text: "Retrocardiac opacity.", labels: [.lungOpacity: .positive],
                 zones: [.lungOpacity: .retrocardiac]),
    ClinicalCase(text: "Focal opacification of the RLL concerning for infection.",
                 labels: [.lungOpacity: .positive, .pneumonia: .uncertain],
                 sides: [.lungOpacity: .right, .pneumonia: .right], zones: [.lungOpacity: .lower]),
    ClinicalCase(text: "No focal consolidation.", labels: [.consolidation: .negative]),
    ClinicalCase(text: "Left upper lobe infiltrate, likely pneumonia.",
                 labels: [.lungOpacity: .positive, .pneumonia: .uncertain],
                 sides: [.lungOpacity: .left], zones: [.lungOpacity: .upper]),
    ClinicalCase(text: "Consolidative opacity in the left lower lobe.",
                 labels: [.consolidation: .positive, .lungOpacity: .positive],
                 sides: [.consolidation: .left, .lungOpacity: .left], zones: [.consolidation: .lower]),
    ClinicalCase(text: "Resolving right lower lobe pneumonia.", labels: [.pneumonia: .positive],
                 sides: [.pneumonia: .right]),
    ClinicalCase(text: "Perihilar opacities.", labels: [.lungOpacity: .positive], zones: [.lungOpacity: .perihilar]),
]

// MARK: - Lung lesion

private let lesionCases: [ClinicalCase] = [
    ClinicalCase(text: "2 cm nodule in the right upper lobe.", labels: [.lungLesion: .positive],
                 sides: [.lungLesion: .right], zones: [.lungLesion: .upper], kinds: [.lungLesion: "nodule"],
                 sizes: [.lungLesion: 2]),
    ClinicalCase(text: "5 cm left hilar mass.", labels: [.lungLesion: .positive], sides: [.lungLesion: .left],
                 zones: [.lungLesion: .hilar], kinds: [.lungLesion: "mass"], sizes: [.lungLesion: 5]),
    ClinicalCase(text: "15 mm spiculated nodule in the LUL", labels: [.lungLesion: .positive],
                 sides: [.lungLesion: .left], zones: [.lungLesion: .upper], kinds: [.lungLesion: "nodule"],
                 sizes: [.lungLesion: 1.5]),
    ClinicalCase(text: "Multiple pulmonary nodules.", labels: [.lungLesion: .positive],
                 kinds: [.lungLesion: "nodule"], counts: [.lungLesion: 3]),
    ClinicalCase(text: "Three nodules in the left lower lobe", labels: [.lungLesion: .positive],
                 sides: [.lungLesion: .left], counts: [.lungLesion: 3]),
    ClinicalCase(text: "2 nodules in the right lung, the largest measuring 8 mm.", labels: [.lungLesion: .positive],
                 sides: [.lungLesion: .right], counts: [.lungLesion: 2]),
    ClinicalCase(text: "Calcified granuloma in the left upper lobe.", labels: [.lungLesion: .positive],
                 kinds: [.lungLesion: "nodule"]),
    ClinicalCase(text: "A 4.5 x 3.2 cm lesion in the right lower lobe.", labels: [.lungLesion: .positive],
                 kinds: [.lungLesion: "mass"], sizes: [.lungLesion: 4.5]),
    ClinicalCase(text: "Right apical tumor.", labels: [.lungLesion: .positive], sides: [.lungLesion: .right],
                 zones: [.lungLesion: .apical], kinds: [.lungLesion: "mass"]),
    ClinicalCase(text: "Numerous bilateral pulmonary nodules consistent with metastases.",
                 labels: [.lungLesion: .positive], sides: [.lungLesion: .bilateral], counts: [.lungLesion: 3]),
    ClinicalCase(text: "Solitary pulmonary nodule in the lingula.", labels: [.lungLesion: .positive],
                 sides: [.lungLesion: .left], zones: [.lungLesion: .middle], counts: [.lungLesion: 1]),
    ClinicalCase(text: "No suspicious pulmonary nodules or masses.", labels: [.lungLesion: .negative]),
    ClinicalCase(text: "Several small nodular opacities", labels: [.lungLesion: .positive],
                 severities: [.lungLesion: .mild], counts: [.lungLesion: 3]),
]

// MARK: - Edema

private let edemaCases: [ClinicalCase] = [
    ClinicalCase(text: "Moderate pulmonary edema.", labels: [.edema: .positive], severities: [.edema: .moderate]),
    ClinicalCase(text: "Mild interstitial edema with Kerley B lines.", labels: [.edema: .positive],
                 severities: [.edema: .mild], qualifiers: [.edema: ["kerley b lines"]]),
    ClinicalCase(text: "Bat-wing perihilar edema", labels: [.edema: .positive], zones: [.edema: .perihilar]),
    ClinicalCase(text: "Severe bilateral alveolar edema.", labels: [.edema: .positive],
                 sides: [.edema: .bilateral], severities: [.edema: .severe]),
    ClinicalCase(text: "Pulmonary vascular congestion.", labels: [.edema: .uncertain]),
    ClinicalCase(text: "Findings compatible with congestive heart failure.", labels: [.edema: .positive]),
    ClinicalCase(text: "No pulmonary edema.", labels: [.edema: .negative]),
    ClinicalCase(text: "Pulmonary vascularity is within normal limits.", labels: [.edema: .negative]),
    ClinicalCase(text: "Batwing opacities suggestive of edema.", labels: [.lungOpacity: .positive, .edema: .uncertain],
                 zones: [.lungOpacity: .perihilar]),
    ClinicalCase(text: "Interval resolution of pulmonary edema.", labels: [.edema: .negative]),
    ClinicalCase(text: "Cardiomegaly with mild pulmonary edema and small bilateral effusions.",
                 labels: [.cardiomegaly: .positive, .edema: .positive, .pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .bilateral], severities: [.edema: .mild, .pleuralEffusion: .mild]),
]

// MARK: - Atelectasis

private let atelectasisCases: [ClinicalCase] = [
    ClinicalCase(text: "Bibasilar atelectasis.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .bilateral], zones: [.atelectasis: .basal]),
    ClinicalCase(text: "Plate-like atelectasis at the left base.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .left], zones: [.atelectasis: .basal]),
    ClinicalCase(text: "Complete collapse of the left lower lobe.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .left], zones: [.atelectasis: .lower]),
    ClinicalCase(text: "Right upper lobe volume loss.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .right], zones: [.atelectasis: .upper]),
    ClinicalCase(text: "Minimal atelectatic changes at the lung bases.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .bilateral], zones: [.atelectasis: .basal], severities: [.atelectasis: .mild]),
    ClinicalCase(text: "Subsegmental atelectasis in the RML", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .right], zones: [.atelectasis: .middle]),
    ClinicalCase(text: "Linear opacity at the right base, likely atelectasis.",
                 labels: [.lungOpacity: .positive, .atelectasis: .uncertain], sides: [.lungOpacity: .right]),
    ClinicalCase(text: "No atelectasis.", labels: [.atelectasis: .negative]),
]

// MARK: - Heart and mediastinum

private let cardiacCases: [ClinicalCase] = [
    ClinicalCase(text: "Moderate cardiomegaly.", labels: [.cardiomegaly: .positive],
                 severities: [.cardiomegaly: .moderate]),
    ClinicalCase(text: "The heart is enlarged.", labels: [.cardiomegaly: .positive]),
    ClinicalCase(text: "Heart size is mildly enlarged.", labels: [.cardiomegaly: .positive],
                 severities: [.cardiomegaly: .mild]),
    ClinicalCase(text: "Enlarged heart", labels: [.cardiomegaly: .positive]),
    ClinicalCase(text: "Marked cardiac enlargement.", labels: [.cardiomegaly: .positive],
                 severities: [.cardiomegaly: .severe]),
    ClinicalCase(text: "The cardiac silhouette is enlarged.", labels: [.cardiomegaly: .positive]),
    ClinicalCase(text: "Normal heart size.", labels: [.cardiomegaly: .negative]),
    ClinicalCase(text: "Heart size is normal.", labels: [.cardiomegaly: .negative]),
    ClinicalCase(text: "The heart is not enlarged.", labels: [.cardiomegaly: .negative]),
    ClinicalCase(text: "Borderline cardiomegaly.", labels: [.cardiomegaly: .uncertain]),
    ClinicalCase(text: "Heart size is borderline.", labels: [.cardiomegaly: .uncertain]),
    ClinicalCase(text: "Stable cardiomediastinal silhouette.", labels: [.enlargedCardiomediastinum: .uncertain]),
    ClinicalCase(text: "Widened mediastinum.", labels: [.enlargedCardiomediastinum: .positive]),
    ClinicalCase(text: "Mediastinal widening concerning for aortic injury.",
                 labels: [.enlargedCardiomediastinum: .positive]),
    ClinicalCase(text: "Enlarged cardiomediastinal silhouette.", labels: [.enlargedCardiomediastinum: .positive]),
    ClinicalCase(text: "The mediastinum is widened.", labels: [.enlargedCardiomediastinum: .positive]),
    ClinicalCase(text: "Normal cardiomediastinal silhouette.", labels: [.enlargedCardiomediastinum: .negative]),
    ClinicalCase(text: "Heart size and mediastinal contours are within normal limits.",
                 labels: [.cardiomegaly: .negative, .enlargedCardiomediastinum: .negative]),
    ClinicalCase(text: "Heart size is at the upper limits of normal.", labels: [.cardiomegaly: .negative]),
    ClinicalCase(text: "Cardiomegaly is unchanged.", labels: [.cardiomegaly: .positive]),
    ClinicalCase(text: "Heart: normal", labels: [.cardiomegaly: .negative]),
    ClinicalCase(text: "No cardiomegaly.", labels: [.cardiomegaly: .negative]),
]

// MARK: - Pleural other

private let pleuralOtherCases: [ClinicalCase] = [
    ClinicalCase(text: "Left apical pleural thickening.", labels: [.pleuralOther: .positive],
                 sides: [.pleuralOther: .left], zones: [.pleuralOther: .apical], kinds: [.pleuralOther: "thickening"]),
    ClinicalCase(text: "Bilateral calcified pleural plaques consistent with prior asbestos exposure.",
                 labels: [.pleuralOther: .positive], sides: [.pleuralOther: .bilateral],
                 kinds: [.pleuralOther: "thickening"]),
    ClinicalCase(text: "Right fibrothorax.", labels: [.pleuralOther: .positive], sides: [.pleuralOther: .right],
                 kinds: [.pleuralOther: "thickening"]),
    ClinicalCase(text: "Blunting of the left costophrenic angle likely reflects pleural thickening.",
                 labels: [.pleuralEffusion: .uncertain, .pleuralOther: .uncertain]),
    ClinicalCase(text: "No pleural thickening.", labels: [.pleuralOther: .negative]),
]

// MARK: - Fracture

private let fractureCases: [ClinicalCase] = [
    ClinicalCase(text: "Acute displaced fracture of the right 7th rib.", labels: [.fracture: .positive],
                 sides: [.fracture: .right], kinds: [.fracture: "rib"], qualifiers: [.fracture: ["displaced"]]),
    ClinicalCase(text: "Old healed left rib fractures.", labels: [.fracture: .positive], sides: [.fracture: .left],
                 kinds: [.fracture: "rib"], qualifiers: [.fracture: ["healed"]]),
    ClinicalCase(text: "Nondisplaced left clavicle fracture", labels: [.fracture: .positive],
                 sides: [.fracture: .left], kinds: [.fracture: "clavicle"], qualifiers: [.fracture: []]),
    ClinicalCase(text: "Two right rib fractures", labels: [.fracture: .positive], kinds: [.fracture: "rib"],
                 counts: [.fracture: 2]),
    ClinicalCase(text: "Remote right clavicular fx.", labels: [.fracture: .positive],
                 kinds: [.fracture: "clavicle"], qualifiers: [.fracture: ["healed"]]),
    ClinicalCase(text: "No acute displaced rib fracture.", labels: [.fracture: .negative]),
    ClinicalCase(text: "No acute osseous abnormality.", labels: [.fracture: .negative]),
    ClinicalCase(text: "Possible nondisplaced fracture of the left 5th rib.", labels: [.fracture: .uncertain],
                 kinds: [.fracture: "rib"]),
    ClinicalCase(text: "Multiple bilateral rib fractures.", labels: [.fracture: .positive],
                 sides: [.fracture: .bilateral], kinds: [.fracture: "rib"], counts: [.fracture: 3]),
]

// MARK: - Support devices

private let deviceCases: [ClinicalCase] = [
    ClinicalCase(text: "Endotracheal tube terminates 4 cm above the carina.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "endotracheal tube"], unparsed: []),
    ClinicalCase(text: "ETT in good position.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "endotracheal tube"]),
    ClinicalCase(text: "ET tube tip 3 cm above the carina", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "endotracheal tube"]),
    ClinicalCase(text: "Right IJ central venous catheter with tip in the SVC.", labels: [.supportDevices: .positive],
                 sides: [.supportDevices: .right], kinds: [.supportDevices: "central line"]),
    ClinicalCase(text: "Left PICC terminates at the cavoatrial junction.", labels: [.supportDevices: .positive],
                 sides: [.supportDevices: .left], kinds: [.supportDevices: "central line"]),
    ClinicalCase(text: "Right chest port in place.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "central line"]),
    ClinicalCase(text: "CVC tip in the right atrium.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "central line"]),
    ClinicalCase(text: "Nasogastric tube courses below the diaphragm.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "nasogastric tube"]),
    ClinicalCase(text: "Feeding tube tip in the stomach.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "nasogastric tube"]),
    ClinicalCase(text: "Orogastric tube in place.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "nasogastric tube"]),
    ClinicalCase(text: "Left chest tube in place, no residual pneumothorax.",
                 labels: [.supportDevices: .positive, .pneumothorax: .negative],
                 sides: [.supportDevices: .left], kinds: [.supportDevices: "chest tube"]),
    ClinicalCase(text: "Right pigtail pleural drain.", labels: [.supportDevices: .positive],
                 sides: [.supportDevices: .right], kinds: [.supportDevices: "chest tube"]),
    ClinicalCase(text: "Left-sided dual chamber pacemaker with leads in the right atrium and right ventricle.",
                 labels: [.supportDevices: .positive], sides: [.supportDevices: .left],
                 kinds: [.supportDevices: "pacemaker"]),
    ClinicalCase(text: "Left chest wall ICD.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "pacemaker"]),
    ClinicalCase(text: "The endotracheal tube has been removed.", labels: [.supportDevices: .negative]),
    ClinicalCase(text: "Interval removal of the right chest tube.", labels: [.supportDevices: .negative]),
    ClinicalCase(text: "Patient has been extubated.", labels: [.supportDevices: .negative]),
    ClinicalCase(text: "Lines and tubes are unchanged.", labels: [.supportDevices: .positive]),
]

// MARK: - Normal studies and No Finding

private let normalCases: [ClinicalCase] = [
    ClinicalCase(text: "No acute cardiopulmonary process.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "No acute cardiopulmonary abnormality.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "Normal chest radiograph.", labels: [.noFinding: .positive], unparsed: []),
    ClinicalCase(text: "Normal chest.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "Unremarkable chest x-ray.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "Clear lungs.", labels: [.lungOpacity: .negative, .noFinding: .positive]),
    ClinicalCase(text: "The lungs are clear.", labels: [.lungOpacity: .negative, .noFinding: .positive]),
    ClinicalCase(text: "Lungs are clear. Heart size is normal. No pleural effusion or pneumothorax.",
                 labels: [.lungOpacity: .negative, .cardiomegaly: .negative, .pleuralEffusion: .negative,
                          .pneumothorax: .negative, .noFinding: .positive]),
    ClinicalCase(text: "The lungs are well expanded and clear. No focal consolidation, effusion, or pneumothorax.",
                 labels: [.lungOpacity: .negative, .consolidation: .negative, .pleuralEffusion: .negative,
                          .pneumothorax: .negative, .noFinding: .positive]),
    ClinicalCase(text: "No acute findings.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "Clear lungs, but small right effusion.",
                 labels: [.lungOpacity: .negative, .pleuralEffusion: .positive, .noFinding: .negative]),
    ClinicalCase(text: "ET tube in place. Otherwise normal chest.",
                 labels: [.supportDevices: .positive, .noFinding: .positive]),
    ClinicalCase(text: "Unremarkable study.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "Normal.", labels: [.noFinding: .positive]),
    ClinicalCase(text: "No radiographic evidence of acute cardiopulmonary disease.", labels: [.noFinding: .positive]),
]

// MARK: - Negation

private let negationCases: [ClinicalCase] = [
    ClinicalCase(text: "No pneumothorax or pleural effusion.",
                 labels: [.pneumothorax: .negative, .pleuralEffusion: .negative]),
    ClinicalCase(text: "No pneumothorax, moderate right pleural effusion.",
                 labels: [.pneumothorax: .negative, .pleuralEffusion: .positive], sides: [.pleuralEffusion: .right]),
    ClinicalCase(text: "No effusion, pneumothorax, or consolidation.",
                 labels: [.pleuralEffusion: .negative, .pneumothorax: .negative, .consolidation: .negative]),
    ClinicalCase(text: "There is no pneumothorax.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "Without pleural effusion.", labels: [.pleuralEffusion: .negative]),
    ClinicalCase(text: "Negative for pneumothorax.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "Lungs are free of consolidation.", labels: [.consolidation: .negative]),
    ClinicalCase(text: "Pneumothorax is absent.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "No evidence of pulmonary edema.", labels: [.edema: .negative]),
    ClinicalCase(text: "The lungs are clear of focal consolidation.", labels: [.consolidation: .negative]),
    ClinicalCase(text: "Effusions have resolved.", labels: [.pleuralEffusion: .negative]),
    ClinicalCase(text: "Pleural effusion is not identified.", labels: [.pleuralEffusion: .negative]),
    ClinicalCase(text: "Small left effusion without pneumothorax.",
                 labels: [.pleuralEffusion: .positive, .pneumothorax: .negative], sides: [.pleuralEffusion: .left]),
    ClinicalCase(text: "No pleural effusion and moderate cardiomegaly.",
                 labels: [.pleuralEffusion: .negative, .cardiomegaly: .positive]),
    ClinicalCase(text: "No consolidation but small bilateral effusions.",
                 labels: [.consolidation: .negative, .pleuralEffusion: .positive]),
    ClinicalCase(text: "Neither effusion nor pneumothorax.",
                 labels: [.pleuralEffusion: .negative, .pneumothorax: .negative]),
    ClinicalCase(text: "Pneumothorax and pleural effusion are not seen.",
                 labels: [.pneumothorax: .negative, .pleuralEffusion: .negative]),
    ClinicalCase(text: "Left effusion and right pneumothorax, no consolidation.",
                 labels: [.pleuralEffusion: .positive, .pneumothorax: .positive, .consolidation: .negative],
                 sides: [.pleuralEffusion: .left, .pneumothorax: .right]),
    ClinicalCase(text: "No definite pneumothorax.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "The pneumonia has cleared.", labels: [.pneumonia: .negative]),
    ClinicalCase(text: "Pneumothorax: none.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "No effusion, cardiomegaly", labels: [.pleuralEffusion: .negative, .cardiomegaly: .positive]),
    ClinicalCase(text: "Pneumothorax is unlikely.", labels: [.pneumothorax: .negative]),
    ClinicalCase(text: "No edema or focal airspace consolidation is seen.",
                 labels: [.edema: .negative, .consolidation: .negative]),
    ClinicalCase(text: "The right PICC line has been removed.", labels: [.supportDevices: .negative]),
]

// MARK: - Uncertainty

private let uncertaintyCases: [ClinicalCase] = [
    ClinicalCase(text: "Possible small right pleural effusion.", labels: [.pleuralEffusion: .uncertain],
                 sides: [.pleuralEffusion: .right], severities: [.pleuralEffusion: .mild]),
    ClinicalCase(text: "Left basilar opacity may represent atelectasis.",
                 labels: [.lungOpacity: .positive, .atelectasis: .uncertain]),
    ClinicalCase(text: "Pneumonia cannot be excluded.", labels: [.pneumonia: .uncertain]),
    ClinicalCase(text: "Can't exclude a small pneumothorax.", labels: [.pneumothorax: .uncertain]),
    ClinicalCase(text: "Cannot rule out early pneumonia.", labels: [.pneumonia: .uncertain]),
    ClinicalCase(text: "Questionable left lower lobe consolidation.", labels: [.consolidation: .uncertain],
                 sides: [.consolidation: .left]),
    ClinicalCase(text: "Atelectasis versus pneumonia.", labels: [.atelectasis: .uncertain, .pneumonia: .uncertain]),
    ClinicalCase(text: "Right basilar opacity, atelectasis vs. pneumonia.",
                 labels: [.lungOpacity: .positive, .atelectasis: .uncertain, .pneumonia: .uncertain],
                 sides: [.lungOpacity: .right]),
    ClinicalCase(text: "Findings suspicious for pneumonia.", labels: [.pneumonia: .uncertain]),
    ClinicalCase(text: "Opacity in the right lower lobe concerning for pneumonia.",
                 labels: [.lungOpacity: .positive, .pneumonia: .uncertain],
                 sides: [.lungOpacity: .right, .pneumonia: .right]),
    ClinicalCase(text: "Probable small left effusion.", labels: [.pleuralEffusion: .uncertain]),
    ClinicalCase(text: "Findings suggestive of mild interstitial edema.", labels: [.edema: .uncertain]),
    ClinicalCase(text: "Differential includes pneumonia and aspiration.", labels: [.pneumonia: .uncertain],
                 unparsed: ["aspiration"]),
    ClinicalCase(text: "Pneumothorax is not excluded.", labels: [.pneumothorax: .uncertain]),
    ClinicalCase(text: "Possibly a small left apical pneumothorax.", labels: [.pneumothorax: .uncertain],
                 sides: [.pneumothorax: .left], zones: [.pneumothorax: .apical]),
    ClinicalCase(text: "Right lower lobe opacity may be atelectasis or pneumonia.",
                 labels: [.lungOpacity: .positive, .atelectasis: .uncertain, .pneumonia: .uncertain]),
    ClinicalCase(text: "Atelectasis or pneumonia at the left base.",
                 labels: [.atelectasis: .uncertain, .pneumonia: .uncertain]),
    ClinicalCase(text: "Small effusion is likely.", labels: [.pleuralEffusion: .uncertain]),
    ClinicalCase(text: "No new consolidation.", labels: [.consolidation: .uncertain]),
    ClinicalCase(text: "Subtle nodular opacity, possibly a nipple shadow.", labels: [.lungLesion: .positive],
                 unparsed: ["possibly a nipple shadow"]),
    ClinicalCase(text: "? left lower lobe pneumonia", labels: [.pneumonia: .uncertain], sides: [.pneumonia: .left]),
    ClinicalCase(text: "Left lower lobe pneumonia?", labels: [.pneumonia: .uncertain]),
    ClinicalCase(text: "Suspected right middle lobe collapse.", labels: [.atelectasis: .uncertain]),
    ClinicalCase(text: "Equivocal small left apical pneumothorax.", labels: [.pneumothorax: .uncertain]),
    ClinicalCase(text: "Cannot exclude a small effusion, no pneumothorax.",
                 labels: [.pleuralEffusion: .uncertain, .pneumothorax: .negative]),
    ClinicalCase(text: "Mild vascular congestion without frank edema.", labels: [.edema: .uncertain]),
]

// MARK: - View, position, sex and age

private let demographicCases: [ClinicalCase] = [
    ClinicalCase(text: "PA and lateral views of the chest.", labels: [:], view: .pa, unparsed: []),
    ClinicalCase(text: "Portable AP chest radiograph.", labels: [:], view: .ap, supine: false),
    ClinicalCase(text: "AP supine chest film, large left effusion.", labels: [.pleuralEffusion: .positive],
                 view: .ap, supine: true),
    ClinicalCase(text: "Supine portable film.", labels: [:], view: .ap, supine: true),
    ClinicalCase(text: "Lateral view only.", labels: [:], view: .lateral),
    ClinicalCase(text: "Frontal chest radiograph, 72 yo male, cardiomegaly.", labels: [.cardiomegaly: .positive],
                 view: .pa, sex: .male, age: 72),
    ClinicalCase(text: "A 67-year-old man with cough.", labels: [:], sex: .male, age: 67, unparsed: ["cough"]),
    ClinicalCase(text: "67 year old woman, no acute process.", labels: [.noFinding: .positive], sex: .female, age: 67),
    ClinicalCase(text: "55F", labels: [:], sex: .female, age: 55, unparsed: []),
    ClinicalCase(text: "55 M, PA CXR, small right effusion", labels: [.pleuralEffusion: .positive],
                 view: .pa, sex: .male, age: 55),
    ClinicalCase(text: "a 4-year-old boy with right middle lobe pneumonia", labels: [.pneumonia: .positive],
                 sides: [.pneumonia: .right], sex: .male, age: 4),
    ClinicalCase(text: "Female patient, age 40, normal chest.", labels: [.noFinding: .positive], sex: .female, age: 40),
    ClinicalCase(text: "40 years old girl", labels: [:], sex: .female, age: 40),
    ClinicalCase(text: "Anteroposterior portable radiograph of an 81 y/o female.", labels: [:],
                 view: .ap, sex: .female, age: 81),
    ClinicalCase(text: "Posteroanterior view, 30 yo F.", labels: [:], view: .pa, sex: .female, age: 30),
    ClinicalCase(text: "LAT view, 50M", labels: [:], view: .lateral, sex: .male, age: 50),
    ClinicalCase(text: "Blunting of the left lateral costophrenic angle.", labels: [.pleuralEffusion: .uncertain],
                 sides: [.pleuralEffusion: .left]),
    ClinicalCase(text: "250 year old man", labels: [:], sex: .male),
    ClinicalCase(text: "6-month-old girl, AP view", labels: [:], view: .ap, sex: .female, age: 0),
]

// MARK: - Lobes, sides and zones

private let placeCases: [ClinicalCase] = [
    ClinicalCase(text: "RUL consolidation", labels: [.consolidation: .positive], sides: [.consolidation: .right],
                 zones: [.consolidation: .upper]),
    ClinicalCase(text: "RML opacity", labels: [.lungOpacity: .positive], sides: [.lungOpacity: .right],
                 zones: [.lungOpacity: .middle]),
    ClinicalCase(text: "LLL collapse", labels: [.atelectasis: .positive], sides: [.atelectasis: .left],
                 zones: [.atelectasis: .lower]),
    ClinicalCase(text: "Opacity in the left upper lobe.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .left], zones: [.lungOpacity: .upper]),
    ClinicalCase(text: "Lingular atelectasis.", labels: [.atelectasis: .positive], sides: [.atelectasis: .left],
                 zones: [.atelectasis: .middle]),
    ClinicalCase(text: "Lt basilar opacity", labels: [.lungOpacity: .positive], sides: [.lungOpacity: .left],
                 zones: [.lungOpacity: .basal]),
    ClinicalCase(text: "Rt upper zone nodule", labels: [.lungLesion: .positive], sides: [.lungLesion: .right],
                 zones: [.lungLesion: .upper]),
    ClinicalCase(text: "Effusions at both bases.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .bilateral], zones: [.pleuralEffusion: .basal]),
    ClinicalCase(text: "Right and left pleural effusions.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .bilateral]),
    ClinicalCase(text: "Opacity in the left mid lung.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .left], zones: [.lungOpacity: .middle]),
    ClinicalCase(text: "Right hilar mass", labels: [.lungLesion: .positive], sides: [.lungLesion: .right],
                 zones: [.lungLesion: .hilar], kinds: [.lungLesion: "mass"]),
    ClinicalCase(text: "Pleural effusion, small, on the left.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .left], severities: [.pleuralEffusion: .mild], unparsed: []),
    ClinicalCase(text: "Right upper and middle lobe opacities.", labels: [.lungOpacity: .positive],
                 sides: [.lungOpacity: .right], zones: [.lungOpacity: .upper]),
    ClinicalCase(text: "Left lower lobe consolidation and effusion.",
                 labels: [.consolidation: .positive, .pleuralEffusion: .positive],
                 sides: [.consolidation: .left, .pleuralEffusion: .left]),
]

// MARK: - Mixed reports and prompts

private let mixedCases: [ClinicalCase] = [
    ClinicalCase(text: "PA CXR, 55F, small left apical PTX", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .left], zones: [.pneumothorax: .apical], severities: [.pneumothorax: .mild],
                 view: .pa, sex: .female, age: 55, unparsed: []),
    ClinicalCase(text: "PA chest radiograph, moderate right pleural effusion, purple elephant",
                 labels: [.pleuralEffusion: .positive], view: .pa, unparsed: ["purple elephant"]),
    ClinicalCase(text: "AP portable, 80M, cardiomegaly, pulmonary edema, bilateral effusions, ETT and NG tube in place",
                 labels: [.cardiomegaly: .positive, .edema: .positive, .pleuralEffusion: .positive,
                          .supportDevices: .positive],
                 sides: [.pleuralEffusion: .bilateral], view: .ap, sex: .male, age: 80),
    ClinicalCase(text: "Left effusion and right pneumothorax.",
                 labels: [.pleuralEffusion: .positive, .pneumothorax: .positive],
                 sides: [.pleuralEffusion: .left, .pneumothorax: .right]),
    ClinicalCase(text: "Stable moderate cardiomegaly. No focal consolidation, pleural effusion, or pneumothorax.",
                 labels: [.cardiomegaly: .positive, .consolidation: .negative, .pleuralEffusion: .negative,
                          .pneumothorax: .negative, .noFinding: .negative],
                 severities: [.cardiomegaly: .moderate]),
    ClinicalCase(text: "Right lower lobe pneumonia with small parapneumonic effusion.",
                 labels: [.pneumonia: .positive, .pleuralEffusion: .positive],
                 sides: [.pneumonia: .right, .pleuralEffusion: .right], severities: [.pleuralEffusion: .mild]),
    ClinicalCase(text: "Interval placement of a right chest tube with decrease in size of the right pneumothorax.",
                 labels: [.supportDevices: .positive, .pneumothorax: .positive],
                 sides: [.supportDevices: .right, .pneumothorax: .right], kinds: [.supportDevices: "chest tube"]),
    ClinicalCase(text: "Low lung volumes with bibasilar atelectasis.", labels: [.atelectasis: .positive],
                 sides: [.atelectasis: .bilateral], unparsed: ["Low lung volumes"]),
    ClinicalCase(text: "Findings: The heart is normal in size. The mediastinum is unremarkable. The lungs are clear. "
                 + "Impression: No acute cardiopulmonary abnormality.",
                 labels: [.cardiomegaly: .negative, .enlargedCardiomediastinum: .negative, .lungOpacity: .negative,
                          .noFinding: .positive]),
    ClinicalCase(text: "Severe cardiomegaly, bat-wing pulmonary edema and large bilateral pleural effusions; "
                 + "left PICC and pacemaker.",
                 labels: [.cardiomegaly: .positive, .edema: .positive, .pleuralEffusion: .positive,
                          .supportDevices: .positive],
                 zones: [.edema: .perihilar], severities: [.cardiomegaly: .severe, .pleuralEffusion: .severe]),
    ClinicalCase(text: "Multiple displaced right rib fractures with small right hemothorax and pneumothorax.",
                 labels: [.fracture: .positive, .pleuralEffusion: .positive, .pneumothorax: .positive],
                 sides: [.fracture: .right, .pleuralEffusion: .right, .pneumothorax: .right],
                 kinds: [.fracture: "rib"], counts: [.fracture: 3], qualifiers: [.fracture: ["displaced"]]),
    ClinicalCase(text: "Large right upper lobe mass with post-obstructive collapse.",
                 labels: [.lungLesion: .positive, .atelectasis: .positive],
                 sides: [.lungLesion: .right, .atelectasis: .right], kinds: [.lungLesion: "mass"]),
    ClinicalCase(text: "Heart size normal, lungs clear, no effusion.",
                 labels: [.cardiomegaly: .negative, .lungOpacity: .negative, .pleuralEffusion: .negative,
                          .noFinding: .positive]),
    ClinicalCase(text: "55 yo F. PA/lateral. Right middle lobe consolidation, no effusion, heart size normal.",
                 labels: [.consolidation: .positive, .pleuralEffusion: .negative, .cardiomegaly: .negative],
                 sides: [.consolidation: .right], zones: [.consolidation: .middle], view: .pa, sex: .female, age: 55),
    ClinicalCase(text: "Pacemaker in place. No pneumothorax. Lungs clear.",
                 labels: [.supportDevices: .positive, .pneumothorax: .negative, .lungOpacity: .negative,
                          .noFinding: .positive], kinds: [.supportDevices: "pacemaker"]),
    ClinicalCase(text: "Small left pleural effusion. The effusion is loculated.", labels: [.pleuralEffusion: .positive],
                 sides: [.pleuralEffusion: .left], qualifiers: [.pleuralEffusion: ["loculated"]]),
    ClinicalCase(text: "Right pneumothorax. No tension pneumothorax.", labels: [.pneumothorax: .positive],
                 sides: [.pneumothorax: .right], qualifiers: [.pneumothorax: []]),
    ClinicalCase(text: "Nodule in the right upper lobe; the lesion measures 3.5 cm.", labels: [.lungLesion: .positive],
                 kinds: [.lungLesion: "mass"], sizes: [.lungLesion: 3.5]),
    ClinicalCase(text: "moderate L effusion w/ adjacent atelectasis, no PTX",
                 labels: [.pleuralEffusion: .positive, .atelectasis: .positive, .pneumothorax: .negative],
                 sides: [.pleuralEffusion: .left, .atelectasis: .left]),
    ClinicalCase(text: "Chest radiograph demonstrates mild pulmonary edema.", labels: [.edema: .positive],
                 severities: [.edema: .mild], unparsed: []),
    ClinicalCase(text: "Enlarged heart and widened mediastinum.",
                 labels: [.cardiomegaly: .positive, .enlargedCardiomediastinum: .positive]),
    ClinicalCase(text: "Emphysema. No acute process.", labels: [.noFinding: .positive], unparsed: ["Emphysema"]),
    ClinicalCase(text: "Tubes and lines in standard position. Stable bibasilar opacities.",
                 labels: [.supportDevices: .positive, .lungOpacity: .positive], sides: [.lungOpacity: .bilateral]),
]

// MARK: - Longer report phrasing

private let reportPhrasingCases: [ClinicalCase] = [
    ClinicalCase(text: "Patchy opacities in the right mid and lower lung zones, concerning for pneumonia.",
                 labels: [.lungOpacity: .positive, .pneumonia: .uncertain], sides: [.lungOpacity: .right],
                 zones: [.lungOpacity: .middle]),
    ClinicalCase(text: "Healing right posterior 6th and 7th rib fractures.", labels: [.fracture: .positive],
                 sides: [.fracture: .right], kinds: [.fracture: "rib"], qualifiers: [.fracture: ["healed"]],
                 unparsed: []),
    ClinicalCase(text: "ETT in normal position.", labels: [.supportDevices: .positive],
                 kinds: [.supportDevices: "endotracheal tube"]),
    ClinicalCase(text: "Sternotomy wires are intact.", labels: [.supportDevices: .positive]),
    ClinicalCase(text: "Impression: 1. Small right effusion. 2. No pneumothorax.",
                 labels: [.pleuralEffusion: .positive, .pneumothorax: .negative], unparsed: []),
    ClinicalCase(text: "Right lung: clear. Left lung: small effusion.",
                 labels: [.lungOpacity: .negative, .pleuralEffusion: .positive], unparsed: []),
    ClinicalCase(text: "Correlate clinically for pneumonia.", labels: [.pneumonia: .uncertain]),
    ClinicalCase(text: "The cardiomediastinal silhouette is normal in size and contour.",
                 labels: [.enlargedCardiomediastinum: .negative], unparsed: []),
    ClinicalCase(text: "Chest X-ray of a 45 year old female showing a large right-sided pneumothorax with tension.",
                 labels: [.pneumothorax: .positive], sides: [.pneumothorax: .right],
                 severities: [.pneumothorax: .severe], qualifiers: [.pneumothorax: ["tension"]], sex: .female, age: 45),
    ClinicalCase(text: "Generate a chest x-ray of a 60 year old male with a large left pneumothorax",
                 labels: [.pneumothorax: .positive], sides: [.pneumothorax: .left], sex: .male, age: 60, unparsed: []),
    ClinicalCase(text: "frontal CXR of elderly woman, moderate cardiomegaly and mild edema",
                 labels: [.cardiomegaly: .positive, .edema: .positive],
                 severities: [.cardiomegaly: .moderate, .edema: .mild], view: .pa, sex: .female),
    ClinicalCase(text: "Chronic blunting of the left costophrenic angle, likely pleural thickening or small effusion.",
                 labels: [.pleuralEffusion: .uncertain, .pleuralOther: .uncertain], sides: [.pleuralEffusion: .left]),
    ClinicalCase(text: "Ill-defined opacity in the left upper lobe could represent infection; follow-up recommended.",
                 labels: [.lungOpacity: .positive, .pneumonia: .uncertain], sides: [.pneumonia: .left]),
    ClinicalCase(text: "There are small bilateral pleural effusions and bibasilar airspace opacities, which may "
                 + "reflect atelectasis, aspiration, or pneumonia.",
                 labels: [.pleuralEffusion: .positive, .lungOpacity: .positive, .atelectasis: .uncertain,
                          .pneumonia: .uncertain],
                 sides: [.pleuralEffusion: .bilateral, .lungOpacity: .bilateral], zones: [.lungOpacity: .basal]),
    ClinicalCase(text: "Mildly prominent pulmonary vasculature.", labels: [.edema: .uncertain]),
    ClinicalCase(text: "No change in the large left pleural effusion.", labels: [.pleuralEffusion: .positive],
                 severities: [.pleuralEffusion: .severe]),
    ClinicalCase(text: "Lungs are hyperinflated, consistent with COPD.", labels: [:],
                 unparsed: ["Lungs are hyperinflated", "consistent with COPD"]),
    ClinicalCase(text: "no ptx, no effusion, no consolidation",
                 labels: [.pneumothorax: .negative, .pleuralEffusion: .negative, .consolidation: .negative,
                          .noFinding: .positive]),
    ClinicalCase(text: "Normal heart, lungs, and mediastinum.",
                 labels: [.cardiomegaly: .negative, .lungOpacity: .negative, .enlargedCardiomediastinum: .negative,
                          .noFinding: .positive]),
    ClinicalCase(text: "mild pulmonary edema, mild cardiomegaly, ETT, NGT, R IJ CVC",
                 labels: [.edema: .positive, .cardiomegaly: .positive, .supportDevices: .positive]),
    ClinicalCase(text: "Right basilar opacity could be atelectasis, pneumonia, or aspiration.",
                 labels: [.lungOpacity: .positive, .atelectasis: .uncertain, .pneumonia: .uncertain],
                 unparsed: ["aspiration"]),
    ClinicalCase(text: "The previously noted left lower lobe consolidation has nearly resolved.",
                 labels: [.consolidation: .negative]),
    ClinicalCase(text: "Interval increase in bilateral pleural effusions, right greater than left.",
                 labels: [.pleuralEffusion: .positive], sides: [.pleuralEffusion: .bilateral], unparsed: []),
]
