import Testing
import Threads

@testable import Metrics

/// SHA-256 and HMAC against the published test vectors, and pseudonyms in
/// names and texts.
@Suite struct PseudonymTests {
  private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  @Test func sha256MatchesFIPSVectors() {
    #expect(SHA256.hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(SHA256.hash(bytes("abc"))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // Two blocks.
    #expect(
      SHA256.hex(SHA256.hash(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func hmacMatchesRFC4231() {
    // Test case 1.
    #expect(
      SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0x0b, count: 20), bytes("Hi There")))
        == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    // Test case 6: a key longer than a block is hashed first.
    #expect(
      SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First")))
        == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  @Test func pseudonymsAreKeyedAndFollowTheNormalisedName() throws {
    let a = try Pseudonyms(key: [UInt8](repeating: 1, count: 32))
    let b = try Pseudonyms(key: [UInt8](repeating: 2, count: 32))
    let p = a.pseudonym("Ann Lee")
    #expect(p.hasPrefix("u_") && p.utf8.count == 14)
    #expect(p.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
    #expect(a.pseudonym("  ann   LEE ") == p)
    #expect(b.pseudonym("Ann Lee") != p)
    #expect(a.pseudonym("Ann Lea") != p)
    #expect(a.fingerprint != b.fingerprint)
    #expect(throws: Pseudonyms.KeyError.self) { try Pseudonyms(key: [1, 2, 3]) }
  }

  @Test func namesInTextsAreReplacedAsWholeWords() {
    let r = NameReplacer(["Ann": "u_1", "Ann Lee": "u_2", "@pipe_dreams": "u_3"])
    #expect(r.replace("Ann Lee wrote to ann, not Annabel.") == "u_2 wrote to u_1, not Annabel.")
    #expect(r.replace("@Ann thanks; @pipe_dreams too") == "@u_1 thanks; @u_3 too")
    #expect(r.replace("Reply to Ann Lee") == "Reply to u_2")
    #expect(r.replace("nothing here") == "nothing here")
    #expect(NameReplacer(["Zoë Weiß": "u_4"]).replace("Zoë Weiß: ja") == "u_4: ja")
  }

  @Test func discussionKeepsItsShapeWithNamesReplaced() throws {
    let page = """
      Ferry timetable changes

      The harbour board met on Monday.

      Comments

      Ann Lee says:
      March 1, 2024 at 10:00 am
      The ferry is late again.
      Reply

      Bob Stone says:
      March 1, 2024 at 11:00 am
      @Ann Lee it was on time for me, Ann.
      Reply
      """
    let d = Discussion(parsing: Array(page.utf8), source: "p.txt")
    try #require(d.comments.count == 2)
    let p = try Pseudonyms(key: [UInt8](repeating: 7, count: 16))
    let out = p.apply(to: d)
    #expect(out.comments.map(\.author) == [p.pseudonym("Ann Lee"), p.pseudonym("Bob Stone")])
    #expect(out.comments.map(\.parent) == d.comments.map(\.parent))
    #expect(out.comments[1].text == "@\(p.pseudonym("Ann Lee")) it was on time for me, Ann.")
    // A name the parser quotes in a finding is replaced there and in the texts.
    var quoted = d
    quoted.diagnostics = [ParseDiagnostic(line: 12, message: "reply marker names \"Cy Park\", who wrote no earlier comment")]
    quoted.comments[0].text = "Cy Park agrees."
    let hidden = p.apply(to: quoted)
    #expect(hidden.diagnostics[0].message == "reply marker names \"\(p.pseudonym("Cy Park"))\", who wrote no earlier comment")
    #expect(hidden.comments[0].text == "\(p.pseudonym("Cy Park")) agrees.")
  }
}
