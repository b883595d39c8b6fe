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
}
