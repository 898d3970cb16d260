import Prompting

/// `output/labels.csv`: one CheXpert-style row per image (Path, Sex, Age, Frontal/Lateral,
/// AP/PA, then the 14 observations as 1.0, 0.0, -1.0 or blank when not mentioned).
enum LabelsCSV {
    static func render(_ images: [ImageRecord]) -> String {
        var lines = [(["Path", "Sex", "Age", "Frontal/Lateral", "AP/PA"] + Observation.allCases.map(\.rawValue)).joined(separator: ",")]
        for image in images {
            let view = image.view ?? .pa
            var row = [
                "images/\(image.id)/image.png",
                image.sex.map { $0 == .male ? "Male" : "Female" } ?? "Unknown",
                image.age.map(String.init) ?? "",
                view == .lateral ? "Lateral" : "Frontal",
                view == .lateral ? "" : view.rawValue,
            ]
            for observation in Observation.allCases {
                row.append(image.labels[observation.rawValue].map { "\(Double($0))" } ?? "")
            }
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
