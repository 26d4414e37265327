/// Builds HTML (and inline SVG) text whose tags are balanced by construction: every element with
/// content is written through a closure, so it is always closed. Attribute order is the order given,
/// which keeps the output byte-identical from run to run.
struct HTMLWriter {
    private(set) var text = ""

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private mutating func openTag(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(HTMLWriter.escape(value))\"" }
    }

    /// `<name attributes>body</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout HTMLWriter) -> Void) {
        openTag(name, attributes)
        text += ">"
        body(&self)
        text += "</\(name)>"
    }

    /// `<name attributes>escaped text</name>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        element(name, attributes) { $0.text(content) }
    }

    /// An element without content: `<meta …>` in HTML, `<rect …/>` in SVG (`selfClosing`).
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], selfClosing: Bool = false) {
        openTag(name, attributes)
        text += selfClosing ? "/>" : ">"
    }

    /// Escaped text.
    mutating func text(_ s: String) { text += HTMLWriter.escape(s) }

    /// A line break in the source, to keep the page readable as text.
    mutating func newline() { text += "\n" }

    /// Text that is already markup-safe (CSS, a doctype). Must not come from user input.
    mutating func trusted(_ s: String) { text += s }
}
