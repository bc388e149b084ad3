extension ClaimExperiment {
    /// Checks report.md against the Swift declarations without running anything: every metric and extra number has a
    /// label; every rule has its entry under `rules:` (a pre-registered quote unless `Rule.added`, an amendment reason
    /// exactly when amended) and no entry lacks a rule; the required sections exist; and every section renders with
    /// default values, so a misspelt placeholder fails. Returns the problems, one line each (empty when valid).
    public static func templateProblems() -> [String] {
        let template: ReportTemplate
        do { template = try self.template() } catch { return ["\(error)"] }
        let metadata = template.metadata
        var problems: [String] = []
        let names = MetricFields.numbers(of: Metrics()).map(\.name) + MetricFields.numbers(of: Extra()).map(\.name)
        for name in names where metadata.metrics[name] == nil { problems.append("metric '\(name)' has no label under metrics:") }
        for name in metadata.metrics.keys where !names.contains(name) {
            problems.append("label for '\(name)', which is no metric of \(Self.self)")
        }
        for rule in rules {
            guard let text = metadata.rules[rule.id] else { problems.append("rule '\(rule.id)' missing under rules:"); continue }
            if (rule.preregistered == nil) != (text.preregistered == nil) {
                problems.append("rule '\(rule.id)': a pre-registered quote must be given exactly when the rule is not Rule.added")
            }
            if rule.isAmended && text.amendment == nil {
                problems.append("rule '\(rule.id)' is amended or added but gives no reason under amendment:")
            }
            if !rule.isAmended && text.amendment != nil { problems.append("rule '\(rule.id)' has a reason but no amendment") }
        }
        for id in metadata.rules.keys where !rules.contains(where: { $0.id == id }) {
            problems.append("rules: entry '\(id)' matches no rule")
        }
        for required in ReportTemplate.requiredSections where template.section(required) == nil {
            problems.append("no '## \(required)' section")
        }
        let metrics = Array(repeating: Metrics(), count: 2)
        let judgement = Judgement(rules: rules, claim: metrics, control: metrics, seeds: [0, 1],
                                  controlMustBe: metadata.control.mustBe)
        let context = TemplateContext(claim: metrics.map(MetricFields.numbers), control: metrics.map(MetricFields.numbers),
                                      extra: [Extra(), Extra()].map(MetricFields.numbers), facts: Facts(),
                                      settings: full, judgement: judgement, quick: false)
        for section in template.sections {
            do { _ = try context.render(section.body, section: section.heading, path: "report.md") } catch {
                problems.append("\(error)")
            }
        }
        return problems
    }
}
