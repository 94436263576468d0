import Metrics
import Threads

/// One self-contained HTML file of a ``ReportSummary``: drift curves, author
/// volume and concentration, the drift terms, thread shapes, a page table
/// and the parser's diagnostics. Inline SVG and CSS only (no script, no
/// network, system fonts), light and dark colours, a title and a text
/// description on every chart. The page is also well-formed XML (polyglot
/// XHTML), and the same summary always gives the same bytes.
public enum HTMLReport {
  /// Authors drawn in the bar charts.
  public static let authorBars = 20
  /// Authors listed in the table.
  public static let authorRows = 50
  /// Pages listed in the page table; the rest are counted.
  public static let pageRows = ReportSummary.pagesKept
  /// Diagnostic lines listed; the rest are counted.
  public static let diagnosticRows = 500

  /// The report of `summary` under the heading `title`; with `corpus`, a
  /// section on the whole corpus comes first and `summary` is read as the
  /// run's own pages.
  public static func render(_ summary: ReportSummary, title: String, corpus: CorpusFigures? = nil) -> String {
    var m = Markup()
    m.raw("<!DOCTYPE html>\n")
    m.element("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en", "xml:lang": "en"]) { m in
      m.element("head") { m in
        m.empty("meta", ["charset": "utf-8"])
        m.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        m.empty("meta", ["name": "color-scheme", "content": "light dark"])
        m.empty("meta", ["name": "generator", "content": "threadstat \(ThreadstatVersion.current)"])
        m.element("title", text: title)
        m.element("style") { $0.raw(style) }
      }
      m.element("body") { m in
        m.element("header") { m in
          m.element("h1", text: title)
          if corpus != nil { m.element("p", text: "The pages of this run (new and changed), then the whole corpus.") }
          overview(&m, summary)
          m.element("nav") { m in
            for (id, name) in (corpus == nil ? [] : [("corpus", "Corpus")]) + [("drift", "Drift")]
              + (summary.hasAuthors ? [("authors", "Authors")] : []) + [
              ("terms", "Terms"), ("threads", "Threads"),
              ("pages", "Pages"), ("diagnostics", "Diagnostics"),
            ] {
              m.element("a", ["href": "#\(id)"], text: name)
            }
          }
        }
        m.element("main") { m in
          if let corpus { self.corpus(&m, corpus) }
          drift(&m, summary)
          if summary.hasAuthors { authors(&m, summary) }
          terms(&m, summary)
          threads(&m, summary)
          pages(&m, summary)
          diagnostics(&m, summary)
        }
        m.element("footer") { m in
          m.element("p", text: "Written by threadstat \(ThreadstatVersion.current). Drift is 1 minus the TF-IDF cosine similarity of a comment to its article profile (the article and its five closest comments): 0 stays on the article's words, 1 shares none of them.")
        }
      }
    }
    m.raw("\n")
    return m.text
  }

  // MARK: Sections

  private static func overview(_ m: inout Markup, _ s: ReportSummary) {
    let replies = s.evidence.total
    let named = s.graph.authors.count
    m.element("dl", ["class": "figures"]) { m in
      let authors = s.hasAuthors ? [("named authors", String(named))] : []
      for (term, value) in [("pages", String(s.pageCount)), ("comments", String(s.comments))] + authors + [
        ("replies", String(replies)), ("truncated", percent(s.truncated, of: s.comments)),
        ("pages to check", String(s.flaggedCount)),
      ] {
        m.element("div") { m in
          m.element("dt", text: term)
          m.element("dd", text: value)
        }
      }
    }
  }

  private static func drift(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "drift", "Drift from the article") { m in
      m.element("p", text: "How far the comments' words are from their article's, by depth of reply and by quarter of the thread (page order): the line is the median, the band the middle half of the comments.")
      let depthLabels = (0..<s.byDepth.buckets).map { $0 == s.byDepth.buckets - 1 ? "\($0)+" : String($0) }
      m.element("h3", text: "By depth of reply")
      Charts.curve(&m, id: "drift-depth", s.byDepth, labels: depthLabels, title: "Drift by depth of reply", axis: "depth (0 = top-level comment)")
      let quarterLabels = (0..<s.byPosition.buckets).map { "Q\($0 + 1)" }
      m.element("h3", text: "By quarter of the thread")
      Charts.curve(&m, id: "drift-position", s.byPosition, labels: quarterLabels, title: "Drift by quarter of the thread", axis: "quarter of the thread, in page order")
      curveTable(&m, s.byDepth, labels: depthLabels, heading: "depth", caption: "Drift by depth")
      curveTable(&m, s.byPosition, labels: quarterLabels, heading: "quarter", caption: "Drift by quarter of the thread")
    }
  }

  private static func curveTable(
    _ m: inout Markup, _ d: DriftDistribution, labels: [String], heading: String, caption: String
  ) {
    table(&m, class: "numbers", caption: caption, header: [heading, "comments", "scored", "mean drift", "median", "quartiles"]) { m in
      for b in 0..<d.buckets where d.comments[b] > 0 {
        row(&m, [
          labels[b], String(d.comments[b]), String(d.scored(b)), NumberText.fixed(d.mean(bucket: b)),
          NumberText.fixed(d.quantile(0.5, bucket: b), 2),
          d.scored(b) > 0 ? "\(NumberText.fixed(d.quantile(0.25, bucket: b), 2))–\(NumberText.fixed(d.quantile(0.75, bucket: b), 2))" : "",
        ])
      }
    }
  }

  private static func authors(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "authors", "Who wrote the discussion") { m in
      let authors = s.authorsByComments
      let named = authors.reduce(0) { $0 + $1.comments }
      concentration(&m, s.concentration, authors: authors.count, named: named, comments: s.comments)
      commentBars(&m, id: "authors-comments", authors.prefix(authorBars)) { s.graph.share(of: $0) }
      let words = authors.reduce(0) { $0 + $1.words }
      let byWords = authors.sorted { $0.words != $1.words ? $0.words > $1.words : $0.key < $1.key }.prefix(authorBars).map {
        (label: $0.name, value: Double($0.words), note: "\($0.words) (\(percent($0.words, of: words)))")
      }
      m.element("h3", text: "Top authors by words (share of named authors' words)")
      Charts.bars(&m, id: "authors-words", Array(byWords), title: "Top authors by words",
        description: byWords.isEmpty ? "No named author." : byWords.map { "\($0.label): \($0.note)" }.joined(separator: "; ") + ".")
      table(&m, class: "numbers", caption: "Authors by comments (first \(min(authorRows, authors.count)) of \(authors.count))",
        header: ["author", "comments", "share", "words", "replies sent", "replies received", "mean drift", "pages"]) { m in
        for a in authors.prefix(authorRows) {
          row(&m, [
            a.name, String(a.comments), NumberText.fixed(s.graph.share(of: a)), String(a.words), String(a.repliesSent),
            String(a.repliesReceived), NumberText.fixed(a.meanDrift), String(a.articles),
          ])
        }
      }
    }
  }

  /// The whole corpus, from figures summed elsewhere.
  private static func corpus(_ m: inout Markup, _ c: CorpusFigures) {
    section(&m, "corpus", "The whole corpus") { m in
      m.element("dl", ["class": "figures"]) { m in
        for (term, value) in [("pages", c.pages), ("comments", c.comments), ("named authors", c.authors)] {
          m.element("div") { m in
            m.element("dt", text: term)
            m.element("dd", text: String(value))
          }
        }
      }
      concentration(&m, c.concentration, authors: c.authors, named: nil, comments: c.comments)
      commentBars(&m, id: "corpus-authors", c.topAuthors[...]) { c.share(of: $0) }
      table(&m, class: "numbers", caption: "Corpus authors by comments (first \(c.topAuthors.count) of \(c.authors))",
        header: ["author", "comments", "share", "words", "pages"]) { m in
        for a in c.topAuthors {
          row(&m, [a.name, String(a.comments), NumberText.fixed(c.share(of: a)), String(a.words), String(a.articles)])
        }
      }
      m.element("h3", text: "Words the corpus drifted toward (right) and away from (left)")
      Charts.terms(&m, id: "corpus-terms", c.terms, title: "Corpus drift terms")
    }
  }

  /// The sentence on how concentrated the authors are.
  private static func concentration(_ m: inout Markup, _ c: Concentration?, authors: Int, named: Int?, comments: Int) {
    m.element("p") { m in
      if let named {
        m.text("\(authors) named authors wrote \(named) of the \(comments) comments. ")
      } else {
        m.text("\(authors) named authors. ")
      }
      if let c {
        m.text("The top 10% of authors wrote \(NumberText.fixed(c.topTenthShare * 100, 1))% of the named comments; the Gini coefficient of comments per author is \(NumberText.fixed(c.gini, 3)) (0: all wrote as much; toward 1: one wrote nearly all).")
      }
    }
  }

  /// Bars of the authors' comments, each with its share.
  private static func commentBars(
    _ m: inout Markup, id: String, _ authors: ArraySlice<AuthorStats>, share: (AuthorStats) -> Double
  ) {
    let bars = authors.map {
      (label: $0.name, value: Double($0.comments), note: "\($0.comments) (\(NumberText.fixed(share($0) * 100, 1))%)")
    }
    m.element("h3", text: "Top authors by comments (share of all comments)")
    Charts.bars(&m, id: id, bars, title: "Top authors by comments",
      description: bars.isEmpty ? "No named author." : bars.map { "\($0.label): \($0.note)" }.joined(separator: "; ") + ".")
  }

  private static func terms(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "terms", "Words the discussion drifted toward and away from") { m in
      m.element("p", text: "Fightin' Words z-scores (weighted log-odds with an informative Dirichlet prior) of the comments' words against the articles': right, words the comments used more; left, words of the articles the comments left behind.")
      let terms = s.driftTerms
      m.element("h3", text: "Toward (right) and away (left)")
      Charts.terms(&m, id: "terms", terms, title: "Drift terms")
      table(&m, class: "numbers", caption: "Drift terms", header: ["direction", "word", "stem", "z", "in comments", "in articles"]) { m in
        for (direction, scores) in [("toward", terms.toward), ("away", terms.away)] {
          for t in scores {
            row(&m, [direction, t.word, t.term, NumberText.fixed(t.z, 2), String(t.focusCount), String(t.referenceCount)])
          }
        }
      }
    }
  }

  private static func threads(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "threads", "Thread shapes") { m in
      let e = s.evidence
      m.element("p", text: "How each reply link was found: a reply marker printed by the site, an @mention of an earlier author, a quote of an earlier comment, the nesting of a saved page's markup or an export file, or the page's layout alone (indentation, order). \(percent(s.truncated, of: s.comments)) of the comments are cut short on the page (\"Read more\").")
      m.element("h3", text: "Reply evidence")
      Charts.split(&m, id: "evidence", [
        (label: "marker", count: e.counts[.marker] ?? 0), (label: "mention", count: e.counts[.mention] ?? 0),
        (label: "quote", count: e.counts[.quote] ?? 0), (label: "markup", count: e.counts[.structure] ?? 0),
        (label: "position", count: e.other),
      ], title: "Reply evidence")
      guard !s.shapes.isEmpty else {
        m.element("p", text: "No page has comments.")
        return
      }
      m.element("p", text: "The reply trees of the \(s.shapes.count) largest pages: top-level comments side by side, replies below their parent, widths by the comments in each sub-thread, colour by drift.")
      m.element("p", ["class": "legend"]) { m in
        for (level, name) in [("q0", "drift < 0.2"), ("q1", "0.2–0.4"), ("q2", "0.4–0.6"), ("q3", "0.6–0.8"), ("q4", "≥ 0.8"), ("qn", "no score")] {
          m.element("span", ["class": "swatch \(level)"], text: "")
          m.text(" \(name) ")
        }
      }
      m.element("div", ["class": "shapes"]) { m in
        for (i, shape) in s.shapes.enumerated() {
          m.element("figure") { m in
            m.element("figcaption") { m in
              m.element("strong", text: label(shape.title, shape.source))
              let levels = shape.maxDepth + 1
              let longest = shape.longestThread.map { Int(shape.sizes[$0]) } ?? 0
              m.text(" — \(shape.count) comments, \(levels) \(levels == 1 ? "level" : "levels"), longest thread \(longest) comments")
            }
            Charts.icicle(&m, id: "tree-\(i)", shape)
            Charts.sparkline(&m, id: "tree-\(i)-drift", shape.driftByDepth, title: "Mean drift by depth of \(label(shape.title, shape.source))")
          }
        }
      }
    }
  }

  private static func pages(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "pages", "Pages") { m in
      let shown = s.pages.prefix(pageRows)
      table(&m, class: "numbers", caption: s.pageCount > shown.count ? "The first \(shown.count) of \(s.pageCount) pages" : "\(s.pageCount) pages",
        header: ["page", "layout", "comments", "authors", "replies", "truncated", "depth", "mean drift", "warnings"]) { m in
        for p in shown {
          row(&m, [
            label(p.title, p.source), p.layout, String(p.comments), String(p.authors), String(p.replies),
            String(p.truncated), String(p.maxDepth), NumberText.fixed(p.meanDrift), String(p.diagnostics.count),
          ])
        }
      }
    }
  }

  private static func diagnostics(_ m: inout Markup, _ s: ReportSummary) {
    section(&m, "diagnostics", "What the parser warned about") { m in
      let flagged = s.flagged
      guard !flagged.isEmpty else {
        m.element("p", text: "No warnings: every page was read without doubt.")
        return
      }
      m.element("p", text: "\(s.flaggedCount) of \(s.pageCount) pages gave the parser doubts; their figures deserve a look at the page itself.")
      var listed = 0
      var left = 0
      m.element("ul", ["class": "diagnostics"]) { m in
        for p in flagged {
          let lines = p.comments == 0 ? [(0, "note", "no comments found")] : p.diagnostics.map { ($0.line, $0.severity.rawValue, $0.message) }
          for (line, severity, message) in lines {
            guard listed < diagnosticRows else {
              left += 1
              continue
            }
            listed += 1
            m.element("li") { m in
              m.element("code", text: line > 0 ? "\(p.source):\(line)" : p.source)
              m.text(" \(severity): \(message)")
            }
          }
        }
      }
      let unlisted = s.flaggedCount - flagged.count
      if left > 0 || unlisted > 0 {
        m.element("p", text: "\(left) more findings and \(unlisted) more pages not listed.")
      }
    }
  }

  // MARK: Pieces

  private static func section(_ m: inout Markup, _ id: String, _ heading: String, _ body: (inout Markup) -> Void) {
    m.element("section", ["id": id]) { m in
      m.element("h2", text: heading)
      body(&m)
    }
  }

  private static func table(
    _ m: inout Markup, class name: String, caption: String, header: [String], _ rows: (inout Markup) -> Void
  ) {
    m.element("div", ["class": "scroll"]) { m in
      m.element("table", ["class": name]) { m in
        m.element("caption", text: caption)
        m.element("thead") { m in
          m.element("tr") { m in
            for h in header { m.element("th", ["scope": "col"], text: h) }
          }
        }
        m.element("tbody", [:], rows)
      }
    }
  }

  private static func row(_ m: inout Markup, _ cells: [String]) {
    m.element("tr") { m in
      for cell in cells { m.element("td", text: cell) }
    }
  }

  private static func label(_ title: String, _ source: String) -> String {
    title.isEmpty ? source : title
  }

  private static func percent(_ part: Int, of whole: Int) -> String {
    whole > 0 ? NumberText.fixed(Double(part) / Double(whole) * 100, 1) + "%" : "0%"
  }

  /// Colours for light mode, then dark; system fonts only.
  private static let style = """
    :root{color-scheme:light dark;--fg:#1f2328;--bg:#ffffff;--muted:#59636e;--grid:#d8dee4;--bar:#2f6fb0;--bar2:#c2571a;--band:rgba(47,111,176,.22);--p0:#2f6fb0;--p1:#c2571a;--p2:#4d9a4a;--p3:#7b5ea7;--p4:#8c8c8c;--q0:#2f6fb0;--q1:#7fa9d6;--q2:#e0c36a;--q3:#e48a4b;--q4:#b83c1f;--qn:#c9ced4}
    @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--grid:#30363d;--bar:#5b9be0;--bar2:#e5834d;--band:rgba(91,155,224,.28);--p0:#5b9be0;--p1:#e5834d;--p2:#6cc068;--p3:#a48bd0;--p4:#8b949e;--q0:#5b9be0;--q1:#8fb9e6;--q2:#d8bb5e;--q3:#e5834d;--q4:#f0603c;--qn:#3d444d}}
    body{margin:0 auto;max-width:960px;padding:1rem 1.25rem 3rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
    h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid var(--grid);padding-bottom:.2rem}
    nav a{margin-right:1rem;color:var(--bar)}a{color:var(--bar)}
    dl.figures{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0 1rem}dl.figures div{min-width:7rem}dt{color:var(--muted);font-size:.85rem}dd{margin:0;font-size:1.3rem;font-weight:600}
    svg.chart{display:block;width:100%;height:auto;margin:.75rem 0}
    svg text{fill:var(--fg);font-family:inherit}.tick{font-size:11px;fill:var(--muted)}.axis{font-size:12px}.label{font-size:12px}
    .grid{stroke:var(--grid);stroke-width:1}.axisline{stroke:var(--muted);stroke-width:1}.band{fill:var(--band);stroke:none}.line{fill:none;stroke:var(--bar);stroke-width:2}.dot{fill:var(--bar)}
    .bar{fill:var(--bar)}.bar2{fill:var(--bar2)}.part0{fill:var(--p0)}.part1{fill:var(--p1)}.part2{fill:var(--p2)}.part3{fill:var(--p3)}.part4{fill:var(--p4)}
    .q0{fill:var(--q0);background:var(--q0)}.q1{fill:var(--q1);background:var(--q1)}.q2{fill:var(--q2);background:var(--q2)}.q3{fill:var(--q3);background:var(--q3)}.q4{fill:var(--q4);background:var(--q4)}.qn{fill:var(--qn);background:var(--qn)}
    .swatch{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle}.legend{font-size:.85rem;color:var(--muted)}
    h3{font-size:1rem;margin:1.4rem 0 .2rem}.shapes{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:.5rem 1.5rem}
    figure{margin:.75rem 0}figcaption{font-size:.85rem;color:var(--muted)}figcaption strong{color:var(--fg)}figure svg.chart{margin:.3rem 0}
    .scroll{overflow-x:auto}table{border-collapse:collapse;margin:1rem 0;font-size:.88rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{padding:.2rem .6rem;border-bottom:1px solid var(--grid);text-align:left}table.numbers td:not(:first-child),table.numbers th:not(:first-child){text-align:right}
    ul.diagnostics{font-size:.88rem}code{font-size:.85rem}footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
    """
}
