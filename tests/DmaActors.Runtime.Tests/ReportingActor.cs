namespace DmaActors.Runtime.Tests;

/// <summary>
/// A lifecycle witness: reports every hook and every ordinary message to <c>reporter</c> as a
/// <c>"name:event"</c> string (the restart hooks as records, so a test can check the cause and the
/// failing message by identity). It throws the cause of a <see cref="Fail"/>, answers "count" with
/// how many ordinary messages this instance has handled (fresh after a restart), stops itself on
/// "stop", and starts the named children in <see cref="PreStart"/>.
/// </summary>
internal sealed class ReportingActor : Actor
{
    private readonly string _name;
    private readonly IActorRef _reporter;
    private readonly string[] _children;
    private int _handled;

    public ReportingActor(string name, IActorRef reporter, params string[] children)
    {
        _name = name;
        _reporter = reporter;
        _children = children;
        Receive<Fail>(fail => throw fail.Cause);
        Receive<string>(text => text == "count", _ => Sender.Tell(_handled));
        Receive<string>(text => text == "stop", _ => Context.Stop(Self));
        ReceiveAny(message =>
        {
            _handled++;
            _reporter.Tell($"{_name}:{message}");
        });
    }

    /// <summary>A recipe for one, so tests read as what they build.</summary>
    public static Props PropsFor(string name, IActorRef reporter, params string[] children) =>
        Props.Create(() => new ReportingActor(name, reporter, children));

    protected override void PreStart()
    {
        _reporter.Tell($"{_name}:prestart");
        foreach (var child in _children) Context.Spawn(PropsFor(child, _reporter), child);
    }

    protected override void PostStop() => _reporter.Tell($"{_name}:poststop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _reporter.Tell(new PreRestartSeen(_name, reason, message));
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _reporter.Tell(new PostRestartSeen(_name, reason));
        base.PostRestart(reason);
    }
}

/// <summary>Makes a <see cref="ReportingActor"/> (or any actor that honours it) throw <see cref="Cause"/>.</summary>
internal sealed record Fail(Exception Cause);

/// <summary>A <see cref="ReportingActor"/>'s PreRestart ran with this cause and failing message.</summary>
internal sealed record PreRestartSeen(string Actor, Exception Reason, object? Message);

/// <summary>A <see cref="ReportingActor"/>'s PostRestart ran with this cause.</summary>
internal sealed record PostRestartSeen(string Actor, Exception Reason);
