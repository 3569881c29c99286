import Foundation

/// The formats `weft import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// Detect from the content.
    case auto
    /// An mbox file (mboxo or mboxrd).
    case mbox
    /// A Maildir folder (cur/ and new/, nested folders too), or one message file.
    case maildir
    /// Discourse API JSON (topics, post pages, latest posts).
    case discourse
    /// Reddit `/comments/ID` JSON (and `morechildren` responses).
    case reddit
    /// A discussion saved as a plain-text page (see ``PlainTextPage``).
    case text
    /// Weft's JSON thread format, also what scrapers write (see `ThreadDocument`).
    case json
    /// A saved forum thread page (HTML), read with the engine's recipe (see ``ForumPages``).
    case page

    /// Guesses the format from the first bytes of the content, not the file name.
    ///
    /// JSON is told apart by its shape later (``Importer``); here it is `.json`.
    public static func detect(_ data: Data) -> ImportFormat {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if Mbox.looksLikeMbox(bytes) { return .mbox }
        if PageSource.looksLikeHTML(bytes) { return .page }
        if looksLikeMessage(ArraySlice(bytes)) { return .maildir }
        return .text
    }

    /// What content of this format is, in words, for messages.
    var contentName: String {
        switch self {
        case .mbox: return "an mbox"
        case .maildir: return "a mail message"
        case .discourse, .reddit, .json: return "JSON"
        case .page: return "an HTML page"
        case .text, .auto: return "plain text"
        }
    }

    /// Why content detected as `detected` cannot be read as this forced format, or nil when it can.
    ///
    /// `--format maildir` on an mbox would make the whole file one message; a forced format is a
    /// promise about the content, and content that breaks it is refused, not taken anyway.
    func refusal(of detected: ImportFormat) -> String? {
        let fits: Bool
        switch self {
        case .auto, .text: fits = true  // HTML forced to text is read as a page instead (see Importer)
        case .mbox: fits = detected == .mbox
        case .maildir: fits = detected == .maildir
        case .discourse, .reddit, .json: fits = detected == .json
        case .page: fits = detected == .page
        }
        guard !fits else { return nil }
        return "--format \(rawValue) was given, but this is \(detected.contentName), not \(contentName); "
            + "leave --format out to read it as what it is"
    }

    /// Whether bytes start like one RFC 5322 message: header fields, one of them a mail header.
    static func looksLikeMessage(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes.prefix(2048), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(30)
        guard let first = lines.first, let colon = first.firstIndex(of: ":"),
              first[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !first[..<colon].isEmpty else {
            return false
        }
        let mailHeaders = ["from:", "message-id:", "subject:", "date:", "received:", "return-path:", "delivered-to:"]
        return lines.contains { line in mailHeaders.contains { line.lowercased().hasPrefix($0) } }
    }
}
