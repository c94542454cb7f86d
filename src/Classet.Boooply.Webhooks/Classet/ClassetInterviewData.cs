using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// The interview as it is after the update: <c>data</c> in a <c>candidate.interview.updated</c> delivery.
/// </summary>
/// <remarks>Every member is optional: Classet's page lists the fields without saying any of them is always sent.</remarks>
public sealed record ClassetInterviewData : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly JsonContent? _interviewCustomData;

    /// <summary>
    /// Gets Classet's identifier of the candidate (<c>candidate_id</c>), or <see langword="null"/> when the delivery has
    /// none. Classet's example shows it, but its field list does not name it, so it may be absent like any other field.
    /// </summary>
    [JsonPropertyName("candidate_id")]
    [JsonPropertyOrder(0)]
    public string? CandidateId { get; init; }

    /// <summary>Gets when the interview was completed (<c>interview_completed_at</c>); <see langword="null"/> if not yet completed.</summary>
    [JsonPropertyName("interview_completed_at")]
    [JsonPropertyOrder(1)]
    public DateTimeOffset? InterviewCompletedAt { get; init; }

    /// <summary>Gets when the interview was first sent to the candidate (<c>interview_sent_at</c>), when known.</summary>
    [JsonPropertyName("interview_sent_at")]
    [JsonPropertyOrder(2)]
    public DateTimeOffset? InterviewSentAt { get; init; }

    /// <summary>
    /// Gets the final outcome (<c>interview_outcome</c>); <see langword="null"/> when not yet completed or no outcome was
    /// determined. A value Classet adds later is kept (<see cref="ClassetInterviewOutcome.IsKnown"/> is <see langword="false"/>).
    /// </summary>
    [JsonPropertyName("interview_outcome")]
    [JsonPropertyOrder(3)]
    public ClassetInterviewOutcome? InterviewOutcome { get; init; }

    /// <summary>Gets the customizable text summary of the interview (<c>interview_summary</c>), when available.</summary>
    [JsonPropertyName("interview_summary")]
    [JsonPropertyOrder(4)]
    public string? InterviewSummary { get; init; }

    /// <summary>
    /// Gets the custom data collected during the interview (<c>interview_custom_data</c>): a JSON object whose fields
    /// your Classet setup defines, or <see langword="null"/>. Read fields with <see cref="TryGetCustomValue{T}"/> or the
    /// typed helpers such as <see cref="TryGetCustomBoolean"/>.
    /// </summary>
    [JsonPropertyName("interview_custom_data")]
    [JsonPropertyOrder(5)]
    public JsonElement? InterviewCustomData
    {
        get => _interviewCustomData?.Element;
        init => _interviewCustomData = JsonContent.From(value);
    }

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

    /// <summary>Gets one field of <see cref="InterviewCustomData"/> as raw JSON.</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The field's value when found.</param>
    /// <returns><see langword="true"/> when the custom data is an object that has the field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomElement(string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (InterviewCustomData is { ValueKind: JsonValueKind.Object } custom && custom.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as <typeparamref name="T"/>, without throwing.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/> (for example from your own <c>JsonSerializerContext</c>), so this stays trimming- and AOT-safe.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and could be read as <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="typeInfo"/> is null.</exception>
    public bool TryGetCustomValue<T>(string name, JsonTypeInfo<T> typeInfo, [MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (TryGetCustomElement(name, out var element))
        {
            try
            {
                value = element.Deserialize(typeInfo)!;
                return true;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException)
            {
                // A type mismatch is an answer ("not readable as T"), not a failure of the delivery.
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as a JSON boolean.</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and is <c>true</c> or <c>false</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomBoolean(string name, out bool value)
    {
        if (TryGetCustomElement(name, out var element) && element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as a JSON string.</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and is a string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomString(string name, [NotNullWhen(true)] out string? value)
    {
        if (TryGetCustomElement(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as a finite <see cref="double"/>.</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and is a JSON number a <see cref="double"/> can hold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomDouble(string name, out double value)
    {
        if (TryGetCustomElement(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as a <see cref="decimal"/> (exact for money and scores).</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and is a JSON number a <see cref="decimal"/> can hold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomDecimal(string name, out decimal value)
    {
        if (TryGetCustomElement(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads one field of <see cref="InterviewCustomData"/> as a <see cref="long"/>.</summary>
    /// <param name="name">The field's name, compared ordinally.</param>
    /// <param name="value">The value when it was read.</param>
    /// <returns><see langword="true"/> when the field exists and is a JSON integer a <see cref="long"/> can hold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryGetCustomInt64(string name, out long value)
    {
        if (TryGetCustomElement(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Returns the record's type name only: payload values (names, text, scores, URLs) never appear in <c>ToString()</c>, so logging a record leaks no candidate data.</summary>
    /// <returns>The type name, such as <c>ClassetInterviewData { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(ClassetInterviewData));
}
