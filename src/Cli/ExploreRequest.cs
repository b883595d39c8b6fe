using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Cli;

/// <summary>What <c>explore</c> was asked to do: the board and workload files (none: the demo's), the run length, the seeds, cpp's and dtc's options.</summary>
/// <param name="Board">The board file, or null for the built-in demo board.</param>
/// <param name="Workload">The workload file, or null.</param>
/// <param name="Milliseconds">Virtual time per seed, or null for the workload's (at most 2).</param>
/// <param name="Seeds">Seeds 1 to this.</param>
/// <param name="Preprocessor">How the board is read.</param>
internal sealed record ExploreRequest(FileInfo? Board, FileInfo? Workload, double? Milliseconds, int Seeds, DtsLoadOptions Preprocessor)
{
    /// <summary>
    /// The same request as <c>explore</c>'s command line, every path made absolute: what a cluster
    /// worker is sent to make the same runs (<see cref="ExploreOptions.Parse"/> reads it back).
    /// </summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "--seeds", Seeds.ToString(CultureInfo.InvariantCulture) };
        if (Milliseconds is { } ms) arguments.AddRange(["--ms", ms.ToString("R", CultureInfo.InvariantCulture)]);
        if (Board is not null) arguments.AddRange(["--board", Board.FullName]);
        if (Workload is not null) arguments.AddRange(["--workload", Workload.FullName]);
        foreach (string directory in Preprocessor.IncludeDirectories) arguments.AddRange(["-I", Path.GetFullPath(directory)]);
        foreach (string define in Preprocessor.Defines) arguments.AddRange(["-D", define]);
        foreach (string directory in Preprocessor.SearchDirectories) arguments.AddRange(["-i", Path.GetFullPath(directory)]);
        return arguments;
    }
}
