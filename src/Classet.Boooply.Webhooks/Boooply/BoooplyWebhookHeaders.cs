namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>The HTTP header names Boooply sends with a webhook delivery.</summary>
public static class BoooplyWebhookHeaders
{
    /// <summary>The HMAC-SHA256 signature of the body, lowercase hex.</summary>
    public const string Signature = "X-Boooply-Signature";

    /// <summary>The event type, such as <c>interview.evaluation</c>. Not signed: the body's <c>event</c> wins.</summary>
    public const string Event = "X-Boooply-Event";

    /// <summary>The platform identifier, such as <c>custom</c>.</summary>
    public const string Platform = "X-Boooply-Platform";

    /// <summary>The meeting code of the event. Not signed: the body's <c>data.meetingCode</c> wins.</summary>
    public const string MeetingId = "X-Boooply-Meeting-Id";

    /// <summary>Carries <c>Bearer &lt;webhook secret&gt;</c>.</summary>
    public const string Authorization = "Authorization";
}
