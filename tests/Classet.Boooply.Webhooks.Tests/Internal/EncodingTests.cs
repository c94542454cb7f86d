using Classet.Boooply.Webhooks.Internal.Signatures;

namespace Classet.Boooply.Webhooks.Tests.Internal;

public sealed class EncodingTests
{
    [Fact]
    public void Base64Url_RoundTripsEveryLengthAgainstTheBcl()
    {
        var random = new Random(42);
        for (var length = 0; length < 70; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var expected = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var chars = new char[Base64UrlEncoding.GetEncodedLength(length)];

            var written = Base64UrlEncoding.Encode(bytes, chars);

            new string(chars, 0, written).Should().Be(expected);
            var decoded = new byte[length];
            Base64UrlEncoding.TryDecode(expected, decoded).Should().BeTrue();
            decoded.Should().Equal(bytes);
        }
    }

    [Theory]
    [InlineData("AAAA", 3, true)]
    [InlineData("AAA", 2, true)]
    [InlineData("AAA=", 2, true)]
    [InlineData("AAB", 2, false)]
    [InlineData("AA=A", 2, false)]
    [InlineData("AA", 2, false)]
    [InlineData("A+A", 2, false)]
    [InlineData("A/A", 2, false)]
    [InlineData("é_A", 2, false)]
    public void Base64Url_TryDecode_IsStrict(string text, int length, bool expected)
    {
        Base64UrlEncoding.TryDecode(text, new byte[length]).Should().Be(expected);
    }

    [Theory]
    [InlineData("00ff", true)]
    [InlineData("00FF", true)]
    [InlineData("0g00", false)]
    [InlineData("00f", false)]
    [InlineData("00ff00", false)]
    [InlineData("٠٠ff", false)]
    public void Hex_TryDecode_IsStrict(string text, bool expected)
    {
        HexEncoding.TryDecode(text, new byte[2]).Should().Be(expected);
    }

    [Fact]
    public void Hex_EncodeLower_MatchesTheBcl()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var chars = new char[512];

        HexEncoding.EncodeLower(bytes, chars);

        new string(chars).Should().Be(Convert.ToHexString(bytes).ToLowerInvariant());
    }
}
