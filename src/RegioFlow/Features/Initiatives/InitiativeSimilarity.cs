using System.Globalization;
using System.Text;

namespace RegioFlow.Features.Initiatives;

/// <summary>The text of an initiative that similarity looks at. <see cref="Id"/> may be empty for a draft not yet stored.</summary>
/// <param name="Activity">What it does (an inventory's "activiteit"): for an imported initiative often the only text beside its name.</param>
public sealed record InitiativeText(Guid Id, string Title, string Problem, string Goals, IReadOnlyList<string> Sectors, IReadOnlyList<string> TargetGroups, string Activity = "")
{
    public static InitiativeText Of(Domain.Initiative initiative) =>
        new(initiative.Id, initiative.Title, initiative.Problem, initiative.Goals, [.. initiative.Sectors], [.. initiative.TargetGroups], initiative.Activity);
}

/// <param name="Score">Cosine similarity of the TF-IDF vectors: 0 (nothing in common) to 1 (the same words in the same proportions).</param>
/// <param name="SharedWords">The words both share, those that weigh most first, as they are written in the initiative compared with.</param>
public sealed record SimilarityMatch(Guid Id, double Score, IReadOnlyList<string> SharedWords);

/// <summary>
/// Ranks initiatives by how much their texts resemble each other, so an assessor answering TK-06 ("lopen er vergelijkbare
/// projecten?") and an intake or register page can show comparable initiatives ("niet nieuw, tenzij"). Deliberately small
/// and explainable instead of a search engine or an embedding model: the texts are Dutch and short, the corpus is a
/// region's few hundred initiatives, and an assessor must be able to see <em>why</em> two initiatives match (the shared
/// words). Steps: lower-case, strip diacritics, split on anything that is not a letter or digit, drop Dutch stop words,
/// stem with a simple Dutch suffix stemmer, weigh with TF-IDF (the title counts double), compare by cosine.
/// Pure and without I/O: callers choose the corpus. The app ranks the whole register with <see cref="InitiativeSimilarityIndex"/>,
/// which uses these same steps and weights on an inverted index.
/// </summary>
public static class InitiativeSimilarity
{
    /// <summary>Matches at or below this score are noise (one common word), not comparable initiatives.</summary>
    public const double MinimumScore = 0.01;

    private const int MaxSharedWords = 8;

