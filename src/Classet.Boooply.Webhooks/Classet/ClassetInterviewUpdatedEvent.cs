using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>
/// <c>candidate.interview.updated</c>: an interview's details changed. <see cref="Changes"/> says what changed (from and
/// to), <see cref="Data"/> is the interview as it is now.
/// </summary>
/// <remarks>
/// Classet's page lists <c>event</c>, <c>changes</c> and <c>data</c> as the payload's fields, so a body without
/// <c>changes</c> or <c>data</c> is rejected with a <see cref="WebhookPayloadException"/>. Every field inside
/// <c>data</c> may be missing or <c>null</c>, <c>candidate_id</c> included (only Classet's example shows it).
/// </remarks>
public sealed record ClassetInterviewUpdatedEvent : ClassetWebhookEvent, IExtensionDataHolder
{
    private readonly ValueDictionary<ClassetFieldChange> _changes = null!;
    private ValueDictionary<JsonElement>? _extensionData;

    /// <summary>Gets <c>candidate.interview.updated</c> (<see cref="ClassetEventTypes.InterviewUpdated"/>).</summary>
    [JsonPropertyName("event")]
    [JsonPropertyOrder(-1)]
    public override string EventType => ClassetEventTypes.InterviewUpdated;

    /// <summary>
    /// Gets what changed: the changed field's name (such as <c>interview_outcome</c>) mapped to its previous and new value.
    /// Use <see cref="GetOutcomeChange"/> and the other typed getters for the documented fields.
    /// </summary>
    [JsonPropertyName("changes")]
    [JsonPropertyOrder(0)]
    public required IReadOnlyDictionary<string, ClassetFieldChange> Changes
    {
        get => _changes;
        init => _changes = ValueDictionary<ClassetFieldChange>.From(value) ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the interview as it is after the update.</summary>
    [JsonPropertyName("data")]
    [JsonPropertyOrder(1)]
    public required ClassetInterviewData Data { get; init; }

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

    /// <summary>Gets how <c>interview_outcome</c> changed.</summary>
    /// <returns>The previous and new outcome (each <see langword="null"/> when there was none), or <see langword="null"/> when the outcome did not change.</returns>
    /// <exception cref="WebhookPayloadException">A value is neither a string nor <c>null</c> (only possible for an event built in code: the deserializer rejects such bodies).</exception>
    public ClassetChange<ClassetInterviewOutcome?>? GetOutcomeChange() =>
        Changes.TryGetValue(FieldNames.InterviewOutcome, out var change) && change is not null
            ? new ClassetChange<ClassetInterviewOutcome?>(
                ReadOutcome(change.From, FieldNames.InterviewOutcome, "from"),
                ReadOutcome(change.To, FieldNames.InterviewOutcome, "to"))
            : null;

    /// <summary>Gets how <c>interview_completed_at</c> changed.</summary>
    /// <returns>The previous and new instant (each <see langword="null"/> when there was none), or <see langword="null"/> when the field did not change.</returns>
    /// <exception cref="WebhookPayloadException">A value is not an ISO 8601 string or <c>null</c> (only possible for an event built in code).</exception>
    public ClassetChange<DateTimeOffset?>? GetInterviewCompletedAtChange() => GetTimestampChange(FieldNames.InterviewCompletedAt);

    /// <summary>Gets how <c>interview_sent_at</c> changed.</summary>
    /// <returns>The previous and new instant (each <see langword="null"/> when there was none), or <see langword="null"/> when the field did not change.</returns>
    /// <exception cref="WebhookPayloadException">A value is not an ISO 8601 string or <c>null</c> (only possible for an event built in code).</exception>
    public ClassetChange<DateTimeOffset?>? GetInterviewSentAtChange() => GetTimestampChange(FieldNames.InterviewSentAt);

    /// <summary>Gets how <c>interview_summary</c> changed.</summary>
    /// <returns>The previous and new summary (each <see langword="null"/> when there was none), or <see langword="null"/> when the summary did not change.</returns>
    /// <exception cref="WebhookPayloadException">A value is neither a string nor <c>null</c> (only possible for an event built in code).</exception>
    public ClassetChange<string?>? GetInterviewSummaryChange() =>
        Changes.TryGetValue(FieldNames.InterviewSummary, out var change) && change is not null
            ? new ClassetChange<string?>(
                ReadString(change.From, FieldNames.InterviewSummary, "from"),
                ReadString(change.To, FieldNames.InterviewSummary, "to"))
            : null;

    /// <summary>Reads any field's change as <typeparamref name="T"/>, without throwing.</summary>
    /// <typeparam name="T">The type to read. Use a nullable type when a value can be <c>null</c>.</typeparam>
    /// <param name="fieldName">The changed field's name as Classet sends it (for example <c>interview_custom_data</c>).</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/> (for example from your own <c>JsonSerializerContext</c>), so this stays trimming- and AOT-safe.</param>
    /// <param name="change">The previous and new value; a missing value is <c>default</c>.</param>
    /// <returns><see langword="true"/> when the field changed and both values could be read as <typeparamref name="T"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fieldName"/> or <paramref name="typeInfo"/> is null.</exception>
    public bool TryGetChange<T>(string fieldName, JsonTypeInfo<T> typeInfo, out ClassetChange<T?> change)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (Changes.TryGetValue(fieldName, out var fieldChange) && fieldChange is not null)
        {
            return fieldChange.TryGetValues(typeInfo, out change);
        }

        change = default;
        return false;
    }

    internal static ClassetInterviewOutcome? ReadOutcome(JsonElement value, string field, string side) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => default(ClassetInterviewOutcome?),
        JsonValueKind.String => new ClassetInterviewOutcome(value.GetString()!),
        _ => throw WrongType(field, side, "a string or null"),
    };

    internal static string? ReadString(JsonElement value, string field, string side) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw WrongType(field, side, "a string or null"),
    };

    internal static DateTimeOffset? ReadTimestamp(JsonElement value, string field, string side) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String when WebhookTimestamp.TryRead(value, out var instant) => instant,
        _ => throw WrongType(field, side, "an ISO 8601 timestamp or null"),
    };

    private ClassetChange<DateTimeOffset?>? GetTimestampChange(string field) =>
        Changes.TryGetValue(field, out var change) && change is not null
            ? new ClassetChange<DateTimeOffset?>(ReadTimestamp(change.From, field, "from"), ReadTimestamp(change.To, field, "to"))
            : null;

    private static WebhookPayloadException WrongType(string field, string side, string expected) =>
        new($"Invalid webhook payload: the value at $.changes.{field}.{side} has the wrong type; expected {expected}.", $"$.changes.{field}.{side}", null, null);

    internal static class FieldNames
    {
        public const string InterviewCompletedAt = "interview_completed_at";
        public const string InterviewSentAt = "interview_sent_at";
        public const string InterviewOutcome = "interview_outcome";
        public const string InterviewSummary = "interview_summary";
        public const string InterviewCustomData = "interview_custom_data";
    }
}
