/// The version of medsynth itself.
public enum MedSynthVersion {
    public static let string = "0.1.0"
}
