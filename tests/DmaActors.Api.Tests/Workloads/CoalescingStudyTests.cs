using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using DmaActors.TestKit;

namespace DmaActors.Api.Tests.Workloads;

/// <summary>
/// Burst coalescing under the mixed load of the arbitration study (UART, MMC and audio DRQ
/// traffic cutting the bulk channels' trains): every stream's bytes, transfers, latencies,
/// underruns and data check, and each controller's fairness and bus use, are the same with
/// coalescing on and off (<c>dmactors,no-burst-coalescing</c>).
/// </summary>
public sealed class CoalescingStudyTests
{
    public static TheoryData<string, int> Cases => new()
    {
        { "round-robin", 4 },
        { "round-robin", 12 },
        { "fixed-priority", 8 },
        { "weighted-round-robin", 12 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_mixed_study_reports_the_same_figures_with_and_without_coalescing(string policy, int load)
    {
        var coalesced = Run(policy, load, coalesce: true);
        var perBurst = Run(policy, load, coalesce: false);

        Assert.Equal(perBurst, coalesced);
    }

    private static IReadOnlyList<string> Run(string policy, int load, bool coalesce)
    {
        string dts = ArbitrationStudy.BoardDts(policy, load, physicalChannels: 4);
        if (!coalesce) dts = dts.Replace("dmactors,physical-channels", "dmactors,no-burst-coalescing;\n        dmactors,physical-channels", StringComparison.Ordinal);
        using var scope = new SimulationScope("coalescing-study", SimulationSettings.Deterministic(1));
        var board = BoardLoader.Load(scope.System, DtsParser.Parse(dts, "study.dts"));
        Assert.Equal(coalesce, board.Engine.Devices.Single().Description.CoalesceBursts);
        var report = new WorkloadRunner(board).Run(ArbitrationStudy.WorkloadFor(load, milliseconds: 2));
        return [.. report.Streams.Select(s => s.ToString()), .. report.Controllers.Select(c => c.ToString())];
    }
}
