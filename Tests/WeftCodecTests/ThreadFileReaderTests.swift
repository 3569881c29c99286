import Foundation
import Testing
@testable import WeftModel
@testable import WeftCodec

/// The hand reader reads what the writer writes exactly as the decoder does, and leaves every
/// other shape to the decoder.
struct ThreadFileReaderTests {
    func decoded(_ text: String) throws -> ThreadDocument {
        try JSONDecoder().decode(ThreadDocument.self, from: Data(text.utf8))
    }

    @Test("what the writer writes is read as the decoder reads it", arguments: ThreadFileWriterTests.threads)
    func whatTheWriterWritesIsReadAsTheDecoderReadsIt(thread: ForumThread) throws {
        let data = try #require(ThreadFileWriter.encode(thread))
        let fast = try #require(ThreadFileReader.decode(data))
        let slow = try JSONDecoder().decode(ThreadDocument.self, from: data)
        #expect(fast.threads == slow.threads)
        #expect(fast.forum == slow.forum)
    }

    /// Other shapes the format allows, which the reader also takes: the same result as the decoder.
    static let readable = [
        #"{"weft":1,"thread":{"id":"t","title":"T","posts":[{"id":"a","body":"x"}]}}"#,  // no parent: inferred
        #"{"thread":{"title":"No id","posts":[{"id":"a","parent":null,"body":"x"},{"id":"b","parent":"a","body":"y"}]}}"#,
        #"{ "forum" : null , "thread" : { "id" : null , "title" : "T" , "posts" : [ ] } }"#,
        #"{"thread":{"id":"t","title":"\u00e9\ud83d\ude00 \/ \" \\ \b\f\n\r\t","posts":[{"id":"a","parent":null,"body":"","placeholder":true}]}}"#,
        #"{"forum":"f","thread":{"id":"t","title":"T","posts":[{"id":"a","author":null,"date":"2024-02-29T23:59:59Z","number":-3,"format":"html","body":"b","inferred":"quote","references":["x","y"],"headers":{"from":"a","list-id":null},"signature":null,"subject":"S"}]}}"#,
    ]

    @Test("other shapes it reads come out as the decoder's", arguments: readable)
    func otherShapesItReadsComeOutAsTheDecoders(text: String) throws {
        let fast = try #require(ThreadFileReader.decode(Data(text.utf8)))
        let slow = try decoded(text)
        #expect(fast.threads == slow.threads)
        #expect(fast.forum == slow.forum)
    }

    /// Shapes left to the decoder (nil here), whether the decoder reads them or refuses them.
    static let leftToTheDecoder = [
        #"{"_comment":"x","thread":{"title":"T","posts":[]}}"#,                    // a comment key
        #"{"thread":{"title":"T","posts":[{"id":7,"body":"x"}]}}"#,               // a number for an id
        #"{"thread":{"title":"T","posts":[{"id":"a","date":1700000000,"body":"x"}]}}"#,  // seconds for a date
        #"{"thread":{"title":"T","posts":[{"id":"a","date":"2024-03-03T14:02:00.5Z","body":"x"}]}}"#,
        #"{"thread":{"title":"T","posts":[{"id":"a","date":"2024-03-03T15:02:00+01:00","body":"x"}]}}"#,
        #"{"thread":{"title":"T","posts":[{"id":"a","date":"2023-02-29T00:00:00Z","body":"x"}]}}"#,  // no such day
        #"{"thread":{"title":"T","posts":[{"id":"a","number":1.0,"body":"x"}]}}"#,
        #"{"thread":{"title":"T","posts":[{"id":"a","number":01,"body":"x"}]}}"#,
        #"{"thread":{"title":"T","posts":[{"id":"a","body":"x","body":"y"}]}}"#,   // a key twice
        #"{"thread":{"title":"T","posts":[{"id":"a","body":"x","extra":1}]}}"#,    // a key the format lacks
        #"{"threads":[{"title":"T","posts":[]}]}"#,                                 // several threads
        #"{"thread":{"title":"T","posts":[]}} x"#,                                  // something after
        #"{"thread":{"title":"\ud800","posts":[]}}"#,                               // a lone surrogate
        "{\"thread\":{\"title\":\"tab\there\",\"posts\":[]}}",                      // a raw control character
        #"{"weft":2,"thread":{"title":"T","posts":[]}}"#,                           // a newer version
        #"{"thread":{"title":"T","posts":[{"id":"a"}]}}"#,                          // no body
        #"{"thread":{"title":"T","posts":[{"id":"a","body":"x"}]"#,                 // cut short
        "",
    ]

    @Test("shapes the writer never writes are left to the decoder", arguments: leftToTheDecoder)
    func shapesTheWriterNeverWritesAreLeftToTheDecoder(text: String) {
        #expect(ThreadFileReader.decode(Data(text.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToTheDecoder() {
        var bytes = Array(#"{"thread":{"title":"ab","posts":[]}}"#.utf8)
        bytes[21] = 0xFF
        #expect(ThreadFileReader.decode(Data(bytes)) == nil)
    }
}
