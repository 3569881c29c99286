import Foundation

extension ThreadFileReader.Reader {
    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    /// Whether the next byte (after white space) is `byte`; taken when it is.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// An object, each member's value read by `member` (given the key); false at anything unexpected.
    mutating func object(_ member: (String, inout Self) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            skipSpace()
            guard let key = string(), take(0x3A), member(key, &self) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// An array, each element read by `element`.
    mutating func array(_ element: (inout Self) -> Bool) -> Bool {
        guard take(0x5B) else { return false }
        if take(0x5D) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(0x2C)
        return take(0x5D)
    }

    /// `null`, taken when it is next.
    mutating func null() -> Bool { literal("null") }

    mutating func bool() -> Bool? { literal("true") ? true : literal("false") ? false : nil }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { return false }
        at += n
        return true
    }

    /// A string or `null` into `value`; false when it is neither.
    mutating func nullableString(_ value: inout String?) -> Bool {
        if null() { value = nil; return true }
        guard let s = string() else { return false }
        value = s
        return true
    }

    /// A string that `make` turns into a value (a date, one of an enum's cases), or `null`; false when
    /// it is neither, or `make` refuses it.
    mutating func nullable<T>(_ value: inout T?, _ make: (String) -> T?) -> Bool {
        if null() { value = nil; return true }
        guard let text = string(), let made = make(text) else { return false }
        value = made
        return true
    }

    /// A whole number that fits an Int, without a fraction or exponent.
    mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if at < bytes.count, bytes[at] == 0x2D { negative = true; at += 1 }
        let start = at
        var n = 0
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[at] - 0x30))
            guard !o1, !o2 else { return nil }
            n = s
            at += 1
        }
        guard at > start, at - start == 1 || bytes[start] != 0x30 else { return nil }  // no leading zero
        if at < bytes.count, [0x2E, 0x65, 0x45].contains(bytes[at]) { return nil }  // 1.5, 1e3
        return negative ? -n : n
    }

    /// A string: valid UTF-8, JSON's escapes; nil at a control character or a lone surrogate.
    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = at
        skipPlainRun()
        guard at < bytes.count else { return nil }
        if bytes[at] == 0x22 {
            defer { at += 1 }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        }
        guard bytes[at] == 0x5C else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(at - start + 64)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while at < bytes.count {
            // The run up to the next quote, backslash or control character, copied whole.
            let run = at
            skipPlainRun()
            if at > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<at])) }
            guard at < bytes.count else { return nil }
            let b = bytes[at]
            at += 1
            switch b {
            case 0x22: return String(validating: out, as: UTF8.self)
            case 0x5C:
                guard at < bytes.count else { return nil }
                let e = bytes[at]
                at += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default: return nil  // a control character
            }
        }
        return nil
    }

    /// Moves past the bytes that stand for themselves in a string, up to a quote, a backslash or a control character.
    private mutating func skipPlainRun() {
        while at < bytes.count, !JSONBytes.needsEscape(bytes[at]) { at += 1 }
    }

    /// The scalar of `\uXXXX` (the `\u` taken), with a surrogate pair's second half.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            // The second half follows at once: no white space inside a string.
            guard at + 1 < bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { return nil }
            at += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)  // nil for a lone low surrogate
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            at += 1
        }
        return v
    }
}
