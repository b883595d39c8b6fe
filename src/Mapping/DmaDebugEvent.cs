namespace DmaActors.Mapping;

/// <summary>One dma-debug report.</summary>
/// <param name="Check">Which check fired.</param>
/// <param name="Rule">The contract rule (D-2, S-5, B-5...).</param>
/// <param name="Device">The device's name.</param>
/// <param name="Message">The kernel's message text, with the values filled in.</param>
/// <remarks>Kernel: one <c>err_printk()</c> line, <c>"DMA-API: &lt;driver&gt; &lt;device&gt;: ..."</c>.</remarks>
public sealed record DmaDebugEvent(DmaDebugCheck Check, string Rule, string Device, string Message)
{
    /// <summary>Whether the kernel would have printed it (<see cref="DmaDebug.NumErrors"/>, <see cref="DmaDebug.AllErrors"/>); an error not printed still counts in <see cref="DmaDebug.ErrorCount"/>.</summary>
    public bool Printed { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() => $"DMA-API: {Device}: {Message} ({Rule})";
}
