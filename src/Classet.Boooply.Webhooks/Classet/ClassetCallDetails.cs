using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// A call session's metadata in the deprecated <c>call_completed</c> delivery (<c>call_details</c>). The numbers are
/// kept as Classet sends them (seconds, Unix seconds, milliseconds); <see cref="Duration"/>, <see cref="StartedAt"/>,
/// <see cref="EndedAt"/> and <see cref="EndToEndLatency"/> convert them.
/// </summary>
public sealed record ClassetCallDetails : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets the call's duration in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public long? DurationSeconds { get; init; }

    /// <summary>Gets when the call started, in Unix seconds (<c>start_time</c>).</summary>
    [JsonPropertyName("start_time")]
    public long? StartTimeUnixSeconds { get; init; }

    /// <summary>Gets when the call ended, in Unix seconds (<c>end_time</c>).</summary>
    [JsonPropertyName("end_time")]
    public long? EndTimeUnixSeconds { get; init; }

    /// <summary>Gets the call's end-to-end latency in milliseconds (<c>e2e_latency</c>).</summary>
    [JsonPropertyName("e2e_latency")]
    public long? EndToEndLatencyMilliseconds { get; init; }

    /// <summary>Gets the AI analysis of the call (<c>call_analysis</c>).</summary>
    [JsonPropertyName("call_analysis")]
    public ClassetCallAnalysis? CallAnalysis { get; init; }

    /// <summary>Gets the phone number your organization used for the call (<c>org_phone_number</c>).</summary>
    [JsonPropertyName("org_phone_number")]
    public string? OrgPhoneNumber { get; init; }

    /// <summary>
    /// Gets the members of this object that this version of the SDK does not know. They are kept, and written back by
    /// <see cref="ClassetWebhookSerializer.Serialize"/>, so nothing Classet adds is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData;
        init => _extensionData = ValueDictionary<JsonElement>.From(value);
    }

    /// <summary>Gets or sets the dictionary System.Text.Json fills with unknown members while reading.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionDataSink
    {
        get => _extensionData?.Entries;
        set => _extensionData = ValueDictionary<JsonElement>.Adopt(value);
    }

    /// <summary>Gets <see cref="DurationSeconds"/> as a <see cref="TimeSpan"/>; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => WebhookTime.FromSeconds(DurationSeconds);

    /// <summary>Gets <see cref="StartTimeUnixSeconds"/> as an instant (UTC); <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartedAt => WebhookTime.FromUnixSeconds(StartTimeUnixSeconds);

    /// <summary>Gets <see cref="EndTimeUnixSeconds"/> as an instant (UTC); <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndedAt => WebhookTime.FromUnixSeconds(EndTimeUnixSeconds);

    /// <summary>Gets <see cref="EndToEndLatencyMilliseconds"/> as a <see cref="TimeSpan"/>; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? EndToEndLatency => WebhookTime.FromMilliseconds(EndToEndLatencyMilliseconds);

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>ClassetCallDetails { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetCallDetails));
}
