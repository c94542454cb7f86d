using System.Collections;
using System.Reflection;

namespace Classet.Boooply.Webhooks.Tests.TestSupport;

/// <summary>Walks a parsed event and yields every payload record in it (the event, its data, nested objects and list items).</summary>
internal static class PayloadGraph
{
    public static IEnumerable<object> Records(object root)
    {
        var pending = new Stack<object>([root]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            foreach (var property in current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string))
                {
                    continue;
                }

                var value = property.GetValue(current);
                if (IsRecord(value))
                {
                    pending.Push(value!);
                }
                else if (value is IEnumerable items and not IDictionary and not string)
                {
                    foreach (var item in items)
                    {
                        if (IsRecord(item))
                        {
                            pending.Push(item!);
                        }
                    }
                }
            }

            if (current.GetType().GetProperty("Changes")?.GetValue(current) is IEnumerable changes)
            {
                foreach (var entry in changes)
                {
                    var change = entry.GetType().GetProperty("Value")!.GetValue(entry);
                    if (IsRecord(change))
                    {
                        pending.Push(change!);
                    }
                }
            }
        }
    }

    /// <summary>Every public payload record type of the library.</summary>
    public static IEnumerable<Type> RecordTypes() =>
        typeof(WebhookPayloadException).Assembly.GetExportedTypes().Where(type => type.IsClass && IsRecordType(type));

    private static bool IsRecord(object? value) => value is not null && IsRecordType(value.GetType());

    private static bool IsRecordType(Type type) =>
        type.Namespace is "Classet.Boooply.Webhooks.Boooply" or "Classet.Boooply.Webhooks.Classet"
        && type.GetMethod("<Clone>$") is not null;
}
