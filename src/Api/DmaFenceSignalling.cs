using Akka.Actor;
using DmaActors.Mapping.Fences;
using DmaActors.Runtime;

namespace DmaActors.Api;

/// <summary>A dmaengine transfer that signals a <see cref="DmaFence"/> when it completes (DB-10).</summary>
public static class DmaFenceSignalling
{
    private const int Eio = -5, Ecanceled = -125;

    /// <summary>
    /// Sets <paramref name="desc"/>'s <c>callback_result</c> to signal <paramref name="fence"/> at the
    /// world's time of completion, with -EIO when the transfer failed and -ECANCELED when it was
    /// aborted, then to run <paramref name="then"/>. The fence is armed: if the transfer is
    /// terminated and nobody signals it, waiting on it or releasing it is reported (DB-10).
    /// </summary>
    /// <param name="desc">A prepared descriptor (with DMA_PREP_INTERRUPT), not yet submitted.</param>
    /// <param name="fence">The fence to signal.</param>
    /// <param name="system">The simulated system (its clock stamps the signal).</param>
    /// <param name="then">The driver's own completion callback, if any.</param>
    /// <remarks>Kernel: what a driver's dmaengine callback does with its <c>dma_fence</c> (e.g. <c>dma_fence_signal()</c> from the tasklet).</remarks>
    public static void SignalFenceOnCompletion(this DmaAsyncTxDescriptor desc, DmaFence fence, ActorSystem system, DmaAsyncTxCallbackResult? then = null)
    {
        ArgumentNullException.ThrowIfNull(desc);
        ArgumentNullException.ThrowIfNull(fence);
        ArgumentNullException.ThrowIfNull(system);
        var clock = system.Simulation().Clock;
        fence.Arm();
        desc.CallbackResult = (param, result) =>
        {
            if (!fence.IsSignaled)
            {
                if (result.Result != DmaengineTxResult.NoError) fence.SetError(result.Result == DmaengineTxResult.Aborted ? Ecanceled : Eio);
                fence.Signal(clock.Now);
            }
            then?.Invoke(param, result);
        };
    }
}
