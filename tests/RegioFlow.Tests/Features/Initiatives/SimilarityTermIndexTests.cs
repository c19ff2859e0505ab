using RegioFlow.Features.Initiatives;

namespace RegioFlow.Tests.Features.Initiatives;

/// <summary>The inverted index ranks exactly as <see cref="InitiativeSimilarity.MostSimilar"/> over the same corpus, also after changes.</summary>
public sealed class SimilarityTermIndexTests
{
    private static readonly string[] Words =
    [
        "techniek", "zorg", "bouw", "monteurs", "installatiebedrijven", "zij-instromers", "werkzoekenden", "opleiding", "leerwerkplaats",
        "haven", "maritiem", "logistiek", "scholieren", "mbo", "hbo", "Achterhoek", "Rotterdam", "Leiden", "Delft", "timmerman",
        "metselaar", "verpleegkundigen", "kinderopvang", "taalcoaching", "ict", "programmeurs", "bedrijfstakschool", "vakmensen",
        "omscholing", "stages", "werkgevers", "gemeenten", "energietransitie", "warmtepompen", "zonnepanelen", "elektrotechniek",
    ];

    private static List<InitiativeText> Corpus(int count, int seed)
    {
        var random = new Random(seed);
        string Phrase(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => Words[random.Next(Words.Length)]));
        return [.. Enumerable.Range(0, count).Select(i => new InitiativeText(Guid.CreateVersion7(), Phrase(1 + random.Next(4)), Phrase(random.Next(10)),
            Phrase(random.Next(8)), random.Next(3) == 0 ? [] : [Words[random.Next(3)]], [Words[5 + random.Next(2)]], Phrase(random.Next(5))))];
    }

    private static SimilarityTermIndex Index(IEnumerable<InitiativeText> corpus)
    {
        var index = new SimilarityTermIndex();
        foreach (var text in corpus)
        {
            index.Apply(new InitiativeChange(text.Id, text, DateTimeOffset.UnixEpoch));
        }

        return index;
    }

    private static void AssertSameRanking(SimilarityTermIndex index, InitiativeText target, IReadOnlyList<InitiativeText> corpus)
    {
        var expected = InitiativeSimilarity.MostSimilar(target, corpus, take: 40);
        var actual = index.Rank(InitiativeSimilarity.Count(target), target.Id, take: 40);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(m => (m.Id, m.Score)), actual.Matches);
    }

    [Fact]
    public void A_stored_initiative_a_draft_and_a_draft_of_a_stored_initiative_rank_as_the_pure_function_does()
    {
        var corpus = Corpus(400, seed: 6);
        var index = Index(corpus);

        AssertSameRanking(index, corpus[17], corpus);
        AssertSameRanking(index, new InitiativeText(Guid.Empty, "Leerwerkplaats bouw voor zij-instromers", "Bouwbedrijven vinden geen timmerman of metselaar.", "", ["bouw"], []), corpus);
        AssertSameRanking(index, new InitiativeText(corpus[3].Id, "Omscholing tot monteur warmtepompen", "Installatiebedrijven zoeken monteurs.", "", ["techniek"], []), corpus);
    }

    [Fact]
    public void After_edits_and_deletions_the_ranking_is_that_of_the_changed_corpus()
    {
        var corpus = Corpus(3000, seed: 7);
        var index = Index(corpus);
        var random = new Random(8);
        var replacements = Corpus(600, seed: 9);

        // Enough deletions to compact the postings, and edits that change the words of others.
        for (var i = 0; i < 1200; i++)
        {
            var at = random.Next(corpus.Count);
            index.Apply(new InitiativeChange(corpus[at].Id, null, DateTimeOffset.UnixEpoch));
            corpus.RemoveAt(at);
        }

        for (var i = 0; i < replacements.Count; i++)
        {
            var edited = replacements[i] with { Id = corpus[i * 2].Id };
            index.Apply(new InitiativeChange(edited.Id, edited, DateTimeOffset.UnixEpoch));
            corpus[i * 2] = edited;
        }

        Assert.Equal(corpus.Count, index.Count);
        AssertSameRanking(index, corpus[10], corpus);
        AssertSameRanking(index, corpus[11], corpus);
        AssertSameRanking(index, new InitiativeText(Guid.Empty, "ICT programmeurs voor de haven van Rotterdam", "Logistiek zoekt ict-ers.", "", [], []), corpus);
    }
}
