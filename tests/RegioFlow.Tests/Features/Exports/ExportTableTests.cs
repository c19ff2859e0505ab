using System.Text;
using RegioFlow.Features.Exports;

namespace RegioFlow.Tests.Features.Exports;

public sealed class ExportTableTests
{
    private static readonly ExportTable Table = new("Test",
        [new("Tekst", ExportColumnKind.Text, 10), new("Bedrag", ExportColumnKind.Amount, 10), new("Datum", ExportColumnKind.Date, 10)],
        [
            ["Gewoon", 1234.5m, new DateOnly(2026, 1, 5)],
            ["Met ; en \"quotes\"\nen een regel", -12m, null],
            ["=SOM(A1:A9)", 0m, null],
            ["+31 6", null, null],
            ["-5", null, null],
            ["@gebruiker", null, null],
        ]);

    [Fact]
    public void Csv_is_utf8_with_bom_semicolon_separated_with_dutch_dates_and_comma_decimals_and_rfc4180_quotes()
    {
        var bytes = Table.ToCsv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("Tekst;Bedrag;Datum", lines[0]);
        Assert.Equal("Gewoon;1234,50;05-01-2026", lines[1]);
        Assert.Equal("\"Met ; en \"\"quotes\"\"\nen een regel\";-12,00;", lines[2]);
    }

    [Fact]
    public void A_text_cell_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe_but_a_negative_amount_stays_a_number()
    {
        var lines = Encoding.UTF8.GetString(Table.ToCsv()[3..]).Split("\r\n");
        Assert.Equal(["'=SOM(A1:A9);0,00;", "'+31 6;;", "'-5;;", "'@gebruiker;;"], lines[3..7]);
        Assert.EndsWith(";-12,00;", lines[2]);
    }
}
