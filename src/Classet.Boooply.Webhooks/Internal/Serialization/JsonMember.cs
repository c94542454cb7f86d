namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// One member of a JSON object as it was written: its unescaped name, where its name's text is (quotes included, escapes
/// as written), and where its value's text is.
/// </summary>
internal readonly record struct JsonMember(string Name, int NameStart, int NameLength, int ValueStart, int ValueLength);
