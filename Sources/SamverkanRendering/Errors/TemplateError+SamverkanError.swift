public import SamverkanDomain
public import SamverkanTemplates

/// A language nobody ships is the user's mistake; a missing template is a broken installation.
extension TemplateError: SamverkanError {
    public var category: ErrorCategory { code == "template.unknown-language" ? .input : .internal }
}
