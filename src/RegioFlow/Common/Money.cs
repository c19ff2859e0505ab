using System.Globalization;
using System.Text.RegularExpressions;

namespace RegioFlow.Common;

public static partial class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"€ 12.500,00".</summary>
    public static string Format(decimal amount) => amount.ToString("C2", Dutch);

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>
    /// The largest amount RegioFlow takes anywhere (a thousand billion euros): far above any real budget, and low enough
    /// that sums and the SQLite cents column can never overflow.
    /// </summary>
    public const decimal Largest = 1_000_000_000_000m;

    /// <summary>
    /// Reads an amount as people type it in a Dutch form: "125000", "125.000", "125.000,50", "€ 125.000" or "125000.50".
    /// A comma is the decimal sign and dots group thousands; without a comma, dots in groups of three are thousands too,
    /// because "125.000" means a hundred and twenty-five thousand to a Dutch reader.
    /// </summary>
    public static bool TryParseInput(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (value.Contains(','))
        {
            if (value.LastIndexOf('.') > value.LastIndexOf(','))
            {
                return false; // "1,234.50" is an English amount: refuse rather than read it a thousand times too small
            }

            value = value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (ThousandsOnly().IsMatch(value))
        {
            value = value.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsOnly();
}
