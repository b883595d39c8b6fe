namespace DmaActors.Examples.CustomController;

/// <summary>What <see cref="CustomControllerDriver.Run"/> observed.</summary>
/// <param name="DevId">The <c>dev_id</c> registration gave the controller.</param>
/// <param name="ChannelNames">Its channels as sysfs names them (<c>dma&lt;dev_id&gt;chan&lt;n&gt;</c>).</param>
/// <param name="ClientChannel">The channel the memcpy client got.</param>
/// <param name="MemcpyBytesVerified">Bytes of the memcpy destination equal to the source, in order.</param>
/// <param name="CallbackRan">Whether the memcpy's completion callback ran.</param>
/// <param name="RefusedErrno">The errno of the refused registration (a capability without its op).</param>
/// <param name="RefusedMessage">Its message, naming the capability and the missing op.</param>
/// <param name="DevicesAfterUnregister">Devices still registered after the controller's remove().</param>
public sealed record CustomControllerResult(
    int DevId,
    IReadOnlyList<string> ChannelNames,
    string ClientChannel,
    int MemcpyBytesVerified,
    bool CallbackRan,
    string RefusedErrno,
    string RefusedMessage,
    int DevicesAfterUnregister);
