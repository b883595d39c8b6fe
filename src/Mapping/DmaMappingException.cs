namespace DmaActors.Mapping;

/// <summary>
/// A DMA-mapping call the kernel would refuse or BUG on: carries the errno (<c>EIO</c> for an
/// unsupported mask, <c>EINVAL</c> for a bad direction...) and the contract rule (M-2, M-7...),
/// as <c>DmaActors.Api.DmaException</c> does for dmaengine calls.
/// </summary>
/// <remarks>Kernel: a negative errno from <c>dma_set_mask()</c>, or a <c>BUG()</c>.</remarks>
public class DmaMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">The kernel errno name.</param>
    /// <param name="rule">The contract rule id.</param>
    /// <param name="message">What was wrong and how to fix the call.</param>
    public DmaMappingException(string errno, string rule, string message)
        : base($"{errno} ({rule}): {message}")
    {
        Errno = errno;
        Rule = rule;
    }

    /// <summary>The kernel errno name (<c>EIO</c>, <c>EINVAL</c>, <c>ENOMEM</c>...).</summary>
    public string Errno { get; }

    /// <summary>The contract rule broken (an id of <c>dmaengine-contract.md</c>, M-n or D-n).</summary>
    public string Rule { get; }
}
