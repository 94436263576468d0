import TestSupport
import Testing
import Threads

/// The test corpus generator is deterministic and gives distinct pages.
@Suite struct ScrapeCorpusTests {
  @Test func sameSeedSameBytesOtherSeedOtherBytes() {
    let a = ScrapeCorpus.pages(count: 5, seed: 3).map(\.text)
    #expect(a == ScrapeCorpus.pages(count: 5, seed: 3).map(\.text))
    #expect(Set(a).count == 5)
    #expect(Set(a).isDisjoint(with: ScrapeCorpus.pages(count: 5, seed: 4).map(\.text)))
  }
}
