import Foundation
import WeftModel
#if canImport(Glibc)
import Glibc
#endif

/// Where an import keeps its messages' bodies while the whole archive is threaded.
///
/// Threading needs every message's ids and subject, not its text: the text and header fields of
/// each message go to a file as it is read, and come back a batch of threads at a time as they are
/// written, so an import's memory holds what threading needs, not the archive. The file is the
/// caller's to place (inside the store, so an import writes nowhere else) and is removed when the
/// spill is closed. The record format is this file's own and lives only as long as one import:
/// each field a 32-bit length and its UTF-8 bytes, a missing field as length 0xFFFFFFFF. It is
/// written by hand because no library is needed to write six strings and read them back.
final class MailSpill: @unchecked Sendable {
    /// Where a message's record is in the file.
    struct Ref: Sendable, Equatable {
        var offset: Int64
        var length: Int32
    }

    let path: String
    private let fd: Int32
    private var end: Int64 = 0
    private let lock = NSLock()

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

    /// Writes a post's body and header fields; returns where they are.
    func write(body: String, headers: MailHeaders?) throws -> Ref {
        var record: [UInt8] = []
        record.reserveCapacity(body.utf8.count + 64)
        func put(_ s: String?) {
            guard let s else {
                withUnsafeBytes(of: UInt32.max.littleEndian) { record.append(contentsOf: $0) }
                return
            }
            withUnsafeBytes(of: UInt32(s.utf8.count).littleEndian) { record.append(contentsOf: $0) }
            record.append(contentsOf: s.utf8)
        }
        put(body)
        put(headers == nil ? nil : "")
        for field in [headers?.from, headers?.to, headers?.cc, headers?.date, headers?.listID] { put(field) }
        return try lock.withLock {
            let at = end
            var done = 0
            try record.withUnsafeBytes { raw in
                while done < raw.count {
                    let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(at) + off_t(done))
                    if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                    }
                }
            }
            end += Int64(record.count)
            return Ref(offset: at, length: Int32(record.count))
        }
    }

    /// Reads a record back: the body and the header fields.
    func read(_ ref: Ref) throws -> (body: String, headers: MailHeaders?) {
        var bytes = [UInt8](repeating: 0, count: Int(ref.length))
        var done = 0
        try bytes.withUnsafeMutableBytes { raw in
            while done < raw.count {
                let n = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(ref.offset) + off_t(done))
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                    throw POSIXError(POSIXErrorCode(rawValue: n == 0 ? EIO : errno) ?? .EIO)
                }
            }
        }
        var at = 0
        func take() -> String? {
            guard at + 4 <= bytes.count else { return nil }
            let n = bytes[at..<(at + 4)].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
            at += 4
            guard n != UInt32.max else { return nil }
            let end = min(bytes.count, at + Int(n))
            defer { at = end }
            return String(decoding: bytes[at..<end], as: UTF8.self)
        }
        let body = take() ?? ""
        guard take() != nil else {
            for _ in 0..<5 { _ = take() }
            return (body, nil)
        }
        return (body, MailHeaders(from: take(), to: take(), cc: take(), date: take(), listID: take()))
    }
}
