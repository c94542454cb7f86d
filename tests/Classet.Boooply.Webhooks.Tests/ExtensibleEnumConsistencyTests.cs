using System.Reflection;
using Classet.Boooply.Webhooks.Internal.Serialization;

namespace Classet.Boooply.Webhooks.Tests;

/// <summary>Every extensible enum of both vendors has the same shape: one rule, checked on all of them.</summary>
public sealed class ExtensibleEnumConsistencyTests
{
    public static TheoryData<Type> Enums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(WebhookPayloadException).Assembly.GetExportedTypes())
        {
            if (type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWebhookStringEnum<>)))
            {
                data.Add(type);
            }
        }

        return data;
    }

    [Fact]
    public void Enums_BothVendorsHaveThem()
    {
        var names = ((IEnumerable<object[]>)Enums()).Select(row => ((Type)row[0]).Name).ToList();

        names.Should().HaveCount(12).And.Contain(["BoooplyRecommendation", "ClassetInterviewOutcome"]);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Conversions_TakeANonNullableString(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var implicitOperator = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == "op_Implicit");
        var fromString = type.GetMethod("FromString", BindingFlags.Public | BindingFlags.Static)!;
        var constructor = type.GetConstructor([typeof(string)])!;

        foreach (var parameter in new[] { implicitOperator.GetParameters().Single(), fromString.GetParameters().Single(), constructor.GetParameters().Single() })
        {
            parameter.ParameterType.Should().Be<string>(type.Name);
            nullability.Create(parameter).WriteState.Should().Be(NullabilityState.NotNull, $"{type.Name}.{parameter.Member.Name} takes string, not string?");
        }

        implicitOperator.ReturnType.Should().Be(type);
        fromString.ReturnType.Should().Be(type);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Equality_IsOrdinalAndCaseSensitive(Type type)
    {
        var fromString = type.GetMethod("FromString", BindingFlags.Public | BindingFlags.Static)!;
        var upper = fromString.Invoke(null, ["Value_X"]);
        var lower = fromString.Invoke(null, ["value_x"]);
        var same = fromString.Invoke(null, ["Value_X"]);

        upper.Should().NotBe(lower, type.Name);
        upper.Should().Be(same, type.Name);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void KnownValues_AreKnownAndNoOtherSpellingIs(Type type)
    {
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!).ToList();

        known.Should().NotBeEmpty(type.Name);
        foreach (var value in known)
        {
            ((bool)type.GetProperty("IsKnown")!.GetValue(value)!).Should().BeTrue();
            var text = (string)type.GetProperty("Value")!.GetValue(value)!;
            var otherCase = text.Any(char.IsUpper) ? text.ToLowerInvariant() : text.ToUpperInvariant();
            var respelled = type.GetMethod("FromString")!.Invoke(null, [otherCase])!;
            ((bool)type.GetProperty("IsKnown")!.GetValue(respelled)!).Should().BeFalse($"{type.Name} compares ordinally, so {otherCase} is not {text}");
        }
    }
}
