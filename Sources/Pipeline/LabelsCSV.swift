import Prompting

/// `output/labels.csv`: one CheXpert-style row per image (Path, Sex, Age, Frontal/Lateral,
/// AP/PA, then the 14 observations as 1.0, 0.0, -1.0 or blank when not mentioned).
enum LabelsCSV {
    /// Cache kind of the rows of images.
    static let fragmentKind = "csv"

    static func render(_ images: [ImageRecord], row: (ImageRecord) -> String = LabelsCSV.row) -> String {
        header + images.map(row).joined()
    }

    static let header = (["Path", "Sex", "Age", "Frontal/Lateral", "AP/PA"] + Observation.allCases.map(\.rawValue)).joined(separator: ",") + "\n"

    /// One image's line, newline included.
    static func row(_ image: ImageRecord) -> String {
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
        return row.map(csvField).joined(separator: ",") + "\n"
    }

    private static func csvField(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
