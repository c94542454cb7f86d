using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>One message of an interview transcript (<c>data.transcript[]</c>).</summary>
/// <remarks>Human and team meetings send <see cref="StartMs"/> and <see cref="EndMs"/>; AI interviews send only <see cref="StartMs"/>.</remarks>
public sealed record BoooplyTranscriptEntry : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>speaker</c>, such as <c>AI Interviewer</c> or the candidate's name.</summary>
    public string? Speaker { get; init; }

    /// <summary>Gets <c>text</c>, what was said.</summary>
    public string? Text { get; init; }

    /// <summary>Gets <c>startMs</c>, when the message started, in milliseconds from the start of the interview (whole milliseconds; see <see cref="BoooplyWebhookSerializer"/> for how a fraction would be read).</summary>
    public long? StartMs { get; init; }

    /// <summary>Gets <c>endMs</c>, when the message ended, in milliseconds; <b>absent (null) for AI interviews</b>, which only report a start.</summary>
    public long? EndMs { get; init; }

    /// <summary>Gets <see cref="StartMs"/> as an offset into the interview; null when absent or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? Start => WebhookTime.FromMilliseconds(StartMs);

    /// <summary>Gets <see cref="EndMs"/> as an offset into the interview; null when absent (AI interviews) or out of range.</summary>
    [JsonIgnore]
    public TimeSpan? End => WebhookTime.FromMilliseconds(EndMs);

    /// <summary>
    /// Gets the members of this object that this version of the SDK does not know. They are kept, and written back by
    /// <see cref="BoooplyWebhookSerializer.Serialize"/>, so nothing Boooply adds is lost.
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

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>BoooplyTranscriptEntry { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyTranscriptEntry));
}
