using RegioFlow.Features.Vouchers;

namespace RegioFlow.Tests.Features;

public sealed class VoucherCodeTests
{
    [Fact]
    public void A_new_code_reads_back_as_itself_with_a_matching_check_character()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = VoucherCode.New();
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
            Assert.Equal(code, VoucherCode.Normalise(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), out var ok));
            Assert.True(ok);
        }
    }

    [Fact]
    public void Codes_are_not_sequential_or_repeated()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VoucherCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_single_mistyped_character_and_every_swap_of_neighbours_but_0_and_Z_is_caught_by_the_check_character()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var raw = VoucherCode.New().Replace("-", "", StringComparison.Ordinal);
        for (var position = 0; position < raw.Length; position++)
        {
            foreach (var other in alphabet.Where(c => c != raw[position]))
            {
                var typo = raw[..position] + other + raw[(position + 1)..];
                VoucherCode.Normalise(typo, out var ok);
                Assert.False(ok, $"{typo} passed the check");
            }
        }

        for (var position = 0; position + 1 < raw.Length; position++)
        {
            // Luhn mod N's one blind spot: the first and last character of the alphabet (as 09 ↔ 90 in decimal Luhn).
            if (raw[position] == raw[position + 1] || (raw[position], raw[position + 1]) is ('0', 'Z') or ('Z', '0'))
            {
                continue;
            }

            var swapped = raw[..position] + raw[position + 1] + raw[position] + raw[(position + 2)..];
            VoucherCode.Normalise(swapped, out var ok);
            Assert.False(ok, $"{swapped} passed the check");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCD-EFGH-JKMU")]
    [InlineData("ABCD-EFGH-JKMN-P")]
    public void Text_that_is_no_code_is_not_read(string typed) => Assert.Null(VoucherCode.Normalise(typed, out _));

    [Fact]
    public void O_I_and_L_are_read_as_0_1_and_1()
    {
        var code = VoucherCode.New();
        var typed = code.Replace('0', 'O').Replace('1', 'l');
        Assert.Equal(code, VoucherCode.Normalise(typed, out var ok));
        Assert.True(ok);
    }
}
