using System.Buffers;
using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// Writes a payload record back as compact JSON, reusing the text it was read from wherever a value is unchanged. So a
/// record that was only read comes back as the vendor's body without its insignificant whitespace: the same members in
/// the same order with their names spelled as they were, absent members still absent, <c>null</c> still <c>null</c>,
/// and every number, timestamp and string spelled as it arrived. A value changed in code (with <c>with</c>) is written
/// new, in the member's original place.
/// </summary>
/// <remarks>
/// The walk is driven by the source-generated metadata, so it knows every record without reflection. Members the
/// original did not have come after the original ones, in declaration order, and only when not null; unknown members
/// (extension data) come last. A repeated key in the original is written once, where it first appeared, with the last
/// value, which is what <c>JSON.parse</c> and the deserializer kept. The structure is written here, byte by byte, so
/// that original member names can be copied as they were spelled; new values go through <see cref="Utf8JsonWriter"/>.
/// </remarks>
internal static class LosslessJsonWriter
{
    /// <summary>How new values are written: compact, and text escaped only where JSON requires it (the output is never embedded in HTML).</summary>
    private static readonly JsonWriterOptions NewValueOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1000,
        SkipValidation = true,
    };

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON.</summary>
    /// <param name="value">The record (or any value the metadata describes).</param>
    /// <param name="typeInfo">Its source-generated metadata.</param>
    /// <param name="original">The JSON text it was read from, or empty for a value built in code.</param>
    public static byte[] Write(object value, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(256, original.Length));
        WriteValue(output, value, typeInfo, original.Trim(" \t\r\n"u8));
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes raw JSON text (an unknown event's body) without its insignificant whitespace.</summary>
    public static byte[] WriteRaw(ReadOnlySpan<byte> json)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(256, json.Length));
        WriteOriginal(output, json.Trim(" \t\r\n"u8));
        return output.WrittenSpan.ToArray();
    }

    private static void WriteValue(ArrayBufferWriter<byte> output, object? value, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        switch (value)
        {
            case null:
                output.Write("null"u8);
                return;
            case JsonElement element:
                WriteElement(output, element, original);
                return;
            case IValueDictionary dictionary:
                WriteDictionary(output, dictionary, typeInfo, original);
                return;
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                WriteObject(output, value, typeInfo, original);
                break;
            case JsonTypeInfoKind.Enumerable:
                WriteArray(output, (IEnumerable)value, typeInfo, original);
                break;
            default:
                if (!original.IsEmpty && IsSameLeaf(value, typeInfo, original))
                {
                    output.Write(original);
                }
                else
                {
                    using var writer = new Utf8JsonWriter(output, NewValueOptions);
                    JsonSerializer.Serialize(writer, value, typeInfo);
                }

                break;
        }
    }

    private static void WriteObject(ArrayBufferWriter<byte> output, object value, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        var properties = typeInfo.Properties;
        var extensionData = (value as IExtensionDataHolder)?.ExtensionData;
        var written = properties.Count <= 64 ? stackalloc bool[properties.Count] : new bool[properties.Count];
        HashSet<string>? writtenExtensions = null;
        var first = true;

        output.Write("{"u8);
        if (JsonMembers.IsObject(original))
        {
            foreach (var member in JsonMembers.Scan(original))
            {
                var name = original.Slice(member.NameStart, member.NameLength);
                var raw = original.Slice(member.ValueStart, member.ValueLength);
                var index = IndexOf(properties, member.Name);
                if (index >= 0)
                {
                    written[index] = true;
                    WriteName(output, name, ref first);
                    WriteValue(output, properties[index].Get!(value), PropertyTypeInfo(typeInfo, properties[index]), raw);
                }
                else if (extensionData is not null && extensionData.TryGetValue(member.Name, out var element) && element.ValueKind != JsonValueKind.Undefined)
                {
                    (writtenExtensions ??= new HashSet<string>(StringComparer.Ordinal)).Add(member.Name);
                    WriteName(output, name, ref first);
                    WriteElement(output, element, raw);
                }

                // Neither: the member was removed in code, so it is not written.
            }
        }

        for (var index = 0; index < properties.Count; index++)
        {
            var property = properties[index];
            if (written[index] || !IsWritable(property) || property.Get!(value) is not { } member || member is JsonElement { ValueKind: JsonValueKind.Undefined })
            {
                continue;
            }

            WriteName(output, property.Name, ref first);
            WriteValue(output, member, PropertyTypeInfo(typeInfo, property), default);
        }

        if (extensionData is not null)
        {
            foreach (var (name, element) in extensionData)
            {
                if (element.ValueKind != JsonValueKind.Undefined && writtenExtensions?.Contains(name) != true)
                {
                    WriteName(output, name, ref first);
                    WriteElement(output, element, default);
                }
            }
        }

        output.Write("}"u8);
    }

    private static void WriteDictionary(ArrayBufferWriter<byte> output, IValueDictionary dictionary, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        var valueInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
        HashSet<string>? written = null;
        var first = true;
        output.Write("{"u8);
        if (JsonMembers.IsObject(original))
        {
            foreach (var member in JsonMembers.Scan(original))
            {
                if (dictionary.TryGetEntry(member.Name, out var entry))
                {
                    (written ??= new HashSet<string>(StringComparer.Ordinal)).Add(member.Name);
                    WriteName(output, original.Slice(member.NameStart, member.NameLength), ref first);
                    WriteValue(output, entry, valueInfo, original.Slice(member.ValueStart, member.ValueLength));
                }
            }
        }

        foreach (var (name, entry) in dictionary.Entries())
        {
            if (written?.Contains(name) != true)
            {
                WriteName(output, name, ref first);
                WriteValue(output, entry, valueInfo, default);
            }
        }

        output.Write("}"u8);
    }

    private static void WriteArray(ArrayBufferWriter<byte> output, IEnumerable items, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        var itemInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
        var originals = JsonMembers.IsArray(original) ? JsonMembers.ScanArray(original) : null;
        output.Write("["u8);
        var index = 0;
        foreach (var item in items)
        {
            if (index > 0)
            {
                output.Write(","u8);
            }

            var raw = originals is not null && index < originals.Count ? original.Slice(originals[index].Start, originals[index].Length) : default;
            WriteValue(output, item, itemInfo, raw);
            index++;
        }

        output.Write("]"u8);
    }

    private static void WriteElement(ArrayBufferWriter<byte> output, JsonElement element, ReadOnlySpan<byte> original)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            output.Write("null"u8);
        }
        else if (!original.IsEmpty && IsSameElement(element, original))
        {
            WriteOriginal(output, original);
        }
        else
        {
            using var writer = new Utf8JsonWriter(output, NewValueOptions);
            element.WriteTo(writer);
        }
    }

    /// <summary>Writes a member name as the original spelled it (quotes and escapes included).</summary>
    private static void WriteName(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> rawName, ref bool first)
    {
        if (!first)
        {
            output.Write(","u8);
        }

        first = false;
        output.Write(rawName);
        output.Write(":"u8);
    }

    /// <summary>Writes a new member name, escaped only where JSON requires it.</summary>
    private static void WriteName(ArrayBufferWriter<byte> output, string name, ref bool first)
    {
        if (!first)
        {
            output.Write(","u8);
        }

        first = false;
        output.Write("\""u8);
        output.Write(JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        output.Write("\":"u8);
    }

    /// <summary>Writes a value from the original body, without the whitespace between its tokens.</summary>
    private static void WriteOriginal(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> original)
    {
        if (!JsonMinifier.HasInsignificantWhitespace(original))
        {
            output.Write(original);
            return;
        }

        var length = JsonMinifier.Minify(original, output.GetSpan(original.Length));
        output.Advance(length);
    }

    private static bool IsSameLeaf(object value, JsonTypeInfo typeInfo, ReadOnlySpan<byte> original)
    {
        object? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(original, typeInfo);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            return false;
        }

        // An instant written with another offset is a different spelling of the same moment; keep the new one.
        return value is DateTimeOffset instant ? parsed is DateTimeOffset other && instant.EqualsExact(other) : value.Equals(parsed);
    }

    private static bool IsSameElement(JsonElement element, ReadOnlySpan<byte> original)
    {
        var reader = new Utf8JsonReader(original, WebhookJson.ReaderOptions);
        try
        {
            return ValueEquality.JsonEquals(element, JsonElement.ParseValue(ref reader));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int IndexOf(IList<JsonPropertyInfo> properties, string name)
    {
        for (var index = 0; index < properties.Count; index++)
        {
            if (IsWritable(properties[index]) && string.Equals(properties[index].Name, name, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }

    private static bool IsWritable(JsonPropertyInfo property) => property.Get is not null && !property.IsExtensionData;

    private static JsonTypeInfo PropertyTypeInfo(JsonTypeInfo owner, JsonPropertyInfo property) => owner.Options.GetTypeInfo(property.PropertyType);
}
