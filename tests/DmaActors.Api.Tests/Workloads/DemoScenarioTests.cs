using Akka.Actor;
using Akka.Event;
using DmaActors.Boards;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Workloads;

public sealed class DemoScenarioTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void The_demo_board_brings_up_the_edma_and_a_peripheral_per_dma_name()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "bone.dts"));
        var edma = Assert.Single(board.Controllers);
        Assert.Equal("49000000.edma", edma.Device.Dev);
        Assert.Equal(
            ["48030000.spi:tx0@16", "48030000.spi:rx0@17", "44e09000.serial:tx@26", "44e09000.serial:rx@27", "48060000.mmc:tx@24", "48060000.mmc:rx@25", "48038000.mcasp:tx@8", "48038000.mcasp:rx@9"],
            board.Peripherals.Select(p => $"{p.DevName}:{p.ChannelName}@{p.Line}"));
    }

    [Fact]
    public void The_demo_workload_moves_verified_data_on_every_stream_with_no_underrun()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "bone.dts"));
        var report = new WorkloadRunner(board).Run(DemoScenario.Workload with { RunMilliseconds = 10 });
        foreach (var s in report.Streams) TestOutput?.WriteLine($"{s.Name,-16} {s.Channel,-12} {s.Bytes,9} B {s.BytesPerSecond / 1e6,8:F3} MB/s p50 {s.LatencyP50Microseconds,8:F1} us p99 {s.LatencyP99Microseconds,8:F1} us under {s.Underruns} err {s.Errors} mism {s.Mismatches}");
        Assert.Equal(10_000_000, report.RunNanoseconds);
        Assert.All(report.Streams, s => Assert.True(s.Bytes > 0, $"{s.Name} moved nothing"));
        Assert.False(report.HasVerificationFailures);
        Assert.Equal(0, report.Streams.Single(s => s.Kind == StreamKind.Cyclic).Underruns);
        var controller = Assert.Single(report.Controllers);
        Assert.InRange(controller.JainFairness, 0.0, 1.0);
        Assert.InRange(controller.BusUtilisation, 0.0, 1.0);
    }

    [Fact]
    public void The_report_holds_each_streams_bytes_per_interval_of_the_run_adding_up_to_its_bandwidth()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(DemoScenario.BoardDts, "bone.dts"));
        var report = new WorkloadRunner(board).Run(DemoScenario.Workload with { RunMilliseconds = 5 });

        Assert.Equal(5_000_000 / 50, report.BucketNanoseconds);
        Assert.All(report.Streams, s => Assert.Equal(50, s.BytesPerBucket.Count));
        foreach (var s in report.Streams)
        {
            // Bandwidth counts bytes from the window's start to the end of the run; the buckets cut
            // the same bytes into intervals (a completion after the last step would be the only gap).
            double windowBytes = s.BytesPerSecond * report.RunNanoseconds / 1e9;
            Assert.InRange(s.BytesPerBucket.Sum(), windowBytes - s.Bytes / Math.Max(1, s.Transfers), windowBytes + 0.5);
        }
        var memcpy = report.Streams.Single(s => s.Kind == StreamKind.Memcpy);
        Assert.All(memcpy.BytesPerBucket, bytes => Assert.True(bytes > 0, "the bulk copy moves data in every interval"));
    }

    /// <summary>
    /// No message of the demo is lost or unhandled while it runs: every actor handles what it is
    /// sent (a handler that returns a bool would mark its message unhandled in Akka), and nothing
    /// answers a post nobody waits on.
    /// </summary>
    [Theory]
    [InlineData(DispatcherKind.Deterministic)]
    [InlineData(DispatcherKind.ThreadPool)]
    public void The_demo_leaves_no_dead_letter_and_no_unhandled_message(DispatcherKind dispatcher)
    {
        using var scope = new SimulationScope("demo-letters", new SimulationSettings { Dispatcher = dispatcher });
        var lost = new List<object>();
        var listener = scope.System.ActorOf(Props.Create(() => new Collector(lost)), "listener");
        scope.System.EventStream.Subscribe(listener, typeof(AllDeadLetters));
        scope.System.EventStream.Subscribe(listener, typeof(UnhandledMessage));
        var board = BoardLoader.Load(scope.System, DtsParser.Parse(DemoScenario.BoardDts, "bone.dts"));

        new WorkloadRunner(board).Run(DemoScenario.Workload with { RunMilliseconds = 2 });
        scope.World.RunUntilIdle();

        lock (lost) Assert.True(lost.Count == 0, $"{lost.Count} lost, the first: {lost.FirstOrDefault()}");
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(List<object> lost) => ReceiveAny(message =>
        {
            lock (lost) lost.Add(message);
        });
    }

    [Fact]
    public void A_workload_file_with_an_unknown_field_or_a_bad_stream_is_refused_with_where_and_why()
    {
        var unknown = Assert.Throws<FormatException>(() => Workload.Parse("{ \"runMilliseconds\": 5, \"streams\": [], \"speed\": 3 }", "w.json"));
        Assert.StartsWith("w.json:", unknown.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<FormatException>(() => Workload.Parse("{ \"streams\": [ { \"kind\": \"cyclic\", \"consumer\": \"x\", \"channel\": \"tx\", \"bytes\": 1000, \"periodBytes\": 300 } ] }", "w.json"));
        Assert.Contains("streams[0]", bad.Message, StringComparison.Ordinal);
        Assert.Contains("periodBytes", bad.Message, StringComparison.Ordinal);
        var ok = Workload.Parse("{ // comment\n \"runMilliseconds\": 2, \"streams\": [ { \"kind\": \"memcpy\", \"bytes\": 4096 } ] }");
        Assert.Equal(StreamKind.Memcpy, ok.Streams[0].Kind);
    }

    [Fact]
    public void Jain_index_is_one_for_equal_shares_and_one_over_n_for_a_single_winner()
    {
        Assert.Equal(1.0, WorkloadReport.Jain([0.5, 0.5, 0.5]), 9);
        Assert.Equal(0.25, WorkloadReport.Jain([1, 0, 0, 0]), 9);
    }
}
