using System.Text;

namespace RegioFlow.Features.Initiatives;

/// <summary>One data record of a CSV file: its fields and the (1-based) line of the file where it starts.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed CSV file: the header fields, the delimiter found in the header, and the data records.</summary>
public sealed record CsvTable(char Delimiter, IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records);

/// <summary>
/// A small RFC 4180 reader for the inventories fund administrators upload: fields separated by ',' or ';' (whichever
/// the header uses most outside quotes, so Dutch spreadsheet exports work), double-quoted fields that may hold the
/// delimiter, doubled quotes and line breaks, CRLF or LF line ends, an optional UTF-8 byte order mark. Blank lines
/// are skipped. Small on purpose: the inventories are a few hundred rows and need no package.
/// </summary>
public static class CsvParser
{
    public static CsvTable Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var delimiter = DetectDelimiter(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && !fieldStarted && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                if (!char.IsWhiteSpace(c))
                {
                    fieldStarted = true;
                }
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records.Count == 0
            ? new CsvTable(delimiter, [], [])
            : new CsvTable(delimiter, records[0].Fields, records.Skip(1).ToList());
    }

    /// <summary>';' when the first line has more semicolons than commas outside quotes, else ','.</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!inQuotes && c == ',')
            {
                commas++;
            }
            else if (!inQuotes && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
