using DmaActors.Runtime.Cells;
namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// Real concurrency on every core: a cell is its own thread-pool work item, queued with
/// <c>preferLocal</c> so a ping-pong partner runs on the worker that woke it (Akka.NET PR #5943).
/// </summary>
internal sealed class ThreadPoolDispatcher(int throughput) : Dispatcher
{
    public override int Throughput { get; } = throughput;

    public override void Schedule(ActorCell cell) => ThreadPool.UnsafeQueueUserWorkItem(cell, preferLocal: true);
}
