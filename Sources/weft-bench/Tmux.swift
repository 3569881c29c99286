import Foundation

/// A private tmux server that runs one program at a time and times what appears on its screen.
///
/// Times are wall-clock from just before `new-session` (or a key) until the
/// screen shows what was waited for, polled every few milliseconds; the
/// benchmark runs a trivial program the same way as the harness's baseline.
final class Tmux {
    /// A new server (socket) for every program: a server being killed can still hold its socket
    /// for a moment, and a session started on it then is lost.
    private var generation = 0
    private var socket: String { "weft-bench-\(getpid())-\(generation)" }

    /// Runs tmux with arguments on this server; returns its standard output.
    @discardableResult
    func run(_ args: [String], capture: Bool = true) -> String {
        Shell.run("/usr/bin/env", ["tmux", "-L", socket] + args, capture: capture).output
    }

    /// Whether tmux is installed.
    static var available: Bool { Shell.run("/usr/bin/env", ["tmux", "-V"]).status == 0 }

    /// Starts `command` (run by sh) in a new detached session at a size; returns when tmux has started it.
    func start(_ command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) {
        generation += 1
        let env = environment.map { "\($0.key)=\(Shell.quote($0.value))" }.joined(separator: " ")
        // Not captured: the server this may start keeps its standard output open for as long as it runs.
        run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "env \(env) \(command)"], capture: false)
    }

    /// The visible screen as text.
    func screen() -> String { run(["capture-pane", "-p"]) }

    /// Waits until `test` holds for the screen; the seconds waited since `start`, or nil after `timeout`.
    func wait(since start: DispatchTime, timeout: Double = 120, _ test: (String) -> Bool) -> Double? {
        let limit = Double(start.uptimeNanoseconds) / 1e9 + timeout
        while Double(DispatchTime.now().uptimeNanoseconds) / 1e9 < limit {
            if test(screen()) { return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
            usleep(2_000)
        }
        return nil
    }

    /// Sends key names (tmux's: "Enter", "C-u").
    func keys(_ names: String...) { run(["send-keys"] + names) }

    /// Types text literally.
    func type(_ text: String) { run(["send-keys", "-l", text]) }

    /// The process id of the program in the pane.
    func pid() -> Int32? { Int32(run(["display", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// Ends the server and everything in it.
    func kill() { run(["kill-server"]) }

    /// The peak resident size of a process so far, in bytes (VmHWM).
    static func peakRSS(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kb * 1024
    }
}

/// Runs programs and captures their output, without a shell.
enum Shell {
    struct Result {
        var status: Int32
        var output: String
        var seconds: Double
        /// The program's peak resident memory in bytes (its `ru_maxrss`, from wait4).
        var peakRSS = 0
    }

    /// Runs a program and waits for it: posix_spawn and waitpid, since Foundation's `Process` was seen
    /// to miss the exit of a tmux client whose server it had just forked.
    @discardableResult
    static func run(_ path: String, _ args: [String], environment: [String: String]? = nil, capture: Bool = true) -> Result {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return Result(status: 127, output: "", seconds: 0) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture { posix_spawn_file_actions_adddup2(&actions, fds[1], 1) } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let env = (environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } } ?? ProcessInfo.processInfo.environment)
            .map { "\($0.key)=\($0.value)" }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            return Result(status: 127, output: "", seconds: 0)
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 { data += buffer[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, output: String(decoding: data, as: UTF8.self), seconds: seconds,
                      peakRSS: Int(usage.ru_maxrss) * 1024)
    }

    /// A word for sh, single-quoted.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The full path of a program on PATH, if any.
    static func which(_ name: String) -> String? {
        let out = run("/usr/bin/env", ["sh", "-c", "command -v \(name)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return out.isEmpty ? nil : out
    }
}
