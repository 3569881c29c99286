/// Why an inferred reply link points where it does.
///
/// Flat sources (saved forum pages, text pages, Weft JSON posts without a
/// `parent` key) give no reply links; ``ReplyInference`` recovers them and
/// records one of these reasons with each, so the reader can tell a guess
/// from a fact. The raw values are what the store and `--json` write.
public enum ReplyReason: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    /// The first post of a flat thread: it answers no one.
    case opening
    /// The post quotes the parent (found by post number, or by author and quoted text).
    case quote
    /// The post names the parent's author with `@name`.
    case mention
    /// The post opens by addressing the parent's author ("Hi DD11,", "Thanks sparky1", "bob:").
    case salutation
    /// The parent answered or addressed this post's author, who now answers back.
    case conversation
    /// The post opens with a thank-you that names no one: it thanks the post just before.
    case thanks
    /// No signal: the post answers the thread's opening post.
    case `default`

    /// How the browser and `weft show` say it: "in reply to bob · inferred from a quote".
    public var explanation: String {
        switch self {
        case .opening: return "opening post (inferred)"
        case .quote: return "inferred from a quote"
        case .mention: return "inferred from an @mention"
        case .salutation: return "inferred from a greeting"
        case .conversation: return "inferred: answers a reply to them"
        case .thanks: return "inferred from a thank-you to the post before"
        case .default: return "inferred: no signal, so the first post"
        }
    }
}
