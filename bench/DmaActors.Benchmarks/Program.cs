using BenchmarkDotNet.Running;

namespace DmaActors.Benchmarks;

/// <summary>
/// BenchmarkDotNet over every benchmark class here, or, with a first argument naming one, a
/// console report BenchmarkDotNet measures awkwardly:
/// <c>idle-memory [actors]</c> (retained bytes per actor) and
/// <c>shutdown-scaling [actors...]</c> (how stopping a wide system grows with its width).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == IdleMemoryReport.Command) return IdleMemoryReport.Run(args[1..]);
        if (args.Length > 0 && args[0] == ShutdownScalingReport.Command) return ShutdownScalingReport.Run(args[1..]);
        FootprintLog.Publish();
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(args));
        return 0;
    }
}
