using System.Globalization;
using System.Net;
using System.Text;

namespace DmaActors.Boards.Workloads;

/// <summary>A small line chart written as SVG (no plotting package): x on a log scale, one line per series, a legend.</summary>
public static class SvgChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

    /// <summary>An SVG chart of <paramref name="series"/> (name → points), titled and labelled.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyDictionary<string, IReadOnlyList<(double X, double Y)>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double width = 640, height = 400, left = 70, right = 20, top = 40, bottom = 60;
        var all = series.Values.SelectMany(v => v).ToList();
        double xMin = Math.Log10(all.Min(p => p.X)), xMax = Math.Log10(all.Max(p => p.X));
        double yMax = Math.Max(all.Max(p => p.Y) * 1.1, 1e-9), yMin = 0;
        if (xMax <= xMin) xMax = xMin + 1;
        double X(double x) => left + ((Math.Log10(x) - xMin) / (xMax - xMin) * (width - left - right));
        double Y(double y) => height - bottom - ((y - yMin) / (yMax - yMin) * (height - top - bottom));
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{WebUtility.HtmlEncode(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"black\"/>\n");
        foreach (double x in all.Select(p => p.X).Distinct().Order())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(x))}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{F(x)}</text>\n");
        }
        for (int tick = 0; tick <= 4; tick++)
        {
            double y = yMin + ((yMax - yMin) * tick / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(Y(y) + 4)}\" text-anchor=\"end\">{F(y)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(Y(y))}\" x2=\"{width - right}\" y2=\"{F(Y(y))}\" stroke=\"#eee\"/>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height - 18}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {height / 2})\">{WebUtility.HtmlEncode(yLabel)}</text>\n");
        int index = 0;
        foreach (var (name, points) in series)
        {
            string colour = Colours[index % Colours.Length];
            var path = string.Join(' ', points.OrderBy(p => p.X).Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right - 150}\" y=\"{top + 14 + (16 * index)}\" fill=\"{colour}\">{WebUtility.HtmlEncode(name)}</text>\n");
            index++;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
