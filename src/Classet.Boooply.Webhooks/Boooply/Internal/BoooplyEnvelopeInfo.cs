using System.Text.Json;

namespace Classet.Boooply.Webhooks.Boooply.Internal;

/// <summary>What one pass over a Boooply body found at the top level.</summary>
/// <param name="EventType">The last top-level <c>event</c> value when it is a string (the last key wins, as in <c>JSON.parse</c>).</param>
/// <param name="EventToken">The token of that <c>event</c> value, or <see cref="JsonTokenType.None"/> when absent.</param>
/// <param name="DataToken">The first token of the last top-level <c>data</c> value, or <see cref="JsonTokenType.None"/> when absent.</param>
/// <param name="MeetingCodeToken">The token of the last <c>meetingCode</c> in that <c>data</c>, or <see cref="JsonTokenType.None"/> when absent.</param>
internal readonly record struct BoooplyEnvelopeInfo(string? EventType, JsonTokenType EventToken, JsonTokenType DataToken, JsonTokenType MeetingCodeToken);
