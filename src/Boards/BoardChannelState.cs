namespace DmaActors.Boards;

/// <summary>What became of one channel (<c>dma-names</c> entry) of a consumer.</summary>
public enum BoardChannelState
{
    /// <summary>Its peripheral model is wired to the controller's request line from the start.</summary>
    Wired,

    /// <summary>Its request line is chosen when the channel is requested (a router, or a name with several entries): the peripheral is wired then.</summary>
    WiredAtRequest,

    /// <summary>Its provider is modelled but its compatible has no peripheral model: it can be requested, but no stream runs on it.</summary>
    NoPeripheral,

    /// <summary>Its provider is not modelled, absent, disabled or failed: the kernel would defer the consumer (EPROBE_DEFER).</summary>
    Deferred,

    /// <summary>Its binding is broken (see the board's problems): a request would fail.</summary>
    Invalid,
}
