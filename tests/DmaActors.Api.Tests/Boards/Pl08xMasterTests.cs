using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Boards;

/// <summary>
/// The PL08x specifier's second cell, the peripheral's AHB master(s), is used by the model (issue
/// 12, Deliver 5): as pl08x_select_bus() does, the peripheral and memory sides go on different
/// masters when they can, and a burst whose two sides share one master crosses that bus twice.
/// </summary>
public sealed class Pl08xMasterTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DtTree Board(string compatible, string memBuses, int master) => DtsParser.Parse($$"""
        /dts-v1/;
        / {
            #address-cells = <1>; #size-cells = <1>;
            memory@80000000 { device_type = "memory"; reg = <0x80000000 0x4000000>; };
            dma: dma-controller@31000000 {
                compatible = "{{compatible}}", "arm,primecell";
                reg = <0x31000000 0x1000>;
                #dma-cells = <2>;
                {{memBuses}}
            };
            mmc@20098000 { compatible = "arm,pl18x"; reg = <0x20098000 0x1000>; dmas = <&dma 4 {{master}}>; dma-names = "rx"; };
        };
        """, "pl08x-masters.dts");

    private int _boards;

    private double BusBusy(DtTree tree)
    {
        // One world a board: each brings its controller up as dma0.
        using var scope = new SimulationScope($"pl08x-{++_boards}", SimulationSettings.Deterministic(seed: 1));
        var board = BoardLoader.Load(scope.System, tree);
        var report = new WorkloadRunner(board).Run(new Workload
        {
            RunMilliseconds = 2,
            Streams = [new WorkloadStream { Name = "mmc read", Consumer = "20098000.mmc", Channel = "rx", Bytes = 512 }],
        });
        var stream = Assert.Single(report.Streams);
        Assert.True(stream.Bytes > 0 && stream.Mismatches == 0, $"{stream.Bytes} bytes, {stream.Mismatches} mismatches");
        TestOutput?.WriteLine($"{stream.Bytes} B, bus busy {report.Controllers[0].BusUtilisation:P2}");
        return report.Controllers[0].BusUtilisation;
    }

    [Fact]
    public void A_peripheral_on_the_only_memory_master_costs_twice_the_bus_time_of_one_on_the_other_master()
    {
        // Memory on AHB1 only: a peripheral on AHB1 shares it, one on AHB2 does not.
        double shared = BusBusy(Board("arm,pl080", "mem-bus-interface-ahb1;", master: 1));
        double split = BusBusy(Board("arm,pl080", "mem-bus-interface-ahb1;", master: 2));
        Assert.InRange(shared / split, 1.6, 2.05);
    }

    [Fact]
    public void Masters_that_can_be_split_are_split_and_a_pl081_has_only_one()
    {
        // Memory on both masters (none stated): the peripheral's AHB1 leaves AHB2 to memory.
        double split = BusBusy(Board("arm,pl080", "", master: 1));
        double forcedShared = BusBusy(Board("arm,pl080", "mem-bus-interface-ahb1;", master: 1));
        Assert.InRange(forcedShared / split, 1.6, 2.05);
        // A PL081 has one master: everything crosses it twice whatever the cell says.
        double pl081 = BusBusy(Board("arm,pl081", "", master: 2));
        Assert.InRange(pl081 / split, 1.6, 2.05);
    }
}
