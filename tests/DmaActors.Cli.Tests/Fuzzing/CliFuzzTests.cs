using CsCheck;
using Xunit.Abstractions;

namespace DmaActors.Cli.Tests.Fuzzing;

/// <summary>
/// Workload JSON and option lines, generated (CsCheck): mutations of examples/boards/load.json and
/// random workloads, and random argv over the real commands and options with values valid and not
/// (issue 13, item 4). <c>DMACTORS_FUZZ_ITERATIONS=N</c> runs N inputs per property.
/// </summary>
public sealed class CliFuzzTests(ITestOutputHelper output)
{
    private static readonly string Board = CliRunner.RepoFile("examples/boards/tour.dts");
    private static readonly string Load = File.ReadAllText(CliRunner.RepoFile("examples/boards/load.json"));

    /// <summary>JSON pieces a mutation inserts: structure, the format's names and values at their edges.</summary>
    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "1", "1e309", "NaN", "4294967296", "\"slave\"", "\"cyclic\"", "\"memcpy\"",
        "\"kind\"", "\"bytes\"", "\"queueDepth\"", "\"count\"", "\"consumer\"", "\"channel\"", "\"controller\"", "\"periodBytes\"", "\"runMilliseconds\"", "\"streams\"",
        "\"48030000.spi\"", "\"rx0\"", "\"tx0\"", "\"49000000.edma\"", "99", "0.5", "2147483648", "\"\\u0000\"",
    ];

    private static Gen<string> MutatedLoad { get; } =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1_000_000], Gen.Int[0, JsonTokens.Length - 1], Gen.Int[1, 12]).Array[1, 4].Select(edits =>
        {
            var text = Load;
            foreach (var (kind, where, token, length) in edits)
            {
                int at = (int)((long)where * text.Length / 1_000_001);
                text = kind switch
                {
                    0 => text.Insert(at, JsonTokens[token]),
                    1 => text.Remove(at, Math.Min(length, text.Length - at)),
                    2 => text.Remove(at, Math.Min(length, text.Length - at)).Insert(at, JsonTokens[token]),
                    _ => text[..at],
                };
            }
            return text;
        });

    private static Gen<string> Number { get; } = Gen.OneOf(Gen.Const("0"), Gen.Const("-1"), Gen.Int[1, 64].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("4096"), Gen.Const("2147483648"), Gen.Const("1e400"), Gen.Const("\"7\""), Gen.Const("null"));

    private static Gen<string> RandomStream { get; } =
        Gen.Select(Gen.OneOf(Gen.Const("\"slave\""), Gen.Const("\"cyclic\""), Gen.Const("\"memcpy\""), Gen.Const("3"), Gen.Const("\"dma\"")),
            Gen.OneOf(Gen.Const("\"48030000.spi\""), Gen.Const("\"spi0\""), Gen.Const("\"/spi@48030000\""), Gen.Const("\"nope\"")),
            Gen.OneOf(Gen.Const("\"rx0\""), Gen.Const("\"tx0\""), Gen.Const("\"rx9\"")), Number, Number, Number)
            .Select((kind, consumer, channel, bytes, depth, period) =>
                $$"""{ "kind": {{kind}}, "consumer": {{consumer}}, "channel": {{channel}}, "bytes": {{bytes}}, "queueDepth": {{depth}}, "periodBytes": {{period}} }""");

    private static Gen<string> RandomWorkload { get; } =
        Gen.Select(Gen.OneOf(Gen.Const("1"), Gen.Const("0"), Gen.Const("-3"), Gen.Const("0.01"), Gen.Const("\"x\"")), RandomStream.Array[0, 4])
            .Select((ms, streams) => $$"""{ "runMilliseconds": {{ms}}, "streams": [ {{string.Join(", ", streams)}} ] }""");

    [Fact]
    public void Generated_workloads_end_in_a_clean_run_or_a_located_refusal_never_a_crash()
    {
        var fuzz = new CliFuzzCase("workload JSON (mutated load.json and random workloads)");
        string folder = Directory.CreateTempSubdirectory("fuzz-workload-").FullName;
        try
        {
            Gen.Frequency((1, MutatedLoad), (1, RandomWorkload)).Sample(
                json =>
                {
                    string file = Path.Combine(folder, "w.json");
                    File.WriteAllText(file, json);
                    fuzz.Run(["run", Board, "--workload", file, "--ms", "0.05", "--seed", "1"]);
                },
                writeLine: output.WriteLine, seed: CliFuzzCase.Seed, iter: CliFuzzCase.Iterations(400), threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        fuzz.Report(output);
    }

    /// <summary>Values for any option: small valid ones (so a run stays short), and refusals of every kind.</summary>
    private static Gen<string> Value { get; } = Gen.OneOf(
        Gen.Const("1"), Gen.Const("2"), Gen.Const("0"), Gen.Const("-1"), Gen.Const("-5"), Gen.Const("NaN"), Gen.Const("0.05"), Gen.Const("99999999999"),
        Gen.Const("fast"), Gen.Const(""), Gen.Const("channels"), Gen.Const("controllers"), Gen.Const("round-robin"), Gen.Const("lottery"), Gen.Const("4,5"),
        Gen.Const("/proc/no/such/file"), Gen.Const("/dev/null"), Gen.Const("dma0chan0"), Gen.String[Gen.Char["abc,.-/09"], 0, 6]);

    private static readonly (string Command, string[] Fixed, string[] Options, string[] Flags)[] Commands =
    [
        ("demo", ["--ms", "0.05"], ["--seed", "--ms", "--csv", "--log"], ["--json", "--wide", "--no-color"]),
        ("run", [Board, "--ms", "0.05"], ["--seed", "--ms", "--csv", "--workload", "--log", "-D", "-i"], ["--json", "--wide", "--no-color"]),
        ("explore", ["--ms", "0.05", "--seeds", "1"], ["--ms", "--seeds", "--csv", "--board", "--workload"], ["--json", "--wide"]),
        ("dmatest", ["--iterations", "1"], ["--iterations", "--channel", "--device", "--threads-per-chan", "--max-channels", "--test-buf-size", "--timeout", "--alignment", "--transfer-size", "--board"], ["--noverify", "--norandom", "--polled", "--memset", "--verbose", "--json"]),
        ("board", [Board], ["-D", "-i", "-I"], ["--json"]),
        ("bench", ["arbitration", "--loads", "4", "--ms", "0.05", "--policies", "round-robin"], ["--physical", "--ms", "--loads", "--csv"], ["--json", "--wide"]),
        ("frob", [], ["--frob"], ["--help"]),
    ];

    private static Gen<string[]> OptionLine { get; } =
        Gen.Int[0, Commands.Length - 1].SelectMany(c =>
        {
            var (command, fixedArgs, options, flags) = Commands[c];
            var option = Gen.Select(Gen.Int[0, options.Length - 1], Value).Select((o, v) => new[] { options[o], v });
            var flag = Gen.Int[0, flags.Length - 1].Select(f => new[] { flags[f] });
            return Gen.Frequency((3, option), (1, flag)).Array[0, 4].Select(parts => (string[])[command, .. fixedArgs, .. parts.SelectMany(p => p)]);
        });

    [Fact]
    public void Generated_option_lines_end_in_exit_0_1_or_2_with_a_message_never_a_crash()
    {
        var fuzz = new CliFuzzCase("option lines over every command");
        OptionLine.Sample(fuzz.Run, writeLine: output.WriteLine, seed: CliFuzzCase.Seed, iter: CliFuzzCase.Iterations(400), threads: 1, print: args => string.Join(' ', args));
        fuzz.Report(output);
    }
}
