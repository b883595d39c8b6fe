using System.Xml.Linq;

namespace DmaActors.Cli.Tests;

/// <summary>The plots: SVG (and PNG) files with a title, labelled axes with units, and a legend.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class PlotTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("dmactors-plots");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Demo_plot_writes_bandwidth_over_time_for_all_channels_and_one_plot_per_channel()
    {
        var (code, _, errors) = CliRunner.Run("demo", "--seed", "1", "--ms", "2", "--plot", _directory.FullName);
        Assert.True(code == 0, errors);

        var all = Texts(Path.Combine(_directory.FullName, "bandwidth.svg"));
        Assert.Contains("virtual time (ms)", all);
        Assert.Contains("average bandwidth (% of demand)", all);
        Assert.Contains("spi0 tx (dma0chan16)", all);         // the legend: a line per channel (EDMA: event 16 is dma0chan16)
        Assert.Contains("bulk memcpy (dma0chan20)", all);

        foreach (int channel in new[] { 16, 17, 27, 25, 8, 20 })
        {
            string name = Path.Combine(_directory.FullName, $"bandwidth-dma0chan{channel}");
            var texts = Texts(name + ".svg");
            Assert.Contains("bandwidth (MB/s)", texts);
            Assert.Contains("average since the start", texts);
            Assert.Contains(texts, t => t.StartsWith("demand: ", StringComparison.Ordinal));
            AssertPng(name + ".png");
        }
        AssertPng(Path.Combine(_directory.FullName, "bandwidth.png"));
        Assert.Contains("plots: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_plot_writes_a_bandwidth_plot_per_channel_of_the_workload_and_nothing_else()
    {
        var (code, _, errors) = CliRunner.Run("run", CliRunner.RepoFile("examples/boards/tour.dts"), "--workload", CliRunner.RepoFile("examples/boards/load.json"), "--ms", "2", "--seed", "1", "--plot", _directory.FullName, "--json");
        Assert.True(code == 0, errors);

        Assert.Equal(
            ["bandwidth-dma0chan17.png", "bandwidth-dma0chan17.svg", "bandwidth-dma0chan20.png", "bandwidth-dma0chan20.svg", "bandwidth.png", "bandwidth.svg"],
            _directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        var all = Texts(Path.Combine(_directory.FullName, "bandwidth.svg"));
        Assert.Contains("48030000.spi:rx0 (dma0chan17)", all);
        Assert.Contains("memcpy@49000000.edma (dma0chan20)", all);   // ti,edma-memcpy-channels = <20 21>
        var memcpy = Texts(Path.Combine(_directory.FullName, "bandwidth-dma0chan20.svg"));
        Assert.Contains("virtual time (ms)", memcpy);
        Assert.Contains("bandwidth (MB/s)", memcpy);
        Assert.Contains(memcpy, t => t.StartsWith("demand: ", StringComparison.Ordinal) && t.EndsWith("(the bus's peak)", StringComparison.Ordinal));
        AssertPng(Path.Combine(_directory.FullName, "bandwidth-dma0chan20.png"));
    }

    [Fact]
    public void Bench_arbitration_writes_its_csvs_and_latency_and_fairness_plots_with_a_line_per_policy()
    {
        var (code, _, errors) = CliRunner.Run("bench", "arbitration", "--loads", "4,6", "--ms", "0.5", "--out", _directory.FullName);
        Assert.True(code == 0, errors);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(_directory.FullName, "arbitration.csv")).Length);
        // One row per channel: 3 policies x (4 + 6) channels, plus the header.
        Assert.Equal(31, File.ReadAllLines(Path.Combine(_directory.FullName, "arbitration-channels.csv")).Length);

        var latency = Texts(Path.Combine(_directory.FullName, "latency.svg"));
        Assert.Contains("virtual channels in use (log scale)", latency);
        Assert.Contains("UART p99 submit-to-callback latency (µs)", latency);
        // 0.5 ms is shorter than one 16-byte UART transfer: no latency to plot, and the plot says so rather than drawing 0.
        Assert.Contains("6 of 6 runs completed no UART transfer (run longer: --ms) and are not shown", latency);
        var fairness = Texts(Path.Combine(_directory.FullName, "fairness.svg"));
        Assert.Contains("Jain's fairness index (1 = an even share)", fairness);
        foreach (var texts in new[] { latency, fairness })
        {
            Assert.Contains("round-robin", texts);
            Assert.Contains("fixed-priority", texts);
            Assert.Contains("weighted-round-robin", texts);
            Assert.Contains("4", texts);                      // the x ticks are the loads run
            Assert.Contains("6", texts);
        }
        AssertPng(Path.Combine(_directory.FullName, "latency.png"));
        AssertPng(Path.Combine(_directory.FullName, "fairness.png"));
    }

    [Fact]
    public void A_plot_folder_that_cannot_be_made_is_bad_input_before_the_run()
    {
        string file = Path.Combine(_directory.FullName, "a-file");
        File.WriteAllText(file, "");
        var (code, output, errors) = CliRunner.Run("demo", "--ms", "1", "--plot", Path.Combine(file, "plots"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("dmactors: cannot write --plot", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// The file is a PNG that decodes whole (SkiaSharp, which ScottPlot draws with) at the plots'
    /// size, and is a drawing rather than a blank: many colours (anti-aliased text and lines).
    /// </summary>
    private static void AssertPng(string path)
    {
        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..4]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((900, 500), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Count() > 16, $"{path} looks blank");
    }

    /// <summary>The file parsed as XML (it must be well formed), its root an SVG element, and the text of every text element.</summary>
    private static List<string> Texts(string path)
    {
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        return [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];
    }
}
