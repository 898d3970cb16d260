import Prompting

/// Measurements reported with every image (camelCase keys).
enum Measures {
    static func finish(_ m: inout [String: Double], anatomy: PatientAnatomy, layout: Layout, frame: Frame, view: ViewPosition) {
        if view == .lateral {
            // The cardiothoracic ratio is a frontal measurement.
            m.removeValue(forKey: "cardiothoracicRatio")
            m.removeValue(forKey: "heartWidthCm")
            m.removeValue(forKey: "thoracicWidthCm")
        }
        m["pixelSpacingMm"] = frame.pix * anatomy.scale * 10
        m["patientAgeYears"] = anatomy.age
        m["patientSexFemale"] = anatomy.sex == .female ? 1 : 0
        m["patientScale"] = anatomy.scale
        m["patientRotationDegrees"] = anatomy.rotation * 180 / Double.pi
    }
}
