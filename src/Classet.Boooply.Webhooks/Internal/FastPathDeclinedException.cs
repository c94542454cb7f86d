namespace Classet.Boooply.Webhooks.Internal;

/// <summary>
/// Thrown by the hand-written readers (<see cref="BoooplyFastReader"/>, <see cref="ClassetFastReader"/>) when input
/// leaves the shape they handle, so the serializer binds the body again with the generated binder. Never escapes the
/// serializer.
/// </summary>
#pragma warning disable CA1032, CA1064 // Internal control-flow signal, never seen by callers.
internal sealed class FastPathDeclinedException : Exception
#pragma warning restore CA1032, CA1064
{
    public FastPathDeclinedException()
        : base("The fast reader declined this input.")
    {
    }
}
