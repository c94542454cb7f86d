using System.Globalization;
using Classet.Boooply.Webhooks.Boooply;
using Classet.Boooply.Webhooks.Testing.Internal;

namespace Classet.Boooply.Webhooks.Testing;

/// <summary>
/// A Boooply delivery for tests, with every header Boooply sends: <c>X-Boooply-Signature</c> (hex HMAC-SHA256 of the
/// body, keyed with the whole secret, <c>whsec_</c> included), <c>X-Boooply-Event</c>, <c>X-Boooply-Platform:
/// custom</c>, <c>X-Boooply-Meeting-Id</c> (from the body's <c>event</c> and <c>data.meetingCode</c>) and
/// <c>Authorization: Bearer &lt;secret&gt;</c>. The <c>With…</c> methods return a changed copy for the cases a receiver
/// must handle.
/// </summary>
public sealed class BoooplyTestDelivery : WebhookTestDelivery
{
    /// <summary>The value of <c>X-Boooply-Platform</c> in Boooply's header table.</summary>
    public const string DefaultPlatform = "custom";

    private const string WrongSecret = "whsec_not-the-configured-secret";

    private readonly TestDeliverySettings _settings;
    private readonly bool _withoutAuthorization;

    internal BoooplyTestDelivery(TestDeliverySettings settings, bool withoutAuthorization = false)
        : base(WebhookVendorNames.Boooply, settings.SentBody(), BuildHeaders(settings, withoutAuthorization))
    {
        _settings = settings;
        _withoutAuthorization = withoutAuthorization;
    }

    /// <summary>Returns a forged copy: signed, and its bearer token set, with a secret that is not the configured one. A receiver answers 401.</summary>
    /// <returns>A new delivery.</returns>
    public BoooplyTestDelivery WithWrongSecret() => new(_settings with { SignWithWrongSecret = true }, _withoutAuthorization);

    /// <summary>Returns a copy without <c>X-Boooply-Signature</c>. A receiver answers 401.</summary>
    /// <returns>A new delivery.</returns>
    public BoooplyTestDelivery WithoutSignature() => new(_settings with { Unsigned = true }, _withoutAuthorization);

    /// <summary>Returns a copy without <c>Authorization</c>; a receiver with <c>RequireBearerToken</c> answers 401.</summary>
    /// <returns>A new delivery.</returns>
    public BoooplyTestDelivery WithoutAuthorization() => new(_settings, withoutAuthorization: true);

    /// <summary>
    /// Returns a copy whose body was pretty-printed after Boooply signed it (<c>JSON.stringify(obj, null, 2)</c>), as a
    /// proxy, a logging middleware or a test tool might. The signature still covers the compact body, so a receiver
    /// answers 401 unless it allows canonical JSON signatures.
    /// </summary>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The body is not JSON, so it cannot be re-serialized.</exception>
    public BoooplyTestDelivery PrettyPrinted() => new(_settings.Reformatted(TestBodyFormat.Indented), _withoutAuthorization);

    /// <summary>
    /// Returns a copy whose body was re-serialized by Python after Boooply signed it:
    /// <c>json.dumps(obj, separators=(',', ':'))</c>, which escapes every non-ASCII character (<c>José</c> becomes
    /// <c>Jos\u00e9</c>) and spells floats its own way. The signature still covers Boooply's compact body. Without
    /// non-ASCII text or floats the two forms are the same bytes, so put some in (a candidate named <c>José Núñez</c>)
    /// to see a receiver without canonical JSON signatures answer 401.
    /// </summary>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The body is not JSON, so it cannot be re-serialized.</exception>
    public BoooplyTestDelivery ReserializedByPython() => new(_settings.Reformatted(TestBodyFormat.Python), _withoutAuthorization);

