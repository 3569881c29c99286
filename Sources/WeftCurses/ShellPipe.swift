import Foundation

/// Runs a shell command with text on its standard input, on the terminal (for `|`).
enum ShellPipe {
    /// The command's exit status (128 + signal when killed; 127 when the shell cannot start).
    static func run(_ command: String, input: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch { return 127 }
        // Written on another thread: a command that reads slowly must not block a large post.
        // A command that stops reading early closes the pipe: the write fails (EPIPE, SIGPIPE ignored) and that is all.
        signal(SIGPIPE, SIG_IGN)
        let writer = Thread {
            try? pipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    static func describe(_ status: Int32) -> String {
        status == 0 ? "done" : status == 127 ? "not found (status 127)" : "exited with status \(status)"
    }
}
