import ArgumentParser
import Foundation

/// An experiment's command: `@main struct X: ClaimCommand`. Like `ParsableCommand`, except that any failure — a bad
/// flag, a missing dataset, an unwritable folder — is reported as ONE line on stderr,
/// `<command>: error: <what is wrong and how to fix it>` (usage errors point to `--help`), with a non-zero exit (64 for usage errors, 1 otherwise);
/// `--help` still prints the full help.
public protocol ClaimCommand: ParsableCommand {}

extension ClaimCommand {
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help
            let name = configuration.commandName ?? "\(Self.self)"
            var message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            if code == .validationFailure { message += " (see `\(name) --help`)" }
            FileHandle.standardError.write(Data("\(name): error: \(message)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
