/// Reads free radiology text — report sentences or terse prompts — into CheXpert findings.
///
/// A rule-based reader: it tokenizes the text, reads view, position, sex and age, cuts
/// sentences into clauses at commas, semicolons and conjunctions, matches a fixed vocabulary
/// of findings, cues and descriptors in each clause, scopes negation and uncertainty over
/// lists, then merges repeated mentions. It is deterministic, never fails, and runs in time
/// linear in the length of the text.
///
/// ```swift
/// let reading = ClinicalParser.parse("PA CXR, 55F, small left apical PTX, no effusion")
/// reading.labels[.pneumothorax]   // .positive (left, apical, mild)
/// reading.labels[.pleuralEffusion] // .negative
/// ```
public enum ClinicalParser {
    /// Parses `text` into the findings, view and patient details it states. Text the parser
    /// could not place comes back in `unparsed`.
    public static func parse(_ text: String) -> ClinicalReading {
        let characters = Array(text)
        let tokens = Tokenizer.tokenize(characters)
        let demographics = Demographics.read(tokens)
        let reader = SentenceReader(characters: characters)

        var findings: [Finding] = []
        var unparsed: [String] = []
        for sentence in ClauseSegmenter.segment(tokens, demographics: demographics) {
            let result = reader.read(sentence)
            findings += result.findings
            unparsed += result.unparsed
        }
        return ClinicalReading(view: demographics.view, supine: demographics.supine, sex: demographics.sex,
                               age: demographics.age, findings: FindingMerger.merge(findings),
                               unparsed: unparsed)
    }
}
