import Foundation

extension String {
    /// Whether `query` occurs in the text, ignoring case and accents: how every filter and search in memory matches.
    public func containsIgnoringCaseAndAccents(_ query: String) -> Bool {
        range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
