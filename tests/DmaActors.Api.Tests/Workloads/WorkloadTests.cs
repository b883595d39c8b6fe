using DmaActors.Boards;
using DmaActors.Boards.Workloads;
using DmaActors.DeviceTree;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Workloads;

/// <summary>A workload file is the user's input: every mistake is a <see cref="FormatException"/> saying where and which rule, in the file's terms, never a .NET type name or a crash.</summary>
public sealed class WorkloadTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Theory]
    [InlineData("""{ "streams": null }""", "w.json: streams must be a list of stream objects, not null.")]
    [InlineData("""{ "streams": [null] }""", "w.json: streams[0] is null; each stream is an object")]
    [InlineData("""{ "streams": [ { "kind": 99 } ] }""", """streams[0].kind must be "slave", "cyclic" or "memcpy".""")]
    [InlineData("""{ "streams": [ { "kind": 2 } ] }""", """streams[0].kind must be "slave", "cyclic" or "memcpy".""")]
    [InlineData("""{ "streams": [ { "kind": "memcpy", "count": -1 } ] }""", "w.json: streams[0] (memcpy@any): count must be 0 (run until the workload ends) or a positive number of transfers, not -1.")]
    [InlineData("""{ "streams": [ { "bytes": "many" } ] }""", "streams[0].bytes must be a whole number")]
    [InlineData("""{ "streams": {} }""", "w.json:1:15: streams must be a list of stream objects.")]
    [InlineData("""{ "runMilliseconds": "long" }""", "runMilliseconds must be a number.")]
    [InlineData("""{ "streams": [ { "speed": 3 } ] }""", "unknown property 'speed' in a stream (a stream has consumer, channel,")]
    [InlineData("""[]""", "the workload must be an object with runMilliseconds and streams.")]
    [InlineData("""null""", "w.json: the file holds null, not a workload")]
    public void Parse_refuses_a_bad_workload_naming_where_and_the_rule_without_dotnet_type_names(string json, string message)
    {
        var refused = Assert.Throws<FormatException>(() => Workload.Parse(json, "w.json"));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DmaActors.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_refuses_a_name_longer_than_the_limit_and_says_the_limit()
    {
        string json = $$"""{ "streams": [ { "kind": "memcpy", "name": "{{new string('n', Workload.MaxNameLength + 1)}}" } ] }""";
        var refused = Assert.Throws<FormatException>(() => Workload.Parse(json, "w.json"));
        Assert.Equal($"w.json: streams[0]: name is {Workload.MaxNameLength + 1} characters long; at most {Workload.MaxNameLength} are allowed.", refused.Message);
    }

    [Fact]
    public void Run_refuses_buffers_that_do_not_fit_in_the_boards_RAM_before_anything_runs()
    {
        var board = BoardLoader.Load(Sys, DtsParser.Parse(
            """
            /dts-v1/;
            / {
                #address-cells = <1>; #size-cells = <1>;
                memory@80000000 { device_type = "memory"; reg = <0x80000000 0x4000>; };
                dma: dma-controller@10130000 { compatible = "arm,pl080"; #dma-cells = <1>; };
            };
            """, "small.dts"));
        var workload = new Workload { RunMilliseconds = 1, Streams = [new WorkloadStream { Kind = StreamKind.Memcpy, Bytes = 8192, QueueDepth = 1 }] };

        var refused = Assert.Throws<FormatException>(() => new WorkloadRunner(board).Run(workload));
        Assert.Equal("workload: stream memcpy@any: its buffers (bytes × (queueDepth + 1) = 16384 bytes) do not fit in the board's RAM (16384 bytes at 0x80000000, free from 0x80001000).", refused.Message);
    }
}
