using Microsoft.Extensions.Logging;

namespace DmaActors.Actors.Devices;

/// <summary>Log messages of the device actors.</summary>
internal static partial class DeviceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: acknowledgement on request line {Line} with no request outstanding (served after a flush?)")]
    public static partial void LogStaleAcknowledgement(this ILogger logger, string device, int line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: {Bytes} bytes of FifoData on a receiving device, dropped")]
    public static partial void LogFifoDataOnReceiver(this ILogger logger, string device, int bytes);
}
