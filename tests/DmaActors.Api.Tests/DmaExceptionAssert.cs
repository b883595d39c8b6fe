namespace DmaActors.Api.Tests;

internal static class DmaExceptionAssert
{
    /// <summary>Asserts <paramref name="call"/> throws a <see cref="DmaException"/> with <paramref name="errno"/> citing <paramref name="rule"/>.</summary>
    public static DmaException Throws(string errno, string rule, Action call)
    {
        var error = Assert.Throws<DmaException>(call);
        Assert.Equal(errno, error.Errno);
        Assert.Equal(rule, error.Rule);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>
    /// Asserts <paramref name="error"/> refused a call that would have waited, made inside the
    /// simulated world (a completion callback, which must not sleep: C-35): EDEADLK, as the façade
    /// documents.
    /// </summary>
    public static void IsDeadlockRefusal(Exception? error)
    {
        Assert.NotNull(error);
        Assert.Equal("EDEADLK", Assert.IsType<DmaException>(error).Errno);
    }
}
