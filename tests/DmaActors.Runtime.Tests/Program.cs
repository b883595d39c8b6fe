using System.Globalization;
using DmaActors.Runtime;
using DmaActors.Tests.Shared;

// This test assembly is also a program: `dotnet DmaActors.Runtime.Tests.dll trace <seed>` runs
// the racy program under that seed and prints its trace fingerprint, so a test can compare a
// child process's schedule with its own (CrossProcessDeterminismTests).
if (args is ["trace", var seedText])
{
    ulong seed = ulong.Parse(seedText, CultureInfo.InvariantCulture);
    var system = Simulation.Create("trace", SimulationSettings.Deterministic(seed));
    int value = LostUpdateProgram.Run(system);
    var trace = system.Simulation().Trace!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trace.Fingerprint:x16} {trace.Steps} {value}"));
    system.Terminate().Wait(TimeSpan.FromSeconds(10));
    return 0;
}
Console.Error.WriteLine("usage: DmaActors.Runtime.Tests trace <seed>");
return 2;
