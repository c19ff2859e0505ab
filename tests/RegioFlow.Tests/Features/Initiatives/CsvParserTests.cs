using RegioFlow.Features.Initiatives;

namespace RegioFlow.Tests.Features.Initiatives;

public sealed class CsvParserTests
{
    [Fact]
    public void Quoted_fields_keep_delimiters_doubled_quotes_and_line_breaks_and_records_keep_their_starting_line()
    {
        var table = CsvParser.Parse("nummer,naam,activiteit\r\n1,\"Open dag, techniek\",\"Zegt \"\"doen!\"\"\"\r\n2,Twee,\"regel een\nregel twee\"\r\n3,Drie,\r\n");

        Assert.Equal(',', table.Delimiter);
        Assert.Equal(["nummer", "naam", "activiteit"], table.Header);
        Assert.Equal(3, table.Records.Count);
        Assert.Equal(["1", "Open dag, techniek", "Zegt \"doen!\""], table.Records[0].Fields);
        Assert.Equal(["2", "Twee", "regel een\nregel twee"], table.Records[1].Fields);
        Assert.Equal(["3", "Drie", ""], table.Records[2].Fields);
        Assert.Equal([2, 3, 5], table.Records.Select(r => r.Line));
    }

    [Fact]
    public void A_semicolon_header_makes_semicolon_the_delimiter_and_commas_are_then_plain_text()
    {
        var table = CsvParser.Parse("Naam;Activiteit\nTechniek, de toekomst;Beleef het\n");

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["Techniek, de toekomst", "Beleef het"], table.Records.Single().Fields);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_header_and_blank_lines_are_skipped()
    {
        var table = CsvParser.Parse("\uFEFFnaam\n\nEen\n\n   \nTwee");

        Assert.Equal(["naam"], table.Header);
        Assert.Equal(["Een", "Twee"], table.Records.Select(r => r.Fields[0]));
        Assert.Equal([3, 6], table.Records.Select(r => r.Line));
    }

    [Fact]
    public void An_empty_text_has_no_header_and_no_records()
    {
        var table = CsvParser.Parse("");

        Assert.Empty(table.Header);
        Assert.Empty(table.Records);
    }

    [Theory]
    [InlineData("Bouwmensen Leiden", "Bedrijfstakschool Bouwtechnische opleidingen", "ZijInstroom")]
    [InlineData("IW, open dag Elektro-en Installatietechniek", "oriëntatie op werken en leren", "Techniekpromotie")]
    [InlineData("MKB Deal", "Samen met werkgevers", "Werkgeversperspectief")]
    [InlineData("Leerwerkloket", "Advies aan werkenden", "Instrumentarium")]
    public void The_type_of_a_row_without_one_follows_the_keyword_rules(string name, string activity, string type)
    {
        Assert.Equal(type, InitiativeImport.DeriveType(name, activity)?.Type.ToString());
    }

    [Fact]
    public void The_key_of_a_row_without_number_ignores_case_accents_and_extra_spaces()
    {
        Assert.Equal(InitiativeImport.HashKey("Oriëntatie  Techniek", "Open dag"), InitiativeImport.HashKey("orientatie techniek", " open   dag "));
        Assert.NotEqual(InitiativeImport.HashKey("Oriëntatie Techniek", "Open dag"), InitiativeImport.HashKey("Oriëntatie Techniek", "Open dagen"));
    }
}
