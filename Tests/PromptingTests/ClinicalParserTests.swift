import Foundation
import XCTest
@testable import Prompting

final class ClinicalParserTests: XCTestCase {
    // MARK: Corpus

    func testCorpusIsLargeAndVaried() {
        XCTAssertGreaterThanOrEqual(clinicalCorpus.count, 170)
        let mentioned = Set(clinicalCorpus.flatMap { $0.labels.keys })
        XCTAssertEqual(mentioned, Set(Observation.allCases), "every observation appears in the corpus")
        XCTAssertEqual(Set(clinicalCorpus.map(\.text)).count, clinicalCorpus.count, "no sentence twice")
    }

    func testEveryCorpusCase() {
        var failures = 0
        for testCase in clinicalCorpus {
            let problems = testCase.mismatches(in: ClinicalParser.parse(testCase.text))
            if !problems.isEmpty {
                failures += 1
                XCTFail("\"\(testCase.text)\"\n  " + problems.joined(separator: "\n  "))
            }
        }
        XCTAssertEqual(failures, 0, "\(failures) of \(clinicalCorpus.count) corpus cases failed")
    }

    // MARK: Negation scope

    func testNegationCoversAList() {
        let labels = ClinicalParser.parse("No focal consolidation, pleural effusion, or pneumothorax.").labels
        XCTAssertEqual(labels[.consolidation], .negative)
        XCTAssertEqual(labels[.pleuralEffusion], .negative)
        XCTAssertEqual(labels[.pneumothorax], .negative)
        XCTAssertEqual(labels[.noFinding], .positive)
    }

    func testNegationStopsAtADescribedFinding() {
        let reading = ClinicalParser.parse("no pneumothorax, moderate right effusion")
        XCTAssertEqual(reading.labels[.pneumothorax], .negative)
        XCTAssertEqual(reading.labels[.pleuralEffusion], .positive)
        XCTAssertEqual(reading.labels[.noFinding], .negative)
    }

    func testNegationStopsAtButAndWithout() {
        let labels = ClinicalParser.parse("No consolidation but a small pneumothorax.").labels
        XCTAssertEqual(labels[.consolidation], .negative)
        XCTAssertEqual(labels[.pneumothorax], .positive)
        let without = ClinicalParser.parse("Right effusion without pneumothorax.").labels
        XCTAssertEqual(without[.pleuralEffusion], .positive)
        XCTAssertEqual(without[.pneumothorax], .negative)
    }

    func testPreNegationCues() {
        let cues = ["No", "Without", "Negative for", "Free of", "No evidence of", "There is no", "Absence of",
                    "Resolution of", "No definite", "Clear of"]
        for cue in cues {
            XCTAssertEqual(ClinicalParser.parse("\(cue) pleural effusion.").labels[.pleuralEffusion], .negative, cue)
        }
    }

    func testPostNegationCues() {
        let cues = ["is not seen", "has resolved", "is absent", "is not identified", "is no longer seen",
                    "is unlikely", "has cleared", "is excluded"]
        for cue in cues {
            XCTAssertEqual(ClinicalParser.parse("Pneumothorax \(cue).").labels[.pneumothorax], .negative, cue)
        }
    }

    func testRemovedDevicesAreNegative() {
        XCTAssertEqual(ClinicalParser.parse("The NG tube has been removed.").labels[.supportDevices], .negative)
        XCTAssertEqual(ClinicalParser.parse("Removal of the left chest tube.").labels[.supportDevices], .negative)
    }

    // MARK: Uncertainty

    func testPreUncertaintyCues() {
        let cues = ["Possible", "Possibly", "Questionable", "Suspicious for", "Concerning for", "Likely",
                    "Probable", "Suggestive of", "Cannot rule out", "Cannot exclude", "Can't exclude",
                    "Differential includes", "May represent", "May be", "Borderline", "Suspected", "?"]
        for cue in cues {
            XCTAssertEqual(ClinicalParser.parse("\(cue) pneumonia.").labels[.pneumonia], .uncertain, cue)
        }
    }

    func testPostUncertaintyCues() {
        let cues = ["cannot be excluded", "can't be excluded", "is not excluded", "cannot be ruled out",
                    "is likely", "is possible", "is suspected", "is questionable"]
        for cue in cues {
            XCTAssertEqual(ClinicalParser.parse("Pneumonia \(cue).").labels[.pneumonia], .uncertain, cue)
        }
    }

    func testVersusMakesBothSidesUncertain() {
        for text in ["Atelectasis versus pneumonia.", "atelectasis vs pneumonia", "Atelectasis vs. pneumonia."] {
            let labels = ClinicalParser.parse(text).labels
            XCTAssertEqual(labels[.atelectasis], .uncertain, text)
            XCTAssertEqual(labels[.pneumonia], .uncertain, text)
        }
    }

