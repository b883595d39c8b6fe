using System.Globalization;
using DmaActors.Cluster;
using DmaActors.Cluster.Tests;

// This test assembly is also a program, so the planted race can be hunted by nodes that are
// separate processes (ProcessClusterTests):
//   dotnet DmaActors.Cluster.Tests.dll coordinator PORT SEEDS RECORD   prints "first failing seed: N" or "no failing seed"
//   dotnet DmaActors.Cluster.Tests.dll worker PORT SELF-PORT           runs items with one slot until the job is over
if (args is ["coordinator", var port, var seeds, var recordPath])
{
    var at = new ClusterEndpoint("127.0.0.1", int.Parse(port, CultureInfo.InvariantCulture));
    var job = new ClusterJob("planted-race", [], int.Parse(seeds, CultureInfo.InvariantCulture), StopAtFirstFailure: true);
    using var record = RecordFile.Open(recordPath, job);
    var outcome = ClusterCoordinator.Run(at, job, record, Console.Error);
    Console.WriteLine(outcome.LowestFailure is { } item ? $"first failing seed: {item + 1}" : "no failing seed");
    return 0;
}
if (args is ["worker", var join, var self])
{
    var outcome = ClusterWorker.Run(
        new ClusterEndpoint("127.0.0.1", int.Parse(join, CultureInfo.InvariantCulture)),
        new ClusterEndpoint("127.0.0.1", int.Parse(self, CultureInfo.InvariantCulture)),
        1, _ => new PlantedOrderRace(), TimeSpan.FromSeconds(60));
    Console.Error.WriteLine($"worker: {outcome.Message}");
    return outcome.JobDone ? 0 : 4;
}
Console.Error.WriteLine("usage: DmaActors.Cluster.Tests coordinator PORT SEEDS RECORD | worker PORT SELF-PORT");
return 2;
