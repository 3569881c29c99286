import CCurses
import Foundation

/// Opens a URL with `$BROWSER` or `xdg-open`, never through a shell.
enum URLOpener {
    /// Opens `url`; returns a message when nothing could open it.
    static func open(_ url: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        var command: [String] = []
        if let browser = env["BROWSER"]?.split(separator: ":").first {
            command = browser.split(separator: " ").map(String.init)
        } else if let xdg = find("xdg-open", path: env["PATH"] ?? "/usr/bin:/bin") {
            command = [xdg]
        }
        guard let program = command.first else {
            return "no $BROWSER or xdg-open to open it: \(url)"
        }
        let executable = program.contains("/") ? program : find(program, path: env["PATH"] ?? "") ?? program
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + [url]
        // A terminal browser needs the terminal: hand it over and take it back after.
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            refresh()
        }
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "could not run \(program): \(url)"
        }
        return nil
    }

    private static func find(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
