using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

/// <summary>A virtual channel's record of one descriptor (kernel twin: <c>struct virt_dma_desc</c>).</summary>
internal sealed class Descriptor(long id, TransferSpec spec, DescriptorOptions options)
{
    public long Id { get; } = id;

    public TransferSpec Spec { get; } = spec;

    public DescriptorOptions Options { get; } = options;

    public int Cookie { get; set; }

    public DescriptorState State { get; set; } = DescriptorState.Prepared;

    /// <summary>The execution state while active.</summary>
    public DescriptorRun? Run { get; set; }

    public bool Reusable => (Options.Flags & DmaCtrlFlags.CtrlReuse) != 0;
}
