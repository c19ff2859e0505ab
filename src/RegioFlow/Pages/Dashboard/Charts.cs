using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace RegioFlow.Pages.Dashboard;

/// <summary>
/// Inline, server-rendered SVG charts for the dashboard. Each chart is a picture (role="img") named by its
/// &lt;title&gt; and summarised in its &lt;desc&gt;; the page puts the same numbers in a table, which is the
/// accessible source. Series differ by pattern and by a printed label, not by colour alone.
/// </summary>
internal static class Charts
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Fill colours with at least 3:1 contrast against white (WCAG 1.4.11), each with its own pattern.</summary>
    private static readonly (string Colour, string Pattern)[] Series =
    [
        ("#1f4e79", "solid"),
        ("#9c4a00", "hatch"),
        ("#2e6b30", "dots"),
        ("#6a1b9a", "cross"),
        ("#4d4d4d", "solid"),
    ];

    public sealed record Segment(string Label, decimal Value);

    public sealed record Bar(string Label, decimal Value);

    public sealed record StackedRow(string Label, IReadOnlyList<decimal> Values);

    /// <summary>One horizontal bar of the whole (e.g. the ceiling) split into segments, each labelled in the legend.</summary>
    public static IHtmlContent StackedBar(string id, string title, string description, decimal whole, IReadOnlyList<Segment> segments)
    {
        const int width = 640, barHeight = 36, left = 0;
        var svg = Start(id, title, description, width, 100);
        Patterns(svg, id, segments.Count);
        var x = (double)left;
        for (var i = 0; i < segments.Count; i++)
        {
            var w = whole <= 0 ? 0 : Math.Clamp((double)(segments[i].Value / whole), 0, 1) * width;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{w:0.#}\" height=\"{barHeight}\" fill=\"url(#{id}-p{i})\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
            x += w;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0.5\" y=\"0.5\" width=\"{width - 1}\" height=\"{barHeight - 1}\" fill=\"none\" stroke=\"#1a1a1a\"/>");
        Legend(svg, id, [.. segments.Select(s => s.Label)], 56, width);
        return End(svg);
    }

    /// <summary>Horizontal bars, one per item, with the label left and the value printed after the bar.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        const int labelWidth = 260, barArea = 300, rowHeight = 26;
        var height = Math.Max(1, bars.Count) * rowHeight + 8;
        var svg = Start(id, title, description, labelWidth + barArea + 60, height);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = (i * rowHeight) + 4;
            var w = max <= 0 ? 0 : (double)(bars[i].Value / max) * barArea;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"rf-chart__label\">{Encode(Shorten(bars[i].Label, 38))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"{Series[0].Colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 15}\" class=\"rf-chart__value\">{Number(bars[i].Value)}</text>");
        }

        return End(svg);
    }

    /// <summary>Horizontal stacked bars: one row per group, one segment per series (e.g. status), with a legend.</summary>
    public static IHtmlContent StackedBars(string id, string title, string description, IReadOnlyList<string> series, IReadOnlyList<StackedRow> rows)
    {
        const int labelWidth = 220, barArea = 360, rowHeight = 28;
        var legendY = (Math.Max(1, rows.Count) * rowHeight) + 12;
        var svg = Start(id, title, description, labelWidth + barArea + 60, legendY + 24 + ((series.Count + 1) / 2 * 22));
        Patterns(svg, id, series.Count);
        var max = rows.Count == 0 ? 0 : rows.Max(r => r.Values.Sum());
        for (var r = 0; r < rows.Count; r++)
        {
            var y = (r * rowHeight) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"rf-chart__label\">{Encode(Shorten(rows[r].Label, 30))}</text>");
            double x = labelWidth;
            for (var s = 0; s < rows[r].Values.Count; s++)
            {
                var w = max <= 0 ? 0 : (double)(rows[r].Values[s] / max) * barArea;
                if (w > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"url(#{id}-p{s})\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
                }

                x += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 15}\" class=\"rf-chart__value\">{Number(rows[r].Values.Sum())}</text>");
        }

        Legend(svg, id, series, legendY, labelWidth + barArea);
        return End(svg);
    }

    public static string Number(decimal value) => value.ToString("#,0.##", Nl);

    private static StringBuilder Start(string id, string title, string description, int width, int height) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"rf-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Patterns(StringBuilder svg, string id, int count)
    {
        svg.Append("<defs>");
        for (var i = 0; i < count; i++)
        {
            var (colour, pattern) = Series[i % Series.Length];
            var last = i == count - 1 && count > 2 && id.StartsWith("budget", StringComparison.Ordinal);
            svg.Append(CultureInfo.InvariantCulture, $"<pattern id=\"{id}-p{i}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">");
            if (last)
            {
                // The remaining part of a budget is the empty part of the bar: white.
                svg.Append("<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"8\" height=\"8\" fill=\"{(pattern == "solid" ? colour : "#ffffff")}\"/>");
                svg.Append(pattern switch
                {
                    "hatch" => $"<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
                    "dots" => $"<rect width=\"8\" height=\"8\" fill=\"{colour}\" opacity=\"0.35\"/><circle cx=\"4\" cy=\"4\" r=\"2.2\" fill=\"{colour}\"/>",
                    "cross" => $"<path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                    _ => "",
                });
            }

            svg.Append("</pattern>");
        }

        svg.Append("</defs>");
    }

    private static void Legend(StringBuilder svg, string id, IReadOnlyList<string> labels, int y, int width)
    {
        var column = width / 2;
        for (var i = 0; i < labels.Count; i++)
        {
            var x = i % 2 * column;
            var row = y + (i / 2 * 22);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{row}\" width=\"16\" height=\"16\" fill=\"url(#{id}-p{i})\" stroke=\"#1a1a1a\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 22}\" y=\"{row + 13}\" class=\"rf-chart__label\">{Encode(labels[i])}</text>");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
