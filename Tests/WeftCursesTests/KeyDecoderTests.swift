import XCTest
@testable import WeftCurses
import WeftUI

/// What `wget_wch` returns, decoded into keys (XCTest, table-driven).
final class KeyDecoderTests: XCTestCase {
    func testFunctionKeyCodesDecodeToNamedKeys() {
        let table: [(UInt32, KeyDecoder.Event)] = [
            (0o402, .key(.down)), (0o403, .key(.up)), (0o404, .key(.left)), (0o405, .key(.right)),
            (0o406, .key(.home)), (0o550, .key(.end)), (0o522, .key(.pageDown)), (0o523, .key(.pageUp)),
            (0o407, .key(.backspace)), (0o512, .key(.delete)), (0o527, .key(.enter)), (0o541, .key(.backTab)),
            (0o411, .key(.function(1))), (0o632, .resize), (0o777, .ignored),
        ]
        for (code, expected) in table {
            XCTAssertEqual(KeyDecoder.decode(isFunctionKey: true, code: code), expected, "code \(code)")
        }
    }

    func testCharacterCodesDecodeToCharactersAndControls() {
        let table: [(UInt32, KeyDecoder.Event)] = [
            (106, .key(.char("j"))), (32, .key(.char(" "))), (13, .key(.enter)), (10, .key(.enter)),
            (9, .key(.tab)), (127, .key(.backspace)), (8, .key(.backspace)), (27, .key(.escape)),
            (3, .key(.ctrl("c"))), (21, .key(.ctrl("u"))), (4, .key(.ctrl("d"))), (0x6F22, .key(.char("漢"))),
            (0x85, .ignored), (0, .ignored), (0x1F389, .key(.char("🎉"))),
        ]
        for (code, expected) in table {
            XCTAssertEqual(KeyDecoder.decode(isFunctionKey: false, code: code), expected, "code \(code)")
        }
    }

    func testEveryDecodedKeyHasANameTheKeymapParserReadsBack() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab,
                           .backspace, .escape, .delete, .function(5), .ctrl("o"), .char(" "), .char("["), .char("?")]
        for key in keys {
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
    }
}
