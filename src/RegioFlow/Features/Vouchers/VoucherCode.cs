using System.Security.Cryptography;

namespace RegioFlow.Features.Vouchers;

/// <summary>
/// Voucher codes: eleven random characters from Crockford's base-32 alphabet (no I, L, O or U, so nothing is read two
/// ways) and one Luhn mod 32 check character, shown as XXXX-XXXX-XXXX. 32^11 ≈ 3.6·10^16 codes: not guessable, not
/// sequential. The check character catches every single mistyped character and every swap of two neighbours (except
/// 0 ↔ Z, Luhn's one blind spot) before the database is asked.
/// </summary>
public static class VoucherCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int DataLength = 11;

    public static string New()
    {
        Span<char> data = stackalloc char[DataLength];
        for (var i = 0; i < DataLength; i++)
        {
            data[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var raw = new string(data) + CheckCharacter(new string(data));
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>
    /// Reads what a person typed: case, spaces and dashes do not matter, and O/I/L are read as 0/1/1 as Crockford
    /// intends. Null when it is not 12 characters of the alphabet; <paramref name="checkOk"/> tells whether the check
    /// character matches.
    /// </summary>
    public static string? Normalise(string? typed, out bool checkOk)
    {
        checkOk = false;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var chars = typed.ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => c,
        }).ToArray();
        if (chars.Length != DataLength + 1 || chars.Any(c => !Alphabet.Contains(c)))
        {
            return null;
        }

        var raw = new string(chars);
        checkOk = CheckCharacter(raw[..DataLength]) == raw[DataLength];
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Luhn mod N (N = 32) over the data characters.</summary>
    private static char CheckCharacter(string data)
    {
        var factor = 2;
        var sum = 0;
        for (var i = data.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(data[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / Alphabet.Length) + (addend % Alphabet.Length);
        }

        return Alphabet[(Alphabet.Length - (sum % Alphabet.Length)) % Alphabet.Length];
    }
}
