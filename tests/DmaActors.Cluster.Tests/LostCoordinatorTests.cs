using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>The coordinator process killed: workers exit 4 with a clear message, and a new coordinator on the same record skips what finished.</summary>
public sealed class LostCoordinatorTests(ITestOutputHelper output) : RaceClusterTests(output)
{
    [Fact]
    public void Workers_that_lose_the_coordinator_exit_4_and_a_new_coordinator_on_the_same_record_skips_what_finished()
    {
        string record = Path.Combine(Path.GetTempPath(), $"dmactors-cluster-test-{Guid.NewGuid():N}.record");
        try
        {
            using (var lost = new RaceCluster(record))
            {
                Assert.True(lost.Coordinator.WaitForErrors(e => Regex.IsMatch(e, @"cluster: ([5-9]\d|\d{3,})/2000 items done"), Patience), "no progress:\n" + lost.Coordinator.Errors);
                // Every worker must have joined before the coordinator goes, or a late one only finds no one to join.
                Assert.True(lost.Coordinator.WaitForErrors(e => Regex.Count(e, @"worker 127\.0\.0\.1:\d+ joined") >= lost.Workers.Length, Patience), "not every worker joined:\n" + lost.Coordinator.Errors);
                lost.Coordinator.Kill();
                Assert.All(lost.Workers, w =>
                {
                    Assert.True(w.WaitForExit(Patience), "a worker outlived its coordinator by a minute");
                    Assert.Equal(4, w.ExitCode);
                    Assert.Contains("lost the coordinator at 127.0.0.1:", w.Errors, StringComparison.Ordinal);
                });
            }
            int finished = File.ReadLines(record).Count() - 1;

            using var resumed = new RaceCluster(record);

            Assert.True(resumed.Coordinator.WaitForExit(Patience), "the resumed coordinator did not finish within a minute:\n" + resumed.Coordinator.Errors);
            Report(resumed);
            Assert.Equal($"first failing seed: {Expected}", resumed.Coordinator.Output.Trim());
            Assert.Matches($@"cluster: {finished} items already finished in .*; they are skipped", resumed.Coordinator.Errors);
            Assert.Matches($@"\({finished} from the record\)", resumed.Coordinator.Errors);
        }
        finally
        {
            File.Delete(record);
        }
    }
}
