import CLibXML2
import Foundation

/// A whole saved web page parsed by libxml2's HTML parser, with XPath 1.0 queries on it.
///
/// The parser repairs broken markup as browsers do, never touches the network,
/// and with `HTML_PARSE_HUGE` takes the 50 MB page and the deeply nested table
/// that real forums produce (its content loop is iterative, so depth costs no stack).
/// The bytes are decoded to UTF-8 first (see ``PageBytes``) and handed over as UTF-8,
/// so a page's `meta` charset is applied once, by iconv, and never twice.
final class HTMLPage {
    let document: htmlDocPtr
    private let context: xmlXPathContextPtr

    /// Parses UTF-8 HTML; nil only when libxml2 cannot make a document at all (empty input).
    init?(utf8 text: String) {
        HTMLPage.silenceLibxml()
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        bytes.append(0)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_COMPACT.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count - 1), nil, "UTF-8", options)
            }
        }
        guard let doc, let context = xmlXPathNewContext(doc) else {
            if let doc { xmlFreeDoc(doc) }
            return nil
        }
        self.document = doc
        self.context = context
    }

    deinit {
        xmlXPathFreeContext(context)
        xmlFreeDoc(document)
    }

    /// The root element, when the page has one.
    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// Evaluates `query` with `node` (or the document) as the context node.
    func evaluate<T>(_ query: XPathQuery, at node: xmlNodePtr?, _ read: (xmlXPathObjectPtr) -> T) -> T? {
        context.pointee.node = node ?? UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        guard let result = xmlXPathCompiledEval(query.compiled, context) else { return nil }
        defer { xmlXPathFreeObject(result) }
        return read(result)
    }

    /// The nodes `query` selects from `node`, in document order (none when it gives a string or number).
    func nodes(_ query: XPathQuery, at node: xmlNodePtr?) -> [xmlNodePtr] {
        evaluate(query, at: node) { result in
            (0..<weft_nodeset_count(result)).map { weft_nodeset_item(result, $0) }
        } ?? []
    }

    /// What `query` gives from `node` as texts: each selected node's text, or the one string or number.
    func texts(_ query: XPathQuery, at node: xmlNodePtr?) -> [String] {
        evaluate(query, at: node) { result -> [String] in
            switch result.pointee.type {
            case XPATH_NODESET:
                return (0..<weft_nodeset_count(result)).map { HTMLPage.text(of: weft_nodeset_item(result, $0)) }
            case XPATH_STRING:
                return [result.pointee.stringval.map { String(cString: $0) } ?? ""]
            case XPATH_NUMBER:
                let n = result.pointee.floatval
                return n.isFinite ? [n == n.rounded() ? String(Int(n)) : String(n)] : []
            case XPATH_BOOLEAN:
                return [result.pointee.boolval != 0 ? "true" : ""]
            default:
                return []
            }
        } ?? []
    }

    /// Whether `query` selects anything (or gives a true, non-empty value) on the page.
    ///
    /// Only counts what is selected: `detect` runs on every page of a mirror, and the text of a
    /// selected `<body>` is the whole page.
    func matches(_ query: XPathQuery) -> Bool {
        evaluate(query, at: nil) { result -> Bool in
            switch result.pointee.type {
            case XPATH_NODESET: return weft_nodeset_count(result) > 0
            case XPATH_STRING: return result.pointee.stringval.map { $0.pointee != 0 } ?? false
            case XPATH_NUMBER: return result.pointee.floatval != 0 && !result.pointee.floatval.isNaN
            case XPATH_BOOLEAN: return result.pointee.boolval != 0
            default: return false
            }
        } ?? false
    }

    /// A node's text content with its white space folded: an element's text, an attribute's value.
    ///
    /// Folded on the UTF-8 bytes (ASCII white space and no-break spaces become one space), not by
    /// Unicode properties per character: fields are read for every post of every page.
    static func text(of node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { weft_xml_free(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(strlen(raw))
        var space = false
        var p = raw
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                space = true
            } else if b == 0xC2 && p[1] == 0xA0 {
                space = true
                p += 1
            } else {
                if space && !out.isEmpty { out.append(0x20) }
                space = false
                out.append(b)
            }
            p += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An element's attribute, when it has it.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { weft_xml_free(value) }
        return String(cString: value)
    }

    /// Turns libxml2's own error printing off on this thread (it writes to stderr; Weft reports errors itself).
    static func silenceLibxml() {
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}
