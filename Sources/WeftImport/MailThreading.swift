import Foundation
import WeftFormats
import WeftModel
import WeftStore

/// Threads the mail of one import with the stored mail it belongs with.
///
/// An archive imported in parts must end as the whole would: a reply whose parent is in an earlier
/// import, a parent arriving after its replies, a duplicate Message-ID met again. The index finds the
/// stored threads this mail touches (by Message-ID, by the ids they name but lack, and by subject),
/// their posts are threaded again together with the new messages, and ``ImportPipeline/merge(_:rethreaded:progress:)``
/// replaces them.
public enum MailThreading {
    /// The threads to write, made as they are written, and the ids of the stored threads they replace.
    public static func threads(_ mail: MailCollector, store: FileStore, index: StoreIndex?) throws
        -> (threads: ThreadStream, rethreaded: Set<String>) {
        guard let index, !store.isEmpty else { return (stream(mail.plan()), []) }
        // The index must know every stored thread this mail may join. Every Weft writer keeps it up to
        // date and records the directories' times after each batch, so it is trusted unless they
        // changed since: an index just made (a new schema, or deleted by hand) or an import killed
        // between writing a batch's files and recording them. Trusted then, a reply stored by the
        // killed import was not found, and its parent, arriving later, started a thread of its own
        // (1 run in 20 of the stress test's "mail parts after kills").
        try IndexedStore(store, index: index).syncIfDirectoriesChanged()
        var ids = try index.threads(naming: mail.linkKeys).filter(MailCollector.mayBeMail)
        let subjects = mail.subjectBases
        for (id, title) in try index.threadTitles() where !ids.contains(id) {
            if MailCollector.mayThread(id: id, title: title, subjects: subjects) { ids.insert(id) }
        }
        var forums: [String: String] = [:]
        var loaded: Set<String> = []
        for id in ids.sorted() {
            // A thread file that cannot be read is left as it is; the mail is threaded without it.
            guard let thread = try? store.thread(id: id) else { continue }
            mail.include(stored: thread)
            loaded.insert(id)
            if let forum = thread.forum { for post in thread.posts { forums[post.id] = forum } }
        }
        let threads = stream(mail.plan()).map { thread in
            var t = thread
            t.forum = t.posts.lazy.compactMap { forums[$0.id] }.first ?? t.forum
            return t
        }
        return (threads, loaded)
    }

    /// Mail threads as the pipeline takes them.
    static func stream(_ threads: MailThreads) -> ThreadStream {
        ThreadStream(count: threads.count) { try threads.threads($0) }
    }
}
