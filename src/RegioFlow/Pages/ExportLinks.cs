namespace RegioFlow.Pages;

/// <summary>The "Exporteren: CSV | Excel" links of a list page (Shared/_ExportLinks), carrying the page's filters to /exporteren/{what}.</summary>
/// <param name="What">applications, payments, vouchers or initiatives.</param>
/// <param name="Label">What the list is called, for the links' accessible names.</param>
/// <param name="Filters">Query parameters of the export; empty values are left out.</param>
public sealed record ExportLinks(string What, string Label, params (string Name, string? Value)[] Filters)
{
    public string Href(string format) =>
        $"/exporteren/{What}?format={format}" + string.Concat(Filters.Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => $"&{f.Name}={Uri.EscapeDataString(f.Value!)}"));
}
