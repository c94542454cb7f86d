using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Classet;

/// <summary>One field's change in a <c>candidate.interview.updated</c> delivery, read as a typed value.</summary>
/// <typeparam name="T">The field's type, usually nullable (for example <c>ClassetInterviewOutcome?</c>).</typeparam>
/// <param name="From">The previous value (<c>default</c> when Classet sent <c>null</c> or no <c>from</c>).</param>
/// <param name="To">The new value (<c>default</c> when Classet sent <c>null</c> or no <c>to</c>).</param>
public readonly record struct ClassetChange<T>(T From, T To)
{
    /// <summary>Returns the type name only: the values (an interview summary, say) never appear in <c>ToString()</c>, so logging a change leaks no candidate data.</summary>
    /// <returns><c>ClassetChange { }</c>.</returns>
    public override string ToString() => RecordText.Hidden("ClassetChange");
}
