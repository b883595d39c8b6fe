using DmaActors.Runtime.Dispatch;
using DmaActors.Runtime.Events;
using DmaActors.Runtime.Supervision;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime.Cells;

// The parent's side of supervision: a child's Failed message is turned into a directive by this
// actor's strategy and carried out. Restart budgets are per child.
internal sealed partial class ActorCell
{

    private SupervisorStrategy Strategy => Props.SupervisorStrategy ?? _actor?.OwnSupervisorStrategy ?? SupervisorStrategy.Default;

    private void OnChildFailed(ActorCell child, Exception cause)
    {
        if (!IsChild(child)) return; // stopped meanwhile: nothing left to decide
        var strategy = Strategy;
        var directive = strategy.Decide(child.Self, cause);
        if (directive == Directive.Restart)
        {
            Extras.RestartBudgets ??= [];
            if (!Extras.RestartBudgets.TryGetValue(child, out var budget)) Extras.RestartBudgets[child] = budget = new RestartBudget();
            if (!budget.TryRestart(strategy, System.Clock.NowNanoseconds)) directive = Directive.Stop;
        }
        LogDecision(child, cause, directive);
        System.EventStream.Publish(new ActorFailed(child.Self, cause, directive));
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(new Resume(cause));
                break;
            case Directive.Restart:
                child.SendSystem(new Recreate(cause));
                if (strategy.AppliesToAllChildren)
                {
                    // A sibling did not fail: suspend it first, so its restart finds it suspended once, as a failed one is.
                    ForEachSibling(child, sibling =>
                    {
                        sibling.SendSystem(new Suspend());
                        sibling.SendSystem(new Recreate(cause));
                    });
                }
                break;
            case Directive.Stop:
                child.SendSystem(new Terminate());
                if (strategy.AppliesToAllChildren) ForEachSibling(child, sibling => sibling.SendSystem(new Terminate()));
                break;
            case Directive.Escalate:
                _current = default;
                HandleInvokeFailure(cause, perpetrator: child);
                break;
        }
    }

    private void ForEachSibling(ActorCell failed, Action<ActorCell> action)
    {
        foreach (var sibling in ChildCells())
        {
            if (sibling != failed) action(sibling);
        }
    }

    private void LogDecision(ActorCell child, Exception cause, Directive directive)
    {
        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        System.Log.Log(level, cause, "{Child} failed with {Cause}; supervisor {Parent} decided {Directive}", child.Path, cause.GetType().Name, Path, directive);
    }
}
