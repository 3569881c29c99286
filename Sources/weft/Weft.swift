import ArgumentParser
import Foundation

/// The `weft` command: with no subcommand it opens the browser.
@main
struct Weft: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weft",
        abstract: "Read discussion threads in the terminal: who answered whom, what each reply quotes.",
        discussion: """
            With no subcommand, opens the browser on the store. The store is --store DIR, \
            else $WEFT_STORE, else $XDG_DATA_HOME/weft (usually ~/.local/share/weft). \
            An empty store, or --sample, opens the bundled demo forum.
            Exit status: 0 on success, 1 on a data or user error, 2 on a usage error.
            """,
        version: "0.1.0",
        subcommands: [Browse.self, Import.self, Export.self, List.self, Show.self, Authors.self, Search.self, RecipeCommand.self],
        defaultSubcommand: Browse.self
    )

    /// Runs the command, mapping argument errors to exit status 2 and others to 1.
    static func main() {
        // A full disk or a file-size limit must fail the write with EFBIG and a
        // clear message, not kill the process half-way (the default for SIGXFSZ).
        signal(SIGXFSZ, SIG_IGN)
        if let unknown = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            Output.error("weft: " + unknown)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // A status alone (the browser's, or an import that skipped something): nothing more to say.
            Foundation.exit(exit.rawValue)
        } catch let failure as Failure {
            Output.error("weft: " + failure.message)
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}

extension Weft {
    /// The subcommands' names.
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } }

    /// Why the arguments name a command that does not exist (`weft imprt`, `weft help frob`), or nil.
    ///
    /// The browser is the default command and takes no words, so a first word that is no command is a
    /// typo: say so, with the nearest name, instead of the browser's usage.
    static func unknownCommand(_ args: [String]) -> String? {
        guard var word = args.first, !word.hasPrefix("-") else { return nil }
        if word == "help" {
            guard args.count > 1, !args[1].hasPrefix("-") else { return nil }
            word = args[1]
        }
        guard !commandNames.contains(word) else { return nil }
        let nearest = commandNames.min { distance($0, word) < distance($1, word) }
        let hint = nearest.flatMap { distance($0, word) <= 2 ? "; did you mean \"\($0)\"?" : nil } ?? ""
        return "no command \"\(word)\"\(hint) (commands: \(commandNames.joined(separator: ", ")); weft --help says more)"
    }

    /// Levenshtein distance, for suggesting the command meant.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }

}

/// An error already phrased for the user, with its exit status.
struct Failure: Error {
    var message: String
    var status: Int32 = 1
}
