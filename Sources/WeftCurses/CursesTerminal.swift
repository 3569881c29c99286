import CCurses
import Foundation
import WeftUI

/// The only code that touches the terminal: draws grids, reads keys, follows resizes.
public enum CursesTerminal {
    /// Why the browser could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// What the terminal offers, for setting the app up.
    public struct Capabilities {
        public var width: Int
        public var height: Int
        /// The locale's character set is UTF-8 (else the tree is drawn in ASCII).
        public var utf8: Bool
        /// Colours available: 0 when none (or NO_COLOR is set).
        public var colors: Int
    }

    /// Runs the browser until it quits or a signal arrives; returns the exit status.
    ///
    /// The terminal is restored on every path: `q`, Ctrl-c, SIGTERM, SIGHUP,
    /// and a crash (a handler restores it before the default action).
    public static func run(_ makeApp: (Capabilities) -> App) throws -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw StartError(description: "the browser needs a terminal, and standard input or output is not one; "
                             + "use weft list or weft show instead")
        }
        setlocale(LC_ALL, "")
        weft_install_signal_handlers()
        weft_install_crash_handlers()
        guard let screen = weft_newterm() else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw StartError(description: "cannot use the terminal type TERM=\(term)")
        }
        set_term(screen)
        defer {
            endwin()
            delscreen(screen)
        }
        guard weft_can_address_cursor() != 0 else {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? "(unset)"
            throw StartError(description: "the terminal type TERM=\(term) cannot place the cursor, which the browser needs; "
                             + "run it in a terminal such as xterm-256color, or use weft list and weft show")
        }
        raw()
        noecho()
        nonl()
        keypad(weft_stdscr(), true)
        curs_set(0)
        weft_set_escdelay(25)
        if ProcessInfo.processInfo.environment["WEFT_NO_MOUSE"] == nil { weft_enable_mouse() }
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        var colors = 0
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            colors = Int(weft_colors())
        }
        let caps = Capabilities(width: Int(getmaxx(weft_stdscr())), height: Int(getmaxy(weft_stdscr())),
                                utf8: weft_locale_is_utf8() != 0,
                                colors: colors)
        let app = makeApp(caps)
        var painter = Painter(colors: colors, asciiOnly: !caps.utf8)
        return loop(app, &painter)
    }

    private static func loop(_ app: App, _ painter: inout Painter) -> Int32 {
        var quickErrors = 0
        wtimeout(weft_stdscr(), 250)
        while true {
            if let status = takeSignal(app) { return status }
            if app.wantsQuit { return 0 }
            painter.draw(app.render(), theme: app.theme)
            var ch: wint_t = 0
            let started = Date()
            let result = wget_wch(weft_stdscr(), &ch)
            if result == ERR {
                // A timeout waits 250 ms; an immediate ERR again and again means input is gone.
                if Date().timeIntervalSince(started) < 0.01 { quickErrors += 1 } else { quickErrors = 0 }
                if quickErrors > 100 {
                    app.flushReadState()
                    return 1
                }
                if app.idle() { painter.invalidate() }
                continue
            }
            quickErrors = 0
            switch KeyDecoder.decode(isFunctionKey: result == KEY_CODE_YES, code: UInt32(ch)) {
            case .resize:
                app.resize(width: Int(getmaxx(weft_stdscr())), height: Int(getmaxy(weft_stdscr())))
                painter.invalidate()
            case .key(let key):
                for effect in app.handle(key) { perform(effect, app: app, painter: &painter) }
            case .mouse:
                var x: Int32 = 0, y: Int32 = 0
                let kind = weft_read_mouse(&x, &y)
                let event: App.Mouse? = kind == 1 ? .press(x: Int(x), y: Int(y)) : kind == 2 ? .wheelUp(x: Int(x), y: Int(y))
                    : kind == 3 ? .wheelDown(x: Int(x), y: Int(y)) : nil
                if let event { for effect in app.handle(mouse: event) { perform(effect, app: app, painter: &painter) } }
            case .ignored:
                break
            }
        }
    }

    private static func takeSignal(_ app: App) -> Int32? {
        let sig = weft_take_signal()
        guard sig != 0 else { return nil }
        app.quit()
        return 128 + sig
    }

    private static func perform(_ effect: App.Effect, app: App, painter: inout Painter) {
        switch effect {
        case .redraw:
            painter.invalidate()
        case .openURL(let url):
            if let message = URLOpener.open(url) { app.say(message, error: true) }
            painter.invalidate()
        case .pipe(let command, let input):
            // The screen is set aside while the command runs, as mutt's `|` does, and back after Enter.
            def_prog_mode()
            endwin()
            let status = ShellPipe.run(command, input: input)
            let note = "\n[\(command): \(ShellPipe.describe(status)); press Enter to return to weft]"
            try? FileHandle.standardOutput.write(contentsOf: Data(note.utf8))
            _ = readLine()
            reset_prog_mode()
            refresh()
            painter.invalidate()
            app.say("\(command): \(ShellPipe.describe(status))", error: status != 0)
        case .copy(let text):
            // OSC 52: the terminal (or tmux, with set-clipboard) puts the text on the clipboard.
            let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
            try? FileHandle.standardOutput.write(contentsOf: Data(sequence.utf8))
        }
    }
}
