using Microsoft.Extensions.Logging;

namespace Classet.Boooply.Webhooks.Samples.Receiver;

/// <summary>The receiver's log messages, source-generated so logging costs nothing when the level is off.</summary>
internal static partial class ReceiverLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Vendor} {EventType}: {Summary} [key {DeliveryKey}]")]
    public static partial void EventHandled(ILogger logger, string vendor, string eventType, string summary, string deliveryKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Vendor} event unknown to this SDK version '{EventType}' kept as raw JSON ({Summary})")]
    public static partial void UnknownEvent(ILogger logger, string vendor, string eventType, string summary);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Dead letter: an authentic {Vendor} delivery of {Length} bytes did not parse: {Error}. A real app would store the body to replay it.")]
    public static partial void DeadLetter(ILogger logger, string vendor, int length, string error);
}
