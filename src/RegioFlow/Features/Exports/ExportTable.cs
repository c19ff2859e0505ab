using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace RegioFlow.Features.Exports;

/// <summary>How a column's values are written: text as is, amounts with two decimals, whole numbers, dates.</summary>
public enum ExportColumnKind
{
    Text,
    Amount,
    Number,
    Date,
}

public sealed record ExportColumn(string Header, ExportColumnKind Kind, double Width);

/// <summary>
/// A list ready to be written as CSV or XLSX: the columns and, per row, one value per column (string, decimal, int,
/// DateOnly or null). Both writers take the same table, so the two formats always hold the same rows.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>
    /// CSV as Dutch Excel opens it: UTF-8 with BOM, ";" between fields, RFC 4180 quoting, dd-MM-yyyy dates and comma
    /// decimals. A text cell that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
    /// spreadsheet never runs it as a formula.
    /// </summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', Columns.Select(c => Quote(c.Header)))).Append("\r\n");
        foreach (var row in Rows)
        {
            text.Append(string.Join(';', row.Select((value, i) => Quote(Format(value, Columns[i].Kind))))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Format(object? value, ExportColumnKind kind) => value switch
    {
        null => "",
        DateOnly date => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        decimal amount when kind == ExportColumnKind.Amount => amount.ToString("0.00", Dutch),
        decimal number => number.ToString("0.##", Dutch),
        int number => number.ToString(CultureInfo.InvariantCulture),
        string s => Defuse(s),
        _ => Defuse(Convert.ToString(value, Dutch) ?? ""),
    };

    /// <summary>Formula injection guard for text cells.</summary>
    internal static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>
    /// One sheet: a bold, frozen header row with an autofilter; amounts and numbers as numbers, dates as dates, text as
    /// text (so Excel never evaluates it). Column widths are set from the table, because measuring text needs GDI+.
    /// </summary>
    public byte[] ToXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        for (var c = 0; c < Columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.SetValue(Columns[c].Header);
            header.Style.Font.Bold = true;
            sheet.Column(c + 1).Width = Columns[c].Width;
        }

        for (var r = 0; r < Rows.Count; r++)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (Rows[r][c])
                {
                    case null:
                        break;
                    case DateOnly date:
                        cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "dd-mm-yyyy";
                        break;
                    case decimal amount:
                        cell.SetValue(amount);
                        cell.Style.NumberFormat.Format = Columns[c].Kind == ExportColumnKind.Amount ? "#,##0.00" : "0.##";
                        break;
                    case int number:
                        cell.SetValue(number);
                        break;
                    case var other:
                        // SetValue<string> keeps text as text: a value like "=1+1" or "0012" is never turned into a formula or number.
                        cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "");
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, Rows.Count + 1), Columns.Count).SetAutoFilter();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
