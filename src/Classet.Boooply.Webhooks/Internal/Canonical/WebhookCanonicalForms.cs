namespace Classet.Boooply.Webhooks.Internal.Canonical;

/// <summary>The re-serializations of a JSON body a vendor's reference receivers sign.</summary>
[Flags]
internal enum WebhookCanonicalForms
{
    /// <summary>Only the raw body is accepted.</summary>
    None = 0,

    /// <summary>JavaScript's <c>JSON.stringify(JSON.parse(body))</c>.</summary>
    JavaScript = 1,

    /// <summary>Python's <c>json.dumps(json.loads(body), separators=(',', ':'))</c>.</summary>
    Python = 2,

    /// <summary>What Classet's documented receiver computes.</summary>
    Classet = JavaScript,

    /// <summary>What Boooply's documented receivers (Node and Python) compute.</summary>
    Boooply = JavaScript | Python,
}
