using RegioFlow.Features.Initiatives;

namespace RegioFlow.Tests.Features.Initiatives;

public sealed class InitiativeSimilarityTests
{
    private static readonly InitiativeText Target = Text("Zij-instroom techniek Achterhoek", "Installatiebedrijven vinden geen monteurs.",
        "Zestig zij-instromers in twee jaar naar een baan in de installatietechniek.", ["techniek"], ["zij-instromers", "werkzoekenden"]);

    private static readonly InitiativeText Similar = Text("Omscholing tot monteur installatietechniek", "Installatiebedrijven hebben te weinig monteurs.",
        "Werkzoekenden en zij-instromers omscholen tot monteur.", ["techniek"], ["zij-instromers"]);

    private static readonly InitiativeText Dissimilar = Text("Taalcoaching in de kinderopvang Achterhoek", "Pedagogisch medewerkers met een andere moedertaal vallen uit.",
        "Veertig medewerkers halen taalniveau 2F.", ["kinderopvang"], ["anderstaligen"]);

    [Theory]
    [InlineData("instroom", "instromers")]
    [InlineData("opleiding", "opleidingen")]
    [InlineData("bedrijf", "bedrijven")]
    [InlineData("werkgever", "werkgevers")]
    [InlineData("mogelijkheid", "mogelijkheden")]
    [InlineData("regionaal", "regionale")]
    [InlineData("huis", "huizen")]
    [InlineData("monteur", "monteurs")]
    public void A_word_and_its_inflection_share_a_stem(string word, string inflected) =>
        Assert.Equal(InitiativeSimilarity.Stem(word), InitiativeSimilarity.Stem(inflected));

    [Theory]
    [InlineData("zorg", "techniek")]
    [InlineData("leren", "leraar")]
    public void Different_words_keep_different_stems(string one, string other) =>
        Assert.NotEqual(InitiativeSimilarity.Stem(one), InitiativeSimilarity.Stem(other));

    [Fact]
    public void Terms_are_lower_case_without_diacritics_stop_words_or_numbers()
    {
        Assert.Equal("financiele ideeen", InitiativeSimilarity.Normalise("Financiële Ideeën"));
        Assert.Equal(["financiel", "steun", "mbo", "scholi"], InitiativeSimilarity.Terms("De financiële steun voor 300 mbo-scholieren in 2026"));
    }

    [Fact]
    public void A_similar_initiative_ranks_above_a_dissimilar_one_with_the_words_they_share()
    {
        var matches = InitiativeSimilarity.MostSimilar(Target, [Dissimilar, Similar]);

        Assert.Equal([Similar.Id, Dissimilar.Id], matches.Select(m => m.Id));
        Assert.True(matches[0].Score > 2 * matches[1].Score, $"{matches[0].Score} vs {matches[1].Score}");
        Assert.Contains("monteur", matches[0].SharedWords);
        Assert.Contains("instromers", matches[0].SharedWords);
        Assert.Contains("installatietechniek", matches[0].SharedWords);
        Assert.Equal(["achterhoek"], matches[1].SharedWords);
    }

    [Fact]
    public void The_target_itself_is_never_in_the_list_and_nothing_in_common_means_no_match()
    {
        var unrelated = Text("Kunst in de wijk", "Buurthuizen staan leeg.", "Exposities organiseren.", [], []);

        var matches = InitiativeSimilarity.MostSimilar(Target, [Target, unrelated]);

        Assert.Empty(matches);
    }

    [Fact]
    public void The_same_text_scores_one_and_the_list_holds_at_most_ten()
    {
        var copies = Enumerable.Range(0, 12).Select(_ => Target with { Id = Guid.NewGuid() }).ToList();

        var matches = InitiativeSimilarity.MostSimilar(Target, copies);

        Assert.Equal(10, matches.Count);
        Assert.All(matches, m => Assert.Equal(1.0, m.Score, precision: 3));
    }

    [Fact]
    public void A_draft_without_an_id_can_be_compared_before_it_is_stored()
    {
        var draft = Target with { Id = Guid.Empty };

        var matches = InitiativeSimilarity.MostSimilar(draft, [Similar, Dissimilar]);

        Assert.Equal(Similar.Id, matches[0].Id);
    }

    private static InitiativeText Text(string title, string problem, string goals, string[] sectors, string[] targetGroups) =>
        new(Guid.NewGuid(), title, problem, goals, sectors, targetGroups);
}
