using System.Globalization;
using System.Text.RegularExpressions;

namespace RegioFlow.Workflows;

/// <summary>
/// An ISO 8601 duration as statutory terms use it: "P8W", "P6M", "P1Y2M10D", "PT30S", "P1DT12H". Calendar parts
/// (years, months, weeks, days) are added in local calendar days, the time part as elapsed time.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Weeks, int Days, TimeSpan Time)
{
    public bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Time == TimeSpan.Zero;

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length <= 1 || text.Trim().EndsWith('T'))
        {
            return false;
        }

        static int Int(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        static double Dbl(Group g) => g.Success ? double.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var time = TimeSpan.FromHours(Int(match.Groups["h"])) + TimeSpan.FromMinutes(Int(match.Groups["min"])) + TimeSpan.FromSeconds(Dbl(match.Groups["s"]));
        duration = new IsoDuration(Int(match.Groups["y"]), Int(match.Groups["mo"]), Int(match.Groups["w"]), Int(match.Groups["d"]), time);
        return !duration.IsZero;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is geen ISO 8601-duur zoals P8W, P10D of PT30S.");

    /// <summary>Adds the duration to a local date-time: calendar parts by calendar, then the time part.</summary>
    public DateTime AddTo(DateTime local) =>
        local.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days).Add(Time);

    public override string ToString()
    {
        var date = $"{(Years > 0 ? $"{Years}Y" : "")}{(Months > 0 ? $"{Months}M" : "")}{(Weeks > 0 ? $"{Weeks}W" : "")}{(Days > 0 ? $"{Days}D" : "")}";
        var time = Time == TimeSpan.Zero ? "" : "T" + $"{(Time.Hours + (Time.Days * 24) > 0 ? $"{Time.Hours + (Time.Days * 24)}H" : "")}{(Time.Minutes > 0 ? $"{Time.Minutes}M" : "")}{(Time.Seconds + Time.Milliseconds > 0 ? $"{Time.TotalSeconds % 60:0.###}S" : "")}";
        return "P" + date + time;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<min>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex Pattern();
}
