using ScottPlot;

namespace DmaActors.Cli.Plots;

/// <summary>How every plot of the CLI looks and where it goes: one size, a title, labelled axes and a legend, an SVG and a PNG of each.</summary>
internal static class PlotFiles
{
    private const int Width = 900;
    private const int Height = 500;

    /// <summary>A plot with a title, axis labels (with units) and a legend.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }

    /// <summary>Writes <paramref name="plot"/> as <c>NAME.svg</c> and <c>NAME.png</c> in <paramref name="directory"/>; returns both paths.</summary>
    public static IReadOnlyList<string> Save(Plot plot, DirectoryInfo directory, string name)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(directory);
        directory.Create();
        string svg = Path.Combine(directory.FullName, name + ".svg"), png = Path.Combine(directory.FullName, name + ".png");
        plot.SaveSvg(svg, Width, Height);
        plot.SavePng(png, Width, Height);
        return [svg, png];
    }

    /// <summary>A name that is safe as a file name anywhere: letters, digits, '.', '-' and '_'.</summary>
    public static string FileName(string text) =>
        string.Concat((text ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
