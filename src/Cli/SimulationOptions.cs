using System.CommandLine;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>The options of the commands that run one workload and report it (<c>demo</c>, <c>run</c>).</summary>
internal sealed class SimulationOptions
{
    private readonly Option<FileInfo?> _trace = new("--trace") { HelpName = "FILE", Description = "Write a VCD waveform of DRQ lines, channel busy and bus grants (GTKWave)." };
    private readonly Option<FileInfo?> _timeline = new("--timeline") { HelpName = "FILE", Description = "Write a Chrome trace-event timeline (Perfetto, chrome://tracing)." };
    private readonly Option<FileInfo?> _log = new("--log") { HelpName = "FILE", Description = "Also log to this file." };
    private readonly Option<ulong?> _seed = new("--seed") { HelpName = "N", Description = "Run on the deterministic dispatcher with this seed (replayable); default: the thread pool.", CustomParser = OptionValues.OptionalWholeNumber<ulong> };
    private readonly Option<DirectoryInfo?> _plot = new("--plot") { HelpName = "DIR", Description = "Write bandwidth-over-time plots (SVG and PNG) into DIR: bandwidth.svg (every channel as a share of its demand) and bandwidth-CHANNEL.svg (MB/s) per channel." };
    private readonly Option<double?> _milliseconds = new("--ms") { HelpName = "MS", Description = "Override the workload's run length, in milliseconds of virtual time.", CustomParser = OptionValues.OptionalMilliseconds };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _trace, _timeline, _log, _seed, _milliseconds, _plot }) command.Options.Add(option);
    }

    public RunOptions Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RunOptions(result.GetValue(_trace), result.GetValue(_timeline), result.GetValue(_log), result.GetValue(_seed), result.GetValue(_plot));
    }

    /// <summary><paramref name="workload"/> with the run length <c>--ms</c> gives, if any.</summary>
    /// <summary>The run length given with --ms, or null.</summary>
    public double? Length(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(_milliseconds);
    }

    public Workload WithLength(Workload workload, ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(_milliseconds) is { } length ? workload with { RunMilliseconds = length } : workload;
    }
}
