import Testing

@testable import Threads

/// Lines that widgets print around a comment's text rather than in it: an
/// expander in the page's language after a cut body ("… Ver más", "Читать
/// дальше", "Read the rest of this comment..."), the placeholder of the
/// comment box above the first comment ("Agrega un comentario..."), and
/// localised "NAME said..." headers whose name is a numeric user id. Each
/// page is written by hand in the shape of its class; every one was read
/// wrongly before (the cut missed, the expander kept as text, or the first
/// comment merged into the prompt). Numeric user ids where the names stand
/// open comments too, under the opener and over a badge.
@Suite("Expanders after cut bodies, comment-box prompts, localised 'said...' headers")
struct ExpanderAndPromptTests {
  func parse(_ text: String) -> Discussion { Discussion(parsing: text, source: "t") }

  static let article = """
    Night Buses Return to the Valley Route

    From the first of the month the valley route runs a night bus every forty minutes after midnight, the council said on Tuesday, after a winter of complaints from shift workers at the hospital.

    """

  static let names = ["Marta Quintero", "Jon Ibarra", "Lucía Ferrer", "Pablo Ortiz"]

  /// A page in the action-bar layout: name, text lines, "Me gusta · Responder · 3 · 2 a".
  func page(prompt: String? = nil, _ comments: [(String, [String])]) -> Discussion {
    var text = Self.article + "\(comments.count) comentarios\n\n"
    if let prompt { text += prompt + "\n\n" }
    for (i, (name, lines)) in comments.enumerated() {
      text += ([name] + lines + ["Me gusta · Responder · \(i + 1) · 2 a"]).joined(separator: "\n") + "\n\n"
    }
    return parse(text)
  }

  @Test("an ellipsis and a localised expander at the end of the text line: the body was cut")
  func ellipsisThenExpander() {
    let d = page([
      (Self.names[0], ["El autobús de la noche llega tarde casi siempre y los conductores... Ver más"]),
      (Self.names[1], ["Por fin una buena noticia para el barrio."]),
      (Self.names[2], ["Следующий автобус в два часа ночи, а это уже поздно для… Читать дальше"]),
      (Self.names[3], ["Gracias por la información."]),
    ])
    #expect(d.comments.map(\.author) == Self.names)
    #expect(d.comments.map(\.truncated) == [true, false, true, false])
    #expect(d.comments[0].text == "El autobús de la noche llega tarde casi siempre y los conductores")
    #expect(!d.comments[2].text.contains("Читать"))
  }

  @Test("a localised expander on its own line: cut after an ellipsis, only an expander under a whole body")
  func expanderLine() {
    let d = page([
      (Self.names[0], ["Следующий автобус в два часа ночи, а это уже поздно для…", "Читать дальше"]),
      (Self.names[1], ["Хорошая новость для больницы.", "Читать дальше"]),
      (Self.names[2], ["Por fin una buena noticia para el barrio."]),
    ])
    #expect(d.comments.map(\.author) == Array(Self.names.prefix(3)))
    #expect(d.comments.map(\.truncated) == [true, false, false])
    #expect(d.comments[1].text == "Хорошая новость для больницы.")
  }

  @Test("'Read the rest of this comment...' under a cut body is no text and marks the cut")
  func readTheRest() {
    let d = page([
      (Self.names[0], ["The night bus is fine but the stop by the river has no light at all and...", "Read the rest of this comment..."]),
      (Self.names[1], ["Good to hear it."]),
    ])
    #expect(d.comments.map(\.truncated) == [true, false])
    #expect(!d.comments[0].text.contains("Read the rest"))
  }

  @Test("the comment box's placeholder above the first comment is no comment", arguments: [
    "Agrega un comentario...", "Schreibe einen Kommentar ...", "添加评论...", "Type here to comment…",
  ])
  func commentPrompt(_ prompt: String) {
    let d = page(prompt: prompt, [
      (Self.names[0], ["Por fin una buena noticia para el barrio."]),
      (Self.names[1], ["Gracias por la información."]),
      (Self.names[2], ["Ya era hora, la verdad."]),
    ])
    #expect(d.comments.map(\.author) == Array(Self.names.prefix(3)))
    #expect(d.comments[0].text == "Por fin una buena noticia para el barrio.")
  }

  @Test("a prompt is neither a count of more comments nor an author line")
  func promptShape() {
    #expect(Widgets.isCommentPrompt("agrega un comentario..."))
    #expect(!Widgets.isCommentPrompt("3 more comments..."))
    #expect(!Widgets.isCommentPrompt("匿名 さんのコメント..."))
    #expect(!Widgets.isCommentPrompt("read the rest of this comment..."))
  }

  @Test("numeric user ids in the name slot: the first one under the opener, one over a badge")
  func numericIDs() {
    var text = Self.article + "3 Comments\nSort by Top\nAdd a comment...\n\n"
    text += "13104587\nThe night bus was the one thing the valley lacked.\nLike · Reply · 8 · 3y\n\n"
    text += "Marta Quintero\nForty minutes is still a long wait in the cold.\nLike · Reply · 2 · 3y\n\n"
    text += "92971078\nTop fan\nGood news for the hospital staff.\nLike · Reply · 3y\n\n"
    let d = parse(text)
    #expect(d.comments.map(\.author) == ["13104587", "Marta Quintero", "92971078"])
    #expect(d.comments.map(\.text) == [
      "The night bus was the one thing the valley lacked.", "Forty minutes is still a long wait in the cold.",
      "Good news for the hospital staff.",
    ])
  }

  @Test("Japanese 'NAME さんのコメント...' headers, a numeric user id among the names")
  func japaneseSaid() {
    let names = ["匿名", "田中", "62970918", "Kenji"]
    let bodies = ["夜のバスは便利です。", "もっと早く始めてほしかった。", "ありがとうございます。", "病院の人たちには助かります。"]
    var text = Self.article + "4 件のコメント:\n\n"
    for (n, b) in zip(names, bodies) {
      text += "\(n) さんのコメント...\n\n\(b)\n\n2022年2月25日 19:10\n\n返信\n\n"
    }
    let d = parse(text)
    #expect(d.comments.map(\.author) == names)
    #expect(d.comments.map(\.text) == bodies)
  }
}
