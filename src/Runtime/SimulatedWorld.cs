using Akka;
using Akka.Actor;
using DmaActors.Runtime.Dispatch;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>
/// What a simulated <c>ActorSystem</c> has beyond plain Akka.NET, as an Akka extension: its clock
/// (virtual nanoseconds or wall time), its dispatcher's engine (seeded deterministic steps, or
/// the counting thread pool), and the calls that drive it: <see cref="RunUntil"/>,
/// <see cref="RunUntilIdle"/>, <see cref="Advance"/>, <see cref="AskBlocking{T}"/>.
/// Get it with <see cref="Of"/> (or <c>system.Simulation()</c>).
/// </summary>
/// <remarks>
/// Lifetime: made (and registered under an id its system's config names) before Akka creates the
/// system, bound to it once the system has started, released when it terminates. A deterministic
/// world runs freely while Akka starts, then is held: from then on nothing runs until a caller
/// drives it, and the seed counts from there. Split by concern: Drive (running and time), Ask.
/// </remarks>
public sealed partial class SimulatedWorld : IExtension, IDisposable
{
    /// <summary>The dispatcher id of a world that is the whole system (<see cref="Simulation.Create"/>).</summary>
    public const string DefaultDispatcherId = "akka.actor.default-dispatcher";

    private readonly VirtualClock? _virtual;
    private IActorRef? _root;
    private IMessageTracer? _tracer;
    private Exception? _driverFailure;
    private int _disposed;

    internal SimulatedWorld(SimulationSettings settings, string dispatcherId = DefaultDispatcherId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validated();
        Clock = settings.Clock == ClockKind.Virtual ? new VirtualClock() : new RealClock();
        _virtual = Clock as VirtualClock;
        DispatcherId = dispatcherId;
        Id = WorldRegistry.Add(this);
        if (settings.Dispatcher == DispatcherKind.Deterministic) Steps = new DeterministicSteps(this, settings.EffectiveSeed, settings.TraceCapacity);
        else Counter = new InFlightCounter(OnQuiescent);
        if (_virtual is not null && Counter is not null) _virtual.Guard = Counter;
    }

    /// <summary>The id the system's config names this world by.</summary>
    public string Id { get; }

    /// <summary>How this world runs.</summary>
    public SimulationSettings Settings { get; }

    /// <summary>The world's nanosecond clock and timer service.</summary>
    public IClock Clock { get; }

    /// <summary>The system this world belongs to (set once the system has started).</summary>
    public ActorSystem System { get; private set; } = null!;

    /// <summary>
    /// The dispatcher the world's actors run on: the default one when the world is the whole
    /// system, a dispatcher of its own when attached to a system a user already had. Give it to
    /// <c>Props.WithDispatcher</c> for actors that must live on simulated time.
    /// </summary>
    public string DispatcherId { get; }

    /// <summary>Whether the deterministic dispatcher runs this world.</summary>
    public bool IsDeterministic => Steps is not null;

    /// <summary>The seed of the deterministic dispatcher; null on the thread pool.</summary>
    public ulong? Seed => Steps?.Seed;

    /// <summary>The steps the deterministic dispatcher has taken since the seed started counting; null on the thread pool.</summary>
    public ScheduleTrace? Trace => Steps?.Trace;

    /// <summary>Sees every message an actor of this world takes; null (the default) costs one read per message.</summary>
    public IMessageTracer? Tracer
    {
        get => Volatile.Read(ref _tracer);
        set => Volatile.Write(ref _tracer, value);
    }

    internal DeterministicSteps? Steps { get; }

    internal InFlightCounter? Counter { get; }

    internal ProgressSignal Progress { get; } = new();

    /// <summary>The world of <paramref name="system"/>.</summary>
    /// <exception cref="Akka.Configuration.ConfigurationException">The system is not simulated and no world was attached to it.</exception>
    public static SimulatedWorld Of(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<SimulatedWorld, Provider>();
    }

    /// <summary>
    /// Starts an actor on the world's dispatcher, directly under <c>/user</c> when the world is the
    /// whole system, under the world's root actor when it is attached to a user's system. Use this
    /// rather than <c>system.ActorOf</c> for an attached world (see <see cref="WorldRoot"/>).
    /// </summary>
    /// <exception cref="ActorDeadlockException">Called from inside the world (an attached world asks its root).</exception>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        return _root is null ? System.ActorOf(props, name) : AskBlocking<IActorRef>(_root, new WorldRoot.Spawn(props, name));
    }

    /// <summary>
    /// <paramref name="props"/> on the world's dispatcher. Akka gives a child the default
    /// dispatcher, not its parent's: an actor of a world attached to a user's system starts its
    /// children with these props so they live on the world's time too.
    /// </summary>
    public Props OnWorld(Props props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return props.Dispatcher == DispatcherId ? props : props.WithDispatcher(DispatcherId);
    }

    /// <summary>An attached world gets its root actor, and waits (wall time: Akka starts it) until it runs.</summary>
    internal void StartRoot()
    {
        var root = System.ActorOf(Props.Create(() => new WorldRoot(DispatcherId)).WithDispatcher(DispatcherId), "dmactors-world");
        if (!root.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromSeconds(30)).Wait(TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"The simulated world's root actor in {System.Name} did not start within 30 s.");
        _root = root;
    }

    /// <summary>Binds the world to its started system: extension, termination hooks; a deterministic world settles and is held from here.</summary>
    internal void Bind(ActorSystem system)
    {
        System = system;
        ((ExtendedActorSystem)system).RegisterExtension(new Provider(this));
        system.RegisterOnTermination(Dispose);
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "dmactors-release-world", () =>
        {
            Steps?.ReleaseForTermination();
            return Task.FromResult(Done.Instance);
        });
        if (Steps is { } steps)
        {
            // Start-up ran on the driver thread in an order the seed does not decide; finish it
            // here, then count the seed from a quiet world.
            lock (steps.StepLock)
            {
                while (steps.TryRunOne())
                {
                }
            }
            steps.HoldFromSeed(Settings.EffectiveSeed);
        }
    }

    /// <summary>A runtime thread (the driver, a pool thread) hit an exception that is not an actor's: kept and rethrown to the next caller that drives.</summary>
    internal void ReportDriverFailure(Exception failure)
    {
        Interlocked.CompareExchange(ref _driverFailure, failure, null);
        Progress.Pulse();
    }

    /// <summary>Stops the driver thread and forgets the world; runs when the system has terminated.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Steps?.Dispose();
        WorldRegistry.Remove(Id);
    }

    /// <summary>Akka's extension id: finds the world its system's config names.</summary>
    private sealed class Provider(SimulatedWorld? world) : ExtensionIdProvider<SimulatedWorld>
    {
        public Provider()
            : this(null)
        {
        }

        public override SimulatedWorld CreateExtension(ExtendedActorSystem system) =>
            world ?? WorldRegistry.Find(system.Settings.Config);
    }
}
