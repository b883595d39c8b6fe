using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Supervision;

/// <summary>The decision applies to the failing child only.</summary>
/// <param name="decider">Maps a failure to a directive; the default decider when null.</param>
/// <param name="maxRestarts">Restarts allowed within <paramref name="window"/>; negative is unlimited.</param>
/// <param name="window">The window for the restart budget; infinite when null.</param>
/// <param name="childDecider">When set, decides instead of <paramref name="decider"/>, knowing which child failed.</param>
public sealed class OneForOneStrategy(Func<Exception, Directive>? decider = null, int maxRestarts = -1, Duration? window = null, Func<IActorRef, Exception, Directive>? childDecider = null)
    : SupervisorStrategy(decider, maxRestarts, window, childDecider)
{
    /// <inheritdoc/>
    public override bool AppliesToAllChildren => false;
}
