import WeftUI

/// Turns what `wget_wch` returns into keys.
public enum KeyDecoder {
    /// ncurses key codes (from `<curses.h>`; the macros are plain numbers).
    enum Code {
        static let down: UInt32 = 0o402, up: UInt32 = 0o403, left: UInt32 = 0o404, right: UInt32 = 0o405
        static let home: UInt32 = 0o406, backspace: UInt32 = 0o407, f0: UInt32 = 0o410
        static let delete: UInt32 = 0o512, pageDown: UInt32 = 0o522, pageUp: UInt32 = 0o523
        static let enter: UInt32 = 0o527, backTab: UInt32 = 0o541, end: UInt32 = 0o550
        static let resize: UInt32 = 0o632
        static let mouse: UInt32 = 0o631
    }

    /// What one read means.
    public enum Event: Equatable {
        case key(Key)
        case resize
        /// A mouse event is waiting (read it with `getmouse`).
        case mouse
        case ignored
    }

    /// Decodes a read: `isFunctionKey` is true when `wget_wch` returned KEY_CODE_YES.
    public static func decode(isFunctionKey: Bool, code: UInt32) -> Event {
        if isFunctionKey {
            switch code {
            case Code.down: return .key(.down)
            case Code.up: return .key(.up)
            case Code.left: return .key(.left)
            case Code.right: return .key(.right)
            case Code.home: return .key(.home)
            case Code.end: return .key(.end)
            case Code.backspace: return .key(.backspace)
            case Code.delete: return .key(.delete)
            case Code.pageDown: return .key(.pageDown)
            case Code.pageUp: return .key(.pageUp)
            case Code.enter: return .key(.enter)
            case Code.backTab: return .key(.backTab)
            case Code.resize: return .resize
            case Code.mouse: return .mouse
            case (Code.f0 + 1)...(Code.f0 + 12): return .key(.function(Int(code - Code.f0)))
            default: return .ignored
            }
        }
        switch code {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 27: return .key(.escape)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(code + 96)!)))
        case 0, 28...31: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            if (0x80...0x9F).contains(code) { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }
}
