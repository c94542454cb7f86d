using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>One message of an interview transcript (<c>data.transcript[]</c>).</summary>
/// <remarks>Human and team meetings send <see cref="StartMs"/> and <see cref="EndMs"/>; AI interviews send only <see cref="StartMs"/>.</remarks>
public sealed record BoooplyTranscriptEntry
{
    /// <summary>Gets <c>speaker</c>, such as <c>AI Interviewer</c> or the candidate's name.</summary>
    public string? Speaker { get; init; }

    /// <summary>Gets <c>text</c>, what was said.</summary>
    public string? Text { get; init; }

    /// <summary>Gets <c>startMs</c>, when the message started, in milliseconds from the start of the interview. A <see cref="decimal"/> because JavaScript numbers may carry a fraction (timings derived from Whisper's seconds).</summary>
    public decimal? StartMs { get; init; }

    /// <summary>Gets <c>endMs</c>, when the message ended, in milliseconds; <b>absent (null) for AI interviews</b>, which only report a start.</summary>
    public decimal? EndMs { get; init; }

    /// <summary>Gets <see cref="StartMs"/> as an offset into the interview; null when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Start => BoooplyTime.FromMilliseconds(StartMs);

    /// <summary>Gets <see cref="EndMs"/> as an offset into the interview; null when absent (AI interviews) or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? End => BoooplyTime.FromMilliseconds(EndMs);

    /// <summary>
    /// Gets the properties of this object that this version of the SDK does not know. They are kept, and written back
    /// by <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
    /// </summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
