using System.Globalization;

namespace RegioFlow.Common;

public static class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"€ 12.500,00".</summary>
    public static string Format(decimal amount) => amount.ToString("C2", Dutch);

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;
}
