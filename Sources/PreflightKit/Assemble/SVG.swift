/// Small helpers for hand-written SVG: escaping and number formatting that never varies by locale.
package enum SVG {
    /// Text and attribute escaping for XML.
    package static func escape(_ text: String) -> String {
        text.replacingCharacters(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    package static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Shortens a label to `limit` characters, ending with an ellipsis.
    package static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// The cutover steps as bars against the window: overflow in red, the point of no return marked.
public struct TimelineChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var start: TimeSpan
        public var end: TimeSpan
        public var pointOfNoReturn: Bool
    }

    public var bars: [Bar]
    public var window: TimeSpan?
    public var title: String

    public init(bars: [Bar], window: TimeSpan?, title: String) {
        self.bars = bars
        self.window = window
        self.title = title
    }

    public func svg(id: String = "timeline") -> String {
        let labelWidth = 250.0, plotWidth = 430.0, rowHeight = 26.0, top = 34.0
        let height = top + rowHeight * Double(max(bars.count, 1)) + 30
        let span = max(window?.seconds ?? 0, bars.map(\.end.seconds).max() ?? 0, 60)
        func x(_ time: TimeSpan) -> Double { labelWidth + plotWidth * time.seconds / span }
        var parts: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(SVG.number(labelWidth + plotWidth + 20)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"\(id)-title\">",
            "<title id=\"\(id)-title\">\(SVG.escape(title))</title>",
        ]
        if let window {
            parts.append("<rect x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(top - 6))\" width=\"\(SVG.number(x(window) - labelWidth))\" height=\"\(SVG.number(rowHeight * Double(bars.count) + 6))\" fill=\"#eef4ff\"/>")
            parts.append("<line x1=\"\(SVG.number(x(window)))\" y1=\"\(SVG.number(top - 14))\" x2=\"\(SVG.number(x(window)))\" y2=\"\(SVG.number(height - 22))\" stroke=\"#1d4ed8\" stroke-dasharray=\"4 3\"/>")
            parts.append("<text x=\"\(SVG.number(x(window)))\" y=\"\(SVG.number(top - 18))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1d4ed8\">window ends \(SVG.escape(window.description))</text>")
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let over = window.map { bar.end > $0 } ?? false
            parts.append("<text x=\"\(SVG.number(labelWidth - 8))\" y=\"\(SVG.number(y + 14))\" font-size=\"12\" text-anchor=\"end\">\(SVG.escape(SVG.clip("\(index + 1). \(bar.label)", 38)))</text>")
            let width = max(x(bar.end) - x(bar.start), 2)
            parts.append("<rect x=\"\(SVG.number(x(bar.start)))\" y=\"\(SVG.number(y + 2))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(rowHeight - 8))\" rx=\"3\" fill=\"\(over ? "#b91c1c" : "#2563eb")\"><title>\(SVG.escape("\(bar.label): T+\(bar.start) to T+\(bar.end)\(over ? ", past the window" : "")"))</title></rect>")
            if bar.pointOfNoReturn {
                let px = x(bar.end)
                parts.append("<line x1=\"\(SVG.number(px))\" y1=\"\(SVG.number(y - 2))\" x2=\"\(SVG.number(px))\" y2=\"\(SVG.number(y + rowHeight))\" stroke=\"#9a3412\" stroke-width=\"2\"/>")
                parts.append("<text x=\"\(SVG.number(px + 4))\" y=\"\(SVG.number(y + rowHeight + 2))\" font-size=\"10\" fill=\"#9a3412\">point of no return</text>")
            }
        }
        let axisY = height - 12
        parts.append("<text x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(axisY))\" font-size=\"10\">T+0</text>")
        parts.append("<text x=\"\(SVG.number(labelWidth + plotWidth))\" y=\"\(SVG.number(axisY))\" font-size=\"10\" text-anchor=\"end\">T+\(SVG.escape(TimeSpan(seconds: span).description))</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }
}
