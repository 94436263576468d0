import Metrics

/// The report's pictures, drawn as inline SVG: colours come from the page's
/// style sheet (light and dark), every chart has a title and a text
/// description for screen readers, and nothing needs a script or a font
/// beyond the system's.
enum Charts {
  /// Plot width in SVG units; charts scale to the page width.
  static let width = 640.0

  /// A chart's `<svg>` with its title and description, `body` inside.
  static func svg(
    _ m: inout Markup, id: String, height: Double, title: String, description: String,
    _ body: (inout Markup) -> Void
  ) {
    m.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(Markup.number(width)) \(Markup.number(height))",
        "role": "img", "aria-labelledby": "\(id)-title \(id)-desc", "class": "chart",
      ]
    ) { m in
      m.element("title", ["id": "\(id)-title"], text: title)
      m.element("desc", ["id": "\(id)-desc"], text: description)
      body(&m)
    }
  }

  /// Median and interquartile band of a drift distribution by bucket.
  static func curve(
    _ m: inout Markup, id: String, _ d: DriftDistribution, labels: [String], title: String, axis: String
  ) {
    let (left, right, top, bottom) = (44.0, 12.0, 12.0, 40.0)
    let height = 230.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let used = (0..<d.buckets).filter { d.scored($0) > 0 }
    let x = { (b: Int) in left + (d.buckets > 1 ? Double(b) / Double(d.buckets - 1) : 0.5) * plotW }
    let y = { (v: Double) in top + (1 - v) * plotH }
    let summary = used.map { b in
      "\(labels[b]): median \(NumberText.fixed(d.quantile(0.5, bucket: b), 2)) of \(d.scored(b)) comments"
    }
    let description =
      used.isEmpty
      ? "No comment could be scored." : "Drift from 0 (on the article's words) to 1 (none of them). " + summary.joined(separator: "; ") + "."
    svg(&m, id: id, height: height, title: title, description: description) { m in
      for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        m.empty("line", ["class": "grid", "x1": Markup.number(left), "x2": Markup.number(width - right), "y1": Markup.number(y(tick)), "y2": Markup.number(y(tick))])
        m.element("text", ["class": "tick", "x": Markup.number(left - 6), "y": Markup.number(y(tick) + 4), "text-anchor": "end"], text: NumberText.fixed(tick, 2))
      }
      for b in 0..<d.buckets {
        m.element("text", ["class": "tick", "x": Markup.number(x(b)), "y": Markup.number(height - bottom + 16), "text-anchor": "middle"], text: labels[b])
      }
      m.element("text", ["class": "axis", "x": Markup.number(left + plotW / 2), "y": Markup.number(height - 6), "text-anchor": "middle"], text: axis)
      guard !used.isEmpty else { return }
      let upper = used.map { "\(Markup.number(x($0))),\(Markup.number(y(d.quantile(0.75, bucket: $0) ?? 0)))" }
      let lower = used.reversed().map { "\(Markup.number(x($0))),\(Markup.number(y(d.quantile(0.25, bucket: $0) ?? 0)))" }
      m.empty("polygon", ["class": "band", "points": (upper + lower).joined(separator: " ")])
      let median = used.map { "\(Markup.number(x($0))),\(Markup.number(y(d.quantile(0.5, bucket: $0) ?? 0)))" }
      m.empty("polyline", ["class": "line", "points": median.joined(separator: " ")])
      for b in used {
        m.element("circle", ["class": "dot", "cx": Markup.number(x(b)), "cy": Markup.number(y(d.quantile(0.5, bucket: b) ?? 0)), "r": "3"]) { m in
          m.element("title", text: summary[used.firstIndex(of: b) ?? 0])
        }
      }
    }
  }

  /// Horizontal bars, one row per item, scaled to the largest value.
  static func bars(
    _ m: inout Markup, id: String, _ items: [(label: String, value: Double, note: String)], title: String,
    description: String
  ) {
    let row = 22.0
    let labelW = 180.0
    let noteW = 120.0
    let height = max(row, Double(items.count) * row) + 8
    let top = items.map(\.value).max() ?? 0
    svg(&m, id: id, height: height, title: title, description: description) { m in
      for (i, item) in items.enumerated() {
        let y = 4 + Double(i) * row
        let w = top > 0 ? item.value / top * (width - labelW - noteW) : 0
        m.element("text", ["class": "label", "x": Markup.number(labelW - 8), "y": Markup.number(y + 15), "text-anchor": "end"], text: clip(item.label, 26))
        m.empty("rect", ["class": "bar", "x": Markup.number(labelW), "y": Markup.number(y + 3), "width": Markup.number(max(w, 1)), "height": Markup.number(row - 6)])
        m.element("text", ["class": "tick", "x": Markup.number(labelW + w + 6), "y": Markup.number(y + 15)], text: item.note)
      }
    }
  }

  /// Terms the comments used more (right, toward) and less (left, away)
  /// than the articles, by z-score.
  static func terms(_ m: inout Markup, id: String, _ terms: DriftTerms, title: String) {
    let row = 20.0
    let rows = terms.toward.map { ($0, true) } + terms.away.map { ($0, false) }
    let height = max(row, Double(rows.count) * row) + 8
    let center = width / 2
    let top = rows.map { abs($0.0.z) }.max() ?? 0
    let half = center - 150
    let toward = terms.toward.map(\.word).joined(separator: ", ")
    let away = terms.away.map(\.word).joined(separator: ", ")
    let description =
      "Toward (the comments' words): \(toward.isEmpty ? "none" : toward). Away (the articles' words): \(away.isEmpty ? "none" : away)."
    svg(&m, id: id, height: height, title: title, description: description) { m in
      m.empty("line", ["class": "axisline", "x1": Markup.number(center), "x2": Markup.number(center), "y1": "0", "y2": Markup.number(height)])
      for (i, (score, isToward)) in rows.enumerated() {
        let y = 4 + Double(i) * row
        let w = top > 0 ? abs(score.z) / top * half : 0
        let x = isToward ? center : center - w
        m.element("rect", ["class": isToward ? "bar" : "bar2", "x": Markup.number(x), "y": Markup.number(y + 3), "width": Markup.number(max(w, 1)), "height": Markup.number(row - 6)]) { m in
          m.element("title", text: "\(score.word): z \(NumberText.fixed(score.z, 2)), \(score.focusCount) in comments, \(score.referenceCount) in articles")
        }
        let labelX = isToward ? center - 8 : center + 8
        m.element("text", ["class": "label", "x": Markup.number(labelX), "y": Markup.number(y + 14), "text-anchor": isToward ? "end" : "start"], text: clip(score.word, 24) + " " + NumberText.fixed(score.z, 2))
      }
    }
  }

  /// One 100% bar split into parts, with a legend line under it.
  static func split(_ m: inout Markup, id: String, _ parts: [(label: String, count: Int)], title: String) {
    let total = parts.reduce(0) { $0 + $1.count }
    let share = { (n: Int) in total > 0 ? Double(n) / Double(total) : 0 }
    let description = parts.map { "\($0.label): \($0.count) (\(NumberText.fixed(share($0.count) * 100, 1))%)" }.joined(separator: "; ")
    svg(&m, id: id, height: 64, title: title, description: total == 0 ? "No replies." : description) { m in
      var x = 0.0
      for (i, part) in parts.enumerated() where part.count > 0 {
        let w = share(part.count) * width
        m.element("rect", ["class": "part\(i)", "x": Markup.number(x), "y": "4", "width": Markup.number(w), "height": "24"]) { m in
          m.element("title", text: "\(part.label): \(part.count)")
        }
        x += w
      }
      var lx = 0.0
      for (i, part) in parts.enumerated() {
        m.empty("rect", ["class": "part\(i)", "x": Markup.number(lx), "y": "42", "width": "10", "height": "10"])
        let text = "\(part.label) \(part.count)"
        m.element("text", ["class": "tick", "x": Markup.number(lx + 14), "y": "51"], text: text)
        lx += 24 + Double(text.count) * 7
      }
    }
  }

  /// Depth rows drawn in an icicle.
  static let icicleRows = 8

  /// An icicle of one page's reply tree: top-level comments side by side,
  /// each reply under its parent, widths by the comments below, colours
  /// by drift. Cells narrower than half a unit are left out, so a page of
  /// any size draws at most a few thousand cells.
  static func icicle(_ m: inout Markup, id: String, _ shape: ThreadShape) {
    let rowH = 14.0
    let rows = min(shape.maxDepth + 1, icicleRows)
    let height = Double(rows) * rowH + 2
    let total = Double(shape.count)
    var x = [Double](repeating: 0, count: shape.count)
    var nextChild = [Double](repeating: 0, count: shape.count)
    var offset = 0.0
    let longest = shape.longestThread
    let description =
      "\(shape.count) comments, \(shape.parents.count { $0 >= 0 }) replies, \(shape.maxDepth + 1) levels deep"
      + (longest.map { "; the longest thread starts at comment \($0) with \(shape.sizes[$0]) comments" } ?? "") + "."
    svg(&m, id: id, height: height, title: "Reply tree of \(shape.title.isEmpty ? shape.source : shape.title)", description: description) { m in
      for i in 0..<shape.count {
        let w = Double(shape.sizes[i]) / total * width
        let p = Int(shape.parents[i])
        if p < 0 {
          x[i] = offset
          offset += w
        } else {
          x[i] = nextChild[p]
          nextChild[p] += w
        }
        nextChild[i] = x[i]
        let depth = Int(shape.depths[i])
        guard depth < rows, w >= 0.5 else { continue }
        let drift = shape.drifts[i]
        let level = drift.isNaN ? "qn" : "q\(min(4, Int(drift * 5)))"
        m.empty("rect", ["class": level, "x": Markup.number(x[i]), "y": Markup.number(1 + Double(depth) * rowH), "width": Markup.number(max(w - 0.3, 0.4)), "height": Markup.number(rowH - 1)])
      }
    }
  }

  /// A small line of one page's mean drift by depth, on the same 0-1 scale
  /// as the corpus curve.
  static func sparkline(_ m: inout Markup, id: String, _ points: [DriftPoint], title: String) {
    let height = 70.0
    let (left, top, bottom) = (30.0, 6.0, 18.0)
    let used = points.filter { $0.meanDrift != nil }
    let span = Double(max(points.count - 1, 1))
    let x = { (b: Int) in left + Double(b) / span * (width - left - 10) }
    let y = { (v: Double) in top + (1 - v) * (height - top - bottom) }
    let description =
      used.isEmpty
      ? "No comment could be scored."
      : "Mean drift by depth: "
        + used.map { "depth \($0.bucket) \(NumberText.fixed($0.meanDrift, 2)) (\($0.scored) comments)" }
        .joined(separator: "; ") + "."
    svg(&m, id: id, height: height, title: title, description: description) { m in
      for tick in [0.0, 1.0] {
        m.empty("line", ["class": "grid", "x1": Markup.number(left), "x2": Markup.number(width - 10), "y1": Markup.number(y(tick)), "y2": Markup.number(y(tick))])
        m.element("text", ["class": "tick", "x": Markup.number(left - 4), "y": Markup.number(y(tick) + 4), "text-anchor": "end"], text: NumberText.fixed(tick, 0))
      }
      for p in points {
        m.element("text", ["class": "tick", "x": Markup.number(x(p.bucket)), "y": Markup.number(height - 4), "text-anchor": "middle"], text: String(p.bucket))
      }
      guard !used.isEmpty else { return }
      m.empty("polyline", ["class": "line", "points": used.map { "\(Markup.number(x($0.bucket))),\(Markup.number(y($0.meanDrift ?? 0)))" }.joined(separator: " ")])
      for p in used {
        m.empty("circle", ["class": "dot", "cx": Markup.number(x(p.bucket)), "cy": Markup.number(y(p.meanDrift ?? 0)), "r": "2.5"])
      }
    }
  }

  /// `s` cut to `n` characters with an ellipsis.
  static func clip(_ s: String, _ n: Int) -> String {
    s.count <= n ? s : String(s.prefix(n - 1)) + "…"
  }
}
