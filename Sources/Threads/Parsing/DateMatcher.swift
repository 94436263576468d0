/// Finds dates in lines: absolute ones ("September 1, 2017", "1 September 2017,
/// 14:54 IST", "2017-09-01", "2011年8月2日") and relative ones ("3 years ago",
/// "2y", "vor 3 Jahren").
enum DateMatcher {
  /// What a line says about time.
  struct Match: Equatable {
    /// The calendar day, when the text names one.
    var date: CalendarDate?
    /// True when the text is relative ("3 years ago").
    var relative: Bool
  }

  /// Month names (and their usual abbreviations) in the languages the parser reads.
  static let months: [String: Int] = {
    var m: [String: Int] = [:]
    let tables: [[String]] = [
      ["january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december"],
      ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
       "oktober", "november", "dezember"],
      ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
       "octobre", "novembre", "décembre"],
      ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
       "octubre", "noviembre", "diciembre"],
      ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
       "settembre", "ottobre", "novembre", "dicembre"],
      ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
       "outubro", "novembro", "dezembro"],
      ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
       "oktober", "november", "december"],
      // Russian: genitive (as dates print them, "5 мая 2019"), then nominative.
      ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
       "октября", "ноября", "декабря"],
      ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
       "октябрь", "ноябрь", "декабрь"],
    ]
    for table in tables {
      for (i, name) in table.enumerated() where m[name] == nil { m[name] = i + 1 }
    }
    for (i, abbr) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
      .enumerated()
    {
      m[abbr] = i + 1
    }
    m["sept"] = 9
    return m
  }()

  /// Words that may stand around a date on a date line without making it prose.
  static let filler: Set<String> = [
    "at", "on", "um", "à", "a", "às", "alle", "om", "de", "del", "of", "the", "posted", "edited",
    "am", "pm", "a.m.", "p.m.", "ist", "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest",
    "bst", "msk", "et", "pt", "h", "min", "uhr", "le", "el", "der", "updated", "published", "|", "•",
    "·", "-", "–", "—", "/", ",", "@", "в", "г.", "г", "las", "kl.", "klo",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
  ]

  static let relativeUnits: Set<String> = [
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year",
    "years", "yr", "yrs",
    "sekunde", "sekunden", "minute", "minuten", "stunde", "stunden", "tag", "tagen", "woche",
    "wochen", "monat", "monaten", "jahr", "jahren",
    "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an",
    "ans", "année", "années",
    "segundo", "segundos", "minuto", "minutos", "hora", "horas", "día", "días", "semana",
    "semanas", "mes", "meses", "año", "años",
    "dia", "dias", "mês", "ano", "anos",
    "secondo", "secondi", "ora", "ore", "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "anno",
    "anni", "minuti",
    "seconden", "minuut", "uur", "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren",
    "секунду", "секунды", "секунд", "минуту", "минуты", "минут", "час", "часа", "часов", "день", "дня",
    "дней", "неделю", "недели", "недель", "месяц", "месяца", "месяцев", "год", "года", "лет",
  ]

  /// Short forms: "2y", "5h", "3d", "1w", "10m", "4mo".
  static let shortUnits: Set<String> = ["s", "m", "h", "d", "w", "y", "mo", "min", "hr", "yr", "wk"]

  static let relativeWords: Set<String> = [
    "ago", "vor", "il", "y", "a", "hace", "fa", "geleden", "just", "now", "yesterday", "today",
    "an", "a", "one", "few", "about", "over", "almost", "•", "·", "edited", "gestern", "heute",
    "hier", "ayer", "hoy", "ieri", "oggi", "gisteren", "vandaag",
  ]

  /// False for a word that no date line can hold: ASCII letters only, none of
  /// the month, unit, filler and relative words above, and not made of the
  /// letters of "am" / "pm" alone (which CJK times allow). `lineDate` turns
  /// away every line holding such a word, so a search for date words can
  /// stop at one without asking it.
  static func mayBeInDate(_ word: String) -> Bool {
    guard word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return true }
    if word.utf8.allSatisfy({ $0 == UInt8(ascii: "a") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "p") }) {
      return true
    }
    return months[word] != nil || relativeUnits.contains(word) || relativeWords.contains(word) || filler.contains(word)
      || shortUnits.contains(word) || datelessWords.contains(word)
  }

  /// Words `lineDate` reads beside the lists above.
  private static let datelessWords: Set<String> = [
    "ago", "vor", "hace", "fa", "geleden", "just", "now", "yesterday", "today", "a", "an", "one", "de", "edited",
    "moment",
  ]

  /// Whole-line reading: the line is a date line (a comment header) when it
  /// holds a date and nothing but filler around it.
  static func lineDate(_ key: String) -> Match? {
    // Every date and relative date holds a digit, but for a few words; date
    // lines are short.
    guard key.utf8.count <= 72, key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) || relativeWithoutDigits(key) else { return nil }
    if let d = cjkDate(key), cjkRestIsFiller(key) { return Match(date: d, relative: false) }
    if let rel = relativeLine(key) { return rel }
    let words = tokens(key)
    guard !words.isEmpty, words.count <= 12 else { return nil }
    if dayAtTime(words) { return Match(date: nil, relative: true) }
    guard let (date, used) = absolute(in: words) else {
      return yearless(words) ? Match(date: nil, relative: false) : nil
    }
    for (i, w) in words.enumerated() where !used.contains(i) {
      // A number of five digits or more is a user id, not part of the date.
      if filler.contains(w) || isClock(w) || isNumber(w) && w.utf8.count <= 4 || isPostNumber(w) { continue }
      return nil
    }
    return Match(date: date, relative: false)
  }

  /// The first absolute date anywhere in a line (for datelines such as
  /// "News Desk 1 September 2017, 14:54 IST").
  static func firstDate(in key: String) -> CalendarDate? {
    if let d = cjkDate(key) { return d }
    // Every absolute date holds an ASCII digit (a day, a year, an ISO date).
    guard key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return absolute(in: tokens(key))?.0
  }

  /// A date without its year, or with a two-digit one: "Jun 21", "21 Jun",
  /// "Mar '24", "5. März". It names no calendar day the parser can trust.
  static func shortDate(_ words: [String]) -> Bool {
    guard words.count == 2 else { return false }
    func month(_ w: String) -> Bool { months[w.utf8.last == UInt8(ascii: ".") ? String(w.dropLast()) : w] != nil }
    func shortYear(_ w: String) -> Bool {
      let u = Array(w.utf8)
      // "'24" or "’24" (U+2019 is three bytes).
      let digits = u.count == 3 && u[0] == UInt8(ascii: "'") ? u[1...] : u.count == 5 && u[0] == 0xE2 ? u[3...] : []
      return digits.count == 2 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    if month(words[0]) { return dayNumber(words[1]) != nil || shortYear(words[1]) }
    return month(words[1]) && dayNumber(words[0]) != nil
  }

  /// A date without its year among filler: "Tuesday, March 3 at 4:12 pm",
  /// "Monday July 23, @08:25PM", "5 мая в 12:30", as well as the bare
  /// `shortDate`. Like `shortDate`, it names no calendar day.
  static func yearless(_ words: [String]) -> Bool {
    if shortDate(words) { return true }
    guard words.count >= 3, words.count <= 8 else { return false }
    for i in words.indices.dropLast() where shortDate([words[i], words[i + 1]]) {
      return words.indices.allSatisfy { j in
        // "7 Aug 12 at 11:21 pm": a two-digit year after the day and month.
        j == i || j == i + 1 || filler.contains(words[j]) || isClock(words[j])
          || j == i + 2 && words[j].utf8.count == 2 && isNumber(words[j])
      }
    }
    return false
  }

  /// A day named relative to today, or a weekday, then the time of day:
  /// "yesterday at 10:21 pm", "today at 9:05 am", "monday at 3:00 pm",
  /// "вчера в 12:30", "gestern um 14:05". Relative: no calendar day.
  static func dayAtTime(_ words: [String]) -> Bool {
    guard words.count >= 2, words.count <= 5, relativeDays.contains(words[0]) || weekdays.contains(words[0]) else {
      return false
    }
    var clock = false
    for w in words.dropFirst() {
      if isClock(w) { clock = true; continue }
      guard filler.contains(w) else { return false }
    }
    return clock
  }

  static let relativeDays: Set<String> = [
    "yesterday", "today", "gestern", "heute", "hier", "aujourd'hui", "ayer", "hoy", "ontem", "hoje", "ieri",
    "oggi", "gisteren", "vandaag", "вчера", "сегодня", "позавчера",
  ]

  static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  /// "JUNE 2021", "March 2019": a month and a year alone.
  static func isMonthYear(_ key: String) -> Bool {
    let words = tokens(key)
    return words.count == 2 && months[words[0]] != nil && year(words[1]) != nil
  }

  // MARK: - Absolute dates

  /// Splits a key into words and punctuation-free tokens ("1," -> "1", ",").
  static func tokens(_ key: String) -> [String] {
    var out: [String] = []
    for raw in key.spaceSeparated {
      var w = raw
      var commas = 0
      while w.utf8.last == UInt8(ascii: ",") {
        commas += 1
        w = Substring(w.utf8.dropLast())
      }
      if !w.isEmpty { out.append(String(w)) }
      for _ in 0..<commas { out.append(",") }
    }
    // "at 4:12 pm.": a date line may end a sentence.
    if let last = out.last, last.utf8.count > 1, last.utf8.last == UInt8(ascii: "."), months[last] == nil {
      let bare = String(last.dropLast())
      if filler.contains(bare) || isClock(bare) || year(bare) != nil { out[out.count - 1] = bare }
    }
    return out
  }

  /// Finds month-name dates (both orders) and ISO dates in a token list.
  static func absolute(in words: [String]) -> (CalendarDate, Set<Int>)? {
    for i in words.indices {
      let w = words[i]
      // ISO and numeric dates hold digits; most words skip their parsers.
      if w.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let iso = isoDate(w) ?? numericDate(w) { return (iso, [i]) }
      guard let month = months[w.utf8.last == UInt8(ascii: ".") ? String(w.dropLast()) : w] else { continue }
      // Month Day, Year: "september 1 , 2017"
      if i + 1 < words.count, let day = dayNumber(words[i + 1]) {
        var j = i + 2
        if j < words.count, words[j] == "," { j += 1 }
        if j < words.count, let y = year(words[j]), let d = CalendarDate(year: y, month: month, day: day) {
          return (d, Set(i...j))
        }
      }
      // Day Month Year: "1 september 2017", "1. september 2017", "1 de septiembre de 2017"
      var k = i - 1
      if k >= 0, words[k] == "de" { k -= 1 }
      if k >= 0, let day = dayNumber(words[k]) {
        var j = i + 1
        if j < words.count, words[j] == "de" || words[j] == "," { j += 1 }
        if j < words.count, let y = year(words[j]), let d = CalendarDate(year: y, month: month, day: day) {
          return (d, Set(k...j))
        }
      }
    }
    return nil
  }

  static func dayNumber(_ w: String) -> Int? {
    var s = Substring(w)
    if s.hasSuffix(".") { s = s.dropLast() }
    for suffix in ["st", "nd", "rd", "th", "er"] where s.hasSuffix(suffix) {
      s = s.dropLast(suffix.count)
      break
    }
    guard (1...2).contains(s.count), let v = Int(s), (1...31).contains(v) else { return nil }
    return v
  }

  static func year(_ w: String) -> Int? {
    guard w.utf8.count == 4, let v = Int(w), (1900...2100).contains(v) else { return nil }
    return v
  }

  /// "2017-09-01", "2017/09/01", optionally with "T..." time.
  static func isoDate(_ w: String) -> CalendarDate? {
    let b = Array(w.utf8)
    guard b.count >= 10, b[4] == b[7], b[4] == 0x2D || b[4] == 0x2F else { return nil }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
    if b.count > 10, b[10] != 0x54, b[10] != 0x20 { return nil }
    return CalendarDate(year: y, month: m, day: d)
  }

  /// "12.03.2019" (day first), "25/12/2019" (day first when it must be),
  /// "3/12/2019" (month first when ambiguous, as English-language sites print it),
  /// with a two- or four-digit year.
  static func numericDate(_ w: String) -> CalendarDate? {
    let parts = w.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
    guard parts.count == 3, parts.allSatisfy({ isNumber($0) && $0.utf8.count <= 4 }),
      let a = Int(parts[0]), let b = Int(parts[1]), var y = Int(parts[2]),
      parts[0].utf8.count <= 2, parts[1].utf8.count <= 2, parts[2].utf8.count == 2 || parts[2].utf8.count == 4
    else { return nil }
    if parts[2].utf8.count == 2 { y += y < 70 ? 2000 : 1900 }
    // Dots and dashes are read day first, unless the second number cannot be a
    // month ("07.15.12": month first, as some US sites print it).
    let dayFirst = (w.contains(".") || w.contains("-")) && b <= 12 || a > 12
    return dayFirst ? CalendarDate(year: y, month: b, day: a) : CalendarDate(year: y, month: a, day: b)
  }

  static func isClock(_ w: String) -> Bool {
    // "4:12", "14:54", "4:12pm", "下午3:14", "(edited)"
    var digits = 0
    var colon = false
    for s in w.unicodeScalars {
      if s.value >= 0x30 && s.value <= 0x39 { digits += 1 } else if s == ":" { colon = true }
    }
    if colon && digits >= 2 || w == "(edited)" { return true }
    // "8.03", "16.17": hours and minutes with a dot (The Guardian, German sites).
    let parts = w.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else {
      return false
    }
    return h <= 23 && m <= 59
  }

  /// "5 мая в 12:30 Ответить 7", "3 days ago · Reply": a date, then a
  /// footer's action words ("Reply", "Like") and counts. The date is the
  /// comment's, printed on the action bar under its text. Nil unless an
  /// action word follows the date.
  static func datedActionBar(_ key: String) -> Match? {
    guard key.utf8.count <= 90, key.hasByte(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    var words = key.split(separator: " ")
    guard words.count >= 2 else { return nil }
    var action = false
    while let last = words.last {
      // Keys of longer non-ASCII lines keep their case ("Ответить").
      let w = last.utf8.first.map { $0 >= 0x80 } == true ? last.lowercased() : String(last)
      if Widgets.actionWords.contains(w) {
        action = action || Widgets.replyWords.contains(w) || w == "like" || w == "share"
      } else if !(isNumber(w) || w == "·" || w == "•" || w == "|") {
        break
      }
      words.removeLast()
    }
    guard action, !words.isEmpty, words.count <= 8 else { return nil }
    let rest = words.joined(separator: " ")
    guard let m = lineDate(rest), m.date != nil || m.relative || rest.utf8.count >= 5 else { return nil }
    return m
  }

  /// "#12": the post's number in a forum thread, printed beside its date.
  static func isPostNumber(_ w: String) -> Bool {
    let u = w.utf8
    return u.count >= 2 && u.count <= 6 && u.first == UInt8(ascii: "#") && u.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  static func isNumber(_ w: String) -> Bool { !w.isEmpty && w.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  // MARK: - Relative dates

  /// "3 years ago", "• 3 years ago", "a year ago", "2y", "5 h", "vor 3 jahren",
  /// "il y a 3 ans", "hace 3 años", "3天前", "just now", "yesterday".
  static func relativeLine(_ key: String) -> Match? {
    if cjkRelative(key) { return Match(date: nil, relative: true) }
    let words = key.spaceSeparated.map(String.init).filter { $0 != "•" && $0 != "·" && $0 != "-" }
    guard !words.isEmpty, words.count <= 6 else { return nil }
    if words == ["just", "now"] || words == ["yesterday"] || words == ["today"] || words == ["только", "что"]
      || words == ["a", "moment", "ago"]
    {
      return Match(date: nil, relative: true)
    }
    // "минуту назад", "час назад": Russian counts one with the unit alone.
    if words.count == 2, words[1] == "назад", relativeUnits.contains(words[0]) { return Match(date: nil, relative: true) }
    if words.count == 1 {
      return shortRelative(words[0]) ? Match(date: nil, relative: true) : nil
    }
    var sawUnit = false
    var sawCount = false
    var sawNumber = false
    var sawAgo = false
    for (k, w) in words.enumerated() {
      let bare = w.hasSuffix(",") ? String(w.dropLast()) : w
      // "an" is a unit in French ("il y a 1 an") and a count in English ("an hour ago").
      let countWord = bare == "an" && !sawCount && k + 1 < words.count && relativeUnits.contains(words[k + 1])
      if relativeUnits.contains(bare) && !countWord {
        sawUnit = true
      } else if isNumber(bare) || bare == "a" || bare == "an" || bare == "one" {
        // "1024 2 hours ago" is a name and a date, not one date.
        if sawNumber, isNumber(bare) { return nil }
        sawNumber = sawNumber || isNumber(bare)
        sawCount = true
      } else if bare == "ago" || bare == "vor" || bare == "hace" || bare == "fa" || bare == "geleden" || bare == "há"
        || bare == "назад"
      {
        sawAgo = true
      } else if relativeWords.contains(bare) || bare == "(edited)" || bare == "edited" {
        continue
      } else {
        return nil
      }
    }
    return sawUnit && sawCount && (sawAgo || words.contains("y")) ? Match(date: nil, relative: true) : nil
  }

  /// "a year ago", "yesterday", "刚刚": relative dates spelled without digits.
  static func relativeWithoutDigits(_ key: String) -> Bool {
    key.utf8.count <= 40
      && (key.hasSuffix("ago") || key.hasPrefix("vor ") || key.hasPrefix("il y a") || key.hasPrefix("hace ")
        || key.hasSuffix("yesterday") || key.hasSuffix("today") || key.hasSuffix("just now") || key == "刚刚"
        || key.hasSuffix("前") || key.hasSuffix("geleden") || key.hasSuffix(" fa") || key.hasPrefix("há ")
        || key.hasSuffix(" назад") || key == "только что")
  }

  /// "2y", "5h", "10m", "3d", "1w", "4mo".
  static func shortRelative(_ w: String) -> Bool {
    let digits = w.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 3 else { return false }
    return shortUnits.contains(String(w.dropFirst(digits.count)))
  }

  // MARK: - CJK

  /// "2011年8月2日" anywhere in the key.
  static func cjkDate(_ key: String) -> CalendarDate? {
    // Every such date holds "年": other keys skip the scalar walk.
    guard key.containsBytes("年") else { return nil }
    let scalars = Array(key.unicodeScalars)
    var i = 0
    while i < scalars.count {
      guard let (y, a) = number(scalars, i), a < scalars.count, scalars[a] == "年",
        let (m, b) = number(scalars, a + 1), b < scalars.count, scalars[b] == "月",
        let (d, c) = number(scalars, b + 1), c < scalars.count, scalars[c] == "日"
      else {
        i += 1
        continue
      }
      return CalendarDate(year: y, month: m, day: d)
    }
    return nil
  }

  static func number(_ s: [Unicode.Scalar], _ start: Int) -> (Int, Int)? {
    var i = start
    var v = 0
    while i < s.count, s[i].value >= 0x30, s[i].value <= 0x39, i - start < 4 {
      v = v * 10 + Int(s[i].value - 0x30)
      i += 1
    }
    return i > start ? (v, i) : nil
  }

  /// Everything but the date itself is a time, "上午/下午" or punctuation.
  static func cjkRestIsFiller(_ key: String) -> Bool {
    for s in key.unicodeScalars {
      switch s {
      case "0"..."9", "年", "月", "日", "上", "下", "午", "晚", "早", "点", "分", "时", ":", " ", "-", "(", ")",
        "周", "星", "期", "一", "二", "三", "四", "五", "六", "天", "a", "m", "p", ".":
        continue
      default: return false
      }
    }
    return true
  }

  /// "3天前", "5小时前", "2 年前", "刚刚"; "• 1 年前" after a spacer.
  static func cjkRelative(_ key: String) -> Bool {
    var key = Substring(key)
    if key.hasPrefix("• ") || key.hasPrefix("· ") { key = key.dropFirst(2) }
    if key == "刚刚" { return true }
    guard key.hasSuffix("前"), key.unicodeScalars.count <= 8 else { return false }
    let body = key.dropLast()
    var digits = 0
    for s in body.unicodeScalars {
      if s.value >= 0x30 && s.value <= 0x39 { digits += 1; continue }
      if "秒分钟小时天周个月年時間日週か ".unicodeScalars.contains(s) { continue }
      return false
    }
    return digits > 0
  }
}