    func testHedgeReachesOnlyWhatFollows() {
        let labels = ClinicalParser.parse("Left basilar opacity may represent atelectasis.").labels
        XCTAssertEqual(labels[.lungOpacity], .positive)
        XCTAssertEqual(labels[.atelectasis], .uncertain)
    }

    func testBorderlineAndStableHeartAreUncertain() {
        XCTAssertEqual(ClinicalParser.parse("Borderline cardiomegaly.").labels[.cardiomegaly], .uncertain)
        XCTAssertEqual(ClinicalParser.parse("Heart size is stable.").labels[.cardiomegaly], .uncertain)
        XCTAssertEqual(ClinicalParser.parse("Stable cardiomegaly.").labels[.cardiomegaly], .positive)
    }

    // MARK: Laterality and place

    func testSides() {
        let cases: [(String, Side)] = [
            ("right effusion", .right), ("left effusion", .left), ("bilateral effusions", .bilateral),
            ("effusions in both lungs", .bilateral), ("R effusion", .right), ("L effusion", .left),
            ("rt effusion", .right), ("lt effusion", .left), ("right and left effusions", .bilateral),
            ("effusion on the left", .left), ("bibasilar effusions", .bilateral),
        ]
        for (text, side) in cases {
            XCTAssertEqual(ClinicalParser.parse(text).findings.first?.side, side, text)
        }
    }

    func testLobesGiveSideAndZone() {
        let cases: [(String, Side, Zone)] = [
            ("right upper lobe", .right, .upper), ("right middle lobe", .right, .middle),
            ("right lower lobe", .right, .lower), ("left upper lobe", .left, .upper),
            ("left lower lobe", .left, .lower), ("lingula", .left, .middle), ("lingular", .left, .middle),
            ("RUL", .right, .upper), ("RML", .right, .middle), ("RLL", .right, .lower),
            ("LUL", .left, .upper), ("LLL", .left, .lower),
        ]
        for (place, side, zone) in cases {
            let finding = ClinicalParser.parse("consolidation in the \(place)").findings.first
            XCTAssertEqual(finding?.side, side, place)
            XCTAssertEqual(finding?.zone, zone, place)
        }
    }

    func testZones() {
        let cases: [(String, Zone)] = [
            ("apical pneumothorax", .apical), ("pneumothorax at the apex", .apical), ("basilar opacity", .basal),
            ("opacity at the base", .basal), ("hilar mass", .hilar), ("perihilar opacity", .perihilar),
            ("retrocardiac opacity", .retrocardiac), ("bat-wing edema", .perihilar), ("upper zone nodule", .upper),
            ("mid zone opacity", .middle), ("lower zone opacity", .lower),
        ]
        for (text, zone) in cases {
            XCTAssertEqual(ClinicalParser.parse(text).findings.first?.zone, zone, text)
        }
    }

    func testDifferentSidesStayApart() {
        let reading = ClinicalParser.parse("Left effusion and right effusion. Right pneumothorax.")
        let effusions = reading.findings.filter { $0.observation == .pleuralEffusion }
        XCTAssertEqual(effusions.map(\.side), [.left, .right])
        XCTAssertEqual(reading.findings.first { $0.observation == .pneumothorax }?.side, .right)
    }

    // MARK: Severity, size, count, kind, qualifiers

    func testSeverityWords() {
        let cases: [(String, Severity)] = [
            ("small", .mild), ("mild", .mild), ("minimal", .mild), ("trace", .mild), ("tiny", .mild),
            ("slight", .mild), ("moderate", .moderate), ("large", .severe), ("severe", .severe),
            ("massive", .severe), ("marked", .severe), ("extensive", .severe), ("substantial", .severe),
            ("big", .severe),
        ]
        for (word, severity) in cases {
            let finding = ClinicalParser.parse("\(word) right pleural effusion").findings.first
            XCTAssertEqual(finding?.severity, severity, word)
        }
    }

    func testSizes() {
        let cases: [(String, Double)] = [
            ("2 cm nodule", 2), ("2.5cm nodule", 2.5), ("15 mm nodule", 1.5), ("nodule measuring 8 mm", 0.8),
            ("2 x 3 cm nodule", 3), ("1.2 x 0.8 cm nodule", 1.2), ("4 centimeter mass", 4),
        ]
        for (text, size) in cases {
            let finding = ClinicalParser.parse(text).findings.first
            XCTAssertEqual(finding?.sizeCm ?? 0, size, accuracy: 1e-9, text)
        }
    }

