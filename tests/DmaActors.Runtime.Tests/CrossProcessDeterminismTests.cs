using DmaActors.Tests.Shared;
using System.Diagnostics;
using System.Globalization;
using DmaActors.TestKit;

namespace DmaActors.Runtime.Tests;

/// <summary>A seed's schedule is a function of the seed and the program alone: a child process reproduces this process's trace.</summary>
public sealed class CrossProcessDeterminismTests
{
    [Theory]
    [InlineData(7UL)]
    [InlineData(42UL)]
    public void A_seed_gives_the_same_step_trace_in_a_separate_process(ulong seed)
    {
        string here;
        using (var scope = new SimulationScope("trace", SimulationSettings.Deterministic(seed)))
        {
            int value = LostUpdateProgram.Run(scope.System);
            var trace = scope.World.Trace!;
            here = string.Create(CultureInfo.InvariantCulture, $"{trace.Fingerprint:x16} {trace.Steps} {value}");
        }

        string there = RunChild(seed);

        Assert.Equal(here, there);
    }

    private static string RunChild(ulong seed)
    {
        var self = typeof(CrossProcessDeterminismTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("trace");
        start.ArgumentList.Add(seed.ToString(CultureInfo.InvariantCulture));
        start.Environment.Remove(SimulationSettings.SeedVariable);
        using var child = Process.Start(start)!;
        string stdout = child.StandardOutput.ReadToEnd();
        string stderr = child.StandardError.ReadToEnd();
        Assert.True(child.WaitForExit(60_000), "The child process did not finish within a minute.");
        Assert.True(child.ExitCode == 0, $"The child exited with {child.ExitCode}: {stderr}");
        return stdout.Trim();
    }
}
