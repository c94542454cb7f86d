// <!-- snippet: delivery-handler -->: the block is the body of a method that gets the raw request bytes, the signature
// header and the webhook secret, and returns the HTTP status to answer. (No using directives here: the block's own
// must be complete.)
internal static class DeliveryHandler
{
    public static int Handle(byte[] body, string? signatureHeader, string secret)
    {
        /*<snippet>*/
        return 200;
    }
}