    func testLesionKindFollowsWordAndSize() {
        XCTAssertEqual(ClinicalParser.parse("2 cm nodule").findings.first?.kind, "nodule")
        XCTAssertEqual(ClinicalParser.parse("4 cm nodule").findings.first?.kind, "mass")
        XCTAssertEqual(ClinicalParser.parse("small mass").findings.first?.kind, "mass")
        XCTAssertEqual(ClinicalParser.parse("granuloma").findings.first?.kind, "nodule")
    }

    func testCounts() {
        let cases: [(String, Int)] = [
            ("multiple nodules", 3), ("numerous nodules", 3), ("several nodules", 3), ("two nodules", 2),
            ("three nodules", 3), ("five nodules", 5), ("ten nodules", 10), ("3 nodules", 3), ("7 nodules", 7),
            ("a single nodule", 1), ("solitary nodule", 1),
        ]
        for (text, count) in cases {
            XCTAssertEqual(ClinicalParser.parse(text).findings.first?.count, count, text)
        }
        XCTAssertNil(ClinicalParser.parse("T4 compression fracture").findings.first?.count, "a vertebra is not a count")
        XCTAssertNil(ClinicalParser.parse("left 5th rib fracture").findings.first?.count, "an ordinal is not a count")
    }

    func testDeviceKinds() {
        let cases: [(String, String)] = [
            ("endotracheal tube", "endotracheal tube"), ("ETT", "endotracheal tube"), ("ET tube", "endotracheal tube"),
            ("central line", "central line"), ("central venous catheter", "central line"), ("PICC", "central line"),
            ("CVC", "central line"), ("port", "central line"), ("nasogastric tube", "nasogastric tube"),
            ("NG tube", "nasogastric tube"), ("feeding tube", "nasogastric tube"),
            ("orogastric tube", "nasogastric tube"),
            ("chest tube", "chest tube"), ("pleural drain", "chest tube"), ("pigtail catheter", "chest tube"),
            ("pacemaker", "pacemaker"), ("ICD", "pacemaker"), ("defibrillator", "pacemaker"),
            ("cardiac device", "pacemaker"), ("pacer", "pacemaker"),
        ]
        for (text, kind) in cases {
            let finding = ClinicalParser.parse("\(text) in place").findings.first
            XCTAssertEqual(finding?.observation, .supportDevices, text)
            XCTAssertEqual(finding?.kind, kind, text)
        }
    }

    func testQualifiers() {
        let cases: [(String, Observation, String)] = [
            ("left tension pneumothorax", .pneumothorax, "tension"),
            ("healed right rib fracture", .fracture, "healed"),
            ("old left rib fractures", .fracture, "healed"),
            ("remote clavicle fracture", .fracture, "healed"),
            ("displaced rib fracture", .fracture, "displaced"),
            ("consolidation with air bronchograms", .consolidation, "air bronchograms"),
            ("interstitial edema with Kerley B lines", .edema, "kerley b lines"),
            ("loculated left effusion", .pleuralEffusion, "loculated"),
        ]
        for (text, observation, qualifier) in cases {
            let finding = ClinicalParser.parse(text).findings.first { $0.observation == observation }
            XCTAssertEqual(finding?.qualifiers, [qualifier], text)
        }
        XCTAssertEqual(ClinicalParser.parse("nondisplaced rib fracture").findings.first?.qualifiers, [])
    }

    // MARK: View, sex, age

    func testViews() {
        let cases: [(String, ViewPosition, Bool)] = [
            ("PA chest", .pa, false), ("posteroanterior view", .pa, false), ("frontal view", .pa, false),
            ("AP chest", .ap, false), ("anteroposterior view", .ap, false), ("portable chest", .ap, false),
            ("supine chest", .ap, true), ("AP supine", .ap, true), ("lateral view", .lateral, false),
            ("LAT", .lateral, false), ("PA and lateral", .pa, false),
        ]
        for (text, view, supine) in cases {
            let reading = ClinicalParser.parse(text)
            XCTAssertEqual(reading.view, view, text)
            XCTAssertEqual(reading.supine, supine, text)
        }
        XCTAssertNil(ClinicalParser.parse("blunting of the lateral costophrenic angle").view)
    }

    func testSexAndAge() {
        let cases: [(String, Sex?, Int?)] = [
            ("67-year-old man", .male, 67), ("67 year old woman", .female, 67), ("55F", .female, 55),
            ("55 M", .male, 55), ("72 yo male", .male, 72), ("a 4-year-old boy", .male, 4),
            ("a 4-year-old girl", .female, 4), ("female patient", .female, nil), ("age 40", nil, 40),
            ("40 years old", nil, 40), ("81 y/o F", .female, 81), ("130 year old man", .male, nil),
            ("in 2 years", nil, nil),
        ]
        for (text, sex, age) in cases {
            let reading = ClinicalParser.parse(text)
            XCTAssertEqual(reading.sex, sex, text)
            XCTAssertEqual(reading.age, age, text)
        }
    }

