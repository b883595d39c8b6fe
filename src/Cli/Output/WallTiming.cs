using System.Text.Json.Nodes;

namespace DmaActors.Cli.Output;

/// <summary>
/// How long a simulation took on the host: wall seconds against the virtual seconds it simulated.
/// The only figures of a report that differ between two runs on the same seed, so
/// <c>--no-wall-time</c> leaves them out wherever byte-for-byte comparison matters.
/// </summary>
/// <param name="WallSeconds">Host wall time of the simulation (the world's run, not process start-up nor board parsing).</param>
/// <param name="VirtualSeconds">Virtual time it simulated.</param>
internal sealed record WallTiming(double WallSeconds, double VirtualSeconds)
{
    /// <summary>Virtual seconds simulated per wall second: 1 runs as fast as the hardware, below 1 slower.</summary>
    public double RealTimeFactor => WallSeconds > 0 ? VirtualSeconds / WallSeconds : double.PositiveInfinity;

    /// <summary>The sentence the text report prints.</summary>
    public string Describe(string what) =>
        $"wall {Figures.Fixed(WallSeconds, 3)} s for {what} ({Figures.Fixed(VirtualSeconds * 1e3, 3)} ms virtual): real-time factor {Figures.Fixed(RealTimeFactor, 4)}";

    /// <summary>Adds this timing's figures to a JSON object (<c>WallSeconds</c>, <c>VirtualSeconds</c>, <c>RealTimeFactor</c>).</summary>
    public void AddTo(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json[nameof(WallSeconds)] = WallSeconds;
        json[nameof(VirtualSeconds)] = VirtualSeconds;
        json[nameof(RealTimeFactor)] = double.IsFinite(RealTimeFactor) ? RealTimeFactor : null;
    }
}
