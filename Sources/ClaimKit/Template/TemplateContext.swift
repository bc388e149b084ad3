import Foundation
import Mustache

/// A metric over the seeds as a template sees it: `{{claim.attenuation}}` prints "0.235 ± 0.001"; its children
/// `.mean`, `.min`, `.max`, `.range` ("0.234–0.237") and `.percent` ("23.5%") print one number.
struct MetricText: MustacheCustomRenderable, MustacheParent {
    let values: [Double]

    var renderText: String { Numbers.meanStd(values) }
    var isNull: Bool { false }

    func child(named name: String) -> Any? {
        let finite = values.filter { !$0.isNaN }
        switch name {
        case "mean": return Numbers.text(values.isEmpty ? .nan : Summary(values).mean)
        case "min": return Numbers.text(finite.min() ?? .nan)
        case "max": return Numbers.text(finite.max() ?? .nan)
        case "range": return Numbers.range(values)
        case "percent":
            let mean = values.isEmpty ? Double.nan : Summary(values).mean
            return mean.isNaN ? "diverged" : Numbers.minus(NumberFormat.percent(mean))
        default: return nil
        }
    }
}

import Reporting

/// The values a claim's template is rendered with. Names, all checked before rendering (a misspelt name is an error,
/// not an empty string):
/// - `claim.<metric>`, `control.<metric>`: the claim's metrics on each arm (see `MetricText`);
/// - `extra.<name>`: the experiment's extra per-seed numbers;
/// - `facts.<name>`: named facts the experiment computed in Swift (text, numbers, booleans);
/// - `settings.<name>`: the settings of the run;
/// - `held.<rule-id>` and `preregisteredHeld.<rule-id>`: booleans from the judgement; `controlBehaves`;
///   `verdict.reproduced|notReproduced|inconclusive`; `deviates` (the pre-registered rules give another verdict);
/// - `seeds` ("0–4"), `seedCount`, `quick`.
/// A template branches only on these booleans; it never compares numbers.
struct TemplateContext {
    let root: [String: Any]

    init(claim: [[(name: String, value: Double)]], control: [[(name: String, value: Double)]],
         extra: [[(name: String, value: Double)]], facts: Any, settings: Any, judgement: Judgement, quick: Bool) {
        func metrics(_ perSeed: [[(name: String, value: Double)]]) -> [String: Any] {
            guard let first = perSeed.first else { return [:] }
            var result: [String: Any] = [:]
            for (i, field) in first.enumerated() { result[field.name] = MetricText(values: perSeed.map { $0[i].value }) }
            return result
        }
        func flags(_ outcome: RuleSetOutcome) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: outcome.claim.map { ($0.id, $0.held as Any) })
        }
        let seeds = judgement.seeds
        root = [
            "claim": metrics(claim), "control": metrics(control), "extra": metrics(extra),
            "facts": Self.fields(facts), "settings": Self.fields(settings),
            "held": flags(judgement.inForce), "preregisteredHeld": flags(judgement.preregistered),
            "controlBehaves": judgement.inForce.controlBehaves,
            "verdict": ["reproduced": judgement.verdict == .reproduced,
                        "notReproduced": judgement.verdict == .notReproduced,
                        "inconclusive": judgement.verdict == .inconclusive],
            "deviates": judgement.deviates,
            "seeds": seeds.count > 1 && seeds == Array(seeds[0]...seeds[seeds.count - 1])
                ? "\(seeds[0])–\(seeds.last!)" : seeds.map(String.init).joined(separator: ", "),
            "seedCount": "\(seeds.count)", "quick": quick,
        ]
    }

    /// A struct's stored properties as template values: numbers as given, without trailing zeros ("0.1", "0.003",
    /// "2500": settings and facts are inputs, not measurements with a spread), booleans as booleans, arrays of numbers
    /// joined by ", ", everything else described.
    static func fields(_ value: Any) -> [String: Any] {
        var result: [String: Any] = [:]
        for (name, field) in MetricFields.all(of: value) {
            switch field {
            case let x as Bool: result[name] = x
            case let x as Int: result[name] = "\(x)"
            case let x as Double: result[name] = Numbers.compact(x)
            case let xs as [Double]: result[name] = xs.map { Numbers.compact($0) }.joined(separator: ", ")
            case let xs as [Int]: result[name] = xs.map(String.init).joined(separator: ", ")
            case let x as String: result[name] = x
            default: result[name] = "\(field)"
            }
        }
        return result
    }

    /// The names a template uses (`{{a.b}}`, `{{#a.b}}`, `{{^a.b}}`, `{{/a.b}}`, `{{{a.b}}}`, `{{&a.b}}`).
    static func names(in template: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\{?[#^/&]?\s*([A-Za-z0-9_.\-]+)\s*\}?\}\}"#)
        let range = NSRange(template.startIndex..., in: template)
        return pattern.matches(in: template, range: range).compactMap { match in
            Range(match.range(at: 1), in: template).map { String(template[$0]) }
        }
    }

    /// Whether `name` resolves (dictionaries and `MetricText` children).
    func resolves(_ name: String) -> Bool {
        var current: Any? = root
        for part in name.split(separator: ".") {
            switch current {
            case let dictionary as [String: Any]: current = dictionary[String(part)]
            case let metric as MetricText: current = metric.child(named: String(part))
            default: return false
            }
            if current == nil { return false }
        }
        return true
    }

    /// Renders `template` (plain text, no HTML escaping); throws naming every unknown placeholder.
    func render(_ template: String, section: String, path: String) throws -> String {
        let unknown = Self.names(in: template).filter { !resolves($0) }
        guard unknown.isEmpty else {
            throw ClaimError.badTemplate(path: path, reason: "section '\(section)' uses unknown names "
                                         + Array(Set(unknown)).sorted().joined(separator: ", "))
        }
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + template).render(root)
        } catch {
            throw ClaimError.badTemplate(path: path, reason: "section '\(section)': \(error)")
        }
    }
}
