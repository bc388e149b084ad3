import Foundation
import Yams

/// A claim's metadata: the YAML front matter of `experiments/<id>/report.md`. `claims` discovers every claim from
/// these files, so there is no hand-kept list.
///
/// ```yaml
/// id: sigmoid-vanishing-gradients
/// code: A1                      # CLAIMS.md's number; orders the catalogue
/// title: Sigmoid kills the gradient in deep nets
/// statement: "Saturated sigmoid neurons kill the gradient; …"
/// expected: reproduced          # reproduced | not reproduced
/// source: {note: 001_….txt, quote: "…", english: "…", lecture: "CS231n Lecture 6, …", paper: "Glorot & Bengio (2010)"}
/// control: {description: ReLU with He init instead of sigmoid, mustBe: rejected}
/// keyFigure: gradient-norm-per-layer
/// precision: Float64           # optional; default Float32
/// metrics: {attenuation: "per-layer attenuation of ‖∂L/∂h‖, L = 5"}          # a label per metric and extra number
/// rules:
///   attenuation: {preregistered: "sigmoid attenuation in [0.20, 0.25]"}       # CLAIMS.md's words
///   spread: {preregistered: "…", amendment: "why the rule in force differs"}
/// ```
public struct ClaimMetadata: Sendable, Decodable, Equatable {
    public struct Source: Sendable, Decodable, Equatable {
        /// The note's file in shared/lecture-notes.
        public let note: String
        /// The note's own words (original language).
        public let quote: String
        /// An English rendering of `quote`.
        public let english: String
        /// The lecture and slide.
        public let lecture: String
        /// The paper with the original evidence.
        public let paper: String
    }

    public struct ControlDescription: Sendable, Decodable, Equatable {
        /// What the control is, e.g. "He without its factor 2".
        public let description: String
        public let mustBe: ControlExpectation
    }

    public struct RuleText: Sendable, Decodable, Equatable {
        /// CLAIMS.md's rule, quoted; absent for a rule CLAIMS.md does not have.
        public let preregistered: String?
        /// Why the rule in force differs from the pre-registered one, or why a rule CLAIMS.md does not have was added
        /// (required in both cases).
        public let amendment: String?
    }

    public let id: String
    public let code: String
    public let title: String
    public let statement: String
    public let expected: Verdict
    public let source: Source
    public let control: ControlDescription
    public let keyFigure: String?
    /// Table labels, by metric name (claim metrics and extra numbers).
    public let metrics: [String: String]
    public let rules: [String: RuleText]
    /// The engine precision the checked numbers were computed in, for the footer (default "Float32").
    public let precision: String?

    /// The label of `metric`, or the name itself.
    public func label(_ metric: String) -> String { metrics[metric] ?? metric }

    /// The catalogue order: CLAIMS.md's parts (A, D, W, B, O), then the number.
    public var sortKey: (Int, Int, String) {
        let parts = ["A", "D", "W", "B", "O"]
        let part = code.first.flatMap { parts.firstIndex(of: String($0)) } ?? parts.count
        let number = Int(code.drop(while: { $0.isLetter }).prefix(while: \.isNumber)) ?? 0
        return (part, number, id)
    }
}

/// `report.md`: front matter and Markdown sections, each a Mustache template rendered after the judgement.
public struct ReportTemplate: Sendable {
    public let metadata: ClaimMetadata
    /// Level-2 sections by heading, in file order (`## In one sentence`, `## Figure: <name>`, …).
    public let sections: [(heading: String, body: String)]

    /// Parses a report.md text; `path` names the file in errors.
    public init(text: String, path: String) throws {
        let lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw ClaimError.badTemplate(path: path, reason: "it must start with YAML front matter between two '---' lines")
        }
        do {
            metadata = try YAMLDecoder().decode(ClaimMetadata.self, from: lines[1..<end].joined(separator: "\n"))
        } catch {
            throw ClaimError.badTemplate(path: path, reason: "front matter: \(Self.oneLine(error))")
        }
        var sections: [(String, String)] = []
        var heading: String?
        var body: [String] = []
        func close() {
            if let heading { sections.append((heading, body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))) }
        }
        for line in lines[(end + 1)...] {
            if line.hasPrefix("## ") {
                close()
                heading = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                body = []
            } else if heading != nil {
                body.append(line)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ClaimError.badTemplate(path: path, reason: "text before the first '## ' section: \(line)")
            }
        }
        close()
        self.sections = sections
    }

    /// Reads and parses `url`.
    public init(contentsOf url: URL) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ClaimError.badTemplate(path: url.path, reason: "cannot read it")
        }
        try self.init(text: text, path: url.path)
    }

    /// The sections every report.md must have: the page's summary and the index's sentence.
    public static let requiredSections = ["In one sentence", "Take-home"]

    /// The body of the section headed `heading`, if any.
    public func section(_ heading: String) -> String? { sections.first { $0.heading == heading }?.body }

    private static func oneLine(_ error: Error) -> String {
        "\(error)".split(separator: "\n").joined(separator: " ")
    }
}

/// Every claim with a report.md under `experiments/`, in catalogue order.
public enum ClaimCatalogue {
    /// The claims of `folder` (default: ./experiments), one per `<id>/report.md`.
    public static func discover(in folder: URL = URL(fileURLWithPath: "experiments", isDirectory: true)) throws
        -> [ClaimMetadata] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw ClaimError.noExperiments(path: folder.path)
        }
        return try names.sorted().compactMap { name -> ClaimMetadata? in
            let url = folder.appendingPathComponent(name).appendingPathComponent("report.md")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            let metadata = try ReportTemplate(contentsOf: url).metadata
            guard metadata.id == name else {
                throw ClaimError.badTemplate(path: url.path, reason: "id '\(metadata.id)' differs from its folder '\(name)'")
            }
            return metadata
        }.sorted { $0.sortKey < $1.sortKey }
    }
}
