import Foundation
import WeftFormats

/// Deterministic mailing-list archives, like the issue's: tree-shaped threads, Zipf-distributed authors
/// and words, replies quoting their parents, and one big thread.
///
/// - `messages` messages in `threads` threads; the first message of each thread starts it, the rest go to
///   a random thread, except that thread 0 takes one in four of them until it has ``bigThread``.
/// - About 300 authors, author k posting in proportion to 1/(k+1).
/// - Words from a 2,000-word vocabulary (18 real words, then made-up ones), word k used in proportion to
///   1/(k+1), so some words are everywhere and most are rare, as in real text.
/// - A reply quotes up to four lines of its parent under an attribution line.
/// The same arguments always give the same bytes.
struct MboxGenerator {
    static let authors = 300
    static let vocabulary: [String] = {
        let real = ["kernel", "patch", "review", "maintainer", "summit", "topic", "release", "merge", "window",
                    "testing", "bisect", "regression", "series", "driver", "subsystem", "rust", "tooling", "docs"]
        let syllables = ["ka", "lo", "mi", "ren", "tos", "vi", "dar", "shu", "pel", "qua", "nor", "bix", "zen",
                         "ul", "fra", "gem", "hol", "jin", "sto", "wex"]
        var words = real
        var i = 0
        while words.count < 2_000 {
            let n = syllables.count
            words.append(syllables[i % n] + syllables[(i / n) % n] + (i >= n * n ? syllables[(i / (n * n)) % n] : ""))
            i += 1
        }
        return words
    }()

    /// How many messages the big thread gets at most. A fixed number, so an archive's first N messages
    /// are the same whatever its size (the stress tests import a prefix and the whole together); a
    /// small archive fills it only partly (a quarter of its replies go there).
    static let bigThread = 5_000

    var messages: Int
    var threads: Int
    var seed: UInt64
    var idPrefix = "m"
    /// Leaves out each thread's first message, as a monthly archive does whose threads began the month
    /// before: every thread then starts with a message its replies name but the archive lacks.
    var missingRoots = false

    /// The whole archive in memory (for small archives).
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        generate { out += $0 }
        return out
    }

    /// Writes the archive to a file a megabyte at a time.
    func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var failure: (any Error)?
        generate { chunk in
            if failure == nil { do { try handle.write(contentsOf: chunk) } catch { failure = error } }
        }
        if let failure { throw failure }
    }

    /// Produces the archive in chunks.
    func generate(_ sink: ([UInt8]) -> Void) {
        var rng = SplitMix(seed: seed)
        let authorTable = ZipfTable(count: MboxGenerator.authors)
        let wordTable = ZipfTable(count: MboxGenerator.vocabulary.count)
        let words = MboxGenerator.vocabulary.map { Array($0.utf8) }
        let big = MboxGenerator.bigThread
        var threadMembers: [[Int32]] = Array(repeating: [], count: threads)
        var parents: [Int32] = []
        var depthRefs: [[Int32]] = []
        var quotable: [[UInt8]] = []
        parents.reserveCapacity(messages)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 21)
        let start = 1_600_000_000.0
        for i in 0..<messages {
            var t: Int
            if i < threads {
                t = i
            } else if threadMembers[0].count < big && rng.next() % 4 == 0 {
                t = 0
            } else {
                // Any thread but the big one, once it is full.
                t = threadMembers[0].count < big || threads < 2 ? Int(rng.next() % UInt64(threads))
                    : 1 + Int(rng.next() % UInt64(threads - 1))
            }
            var chain: [Int32] = []
            var parent: Int32 = -1
            if !threadMembers[t].isEmpty {
                parent = threadMembers[t][Int(rng.next() % UInt64(threadMembers[t].count))]
                chain = depthRefs[Int(parent)] + [parent]
                if chain.count > 10 { chain.removeFirst(chain.count - 10) }
            }
            threadMembers[t].append(Int32(i))
            parents.append(parent)
            depthRefs.append(chain)
            var body: [UInt8] = []
            if parent >= 0 {
                body += Array("On some day, user\(Int(parent) % MboxGenerator.authors) wrote:\n".utf8)
                body += quotable[Int(parent)]
                body.append(0x0A)
            }
            var quote: [UInt8] = []
            let lines = 8 + Int(rng.next() % 10)
            for line in 0..<lines {
                var text: [UInt8] = []
                for w in 0..<(8 + Int(rng.next() % 6)) {
                    if w > 0 { text.append(0x20) }
                    text += words[wordTable.sample(&rng)]
                }
                text.append(0x0A)
                body += text
                if line < 4 { quote += [0x3E, 0x20] + text }
            }
            quotable.append(quote)
            let a = authorTable.sample(&rng)
            if missingRoots && i < threads { continue }
            let date = MailDate.rfc5322(Date(timeIntervalSince1970: start + Double(i) * 60))
            var headers = "From user\(a)@example.org Thu Jan  1 00:00:00 2020\n"
            headers += "From: User \(a) <user\(a)@example.org>\n"
            headers += "Date: \(date)\n"
            headers += "Subject: \(chain.isEmpty ? "" : "Re: ")Topic \(idPrefix)\(t)\n"
            headers += "Message-ID: <\(idPrefix)\(i)@bench.invalid>\n"
            if parent >= 0 {
                headers += "In-Reply-To: <\(idPrefix)\(parent)@bench.invalid>\n"
                headers += "References: " + chain.map { "<\(idPrefix)\($0)@bench.invalid>" }.joined(separator: " ") + "\n"
            }
            out += Array(headers.utf8)
            out.append(0x0A)
            out += body
            out.append(0x0A)
            if out.count >= 1 << 20 {
                sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { sink(out) }
    }

    /// The archive's id for the big thread (its first message).
    var bigThreadID: String { "\(idPrefix)0@bench.invalid" }

    /// The old entry point: the whole archive as bytes.
    static func mbox(messages: Int, threads: Int, seed: UInt64, idPrefix: String = "m") -> [UInt8] {
        MboxGenerator(messages: messages, threads: threads, seed: seed, idPrefix: idPrefix).bytes()
    }
}

/// Samples 0..<count with probability proportional to 1/(k+1).
struct ZipfTable {
    private var cumulative: [Double] = []

    init(count: Int) {
        let total = (0..<count).reduce(0.0) { $0 + 1.0 / Double($1 + 1) }
        var acc = 0.0
        for k in 0..<count {
            acc += 1.0 / Double(k + 1) / total
            cumulative.append(acc)
        }
    }

    func sample(_ rng: inout SplitMix) -> Int {
        let r = Double(rng.next() % 1_000_000) / 1_000_000
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < r { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
