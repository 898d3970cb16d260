import SynthNumerics
import Prompting

/// One finding as the generator draws it: resolved side(s), strength and its own RNG stream.
struct FindingInstance: Sendable {
    var finding: Finding
    var observation: Observation { finding.observation }
    /// Sides to draw: 0 right, 1 left.
    var sides: [Int]
    /// 1 for positive, 0.4 for uncertain.
    var strength: Double
    var severity: Severity
    var rng: CounterRNG
    var mask: Int32

    func has(_ qualifier: String) -> Bool { finding.qualifiers.contains { $0.lowercased() == qualifier } }
    var kind: String? { finding.kind?.lowercased() }
}

/// The findings of a reading, in a stable order (CheXpert observation order, then input order),
/// with mask slots per observation.
struct FindingPlan: Sendable {
    var instances: [FindingInstance]
    /// Observations that get a mask, in slot order.
    var maskObservations: [Observation]

    init(reading: ClinicalReading, seed: UInt64) {
        let root = CounterRNG(seed: seed).stream("findings")
        var list: [FindingInstance] = []
        var masks: [Observation] = []
        let present = reading.present
        for obs in Observation.allCases where obs != .noFinding {
            let group = present.filter { $0.observation == obs }
            if group.isEmpty { continue }
            let slot = Int32(masks.count)
            masks.append(obs)
            for (n, f) in group.enumerated() {
                let rng = root.stream(obs.rawValue).stream(UInt64(n))
                let sides: [Int]
                switch f.side {
                case .right: sides = [0]
                case .left: sides = [1]
                case .bilateral: sides = [0, 1]
                case nil:
                    switch obs {
                    case .pleuralEffusion: sides = [0]
                    case .edema: sides = [0, 1]
                    case .cardiomegaly, .enlargedCardiomediastinum, .supportDevices: sides = [1]
                    default: sides = [rng.uniform(0) < 0.5 ? 0 : 1]
                    }
                }
                let defaultSeverity: Severity = obs == .cardiomegaly ? .moderate : .moderate
                list.append(FindingInstance(finding: f, sides: sides, strength: f.label == .uncertain ? 0.4 : 1,
                                            severity: f.severity ?? defaultSeverity, rng: rng, mask: slot))
            }
        }
        instances = list
        maskObservations = masks
    }

    func of(_ obs: Observation) -> [FindingInstance] { instances.filter { $0.observation == obs } }

    /// Physical consequences that move the anatomy.
    func consequences(normalCTR: Double) -> Consequences {
        var c = Consequences()
        for f in of(.pneumothorax) where f.has("tension") {
            for side in f.sides where f.sides.count == 1 {
                let s = Layout.sign(side)
                c.mediastinalShift += -s * 2.2 * f.strength
                c.domeShift[side] += 2.2 * f.strength
                c.domeFlatten[side] = 1 + 0.5 * f.strength
            }
        }
        for f in of(.atelectasis) where f.severity >= .moderate {
            for side in f.sides {
                let s = Layout.sign(side)
                let lift = (f.severity == .severe ? 2.6 : 1.4) * f.strength
                c.domeShift[side] -= lift
                if f.severity == .severe && f.sides.count == 1 { c.mediastinalShift += s * 1.0 * f.strength }
            }
        }
        if let f = of(.cardiomegaly).first {
            let target: Double
            switch f.severity {
            case .mild: target = 0.555
            case .moderate: target = 0.605
            case .severe: target = 0.68
            }
            let jitter = f.rng.uniform(1, in: -0.01...0.01)
            c.targetCTR = normalCTR + f.strength * (target + jitter - normalCTR)
        }
        return c
    }
}
