import CCurses
import Foundation

/// Opens a URL with `$BROWSER` or `xdg-open`, never through a shell.
///
/// The URL is passed as one argument to the program (posix_spawn through
/// Foundation's `Process`), so `$(…)`, backticks and `;` in it are just
/// characters. Only http, https and mailto URLs get here (``App`` checks).
enum URLOpener {
    /// The program and arguments that would open `url`, or nil when nothing can.
    static func command(for url: String, environment env: [String: String]) -> [String]? {
        var command: [String] = []
        if let browser = env["BROWSER"]?.split(separator: ":").first {
            command = browser.split(separator: " ").map(String.init)
        } else if let xdg = find("xdg-open", path: env["PATH"] ?? "/usr/bin:/bin") {
            command = [xdg]
        }
        guard let program = command.first else { return nil }
        let executable = program.contains("/") ? program : find(program, path: env["PATH"] ?? "") ?? program
        return [executable] + command.dropFirst() + [url]
    }

    /// Runs a command without a shell and waits for it; false when it could not start.
    static func launch(_ command: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        do {
            try process.run()
            process.waitUntilExit()
            return true
        } catch {
            return false
        }
    }

    /// Opens `url`, handing the terminal to the browser meanwhile; returns a message when nothing could open it.
    static func open(_ url: String) -> String? {
        guard let command = command(for: url, environment: ProcessInfo.processInfo.environment) else {
            return "no $BROWSER or xdg-open to open it: \(url)"
        }
        // A terminal browser needs the terminal: hand it over and take it back after.
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            refresh()
        }
        return launch(command) ? nil : "could not run \(command[0]): \(url)"
    }

    static func find(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
