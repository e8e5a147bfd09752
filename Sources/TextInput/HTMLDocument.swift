import CLibXML2
import Foundation

/// A node of a parsed HTML document as a Swift value: an element or a run of text.
/// Text is already decoded (libxml2 resolves every character reference and named entity),
/// comments, processing instructions and the doctype are left out.
public enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)
}

/// An HTML element as a Swift value: its lower-case tag name, attributes and children.
public struct HTMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [HTMLNode]

    public init(name: String, attributes: [String: String] = [:], children: [HTMLNode] = []) {
        self.name = name; self.attributes = attributes; self.children = children
    }

    /// The child elements, in order.
    public var childElements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }
}

/// The thin wrapper over libxml2's HTML parser, and the only code that touches its
/// pointers: parses HTML leniently (the recovery mode browsers use, no network, no error
/// output) into `HTMLNode` values and frees the `xmlDoc` before returning. Malformed
/// markup (unclosed or misnested tags, unquoted attributes, stray `<`) gives the tree
/// libxml2 repairs it to, never a crash.
public struct HTMLDocument: Sendable {
    /// The root element (`html`), with the `head` and `body` libxml2 supplies when missing.
    public let root: HTMLElement

    /// Parses an HTML document or fragment.
    public init(parsing html: String) {
        Self.initialiseOnce
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(clamping: buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { root = HTMLElement(name: "html"); return }
        defer { xmlFreeDoc(doc) }
        if let top = xmlDocGetRootElement(doc), let converted = Self.element(top, depth: 0) {
            root = converted
        } else {
            root = HTMLElement(name: "html")
        }
    }

    /// libxml2's global state, set up once before any thread parses.
    private static let initialiseOnce: Void = { xmlInitParser() }()

    /// Deepest nesting converted; libxml2 itself stops at 256 levels without the huge option.
    static let maxDepth = 512

    private static func element(_ node: xmlNodePtr, depth: Int) -> HTMLElement? {
        guard depth < maxDepth, let namePtr = node.pointee.name else { return nil }
        var e = HTMLElement(name: String(cString: namePtr).lowercased())
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name { e.attributes[String(cString: n).lowercased()] = text(of: a.pointee.children) }
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if let sub = element(c, depth: depth + 1) { e.children.append(.element(sub)) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { e.children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = c.pointee.next
        }
        return e
    }

    /// The text of a list of text nodes (an attribute's value).
    private static func text(of first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let n = node {
            if let content = n.pointee.content { out += String(cString: content) }
            node = n.pointee.next
        }
        return out
    }
}
