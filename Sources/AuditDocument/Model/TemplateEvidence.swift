/// How the template version was decided, so a guess is never presented as a reading.
public enum TemplateEvidence: String, Sendable {
    case tableLabels = "table labels"
    case reportYear = "report year"
}
