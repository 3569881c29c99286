import Foundation
import WeftModel
#if canImport(Glibc)
import Glibc
#endif

/// Where an import keeps its messages' bodies while the whole archive is threaded.
///
/// Threading needs every message's ids, not its text: each message's ``MailRecord`` (text, header
/// fields, subject, author, where it came from) goes to a file as it is read, and comes back a few
/// threads at a time as they are written, so an import's memory holds what threading needs, not the
/// archive. The file is the caller's to place (inside the store, so an import writes nowhere else)
/// and is removed when the spill is closed. The record format is this file's own and lives only as
/// long as one import: each string a 32-bit length and its UTF-8 bytes (a missing one as length
/// 0xFFFFFFFF), then a byte for HTML and four 64-bit numbers for the origin, all little-endian.
/// It is written by hand because no library is needed to write eight strings and read them back.
final class MailSpill: @unchecked Sendable {
    /// Where a message's record is in the file.
    struct Ref: Sendable, Equatable {
        var offset: Int64
        var length: Int32
    }

    let path: String
    private let fd: Int32
    /// Records not yet in the file, which start at `flushed`: they go a megabyte at a time, not a
    /// system call per message (a million of those were seconds of the one thread taking messages).
    private var pending: [UInt8] = []
    private var flushed: Int64 = 0
    private let lock = NSLock()
    /// How much waits before it is written.
    static let flushSize = 1 << 20

    /// Creates the file (replacing one left by an import that was killed).
    init(path: String) throws {
        self.path = path
        unlink(path)
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit {
        Glibc.close(fd)
        unlink(path)
    }

    /// Writes a message's record; returns where it is.
    func write(_ r: MailRecord) throws -> Ref {
        var record: [UInt8] = []
        record.reserveCapacity(r.body.utf8.count + r.subject.utf8.count + 96)
        func put(_ s: String?) {
            guard let s else {
                withUnsafeBytes(of: UInt32.max.littleEndian) { record.append(contentsOf: $0) }
                return
            }
            withUnsafeBytes(of: UInt32(s.utf8.count).littleEndian) { record.append(contentsOf: $0) }
            record.append(contentsOf: s.utf8)
        }
        func put(_ n: Int64) { withUnsafeBytes(of: n.littleEndian) { record.append(contentsOf: $0) } }
        put(r.body)
        put(r.headers == nil ? nil : "")
        for field in [r.headers?.from, r.headers?.to, r.headers?.cc, r.headers?.date, r.headers?.listID] { put(field) }
        put(r.subject)
        put(r.author)
        record.append(r.isHTML ? 1 : 0)
        let o = r.origin
        for n in [o.map { Int64($0.source) } ?? -1, Int64(o?.position.message ?? 0), Int64(o?.position.line ?? 0), o?.position.byte ?? 0] {
            put(n)
        }
        return try lock.withLock {
            let at = flushed + Int64(pending.count)
            pending.append(contentsOf: record)
            // The record is readable from here on, even if writing it out fails (it then stays here).
            if pending.count >= MailSpill.flushSize { try flush() }
            return Ref(offset: at, length: Int32(record.count))
        }
    }

    /// Writes the pending records to the file; on failure they stay pending (and readable).
    private func flush() throws {
        var done = 0
        try pending.withUnsafeBytes { raw in
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(flushed) + off_t(done))
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
        }
        flushed += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    /// Reads a record back.
    func read(_ ref: Ref) throws -> MailRecord {
        let waiting: [UInt8]? = lock.withLock {
            guard ref.offset >= flushed else { return nil }
            let start = Int(ref.offset - flushed)
            return Array(pending[start..<(start + Int(ref.length))])
        }
        var bytes = waiting ?? [UInt8](repeating: 0, count: Int(ref.length))
        var done = waiting == nil ? 0 : bytes.count
        try bytes.withUnsafeMutableBytes { raw in
            while done < raw.count {
                let n = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(ref.offset) + off_t(done))
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                    throw POSIXError(POSIXErrorCode(rawValue: n == 0 ? EIO : errno) ?? .EIO)
                }
            }
        }
        var at = 0
        func number(_ width: Int) -> UInt64 {
            guard at + width <= bytes.count else { return 0 }
            defer { at += width }
            return (0..<width).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        func take() -> String? {
            let n = UInt32(truncatingIfNeeded: number(4))
            guard n != UInt32.max else { return nil }
            let end = min(bytes.count, at + Int(n))
            defer { at = end }
            return String(decoding: bytes[at..<end], as: UTF8.self)
        }
        var r = MailRecord(body: take() ?? "")
        let hasHeaders = take() != nil
        let fields = (0..<5).map { _ in take() }
        if hasHeaders { r.headers = MailHeaders(from: fields[0], to: fields[1], cc: fields[2], date: fields[3], listID: fields[4]) }
        r.subject = take() ?? ""
        r.author = take()
        r.isHTML = number(1) == 1
        let source = Int64(bitPattern: number(8))
        let (message, line, byte) = (Int64(bitPattern: number(8)), Int64(bitPattern: number(8)), Int64(bitPattern: number(8)))
        if source >= 0 {
            r.origin = MailItem.Origin(source: Int32(source), position: MailImporter.Position(message: Int(message), line: Int(line), byte: Int(byte)))
        }
        return r
    }
}
