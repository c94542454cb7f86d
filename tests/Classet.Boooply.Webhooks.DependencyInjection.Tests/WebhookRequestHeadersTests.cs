using System.Net.Http.Headers;

namespace Classet.Boooply.Webhooks.DependencyInjection.Tests;

public sealed class WebhookRequestHeadersTests
{
    [Theory]
    [InlineData("X-Boooply-Event")]
    [InlineData("x-boooply-event")]
    [InlineData("X-BOOOPLY-EVENT")]
    public void GetValue_CaseSensitiveDictionary_FindsTheNameInAnyCase(string sentAs)
    {
        var headers = WebhookRequestHeaders.Create(new Dictionary<string, string>(StringComparer.Ordinal) { [sentAs] = "interview.scores" });
        headers.GetValue("X-Boooply-Event").Should().Be("interview.scores");
    }

    [Fact]
    public void GetValue_ListOfPairsWithARepeatedName_JoinsTheValues()
    {
        var headers = WebhookRequestHeaders.Create(new List<KeyValuePair<string, string>> { new("X-A", "1"), new("x-a", "2") });
        headers.GetValue("X-A").Should().Be("1,2");
    }

    [Fact]
    public void GetValue_HttpHeadersWithSeveralValues_JoinsThemAndIgnoresCase()
    {
        using var message = new HttpRequestMessage();
        message.Headers.TryAddWithoutValidation("X-Boooply-Platform", ["custom", "other"]);
        WebhookRequestHeaders.Create(message.Headers).GetValue("x-boooply-platform").Should().Be("custom,other");
        WebhookRequestHeaders.Create(message.Headers).GetValue("X-Boooply-Event").Should().BeNull();
    }

    [Fact]
    public void GetValue_DelegateLookup_UsesTheHostsCollectionAndTreatsEmptyAsMissing()
    {
        var host = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Present"] = "yes", ["X-Empty"] = string.Empty };
        var headers = WebhookRequestHeaders.Create(host, static (source, name) => source.TryGetValue(name, out var value) ? value : null);

        headers.GetValue("x-present").Should().Be("yes");
        headers.GetValue("X-Empty").Should().BeNull();
        headers.GetValue("X-Absent").Should().BeNull();
        host["X-Present"] = "changed";
        headers.GetValue("X-Present").Should().Be("changed", "nothing is copied");
    }

    [Fact]
    public void GetValue_None_FindsNothing()
    {
        WebhookRequestHeaders.None.GetValue("X-Boooply-Signature").Should().BeNull();
        default(WebhookRequestHeaders).GetValue("X-Boooply-Signature").Should().BeNull();
    }

    [Fact]
    public void Create_Null_Throws()
    {
        var pairs = () => WebhookRequestHeaders.Create((IEnumerable<KeyValuePair<string, string>>)null!);
        var multi = () => WebhookRequestHeaders.Create((HttpHeaders)null!);
        var lookup = () => WebhookRequestHeaders.Create<object>(new object(), null!);
        pairs.Should().Throw<ArgumentNullException>();
        multi.Should().Throw<ArgumentNullException>();
        lookup.Should().Throw<ArgumentNullException>();
    }
}
