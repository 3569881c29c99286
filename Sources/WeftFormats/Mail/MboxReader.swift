import Foundation
import WeftCodec
#if canImport(Glibc)
import Glibc
#endif

/// Reads an mbox file a block at a time, giving its messages in order, so that an archive of
/// any size is read in the memory of one block (and of its largest message).
///
/// The spans it gives are those ``Mbox/spans(_:)`` gives for the whole file (offsets and lines
/// count from the file's start), with their bytes in the block they came with.
struct MboxReader {
    /// How much is read at once.
    static let defaultBlockSize = 16 << 20

    private let fd: Int32
    private let blockSize: Int
    /// Bytes read and not yet given: the start of an unfinished message.
    private var pending: [UInt8] = []
    /// Where `pending` starts in the file, and its first line's number.
    private var offset = 0
    private var line = 1
    private var atEnd = false
    /// The file's size, for progress.
    let size: Int

    /// Opens a file; nil when it cannot be opened.
    init?(path: String, blockSize: Int = MboxReader.defaultBlockSize) {
        self.blockSize = max(64, blockSize)
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        size = FileState.of(descriptor: fd)?.size ?? 0
    }

    /// Closes the file.
    func close() { _ = Glibc.close(fd) }

    /// The next messages read: their spans (file offsets and lines; `body` indexes `bytes`) and
    /// the bytes they are in. Nil at the end of the file; throws when the file cannot be read.
    mutating func next() throws -> (spans: [Mbox.Span], bytes: [UInt8])? {
        while true {
            if atEnd {
                guard !pending.isEmpty else { return nil }
                let bytes = pending
                pending = []
                let spans = Mbox.spans(bytes).map { shifted($0) }
                return (spans, bytes)
            }
            try readBlock()
            // Every message but the last is whole: the last may go on in the next block.
            guard let last = Mbox.lastStart(pending), last > 0 else { continue }
            let whole = Array(pending[..<last])
            let (found, lineBreaks) = Mbox.scan(whole)
            let spans = found.map { shifted($0) }
            offset += last
            line += lineBreaks
            pending.removeFirst(last)
            if !spans.isEmpty { return (spans, whole) }
        }
    }

    /// A span of `pending`'s bytes with the file's offset and line.
    private func shifted(_ span: Mbox.Span) -> Mbox.Span {
        Mbox.Span(offset: span.offset + offset, line: span.line + line - 1, body: span.body)
    }

    private mutating func readBlock() throws {
        let block = try FileBytes.read(fd, upTo: blockSize).get()
        pending.append(contentsOf: block)
        if block.count < blockSize { atEnd = true }
    }
}

extension Mbox {
    /// Where the last message of `bytes` starts (a `From ` line at the start or after a line break), if any.
    static func lastStart(_ bytes: [UInt8]) -> Int? {
        var i = bytes.count - 5
        while i >= 0 {
            if bytes[i] == 0x46, i == 0 || bytes[i - 1] == 0x0A, bytes[i + 1] == 0x72, bytes[i + 2] == 0x6F,
               bytes[i + 3] == 0x6D, bytes[i + 4] == 0x20 {
                return i
            }
            i -= 1
        }
        return nil
    }
}
