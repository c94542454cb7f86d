using System.Text.Json;

namespace Classet.Boooply.Webhooks.Internal.Serialization;

/// <summary>A payload record's unknown members, as <see cref="LosslessJsonWriter"/> reads them.</summary>
internal interface IExtensionDataHolder
{
    IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; }
}
