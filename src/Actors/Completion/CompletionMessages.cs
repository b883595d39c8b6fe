using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Completion;

// Everything a channel's completion actor (its tasklet) is told, and what it answers or publishes.

/// <summary>Virtual channel → completion: a descriptor completed; run its callback (if it has one).</summary>
/// <param name="Cookie">The descriptor's cookie.</param>
/// <param name="Outcome">Result and residue, for <c>callback_result</c>.</param>
/// <param name="Callback">The client's callback, or null.</param>
/// <param name="Epoch">The channel's terminate epoch when it completed; older epochs are dropped.</param>
public sealed record RunCallback(int Cookie, DmaengineResult Outcome, Action<DmaengineResult>? Callback, long Epoch);

/// <summary>Virtual channel → completion: a cyclic descriptor finished one or more periods; run its callback once, then tell the channel <c>PeriodCallbackRan</c>.</summary>
/// <param name="Cookie">The cyclic descriptor's cookie.</param>
/// <param name="Callback">The client's period callback.</param>
/// <param name="Epoch">The channel's terminate epoch.</param>
public sealed record RunPeriodCallback(int Cookie, Action<DmaengineResult> Callback, long Epoch);

/// <summary>Answer <see cref="DrainCallbacksReply"/> once every callback queued before this has run (tasklet_kill).</summary>
public sealed record DrainCallbacks
{
    /// <summary>The one instance.</summary>
    public static readonly DrainCallbacks Instance = new();
}

/// <summary>Reply: every callback queued before the drain has run.</summary>
public sealed record DrainCallbacksReply
{
    /// <summary>The one instance.</summary>
    public static readonly DrainCallbacksReply Instance = new();
}

/// <summary>Published on the event stream when a client callback threw; the completion actor carries on.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Cookie">The descriptor's cookie.</param>
/// <param name="Error">What the callback threw.</param>
public sealed record CallbackFailed(string Channel, int Cookie, Exception Error);
