using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.TestKit;

/// <summary>Retry-until-true helpers that drive the system between tries instead of sleeping.</summary>
public static class Awaiting
{
    /// <summary>
    /// Retries <paramref name="assertion"/> until it stops throwing, driving <paramref name="system"/>
    /// for <paramref name="interval"/> of system time between tries, for at most <paramref name="duration"/>.
    /// Rethrows the last failure, with how long it waited, when time runs out or nothing is left to run.
    /// </summary>
    public static void AwaitAssert(ActorSystem system, Action assertion, Duration duration, Duration interval)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(assertion);
        long deadline = (system.Clock.Now + duration).Nanoseconds;
        while (true)
        {
            Exception failure;
            try
            {
                assertion();
                return;
            }
            catch (Exception assertionFailure)
            {
                failure = assertionFailure;
            }
            long left = deadline - system.Clock.NowNanoseconds;
            var outcome = left > 0 ? system.RunUntil(static () => false, Duration.FromNanoseconds(Math.Min(left, interval.Nanoseconds))) : RunOutcome.TimedOut;
            if (left <= 0 || outcome == RunOutcome.Idle)
            {
                // One last try after the final drive, then give up with the reason.
                try
                {
                    assertion();
                    return;
                }
                catch (Exception last)
                {
                    failure = last;
                }
                string why = outcome == RunOutcome.Idle ? "nothing is left to run" : $"{duration} passed";
                throw new ExpectationFailedException($"The assertion still failed when {why}: {failure.Message}");
            }
        }
    }
}
