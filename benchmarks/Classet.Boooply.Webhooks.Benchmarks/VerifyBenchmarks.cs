using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Classet;

namespace Classet.Boooply.Webhooks.Benchmarks;

/// <summary>
/// <c>Verify</c> for both vendors against two baselines in the same run: the floor (HMAC one-shot plus
/// <c>FixedTimeEquals</c> with the key and expected digest prepared beforehand) and what a user writes by hand from
/// the vendor docs (<c>new HMACSHA256</c>, <c>ComputeHash</c>, an encoded string and <c>==</c>). A third reference,
/// one keyed <see cref="IncrementalHash"/> reused call after call, is what the verifiers once pooled per key: its gap to
/// the floor is what that pooling saved (the verifiers now hold no native context, see HmacSignatureVerifier).
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private byte[] _body = [];
    private string _bodyText = string.Empty;
    private ReadOnlySequence<byte> _sequence;
    private byte[] _key = [];
    private byte[] _expected = [];
    private string _boooplyHeader = string.Empty;
    private string _classetHeader = string.Empty;
    private BoooplyWebhookVerifier _boooply = null!;
    private ClassetWebhookVerifier _classet = null!;
    private IncrementalHash _reused = null!;

    /// <summary>3 KB is a typical evaluation; 1 MB a long transcript.</summary>
    [Params(3 * 1024, 1024 * 1024)]
    public int Size { get; set; }

    /// <summary>Whether the signature matches; rejection must cost no more than acceptance.</summary>
    [Params(true, false)]
    public bool Valid { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = BenchmarkPayloads.Body(Size);
        _bodyText = Encoding.UTF8.GetString(_body);
        _sequence = BenchmarkPayloads.Segmented(_body, 4096);
        _key = Encoding.UTF8.GetBytes(Secret);
        var signingSecret = Valid ? Secret : "whsec_someone_else";
        _boooplyHeader = BoooplyWebhookSigner.Sign(_body, signingSecret);
        _classetHeader = ClassetWebhookSigner.Sign(_body, signingSecret);
        _expected = Convert.FromHexString(_boooplyHeader);
        _boooply = new BoooplyWebhookVerifier(new BoooplyWebhookOptions { SigningSecrets = { Secret } });
        _classet = new ClassetWebhookVerifier(new ClassetWebhookOptions { SigningSecrets = { Secret } });
        _reused = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    [GlobalCleanup]
    public void Cleanup() => _reused.Dispose();

    [Benchmark(Baseline = true, Description = "Floor: HashData + FixedTimeEquals")]
    public bool Floor()
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, hash);
        return CryptographicOperations.FixedTimeEquals(hash, _expected);
    }

    [Benchmark(Description = "Reused keyed IncrementalHash + FixedTimeEquals")]
    public bool ReusedContext()
    {
        Span<byte> hash = stackalloc byte[32];
        _reused.AppendData(_body);
        _reused.GetHashAndReset(hash);
        return CryptographicOperations.FixedTimeEquals(hash, _expected);
    }

    [Benchmark(Description = "By hand from the docs (hex, ==)")]
    public bool HandWrittenHex()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexString(hmac.ComputeHash(_body)).ToLowerInvariant();
        return expected == _boooplyHeader;
    }

    [Benchmark(Description = "By hand from the docs (base64url, ==)")]
    public bool HandWrittenBase64Url()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(_body)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return expected == _classetHeader;
    }

    [Benchmark(Description = "Boooply Verify(span)")]
    public bool BoooplySpan() => _boooply.Verify(_body, _boooplyHeader).IsVerified;

    [Benchmark(Description = "Boooply Verify(sequence)")]
    public bool BoooplySequence() => _boooply.Verify(_sequence, _boooplyHeader).IsVerified;

    [Benchmark(Description = "Boooply Verify(string)")]
    public bool BoooplyString() => _boooply.Verify(_bodyText, _boooplyHeader).IsVerified;

    [Benchmark(Description = "Classet Verify(span)")]
    public bool ClassetSpan() => _classet.Verify(_body, _classetHeader).IsVerified;

    [Benchmark(Description = "Classet Verify(sequence)")]
    public bool ClassetSequence() => _classet.Verify(_sequence, _classetHeader).IsVerified;

    [Benchmark(Description = "Classet Verify(string)")]
    public bool ClassetString() => _classet.Verify(_bodyText, _classetHeader).IsVerified;
}
