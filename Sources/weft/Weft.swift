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
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCodeError {
            Foundation.exit(exit.status)
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

/// An error already phrased for the user, with its exit status.
struct Failure: Error {
    var message: String
    var status: Int32 = 1
}
