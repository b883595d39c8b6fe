using Akka.Dispatch;

namespace DmaActors.Runtime.Dispatch;

/// <summary>
/// The engine of the deterministic dispatcher: the set of runnable mailboxes, the seeded choice
/// among them, and the trace of steps. A step runs exactly one runnable: one mailbox run (its
/// system messages, then one user message) or one dispatcher task. Same seed, same program, same
/// choices, same trace.
/// </summary>
/// <remarks>
/// <para>
/// Who runs steps: whichever thread drives the world (<see cref="SimulatedWorld.RunUntil"/>,
/// <see cref="SimulatedWorld.AskBlocking{T}"/>, ...), one at a time under <see cref="StepLock"/>;
/// or, while the world is not held, a driver thread of its own. The world is free-running while
/// Akka starts (it blocks on its logger) and while it terminates; in between it is held: nothing
/// runs until somebody drives, so every message a test thread sends is queued in program order
/// before the seed decides anything (replay depends on that).
/// </para>
/// <para>
/// Ordering: the ready set is a list in insertion order and the pick is by index, so nothing
/// depends on hash codes or addresses. A mailbox is marked scheduled by Akka before it is handed
/// here and stays so while it runs, so it is never in the set twice.
/// </para>
/// </remarks>
internal sealed class DeterministicSteps : IDisposable
{
    private const int Free = 0, Held = 1, Terminating = 2, Stopped = 3;

    /// <summary>Guards <see cref="_ready"/> and <see cref="_random"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Runnables handed over by Akka and not run yet, in the order they became ready.</summary>
    private readonly List<IRunnable> _ready = [];

    private readonly int _traceCapacity;
    private readonly SimulatedWorld _world;
    private readonly Thread _driver;
    private readonly AutoResetEvent _wake = new(false);

    /// <summary>Set while this thread runs a step: code running then is inside the world.</summary>
    [ThreadStatic]
    private static bool t_stepping;

    private SeededRandom _random;
    private int _mode = Free;

    public DeterministicSteps(SimulatedWorld world, ulong seed, int traceCapacity)
    {
        _world = world;
        _traceCapacity = traceCapacity;
        Seed = seed;
        _random = new SeededRandom(seed);
        Trace = new ScheduleTrace(traceCapacity);
        _driver = new Thread(DriverLoop) { IsBackground = true, Name = "dmactors-deterministic-driver" };
        _driver.Start();
    }

    /// <summary>Held by the thread running steps; Monitor-based so the owner may re-enter.</summary>
    public object StepLock { get; } = new();

    public ulong Seed { get; private set; }

    public ScheduleTrace Trace { get; private set; }

    public bool IsHeld => Volatile.Read(ref _mode) == Held;

    /// <summary>Whether this thread is running a step now.</summary>
    public static bool IsStepping => t_stepping;

    /// <summary>Whether nothing is ready to run (the caller holds <see cref="StepLock"/>, so nothing runs either).</summary>
    public bool IsEmpty
    {
        get { lock (_gate) return _ready.Count == 0; }
    }

    /// <summary>Akka hands over a runnable mailbox or task.</summary>
    public void Enqueue(IRunnable runnable)
    {
        lock (_gate) _ready.Add(runnable);
        if (Volatile.Read(ref _mode) != Held) _wake.Set();
        _world.Progress.Pulse();
    }

    /// <summary>Runs one seeded-randomly chosen runnable; false when none is ready. The caller holds <see cref="StepLock"/>.</summary>
    public bool TryRunOne()
    {
        IRunnable runnable;
        lock (_gate)
        {
            int count = _ready.Count;
            if (count == 0) return false;
            int pick = _random.Next(count);
            runnable = _ready[pick];
            _ready[pick] = _ready[count - 1];
            _ready.RemoveAt(count - 1);
        }
        t_stepping = true;
        try
        {
            runnable.Run();
        }
        finally
        {
            t_stepping = false;
        }
        Record(runnable);
        return true;
    }

    /// <summary>
    /// Start-up has settled: starts the seed's count from here (start-up order depends on threads
    /// Akka starts, not on the seed) and holds the world until somebody drives it.
    /// </summary>
    public void HoldFromSeed(ulong seed)
    {
        lock (StepLock)
        {
            Volatile.Write(ref _mode, Held);
            Seed = seed;
            lock (_gate) _random = new SeededRandom(seed);
            Trace = new ScheduleTrace(_traceCapacity);
        }
    }

    /// <summary>The system terminates: the driver thread runs what is left, moving time as needed.</summary>
    public void ReleaseForTermination()
    {
        if (Volatile.Read(ref _mode) == Stopped) return;
        Volatile.Write(ref _mode, Terminating);
        _wake.Set();
    }

    public void Dispose()
    {
        Volatile.Write(ref _mode, Stopped);
        _wake.Set();
        if (Thread.CurrentThread != _driver) _driver.Join(TimeSpan.FromSeconds(5));
        _wake.Dispose();
    }

    private void Record(IRunnable runnable)
    {
        long now = _world.Clock.NowNanoseconds;
        if (runnable is Mailbox { MessageQueue: SimulationMessageQueue queue })
        {
            var (name, hash) = StepName(queue.TakeLastDequeued());
            Trace.Add(now, queue.Label, queue.LabelHash, name, hash);
        }
        else
        {
            Trace.Add(now, runnable is Mailbox mailbox ? "mailbox:" + mailbox.MessageQueue.GetType().Name : "task", runnable.GetType().Name);
        }
    }

    /// <summary>A message's name in the trace (its type's, or "sys" when only system messages ran) and its hash, kept per type.</summary>
    private static (string Name, ulong Hash) StepName(object? message)
    {
        if (message is null) return SystemStep;
        var type = message.GetType();
        return TypeNames.TryGetValue(type, out var known) ? known : TypeNames.GetOrAdd(type, static t => (t.Name, ScheduleTrace.HashOf(t.Name)));
    }

    private static readonly (string Name, ulong Hash) SystemStep = ("sys", ScheduleTrace.HashOf("sys"));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string Name, ulong Hash)> TypeNames = new();

    /// <summary>Runs steps whenever the world is not held: Akka's start-up, and termination.</summary>
    private void DriverLoop()
    {
        while (true)
        {
            int mode = Volatile.Read(ref _mode);
            if (mode == Stopped) return;
            if (mode != Held && Monitor.TryEnter(StepLock))
            {
                try
                {
                    while (Volatile.Read(ref _mode) is Free or Terminating && TryRunOne())
                    {
                    }
                }
                catch (Exception failure)
                {
                    // Akka handles actor failures itself; anything else is a runtime bug that must not kill the process.
                    _world.ReportDriverFailure(failure);
                }
                finally
                {
                    Monitor.Exit(StepLock);
                }
            }
            _wake.WaitOne(mode == Held ? 100 : 10);
        }
    }
}
