using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// A call session's metadata in the deprecated <c>call_completed</c> delivery (<c>call_details</c>). The numbers are
/// kept as Classet sends them (seconds, Unix seconds, milliseconds); <see cref="Duration"/>, <see cref="StartedAt"/>,
/// <see cref="EndedAt"/> and <see cref="EndToEndLatency"/> convert them.
/// </summary>
public sealed record ClassetCallDetails
{
    /// <summary>Gets the call's duration in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DurationSeconds { get; init; }

    /// <summary>Gets when the call started, in Unix seconds (<c>start_time</c>).</summary>
    [JsonPropertyName("start_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? StartTimeUnixSeconds { get; init; }

    /// <summary>Gets when the call ended, in Unix seconds (<c>end_time</c>).</summary>
    [JsonPropertyName("end_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? EndTimeUnixSeconds { get; init; }

    /// <summary>Gets the call's end-to-end latency in milliseconds (<c>e2e_latency</c>).</summary>
    [JsonPropertyName("e2e_latency")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? EndToEndLatencyMilliseconds { get; init; }

    /// <summary>Gets the AI analysis of the call (<c>call_analysis</c>).</summary>
    [JsonPropertyName("call_analysis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClassetCallAnalysis? CallAnalysis { get; init; }

    /// <summary>Gets the phone number your organization used for the call (<c>org_phone_number</c>).</summary>
    [JsonPropertyName("org_phone_number")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrgPhoneNumber { get; init; }

    /// <summary>Gets the properties of <c>call_details</c> that this version of the SDK does not know, kept so nothing is lost.</summary>
    // A setter, not init: System.Text.Json binds init-only members like constructor parameters, and extension data cannot be one.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Gets <see cref="DurationSeconds"/> as a <see cref="TimeSpan"/>; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => ClassetTime.FromSeconds(DurationSeconds);

    /// <summary>Gets <see cref="StartTimeUnixSeconds"/> as an instant (UTC); <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartedAt => ClassetTime.FromUnixSeconds(StartTimeUnixSeconds);

    /// <summary>Gets <see cref="EndTimeUnixSeconds"/> as an instant (UTC); <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndedAt => ClassetTime.FromUnixSeconds(EndTimeUnixSeconds);

    /// <summary>Gets <see cref="EndToEndLatencyMilliseconds"/> as a <see cref="TimeSpan"/>; <see langword="null"/> when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? EndToEndLatency => ClassetTime.FromMilliseconds(EndToEndLatencyMilliseconds);
}
