using System.Globalization;

namespace DmaActors.Cluster;

/// <summary>The coordinator's progress line: items done and in flight, each node's share, runs per second across the cluster.</summary>
internal static class ProgressLine
{
    /// <summary>
    /// <c>cluster: 120/2000 items done, 4 in flight, 23.5 runs/s; 127.0.0.1:40001 60 done 2 running, …</c>
    /// (runs/s counts the items this run finished, not those resumed from the record).
    /// </summary>
    public static string Format<TWorker>(WorkLedger<TWorker> ledger, int resumed, TimeSpan elapsed, IEnumerable<TWorker> workers, Func<TWorker, string> name)
        where TWorker : notnull
    {
        double rate = elapsed.TotalSeconds > 0 ? (ledger.Done - resumed) / elapsed.TotalSeconds : 0;
        var nodes = workers.Select(w => string.Create(CultureInfo.InvariantCulture, $"{name(w)} {ledger.FinishedBy.GetValueOrDefault(w)} done {ledger.RunningOn(w)} running")).ToList();
        string perNode = nodes.Count == 0 ? "no workers yet" : string.Join(", ", nodes);
        return string.Create(CultureInfo.InvariantCulture, $"cluster: {ledger.Done}/{ledger.Items} items done, {ledger.InFlight} in flight, {rate:F1} runs/s; {perNode}");
    }
}
