import Foundation

extension StoreIndex {
    /// What the index keeps up to date by hand that disagrees with what it could count: each author's
    /// posts and threads against the participants rows. Empty when all is well; tests call it after
    /// imports that add, join, replace and remove threads.
    public func checkInvariants() throws -> [String] {
        let stmt = try db.prepare("""
            SELECT a.author_key, a.posts, a.threads, coalesce(p.posts, 0), coalesce(p.threads, 0)
            FROM authors a LEFT JOIN (SELECT author_key, sum(posts) AS posts, count(DISTINCT thread) AS threads
                                      FROM participants GROUP BY author_key) p ON p.author_key = a.author_key
            UNION ALL
            SELECT p.author_key, 0, 0, sum(p.posts), count(DISTINCT p.thread) FROM participants p
            WHERE p.author_key NOT IN (SELECT author_key FROM authors) GROUP BY p.author_key
            """)
        var problems: [String] = []
        while try stmt.next() {
            let (posts, threads, countedPosts, countedThreads) = (stmt.int(1), stmt.int(2), stmt.int(3), stmt.int(4))
            if posts != countedPosts || threads != countedThreads {
                problems.append("\(stmt.string(0) ?? ""): \(posts) posts in \(threads) threads recorded, \(countedPosts) in \(countedThreads) counted")
            }
        }
        return problems
    }
}
