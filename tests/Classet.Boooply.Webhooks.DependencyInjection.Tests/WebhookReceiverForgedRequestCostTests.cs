using System.Text;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

/// <summary>
/// What an unauthenticated sender can make the host-agnostic receiver spend. A forged delivery (well-formed signature,
/// wrong MAC) with a 1 MiB body of many small values once made the pipeline build and re-serialize a whole JSON tree just
/// to word its Warning hint (about 80 MiB allocated per request; the hint was skipped only above 1 MiB). The body goes
/// in as a <see cref="MemoryStream"/>, read into the pipeline's pooled buffer as a host's would be, so the request
/// completes synchronously on this thread and <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees all of it. Logging
/// is on at Trace, so the Warning and its hint are really formatted.
/// </summary>
public sealed class WebhookReceiverForgedRequestCostTests(ITestOutputHelper output)
{
    private const int BodySize = 1024 * 1024;
    private const int Iterations = 4;

    [Theory]
    [InlineData("boooply", false)]
    [InlineData("boooply", true)]
    [InlineData("classet", false)]
    [InlineData("classet", true)]
    public void ReceiveAsync_ForgedMebibyteOfSmallValuesWithWarningLogs_AllocatesLessThanTwiceTheBodyPerRequest(string vendor, bool canonical)
    {
        var body = SmallValues(BodySize);
        var logs = new CapturingLoggerProvider();
        using var provider = ReceiverServices.Build(
            services =>
            {
                if (vendor == "boooply")
                {
                    services.AddBoooply(options => options.AllowCanonicalJsonSignatures = canonical);
                }
                else
                {
                    services.AddClasset(options => options.AllowCanonicalJsonSignatures = canonical);
                }
            },
            logs);
        WebhookReceiver receiver = vendor == "boooply"
            ? provider.GetRequiredService<BoooplyWebhookReceiver>()
            : provider.GetRequiredService<ClassetWebhookReceiver>();
        var headers = vendor == "boooply"
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["x-boooply-signature"] = BoooplyWebhookSigner.Sign(body, "whsec_forger") }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["x-classet-webhook-signature"] = ClassetWebhookSigner.Sign(body, "forger") };

        // No assertion library inside the measured loop: its objects would be counted too.
        void Receive()
        {
            var pending = receiver.ReceiveAsync(WebhookRequestHeaders.Create(headers), new MemoryStream(body, writable: false), body.Length);
            if (!pending.IsCompletedSuccessfully || pending.Result.Outcome != WebhookReceiveOutcome.Unauthorized)
            {
                throw new InvalidOperationException("A forged in-memory delivery should be refused (401) synchronously, on this thread.");
            }
        }

        for (var i = 0; i < 2; i++)
        {
            Receive();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            Receive();
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        output.WriteLine($"{vendor}, canonical {canonical}: {perRequest} B allocated per forged {body.Length}-byte request");

        perRequest.Should().BeLessThan(2L * body.Length, "a forged request may cost at most twice its body in allocations");
        logs.Records.Where(r => r.EventId.Id == 3).Should().HaveCount(2 + Iterations)
            .And.AllSatisfy(r => r.Message.Should().Contain(canonical ? "compact JSON: not checked" : "compact JSON: yes", "the hint is still given, at this size too"));
    }

    /// <summary><c>[0,0,0,…]</c>, exactly <paramref name="size"/> bytes: the shape that makes a tree the most expensive.</summary>
    private static byte[] SmallValues(int size)
    {
        var builder = new StringBuilder(size).Append('[');
        while (builder.Length < size - 3)
        {
            builder.Append("0,");
        }

        builder.Append(builder.Length == size - 3 ? "10]" : "0]");
        var bytes = Encoding.ASCII.GetBytes(builder.ToString());
        bytes.Length.Should().Be(size);
        return bytes;
    }
}
