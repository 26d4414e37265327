import WFMCore

/// The two renderings of a comparison: an aligned text table for the terminal and CSV.
extension RunComparison {
    /// Header cells: metric, then each run, each later run followed by its difference column.
    private var header: [String] {
        var cells = ["metric"]
        for (i, label) in labels.enumerated() {
            cells.append(label)
            if i > 0 { cells.append("Δ \(label)") }
        }
        return cells
    }

    private func cells(_ row: Row, metric: String) -> [String] {
        var cells = [metric]
        for i in row.values.indices {
            cells.append(Self.format(row.values[i], decimals: row.decimals, signed: false))
            if i > 0 { cells.append(Self.format(row.difference(i), decimals: row.decimals, signed: true)) }
        }
        return cells
    }

    private static func format(_ value: Value, decimals: Int, signed: Bool) -> String {
        switch value {
        case let .number(x): return signed ? Format.signed(x, decimals) : Format.fixed(x, decimals)
        case let .text(t): return t
        case .missing: return ""
        }
    }

    /// An aligned plain-text table: metric (with its unit) left-aligned, values right-aligned,
    /// two spaces between columns, "-" for a missing value, one line per row, LF line ends.
    public var text: String {
        var table = [header]
        for row in rows {
            let metric = row.unit.isEmpty ? row.metric : "\(row.metric) (\(row.unit))"
            table.append(cells(row, metric: metric).enumerated().map { $0.offset > 0 && $0.element.isEmpty ? "-" : $0.element })
        }
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        var out = "differences (Δ) are against \(labels[0]); shares in %, their differences in percentage points\n"
        for (r, line) in table.enumerated() {
            let padded = line.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }
            out += padded.joined(separator: "  ") + "\n"
            if r == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// The same table as CSV: `metric,unit,<run>,<run>,Δ <run>,...`; numbers as in the text table,
    /// a missing value is an empty field.
    public var csv: String {
        var writer = CSVWriter(header: [header[0], "unit"] + header.dropFirst())
        for row in rows {
            var line = cells(row, metric: row.metric)
            line.insert(row.unit, at: 1)
            writer.append(line)
        }
        return writer.text
    }
}
