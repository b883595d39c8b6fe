namespace DmaActors.Api.Mapping;

/// <summary>
/// A DMA-mapping call the kernel would refuse or BUG on: carries the errno (<c>EIO</c> for an
/// unsupported mask, <c>EINVAL</c> for a bad direction...) and the contract rule (M-2, M-7...).
/// </summary>
/// <remarks>Kernel: a negative errno from <c>dma_set_mask()</c>, or a <c>BUG()</c>.</remarks>
public class DmaMappingException : DmaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">The kernel errno name.</param>
    /// <param name="rule">The contract rule id.</param>
    /// <param name="message">What was wrong and how to fix the call.</param>
    public DmaMappingException(string errno, string rule, string message)
        : base(errno, rule, message)
    {
    }
}
