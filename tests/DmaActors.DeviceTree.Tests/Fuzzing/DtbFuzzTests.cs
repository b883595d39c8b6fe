using CsCheck;
using Xunit.Abstractions;

namespace DmaActors.DeviceTree.Tests.Fuzzing;

/// <summary>
/// Fuzzed blobs (issue 13, item 4): our writer's blobs of the corpus trees with bytes flipped,
/// words set to awkward values (lengths, offsets, tokens, header fields), and cuts, copies and
/// deletions. Each is read, or refused with a byte offset; never another exception, never past
/// the time or memory bound. What is read is written again and reads back the same.
/// </summary>
public sealed class DtbFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_blobs_are_read_or_refused_with_a_byte_offset()
    {
        var outcomes = new FuzzOutcomes("DTB: mutated blobs");
        Mutations.MutatedBlob.Sample(
            blob =>
            {
                var (tree, refusal) = Guarded.Run(() => DtbReader.Read(blob, "fuzz.dtb"), blob.Length, blob: true);
                outcomes.Count(refusal);
                if (tree is null) return;
                if (TreeComparison.Difference(tree, DtbReader.Read(DtbWriter.Write(tree), "again.dtb")) is { } difference)
                    throw new FuzzFailure($"a blob read, written and read again differs: {difference}");
                outcomes.CountExtra();
            },
            writeLine: output.WriteLine,
            seed: FuzzSettings.Seed,
            iter: FuzzSettings.Iterations(8_000),
            print: Printed.Blob);
        outcomes.Report(output, "read trees carried unchanged through our DTB writer and reader");
    }
}
