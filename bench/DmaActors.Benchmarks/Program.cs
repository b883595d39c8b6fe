using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace DmaActors.Benchmarks;

/// <summary>
/// BenchmarkDotNet over every benchmark class here (with <c>--cores 1,2</c>: once per core count,
/// see <see cref="CoreScaling"/>), or, with a first argument naming one, a console report
/// BenchmarkDotNet measures awkwardly: <c>idle-memory [actors]</c> (retained bytes per actor, on
/// each <see cref="ActorRuntime"/>), <c>idle-vchans [channels]</c> (retained bytes per idle virtual
/// channel, never opened and opened, against per idle actor) and <c>shutdown-scaling [actors...]</c>
/// (how terminating a wide system grows with its width, on each runtime) and <c>contended-bursts [KiB]</c>
/// (contended bursts per wall second, each policy, two and eight channels).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == IdleMemoryReport.Command) return IdleMemoryReport.Run(args[1..]);
        if (args.Length > 0 && args[0] == IdleVirtualChannelsReport.Command) return IdleVirtualChannelsReport.Run(args[1..]);
        if (args.Length > 0 && args[0] == ShutdownScalingReport.Command) return ShutdownScalingReport.Run(args[1..]);
        if (args.Length > 0 && args[0] == ContendedBurstsReport.Command) return ContendedBurstsReport.Run(args[1..]);
        IConfig config;
        string[] arguments;
        try
        {
            (config, arguments) = BenchConfig.Create(args);
        }
        catch (ArgumentException bad)
        {
            Console.Error.WriteLine(bad.Message);
            return 2;
        }
        FootprintLog.Publish();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, config);
        return 0;
    }
}
