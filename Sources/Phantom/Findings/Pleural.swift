import Prompting

/// Pleural findings: effusion (fluid layer with meniscus), pneumothorax (pleural line, no
/// markings beyond it) and pleural thickening.
extension SceneBuilder {
    /// Costophrenic-angle level of a side.
    func costophrenicY(_ side: Int) -> Double { layout.domeY[side] + 4.0 }

    mutating func addEffusion(_ f: FindingInstance, supine: Bool, measures: inout [String: Double]) {
        for side in f.sides {
            let apex = layout.apexY[side]
            let cp = costophrenicY(side)
            let H = cp - apex
            var frac: Double
            switch f.severity {
            case .mild: frac = 0.11
            case .moderate: frac = 0.3
            case .severe: frac = 0.55
            }
            frac *= f.rng.uniform(UInt64(10 + side), in: 0.92...1.08)
            frac *= 0.55 + 0.45 * f.strength
            let density = 0.3 + 0.7 * f.strength
            let spec = EffusionSpec(side: side, yTop: cp - frac * H, meniscus: 1.8 + 4.5 * frac, ramp: 1.4 + 2.2 * frac,
                                    strength: density, supine: supine, apexY: apex, baseY: cp, mask: f.mask)
            scene.fields.append(.effusion(spec))
            let key = side == 0 ? "effusionHeightFractionRight" : "effusionHeightFractionLeft"
            measures[key] = frac
            measures["effusionHeightFraction"] = max(measures["effusionHeightFraction"] ?? 0, frac)
        }
    }

    mutating func addPneumothorax(_ f: FindingInstance, measures: inout [String: Double]) {
        let tension = f.has("tension")
        for side in f.sides {
            var rim: Double
            switch f.severity {
            case .mild: rim = 0.12
            case .moderate: rim = 0.28
            case .severe: rim = 0.5
            }
            if tension { rim = max(rim, 0.45) }
            rim *= f.rng.uniform(UInt64(20 + side), in: 0.92...1.08) * (0.4 + 0.6 * f.strength)
            let spec = PneumothoraxSpec(side: side, sx: 1 - rim, sy: 1 - 0.7 * rim, yBase: layout.domeY[side] + 2.5,
                                        lineCm: 0.9, mask: f.mask)
            scene.fields.append(.pneumothorax(spec))
            let key = side == 0 ? "pneumothoraxRimFractionRight" : "pneumothoraxRimFractionLeft"
            measures[key] = rim
            measures["pneumothoraxRimFraction"] = max(measures["pneumothoraxRimFraction"] ?? 0, rim)
        }
        if tension { measures["tensionPneumothorax"] = 1 }
    }

    mutating func addPleuralOther(_ f: FindingInstance) {
        for side in f.sides {
            var chord: Double
            switch f.severity {
            case .mild: chord = 3.0
            case .moderate: chord = 4.6
            case .severe: chord = 6.5
            }
            scene.fields.append(.thickening(ThickeningSpec(side: side, chord: chord, strength: 0.95 * f.strength,
                                                           seed: f.rng.bits(UInt64(30 + side)), apexY: layout.apexY[side], mask: f.mask)))
        }
    }
}