    /// <summary>Function words and the words every initiative uses (Snowball's Dutch list, shortened, plus a few).</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "aan", "al", "alle", "alleen", "als", "altijd", "ander", "andere", "anders", "bij", "binnen", "daar", "daarom", "dan",
        "dat", "de", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge", "geen", "geweest",
        "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in",
        "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar",
        "niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen",
        "toch", "toen", "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "we", "wel", "werd",
        "wezen", "wie", "wij", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou",
        "jaar", "jaren", "per", "twee", "drie", "vier", "via", "waarin", "waarbij", "waardoor", "welke", "zodat", "hierbij",
    };

    /// <summary>The (at most) <paramref name="take"/> initiatives of <paramref name="corpus"/> most like <paramref name="target"/>, best first; never the target itself.</summary>
    public static IReadOnlyList<SimilarityMatch> MostSimilar(InitiativeText target, IEnumerable<InitiativeText> corpus, int take = 10)
    {
        var others = corpus.Where(c => c.Id == Guid.Empty || c.Id != target.Id).ToList();
        var targetTerms = Count(target);
        var otherTerms = others.Select(Count).ToList();

        // Document frequency over the target and the corpus, smoothed so a word in every text still weighs a little.
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in otherTerms.Append(targetTerms))
        {
            foreach (var stem in terms.Keys)
            {
                documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
            }
        }

        var documents = otherTerms.Count + 1;
        double Idf(string stem) => InverseDocumentFrequency(documents, documentFrequency[stem]);

        var targetVector = Weigh(targetTerms, Idf);
        var targetNorm = Norm(targetVector.Values);
        if (targetNorm == 0)
        {
            return [];
        }

        var matches = new List<SimilarityMatch>();
        for (var i = 0; i < others.Count; i++)
        {
            var vector = Weigh(otherTerms[i], Idf);
            var norm = Norm(vector.Values);
            if (norm == 0)
            {
                continue;
            }

            var score = targetVector.Where(t => vector.ContainsKey(t.Key)).Sum(t => t.Value * vector[t.Key]) / (targetNorm * norm);
            if (score > MinimumScore)
            {
                matches.Add(new SimilarityMatch(others[i].Id, RoundScore(score), SharedWords(targetVector, otherTerms[i], vector)));
            }
        }

        return [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Id).Take(take)];
    }

    /// <summary>
    /// Smoothed inverse document frequency: a stem in <paramref name="documentFrequency"/> of <paramref name="documents"/>
    /// texts. Shared by <see cref="MostSimilar"/> and <see cref="InitiativeSimilarityIndex"/>, so both rank alike.
    /// </summary>
    public static double InverseDocumentFrequency(int documents, int documentFrequency) => Math.Log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0;

    /// <summary>The TF part of a stem's weight (sublinear: a word ten times is not ten times as telling).</summary>
    public static double TermFrequencyWeight(double count) => 1.0 + Math.Log(count);

    /// <summary>A score as shown: at most 1, three decimals (the ranking orders on this, then on id).</summary>
    public static double RoundScore(double score) => Math.Round(Math.Min(score, 1.0), 3);

    /// <summary>The TF-IDF vector of counted terms.</summary>
    public static Dictionary<string, double> Weigh(IReadOnlyDictionary<string, TermCount> terms, Func<string, double> idf) =>
        terms.ToDictionary(t => t.Key, t => TermFrequencyWeight(t.Value.Weight) * idf(t.Key), StringComparer.Ordinal);

    /// <summary>
    /// The stems both vectors hold, those that add most to the score first, as the words the other text writes them
    /// (<paramref name="otherTerms"/>): what explains a match to an assessor.
    /// </summary>
    public static IReadOnlyList<string> SharedWords(IReadOnlyDictionary<string, double> targetVector, IReadOnlyDictionary<string, TermCount> otherTerms, IReadOnlyDictionary<string, double> otherVector) =>
        [.. targetVector.Where(t => otherVector.ContainsKey(t.Key))
            .Select(t => (Stem: t.Key, Contribution: t.Value * otherVector[t.Key]))
            .OrderByDescending(s => s.Contribution).ThenBy(s => s.Stem, StringComparer.Ordinal)
            .Take(MaxSharedWords)
            .Select(s => otherTerms[s.Stem].Word)];

    /// <summary>The words of a text as stems, in order: normalised, split, stop words left out.</summary>
    public static IReadOnlyList<string> Terms(string text) => [.. Words(text).Select(Stem)];

    /// <summary>Lower case without diacritics ("Financiële" → "financiele"), so spelling variants meet.</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A simple Dutch suffix stemmer after Snowball's Dutch stemmer, plus the agent suffix -er, so that "instroom",
    /// "instromers" and "zij-instromer" meet, as do "opleiding"/"opleidingen" and "bedrijf"/"bedrijven". It only
    /// has to map a word and its inflections onto the same key; the key need not be a word.
    /// </summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length <= 3)
        {
            return w;
        }

        if (w.EndsWith("heden", StringComparison.Ordinal))
        {
            w = w[..^5] + "heid";
        }
        else if (EndsAfterConsonant(w, "en"))
        {
            w = Undouble(w[..^2]);
        }
        else if (EndsAfterConsonant(w, "s") && w[^2] != 'j')
        {
            w = w[..^1];
        }

        if (EndsAfterConsonant(w, "e"))
        {
            w = Undouble(w[..^1]);
        }

        foreach (var suffix in (string[])["heid", "ing", "er"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3)
            {
                w = Undouble(w[..^suffix.Length]);
                break;
            }
        }

        // Long vowels are written double in a closed syllable only: "stroom" and "strom(en)" are one word.
        if (w.Length >= 4 && !IsVowel(w[^1]) && w[^2] == w[^3] && w[^2] is 'a' or 'e' or 'o' or 'u' && !IsVowel(w[^4]))
        {
            w = w.Remove(w.Length - 2, 1);
        }

        // Voiced and voiceless spellings alternate at the end of a stem: bedrijven/bedrijf, huizen/huis.
        return w[^1] switch
        {
            'v' => w[..^1] + "f",
            'z' => w[..^1] + "s",
            _ => w,
        };
    }

    private static IEnumerable<string> Words(string text)
    {
        var normalised = Normalise(text);
        var start = -1;
        for (var i = 0; i <= normalised.Length; i++)
        {
            var inWord = i < normalised.Length && char.IsLetterOrDigit(normalised[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = normalised[start..i];
                start = -1;
                if (word.Length >= 2 && !word.All(char.IsDigit) && !StopWords.Contains(word))
                {
                    yield return word;
                }
            }
        }
    }

    /// <summary>Per stem: its weight in the text (title words count double) and the first word that produced it, to show.</summary>
    public static Dictionary<string, TermCount> Count(InitiativeText text)
    {
        var terms = new Dictionary<string, TermCount>(StringComparer.Ordinal);
        void Add(string? field, double weight)
        {
            foreach (var word in Words(field ?? ""))
            {
                var stem = Stem(word);
                terms[stem] = terms.TryGetValue(stem, out var existing) ? existing with { Weight = existing.Weight + weight } : new TermCount(word, weight);
            }
        }

        Add(text.Title, 2);
        Add(text.Problem, 1);
        Add(text.Goals, 1);
        Add(text.Activity, 1);
        foreach (var value in text.Sectors.Concat(text.TargetGroups))
        {
            Add(value, 1);
        }

        return terms;
    }

    private static double Norm(IEnumerable<double> weights) => Math.Sqrt(weights.Sum(v => v * v));

    private static bool EndsAfterConsonant(string w, string suffix) =>
        w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && !IsVowel(w[^(suffix.Length + 1)]);

    private static string Undouble(string w) =>
        w.Length >= 4 && w[^1] == w[^2] && w[^1] is 'k' or 'd' or 't' or 'l' or 'n' or 'm' or 'p' or 'r' or 's' or 'f' or 'g' ? w[..^1] : w;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

/// <summary>A stem's weight in a text (title words count double) and the first word that produced it, to show.</summary>
public sealed record TermCount(string Word, double Weight);
