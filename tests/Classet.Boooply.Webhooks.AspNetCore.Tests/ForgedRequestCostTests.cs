using System.Text;
using Classet.Boooply.Webhooks.AspNetCore.Tests.Infrastructure;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Classet.Boooply.Webhooks.AspNetCore.Tests;

/// <summary>
/// What an unauthenticated sender can make the endpoint spend. A forged delivery (well-formed signature, wrong MAC)
/// with a 1 MiB body of many small values once made the endpoint build and re-serialize a whole JSON tree just to word
/// its Warning log hint (about 80 MiB allocated per request). The endpoint is invoked in-process on a fresh
/// <see cref="DefaultHttpContext"/> whose body is a <see cref="MemoryStream"/>, so the request completes synchronously on
/// the test thread and <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees all of it; the log level is Debug, so
/// the Warning and its hint are really written.
/// </summary>
public sealed class ForgedRequestCostTests(ITestOutputHelper output)
{
    private const int BodySize = 1024 * 1024;
    private const int Iterations = 4;

    [Theory]
    [InlineData("boooply", false)]
    [InlineData("boooply", true)]
    [InlineData("classet", false)]
    [InlineData("classet", true)]
    public async Task InvokeInProcess_ForgedMebibyteOfSmallValuesWithWarningLogs_AllocatesLessThanTwiceTheBodyPerRequest(string vendor, bool canonical)
    {
        var body = SmallValues(BodySize);
        await using var host = vendor == "boooply"
            ? await Hosts.BoooplyAsync(options => options.AllowCanonicalJsonSignatures = canonical)
            : await Hosts.ClassetAsync(options => options.AllowCanonicalJsonSignatures = canonical);
        var path = "/webhooks/" + vendor;
        var endpoint = ((IEndpointRouteBuilder)host.App).DataSources.SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == path).RequestDelegate!;
        var (header, signature) = vendor == "boooply"
            ? (BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(body, "whsec_forger"))
            : (ClassetWebhookHeaders.Signature, ClassetWebhookSigner.Sign(body, "forger"));

        void Post()
        {
            var context = new DefaultHttpContext { RequestServices = host.Services };
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = path;
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Headers[header] = signature;
            context.Request.Body = new MemoryStream(body, writable: false);
            context.Response.Body = Stream.Null;
            var task = endpoint(context);

            // Everything ran on this thread, so the per-thread counter below saw all of it.
            task.IsCompletedSuccessfully.Should().BeTrue("an in-memory body completes the request synchronously");
            context.Response.StatusCode.Should().Be(StatusCodes.Status401Unauthorized);
        }

        for (var i = 0; i < 2; i++)
        {
            Post();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            Post();
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        output.WriteLine($"{vendor}, canonical {canonical}: {perRequest} B allocated per forged {body.Length}-byte request");

        perRequest.Should().BeLessThan(2L * body.Length, "a forged request may cost at most twice its body in allocations");
        var hint = host.Logs.Webhook.Last(e => e.EventId.Id == 3).Message;
        hint.Should().Contain(canonical ? "compact JSON: not checked" : "compact JSON: yes", "the hint is still given");
    }

    /// <summary><c>[0,0,0,…]</c>, exactly <paramref name="size"/> bytes: the shape that makes a tree the most expensive.</summary>
    internal static byte[] SmallValues(int size)
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
