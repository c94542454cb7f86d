namespace Classet.Boooply.Webhooks.DependencyInjection.Internal;

/// <summary>Thrown by <see cref="PooledBodyWriter"/> when a body source asks for more space than the limit allows.</summary>
internal sealed class BodyLimitExceededException : Exception
{
    public BodyLimitExceededException()
        : base("The request body is larger than MaxRequestBodySize.")
    {
    }

    public BodyLimitExceededException(string message)
        : base(message)
    {
    }

    public BodyLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
