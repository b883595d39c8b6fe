using CsCheck;
using Xunit.Abstractions;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// Fuzzed source (issue 13, item 4): mutations of the project's own boards and random token
/// streams. Each input parses, or is refused with a located <see cref="DtsSyntaxException"/>;
/// never another exception, never past the time or memory bound (<see cref="Guarded"/>). What
/// parses is also written as a blob and read back to the same tree.
/// </summary>
public sealed class DtsFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_boards_parse_or_are_refused_with_a_location() =>
        Fuzz("DTS: mutated boards", Mutations.MutatedSource, FuzzSettings.Iterations(4_000));

    [Fact]
    public void Random_token_streams_parse_or_are_refused_with_a_location() =>
        Fuzz("DTS: random token streams", Mutations.TokenStream, FuzzSettings.Iterations(4_000));

    private void Fuzz(string property, Gen<string> inputs, long iterations)
    {
        var outcomes = new FuzzOutcomes(property);
        inputs.Sample(
            text =>
            {
                var (tree, refusal) = Guarded.Run(() => DtsParser.Parse(text, "fuzz.dts", Corpus.ReadInclude), text.Length, blob: false);
                outcomes.Count(refusal);
                if (tree is null) return;
                // Whatever we parse, our writer and reader carry unchanged.
                if (TreeComparison.Difference(tree, DtbReader.Read(DtbWriter.Write(tree), "fuzz.dtb")) is { } difference)
                    throw new FuzzFailure($"the blob of a parsed tree reads back different: {difference}");
                outcomes.CountExtra();
            },
            writeLine: output.WriteLine,
            seed: FuzzSettings.Seed,
            iter: iterations,
            print: Printed.Text);
        outcomes.Report(output, "parsed trees carried unchanged through our DTB writer and reader");
    }
}
