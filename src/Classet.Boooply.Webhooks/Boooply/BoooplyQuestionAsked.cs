using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Boooply.Internal;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>A question asked during the interview and how it was answered (<c>data.questionsAsked[]</c>).</summary>
public sealed record BoooplyQuestionAsked : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>topic</c>, such as <c>Technical</c>.</summary>
    public string? Topic { get; init; }

    /// <summary>Gets <c>question</c>.</summary>
    public string? Question { get; init; }

    /// <summary>Gets <c>candidateAnswer</c>.</summary>
    public string? CandidateAnswer { get; init; }

    /// <summary>Gets <c>answerQuality</c>, on a 1–5 scale. A <see cref="decimal"/>, so a fractional value is read, not rejected.</summary>
    public decimal? AnswerQuality { get; init; }

    /// <summary>Gets <c>timestamp</c> exactly as sent, such as <c>02:15</c>. It is an <b>offset into the interview</b>, not an instant; see <see cref="TimestampOffset"/>.</summary>
    public string? Timestamp { get; init; }

    /// <summary>
    /// Gets <see cref="Timestamp"/> parsed as an offset into the interview: <c>mm:ss</c> (minutes may exceed 59),
    /// <c>h:mm:ss</c>, optionally with fractional seconds. Null when absent or in any other form.
    /// </summary>
    [JsonIgnore]
    public TimeSpan? TimestampOffset => BoooplyTime.ParseOffset(Timestamp);

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
    /// <returns>The type name, such as <c>BoooplyQuestionAsked { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyQuestionAsked));
}
