import Foundation

extension ForumThread {
    /// Brings "more replies" stubs up to date with the posts the thread now holds.
    ///
    /// A stub (a placeholder that lists, in ``Post/references``, the ids of the replies it stands
    /// for, as a Reddit `more` stub does) says how many of them are still missing, and goes once
    /// none is: replies fetched later (`morechildren`) arrive in the same file or in a later import.
    public mutating func settleStubs() {
        guard posts.contains(where: { $0.placeholder && $0.references?.isEmpty == false }) else { return }
        let held = Set(posts.lazy.filter { !$0.placeholder }.map(\.id))
        posts = posts.compactMap { post in
            guard post.placeholder, let stands = post.references, !stands.isEmpty else { return post }
            let missing = stands.filter { !held.contains($0) }.count
            guard missing > 0 else { return nil }
            var stub = post
            stub.body = ForumThread.stubText(missing)
            return stub
        }
    }

    /// "3 more replies not in this file".
    public static func stubText(_ count: Int) -> String {
        "\(count) more repl\(count == 1 ? "y" : "ies") not in this file"
    }
}
