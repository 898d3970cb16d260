import Foundation
import SynthNumerics
import Prompting

/// Puts the patient and the findings together into one scene, always in the same order so a
/// finding only adds to (or locally changes) the scene of the same patient without it.
enum SceneAssembly {
    static func build(layout: Layout, findings: FindingPlan, supine: Bool, pixelCm: Double,
                      measures: inout [String: Double]) -> Scene3D {
        var b = SceneBuilder(layout: layout)
        let a = layout.anatomy
        b.scene.rotation = a.rotation
        b.addBody()
        b.addLungs()

        // Heart: the patient's normal size, or the cardiomegaly target (old outline marked too).
        let thoracic = b.thoracicWidth()
        let cardio = findings.of(.cardiomegaly).first
        let target = layout.consequences.targetCTR ?? a.normalCTR
        let ctr = b.addHeart(targetCTR: target, thoracicWidth: thoracic, mask: cardio?.mask ?? -1)
        if let c = cardio {
            var ghost = SceneBuilder(layout: layout)
            ghost.nextGroup = 1_000_000
            ghost.addHeart(targetCTR: a.normalCTR, thoracicWidth: thoracic, mask: c.mask)
            for var e in ghost.scene.ellipsoids { e.tag.channel = .maskOnly; b.scene.ellipsoids.append(e) }
        }
        measures["cardiothoracicRatio"] = ctr
        measures["thoracicWidthCm"] = thoracic * a.scale
        measures["heartWidthCm"] = ctr * thoracic * a.scale

        b.addMediastinum()
        b.addGreatVessels()
        b.addAirways()
        b.addSpine()

        // Bones, with fractures applied to the rib or clavicle they break.
        let fractures = SceneBuilder.fractures(findings.of(.fracture))
        // Pieces are computed first so every bone keeps its place in the drawing order.
        var ribPieces: [Int: [[Tube3.Node]]] = [:]
        var clavPieces: [Int: [[Tube3.Node]]] = [:]
        for g in fractures {
            if g.clavicle {
                clavPieces[g.side] = b.fracture(b.clavicleNodes(side: g.side), g)
            } else {
                ribPieces[g.side * 100 + g.rib] = b.fracture(b.ribNodes(side: g.side, k: g.rib), g)
            }
        }
        b.addRibs(modify: { side, k, nodes in (ribPieces[side * 100 + k] ?? [nodes], false) })
        b.addShoulderGirdle(modifyClavicle: { side, nodes in clavPieces[side] ?? [nodes] })

        // Vessels: finer generations appear as the output resolves them.
        let trees = b.vesselTrees()
        b.addVessels(trees, minRadius: 0.3 * pixelCm)

        // Findings in CheXpert order.
        for f in findings.instances {
            switch f.observation {
            case .noFinding, .cardiomegaly, .fracture: break
            case .enlargedCardiomediastinum: b.addWideMediastinum(f, measures: &measures)
            case .lungOpacity: b.addLungOpacity(f)
            case .lungLesion: b.addLesions(f, measures: &measures)
            case .edema: b.addEdema(f)
            case .consolidation: b.addConsolidation(f, pneumonia: false)
            case .pneumonia: b.addConsolidation(f, pneumonia: true)
            case .atelectasis: b.addAtelectasis(f)
            case .pneumothorax: b.addPneumothorax(f, measures: &measures)
            case .pleuralEffusion: b.addEffusion(f, supine: supine && layout.view != .lateral, measures: &measures)
            case .pleuralOther: b.addPleuralOther(f)
            case .supportDevices: b.addDevice(f)
            }
        }
        if layout.shift != 0 { measures["mediastinalShiftCm"] = layout.shift * a.scale }
        return b.scene
    }
}
