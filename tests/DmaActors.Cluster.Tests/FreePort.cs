using System.Net;
using System.Net.Sockets;

namespace DmaActors.Cluster.Tests;

/// <summary>A TCP port on 127.0.0.1 nobody listens on right now.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
