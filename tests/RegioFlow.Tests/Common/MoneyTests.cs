using RegioFlow.Common;

namespace RegioFlow.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("125000", 125000)]
    [InlineData("125.000", 125000)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("125.000,50", 125000.50)]
    [InlineData("125000,5", 125000.5)]
    [InlineData("€ 125.000", 125000)]
    [InlineData("125000.50", 125000.50)]
    [InlineData(" 99,99 ", 99.99)]
    public void Reads_amounts_as_a_dutch_form_user_types_them(string text, decimal expected)
    {
        Assert.True(Money.TryParseInput(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("veel")]
    [InlineData("1,234.50")]
    [InlineData("12,5,0")]
    public void Refuses_what_is_not_an_amount(string? text) => Assert.False(Money.TryParseInput(text, out _));
}