    /// <summary>
    /// Returns a copy whose signed <c>data.timestamp</c> is <paramref name="timestamp"/> (written as JavaScript's
    /// <c>toISOString()</c> does, in UTC with milliseconds), signed again as Boooply would have signed it.
    /// </summary>
    /// <param name="timestamp">The instant.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The delivery was built from raw bytes, or its body has no <c>data</c> object.</exception>
    public BoooplyTestDelivery WithTimestamp(DateTimeOffset timestamp)
    {
        if (!_settings.FromEvent)
        {
            throw new InvalidOperationException("A delivery built from raw bytes is sent as it is; build it from an event to change its timestamp.");
        }

        var root = TestJsonParser.Parse(_settings.SignedBody, nameof(timestamp));
        var data = root.Get("data");
        if (data is not { Kind: TestJsonKind.Object })
        {
            throw new InvalidOperationException("The body has no data object to carry a timestamp.");
        }

        data.Set("timestamp", TestJsonValue.String(timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
        return new(_settings with { SignedBody = TestJsonWriter.WriteJavaScript(root, indented: false) }, _withoutAuthorization);
    }

    /// <summary>
    /// Returns a copy that Boooply signed <paramref name="age"/> ago: a captured delivery replayed later. Its
    /// <c>data.timestamp</c> is now minus <paramref name="age"/> and its signature is valid, so only a replay window
    /// (<c>MaxEventAge</c>) rejects it. A negative age makes a timestamp in the future.
    /// </summary>
    /// <param name="age">How long ago Boooply produced the event.</param>
    /// <param name="timeProvider">The clock that says what now is; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The delivery was built from raw bytes, or its body has no <c>data</c> object.</exception>
    public BoooplyTestDelivery WithStaleTimestamp(TimeSpan age, TimeProvider? timeProvider = null) =>
        WithTimestamp((timeProvider ?? TimeProvider.System).GetUtcNow() - age);

    /// <summary>
    /// Returns a copy whose <c>data.timestamp</c> is now, for receivers with a replay window (<c>MaxEventAge</c>): the
    /// documented examples carry Boooply's fixed example time.
    /// </summary>
    /// <param name="timeProvider">The clock that says what now is; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="InvalidOperationException">The delivery was built from raw bytes, or its body has no <c>data</c> object.</exception>
    public BoooplyTestDelivery WithCurrentTimestamp(TimeProvider? timeProvider = null) =>
        WithTimestamp((timeProvider ?? TimeProvider.System).GetUtcNow());

    /// <summary>Returns a copy with a header set (replacing Boooply's own of that name) or, when <paramref name="value"/> is <see langword="null"/>, removed.</summary>
    /// <param name="name">The header name, such as <c>X-Boooply-Event</c> (unsigned: the body's <c>event</c> wins).</param>
    /// <param name="value">The value, or <see langword="null"/> to remove the header.</param>
    /// <returns>A new delivery.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public BoooplyTestDelivery WithHeader(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(_settings.WithHeader(name, value), _withoutAuthorization);
    }

    private static List<KeyValuePair<string, string>> BuildHeaders(TestDeliverySettings settings, bool withoutAuthorization)
    {
        var secret = settings.EffectiveSecret(WrongSecret);
        var (eventType, meetingCode) = ReadRouting(settings.SignedBody);
        var headers = new List<KeyValuePair<string, string>>(5);
        if (!settings.Unsigned)
        {
            headers.Add(new(BoooplyWebhookHeaders.Signature, BoooplyWebhookSigner.Sign(settings.SignedBody, secret)));
        }

        if (eventType is not null)
        {
            headers.Add(new(BoooplyWebhookHeaders.Event, eventType));
        }

        headers.Add(new(BoooplyWebhookHeaders.Platform, DefaultPlatform));
        if (meetingCode is not null)
        {
            headers.Add(new(BoooplyWebhookHeaders.MeetingId, meetingCode));
        }

        if (!withoutAuthorization)
        {
            headers.Add(new(BoooplyWebhookHeaders.Authorization, "Bearer " + secret));
        }

        return settings.ApplyHeaderChanges(headers);
    }

    // Boooply copies event and data.meetingCode into headers; a body of another shape simply goes without them.
    private static (string? EventType, string? MeetingCode) ReadRouting(byte[] body)
    {
        TestJsonValue root;
        try
        {
            root = TestJsonParser.Parse(body, nameof(body));
        }
        catch (ArgumentException)
        {
            return (null, null);
        }

        if (root.Kind != TestJsonKind.Object)
        {
            return (null, null);
        }

        var eventType = root.Get("event") is { Kind: TestJsonKind.String } e ? e.Text : null;
        var meetingCode = root.Get("data") is { Kind: TestJsonKind.Object } data && data.Get("meetingCode") is { Kind: TestJsonKind.String } m ? m.Text : null;
        return (eventType, meetingCode);
    }
}
