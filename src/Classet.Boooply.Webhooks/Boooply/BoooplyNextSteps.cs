using System.Text.Json;
using System.Text.Json.Serialization;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Boooply;

/// <summary>What to do after this interview (<c>data.nextSteps</c>).</summary>
public sealed record BoooplyNextSteps : IExtensionDataHolder
{
    private ValueDictionary<JsonElement>? _extensionData;
    private readonly ValueList<string>? _questionsToAsk;
    private readonly ValueList<string>? _focusAreasForNextRound;

    /// <summary>Gets <c>recommendation</c>, the suggested next step in prose, such as <c>Proceed to technical round</c>.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Gets <c>questionsToAsk</c>, follow-up questions for the next round.</summary>
    public IReadOnlyList<string>? QuestionsToAsk
    {
        get => _questionsToAsk;
        init => _questionsToAsk = ValueList<string>.From(value);
    }

    /// <summary>Gets <c>focusAreasForNextRound</c>.</summary>
    public IReadOnlyList<string>? FocusAreasForNextRound
    {
        get => _focusAreasForNextRound;
        init => _focusAreasForNextRound = ValueList<string>.From(value);
    }

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
    /// <returns>The type name, such as <c>BoooplyNextSteps { }</c>.</returns>
    public override string ToString() => RecordText.Hidden(nameof(BoooplyNextSteps));
}
