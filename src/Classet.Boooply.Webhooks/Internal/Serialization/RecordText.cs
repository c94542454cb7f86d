using System.Text;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>
/// What payload records print from <c>ToString()</c>: their type name and, for events, the identifiers a log line needs
/// (event type, meeting code). Nothing else from a body, because records end up in logs and bodies carry candidates'
/// personal data. Even an identifier is text from the body, so it is shown only when it looks like one.
/// </summary>
internal static class RecordText
{
    /// <summary>What stands in for an identifier that is not shown.</summary>
    public const string NotShown = "(not shown)";

    private const int MaxIdentifierLength = 64;

    /// <summary>For example <c>BoooplyScores { }</c>.</summary>
    public static string Hidden(string typeName) => typeName + " { }";

    /// <summary>For example <c>BoooplyEvaluationEvent { EventType = interview.evaluation, MeetingCode = Boooply-AI-1 }</c>.</summary>
    public static string Describe(string typeName, params ReadOnlySpan<(string Name, string? Value)> identifiers)
    {
        var builder = new StringBuilder(typeName).Append(" { ");
        for (var index = 0; index < identifiers.Length; index++)
        {
            builder.Append(index == 0 ? string.Empty : ", ").Append(identifiers[index].Name).Append(" = ").Append(Identifier(identifiers[index].Value));
        }

        return builder.Append(identifiers.Length == 0 ? "}" : " }").ToString();
    }

    /// <summary>
    /// The value when it is a plain identifier (1 to 64 ASCII letters, digits and <c>._:-</c>), which is how the vendors'
    /// event types and meeting codes look; otherwise <see cref="NotShown"/>, so free text from a body never reaches a log.
    /// </summary>
    public static string Identifier(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.Length == 0)
        {
            return "(empty)";
        }

        if (value.Length > MaxIdentifierLength)
        {
            return NotShown;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-'))
            {
                return NotShown;
            }
        }

        return value;
    }
}
