using DmaActors.Actors.Channels;

namespace DmaActors.Api;

/// <summary>
/// A dmaengine call the kernel would have refused: carries the errno name the kernel returns
/// (<c>EINVAL</c>, <c>ENOSYS</c>, <c>EBUSY</c>, <c>ENODEV</c>, <c>EPROBE_DEFER</c>, <c>EPERM</c>,
/// <c>ENXIO</c>, <c>EIO</c>, <c>ENOMEM</c>, <c>EDEADLK</c>) and the contract rule broken
/// (<c>C-53</c>, <c>P-6</c>...); the message says how to fix the call.
/// </summary>
/// <remarks>Kernel: a negative errno return or an <c>ERR_PTR()</c>.</remarks>
public class DmaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errno">The kernel errno name, e.g. <c>EINVAL</c>.</param>
    /// <param name="rule">The contract rule id, e.g. <c>C-51</c>.</param>
    /// <param name="message">What was wrong and how to fix the call.</param>
    public DmaException(string errno, string rule, string message)
        : base($"{errno} ({rule}): {message}")
    {
        Errno = errno;
        Rule = rule;
    }

    /// <summary>Creates an exception with the default errno <c>EINVAL</c>.</summary>
    public DmaException()
        : this("EINVAL", "C-?", "invalid dmaengine call")
    {
    }

    /// <summary>Creates an exception with errno <c>EINVAL</c> and <paramref name="message"/>.</summary>
    /// <param name="message">What was wrong.</param>
    public DmaException(string message)
        : this("EINVAL", "C-?", message)
    {
    }

    /// <summary>Creates an exception with errno <c>EINVAL</c>, wrapping <paramref name="innerException"/>.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DmaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errno = "EINVAL";
        Rule = "C-?";
    }

    /// <summary>The kernel errno name (<c>EINVAL</c>, <c>ENOSYS</c>...).</summary>
    public string Errno { get; } = "EINVAL";

    /// <summary>The contract rule broken (<c>C-51</c>, <c>P-6</c>...).</summary>
    public string Rule { get; } = "C-?";

    /// <summary>Maps a virtual channel's refusal to the exception the façade throws.</summary>
    /// <param name="rejected">The channel's reply.</param>
    /// <param name="rule">The contract rule the call falls under.</param>
    /// <param name="call">The kernel function called, e.g. <c>dmaengine_resume()</c>.</param>
    internal static DmaException FromRejection(CommandRejectedReply rejected, string rule, string call) =>
        new(rejected.Errno, rule, $"{call} refused by the channel: {rejected.Reason}");
}
