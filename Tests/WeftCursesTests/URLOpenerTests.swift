import Foundation
import XCTest
@testable import WeftCurses

/// Opening a link never goes through a shell.
final class URLOpenerTests: XCTestCase {
    func testTheURLIsOneArgumentAndNothingInItRuns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weft-url-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("args")
        let browser = dir.appendingPathComponent("browser")
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \(record.path)\n".write(to: browser, atomically: true, encoding: .utf8)
        chmod(browser.path, 0o755)
        let marker = dir.appendingPathComponent("pwned").path
        let urls = [
            "http://x/$(touch \(marker))",
            "https://x/`touch \(marker)`",
            "http://x/;touch \(marker);",
            "http://x/a b|touch \(marker)&",
        ]
        for url in urls {
            let command = try XCTUnwrap(URLOpener.command(for: url, environment: ["BROWSER": browser.path, "PATH": "/usr/bin:/bin"]))
            XCTAssertEqual(command, [browser.path, url])
            XCTAssertTrue(URLOpener.launch(command))
            XCTAssertEqual(try String(contentsOf: record, encoding: .utf8), url + "\n")
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the URL ran a command: \(url)")
        }
    }

    func testWithNoBrowserThereIsNoCommand() {
        XCTAssertNil(URLOpener.command(for: "https://x", environment: ["PATH": "/nonexistent"]))
    }
}
