using System.Globalization;

namespace DmaActors.Cluster;

/// <summary>A node's address on the network: the host other nodes reach it by, and its TCP port.</summary>
/// <param name="Host">A host name or IP address.</param>
/// <param name="Port">A TCP port; 0 lets the system pick a free one (workers only).</param>
public sealed record ClusterEndpoint(string Host, int Port)
{
    /// <summary>Reads <c>HOST:PORT</c> (an IPv6 address in brackets: <c>[::1]:4053</c>).</summary>
    /// <exception cref="FormatException">Not HOST:PORT with a port from 1 to 65535; the message names <paramref name="option"/> and the text.</exception>
    public static ClusterEndpoint Parse(string text, string option = "--cluster")
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        string host = colon > 0 ? text[..colon].Trim('[', ']') : "";
        if (colon <= 0 || host.Length == 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"{option} takes HOST:PORT, a host name or address and a TCP port from 1 to 65535 (e.g. 127.0.0.1:4053), not '{text}'.");
        }
        return new ClusterEndpoint(host, port);
    }

    /// <summary>The Akka.NET address of the node of system <paramref name="systemName"/> here.</summary>
    public string AkkaAddress(string systemName) => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{systemName}@{Host}:{Port}");

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
