using Microsoft.Extensions.Logging;

namespace DmaActors.Actors.Channels;

/// <summary>Log messages of the channel actors.</summary>
internal static partial class ChannelLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: no physical channel can be had: {Reason}")]
    public static partial void LogUnavailable(this ILogger logger, string channel, string reason);
}
