/// Two small WordPress pages whose every count was worked out by hand, so
/// tests can hold the outputs to numbers that do not come from the code.
///
/// The threads, as written:
///
///     bridge.txt (article dated 2019-03-02, 40 words: site name, byline and two paragraphs)
///       0 Ann Lee    2019-03-03  11 words
///       1 Bob Stone  2019-03-04  11 words  reply to 0 ("In reply to Ann Lee.")
///       2 Ann Lee    2019-03-05  10 words  reply to 1
///       3 Cy Park    2019-03-06   8 words  shares no term with the article
///     market.txt (article dated 2019-04-10, 39 words)
///       0 BOB STONE  2019-04-11  11 words  (the same author as "Bob Stone")
///       1 Ann Lee    2019-04-12  11 words  reply to 0
///
/// Worked out from that: 6 comments; Ann Lee 3 (share 1/2, 32 words, 2 replies
/// sent, 1 received), Bob Stone 2 (share 1/3, 22 words, 1 sent, 2 received),
/// Cy Park 1 (share 1/6, 8 words); bridge.txt has 2 replies and depth 2,
/// market.txt 1 reply and depth 1.
///
/// Drift terms (English stop words dropped, Snowball stems), counted by hand:
/// bridge.txt's comments have 21 terms and its article (title included) 26;
/// market.txt's 11 and 26. So for the corpus (terms.csv) n_comments = 32,
/// n_articles = 52 and the prior total a0 = 84; "boot" (boots, Boots) occurs
/// 2 times in comments and never in an article, "bridg" 1 and 2 times.
public enum HandCorpus {
  /// The pages by file name, in path order.
  public static let pages: [(name: String, text: String)] = [("bridge.txt", bridge), ("market.txt", market)]

  public static let bridge = """
    Millbrook Gazette

    Bridge Repairs Start Monday

    Posted on March 2, 2019 by Ruth Kane

    The council will close the river bridge for six weeks while the deck is replaced.

    Buses will divert through the north road and the ferry will run every twenty minutes.

    4 Responses to “Bridge Repairs Start Monday”

    Ann Lee says:
    March 3, 2019 at 9:00 am

    Six weeks is far too long for a bridge this small.

    Reply

    Bob Stone says:
    March 4, 2019 at 10:00 am

    In reply to Ann Lee.

    The deck is rotten, so six weeks sounds fair to me.

    Reply

    Ann Lee says:
    March 5, 2019 at 11:00 am

    In reply to Bob Stone.

    Fair or not, the ferry cannot carry the morning traffic.

    Reply

    Cy Park says:
    March 6, 2019 at 8:00 am

    Will the footpath stay open during the works?

    Reply

    Leave a Reply

    """

  public static let market = """
    Millbrook Gazette

    Market Hall Gets New Roof

    Posted on April 10, 2019 by Ruth Kane

    The market hall roof will be replaced over the summer, the council said on Tuesday.

    Traders will move to the car park until the work is done in September.

    2 Responses to “Market Hall Gets New Roof”

    BOB STONE says:
    April 11, 2019 at 7:30 am

    The car park floods every time it rains, so bring boots.

    Reply

    Ann Lee says:
    April 12, 2019 at 6:15 pm

    In reply to BOB STONE.

    Boots and an umbrella, the stalls have no cover at all.

    Reply

    """

  /// Fightin' Words (Monroe et al. 2008, eq. 16 and 18; the prior's counts
  /// used as Dirichlet parameters, comments + articles as the prior), by hand:
  ///
  ///     delta = ln((yF + a) / (nF + a0 - yF - a)) - ln((yR + a) / (nR + a0 - yR - a))
  ///     z = delta / sqrt(1 / (yF + a) + 1 / (yR + a))
  ///
  /// "boot" in the corpus: ln(4 / 112) - ln(2 / 134) = 0.872488109, over sqrt(1/4 + 1/2).
  public static let boot = (delta: 0.8724881092157619, z: 1.0074624894409356)
  /// "bridg" in the corpus: ln(4 / 112) - ln(5 / 131), over sqrt(1/4 + 1/5).
  public static let bridg = (delta: -0.06644509940815269, z: -0.0990505060322403)
  /// "fair" on bridge.txt alone (nF 21, nR 26, a0 47): ln(4 / 64) - ln(2 / 71), over sqrt(1/4 + 1/2).
  public static let fairOnBridge = (delta: 0.7969439742415889, z: 0.9202316361148631)
}