    // MARK: Unparsed, text, merging

    func testUnparsedKeepsOnlyWhatWasNotUnderstood() {
        let reading = ClinicalParser.parse("PA chest radiograph, moderate right pleural effusion, purple elephant")
        XCTAssertEqual(reading.unparsed, ["purple elephant"])
        XCTAssertEqual(ClinicalParser.parse("The chest x-ray shows the study.").unparsed, [])
        XCTAssertEqual(ClinicalParser.parse("Small pericardial effusion.").unparsed, ["Small pericardial effusion"])
        XCTAssertEqual(ClinicalParser.parse("Emphysema. No pneumothorax.").unparsed, ["Emphysema"])
    }

    func testFindingTextIsItsClause() {
        let reading = ClinicalParser.parse("  Small left effusion ,  no pneumothorax. ")
        XCTAssertEqual(reading.findings.map(\.text), ["Small left effusion", "no pneumothorax"])
    }

    func testRepeatedMentionsMerge() {
        let reading = ClinicalParser.parse("Small left effusion. The effusion is loculated. Possible left effusion.")
        XCTAssertEqual(reading.findings.count, 1)
        XCTAssertEqual(reading.findings.first?.label, .positive)
        XCTAssertEqual(reading.findings.first?.side, .left)
        XCTAssertEqual(reading.findings.first?.qualifiers, ["loculated"])
    }

    func testPneumoniaImpliesNothingElse() {
        XCTAssertEqual(Set(ClinicalParser.parse("Right lower lobe pneumonia.").labels.keys), [.pneumonia, .noFinding])
    }

    // MARK: Labels and No Finding

    func testNoFindingWithOnlySupportDevices() {
        let reading = ClinicalParser.parse("ET tube and right IJ central line in place. No pneumothorax.")
        XCTAssertEqual(reading.labels[.supportDevices], .positive)
        XCTAssertEqual(reading.labels[.pneumothorax], .negative)
        XCTAssertEqual(reading.labels[.noFinding], .positive)
    }

    func testNoFindingIsNegativeWhenAnythingIsUncertain() {
        let reading = ClinicalParser.parse("No acute cardiopulmonary process. Possible small left effusion.")
        XCTAssertEqual(reading.labels[.noFinding], .negative)
        XCTAssertFalse(reading.findings.contains { $0.observation == .noFinding })
    }

    func testNormalStatementsGiveNoFinding() {
        for text in ["No acute cardiopulmonary process.", "No acute cardiopulmonary abnormality.", "Normal chest.",
                     "Unremarkable.", "Clear lungs.", "Normal chest radiograph."] {
            let reading = ClinicalParser.parse(text)
            XCTAssertEqual(reading.findings.last?.observation, .noFinding, text)
            XCTAssertEqual(reading.findings.last?.label, .positive, text)
        }
    }

    func testNormalAnatomyIsNegative() {
        XCTAssertEqual(ClinicalParser.parse("Normal heart size.").labels[.cardiomegaly], .negative)
        XCTAssertEqual(ClinicalParser.parse("Heart size is normal.").labels[.cardiomegaly], .negative)
        XCTAssertEqual(ClinicalParser.parse("Lungs are clear.").labels[.lungOpacity], .negative)
        XCTAssertNil(ClinicalParser.parse("Heart size.").labels[.cardiomegaly], "anatomy alone says nothing")
    }

    // MARK: Robustness

    func testHostileInputNeitherCrashesNorHangs() {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789 .,;:?!/-'()\u{0}\té漢🫁\n")
        var inputs = ["", " ", "\u{0}", String(repeating: "\u{0}", count: 4000), String(repeating: ".", count: 4000),
                      String(repeating: "9", count: 4000), String(repeating: "no ", count: 1300),
                      String(repeating: "2 x ", count: 1000) + "cm", String(repeating: "e\u{301}", count: 2000),
                      "99999999999999999999999999 year old", "1e308 cm nodule", "age: -1", "y/o", "w/", "/", "?",
                      "vs.", ":::", "55", "and or with but"]
        for _ in 0..<20 {
            inputs.append(String((0..<4000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        let start = Date()
        for input in inputs {
            let reading = ClinicalParser.parse(input)
            XCTAssertTrue(reading.age.map { (0...120).contains($0) } ?? true)
            XCTAssertFalse(reading.unparsed.contains { $0.isEmpty })
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "parsing stays roughly linear")
    }

    func testParsingIsDeterministic() {
        for testCase in clinicalCorpus.prefix(40) {
            XCTAssertEqual(ClinicalParser.parse(testCase.text), ClinicalParser.parse(testCase.text))
        }
    }
}

/// A tiny seeded generator so the junk inputs are the same on every run.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
