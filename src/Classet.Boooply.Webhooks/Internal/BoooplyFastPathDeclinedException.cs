namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Thrown by the hand-written Boooply readers when input leaves the shape they handle, so the serializer binds the
/// body again with the generated binder. Never escapes the serializer.
/// </summary>
#pragma warning disable CA1032, CA1064 // Internal control-flow signal, never seen by callers.
internal sealed class BoooplyFastPathDeclinedException : Exception
#pragma warning restore CA1032, CA1064
{
    public BoooplyFastPathDeclinedException()
        : base("The fast Boooply reader declined this input.")
    {
    }
}
