using System.Text.Json;
using System.Text.Json.Serialization;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// Reads and writes an extensible enum as its JSON string. Any string is accepted; a non-string token is a
/// type error (reported as a <see cref="WebhookPayloadException"/> with its path).
/// </summary>
internal sealed class WebhookStringEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, IWebhookStringEnum<TEnum>
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}.");
        }

        return TEnum.Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
