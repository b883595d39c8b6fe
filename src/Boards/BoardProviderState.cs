namespace DmaActors.Boards;

/// <summary>What became of a DMA controller or router node when the board was brought up.</summary>
public enum BoardProviderState
{
    /// <summary>A model was chosen and registered as a dmaengine device and <c>of_dma</c> controller.</summary>
    Registered,

    /// <summary>A DMA router (crossbar) registered in front of its master.</summary>
    Router,

    /// <summary>No model exists for its compatible: consumers behind it are deferred.</summary>
    NotModelled,

    /// <summary><c>status = "disabled"</c>: its driver never probes, consumers behind it are deferred.</summary>
    Disabled,

    /// <summary>Its model refused the node (a bad <c>#dma-cells</c>, a router without a usable master): consumers behind it are deferred.</summary>
    Failed,
}
